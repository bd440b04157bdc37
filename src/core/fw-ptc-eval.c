/* fw-ptc-eval.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures the loaded-language detector against professional annotators:
 * the Propaganda Techniques Corpus (PTC) of SemEval-2020 Task 11, "Detection
 * of Propaganda Techniques in News Articles" (Da San Martino et al., 2020),
 * scored with the partial-overlap precision, recall and F1 of its span
 * identification subtask. Only lexicon categories that correspond to a PTC
 * class are scored: emotive, dehumanising, delegitimising and euphemistic
 * terms as Loaded_Language, name-calling and labels as
 * Name_Calling,Labeling. Boosters and contested names are not propaganda
 * techniques in PTC and are left out. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "fw-ptc-eval.h"

G_DEFINE_QUARK (fw-ptc-error-quark, fw_ptc_error)

/**
 * fw_ptc_parse_labels:
 * @tsv: the labels file: one span a line, `ID TECHNIQUE START END`
 *   separated by tabs, START inclusive and END exclusive in code points
 * @length: length of @tsv in bytes
 * @error: return location for an #FwPtcError
 *
 * Reads a PTC labels file. Empty lines are skipped.
 *
 * Returns: (transfer full) (element-type FwPtcSpan) (nullable): the spans
 *   in file order, or %NULL with %FW_PTC_ERROR_INVALID_LABELS naming the
 *   first bad line
 */
GArray *
fw_ptc_parse_labels (const char  *tsv,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (FwPtcSpan));
  g_autofree char *copy = g_strndup (tsv, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      char *line = lines[i];
      FwPtcSpan span;
      char *end_start = NULL, *end_end = NULL;
      guint64 start, end;

      g_strchomp (line);
      if (line[0] == '\0')
        continue;

      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) != 4)
        goto bad;

      start = g_ascii_strtoull (fields[2], &end_start, 10);
      end = g_ascii_strtoull (fields[3], &end_end, 10);
      if (fields[0][0] == '\0' || fields[1][0] == '\0' || *end_start != '\0' || *end_end != '\0'
          || fields[2][0] == '\0' || fields[3][0] == '\0' || start > end || end > G_MAXUINT)
        goto bad;

      span.article = g_intern_string (fields[0]);
      span.technique = g_intern_string (fields[1]);
      span.start = (guint) start;
      span.end = (guint) end;
      g_array_append_val (spans, span);
      continue;

    bad:
      g_set_error (error, FW_PTC_ERROR, FW_PTC_ERROR_INVALID_LABELS,
                   _("Line %u of the labels file is not “ID TECHNIQUE START END” separated by "
                     "tabs"), i + 1);
      return NULL;
    }

  return g_steal_pointer (&spans);
}

static gboolean
counted (const FwPtcSpan    *span,
         const char * const *techniques)
{
  for (guint i = 0; techniques[i] != NULL; i++)
    if (g_str_equal (span->technique, techniques[i]))
      return span->end > span->start;
  return FALSE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const FwPtcSpan *x = a, *y = b;
  int order = strcmp (x->article, y->article);

  if (order != 0)
    return order;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static GArray *
select_spans (const FwPtcSpan    *spans,
              guint               n,
              const char * const *techniques)
{
  GArray *selected = g_array_new (FALSE, FALSE, sizeof (FwPtcSpan));

  for (guint i = 0; i < n; i++)
    if (counted (&spans[i], techniques))
      g_array_append_val (selected, spans[i]);
  g_array_sort (selected, compare_spans);

  return selected;
}

/* Σ over spans s of @a, Σ over spans t of @b in the same article (and of
 * the same technique when @same_technique), of |s∩t| / |s|. Both are
 * sorted by article and start. */
static double
overlap_sum (GArray   *a,
             GArray   *b,
             gboolean  same_technique)
{
  double sum = 0.0;
  guint first_b = 0;

  for (guint i = 0; i < a->len; i++)
    {
      const FwPtcSpan *s = &g_array_index (a, FwPtcSpan, i);

      while (first_b < b->len && strcmp (g_array_index (b, FwPtcSpan, first_b).article,
                                         s->article) < 0)
        first_b++;

      for (guint j = first_b; j < b->len; j++)
        {
          const FwPtcSpan *t = &g_array_index (b, FwPtcSpan, j);
          guint lo, hi;

          if (t->article != s->article)
            break;
          if (t->start >= s->end)
            break;
          if (same_technique && t->technique != s->technique)
            continue;
          lo = MAX (s->start, t->start);
          hi = MIN (s->end, t->end);
          if (hi > lo)
            sum += (double) (hi - lo) / (s->end - s->start);
        }
    }

  return sum;
}

/**
 * fw_ptc_score:
 * @predicted: (array length=n_predicted): predicted spans
 * @n_predicted: number of @predicted
 * @gold: (array length=n_gold): gold spans
 * @n_gold: number of @gold
 * @techniques: (array zero-terminated=1): the technique classes to score;
 *   spans of other classes are left out of both sides
 * @same_technique: %TRUE to give credit only where a predicted and a gold
 *   span have the same class, %FALSE to treat all of @techniques as one
 *   class
 * @score: (out caller-allocates): the score
 *
 * Scores span identification as SemEval-2020 Task 11 does (Da San Martino
 * et al., 2020): a predicted span s and a gold span t of the same article
 * earn credit in proportion to their overlap. Precision is the sum over
 * predicted s and gold t of |s∩t|/|s|, divided by the number of predicted
 * spans; recall the sum of |s∩t|/|t| divided by the number of gold spans;
 * F1 their harmonic mean. With no predicted spans precision is 0, with no
 * gold spans recall is 0. Empty spans are ignored.
 */
void
fw_ptc_score (const FwPtcSpan    *predicted,
              guint               n_predicted,
              const FwPtcSpan    *gold,
              guint               n_gold,
              const char * const *techniques,
              gboolean            same_technique,
              FwPtcScore         *score)
{
  g_autoptr(GArray) s = NULL;
  g_autoptr(GArray) t = NULL;
  g_autofree const char **interned = NULL;
  guint n;

  g_return_if_fail (techniques != NULL);
  g_return_if_fail (score != NULL);

  /* Techniques compare as interned strings. */
  n = g_strv_length ((char **) techniques);
  interned = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    interned[i] = g_intern_string (techniques[i]);

  s = select_spans (predicted, n_predicted, interned);
  t = select_spans (gold, n_gold, interned);

  score->n_predicted = s->len;
  score->n_gold = t->len;
  score->precision = s->len > 0 ? overlap_sum (s, t, same_technique) / s->len : 0.0;
  score->recall = t->len > 0 ? overlap_sum (t, s, same_technique) / t->len : 0.0;
  score->f1 = score->precision + score->recall > 0.0
              ? 2.0 * score->precision * score->recall / (score->precision + score->recall)
              : 0.0;
}

/**
 * fw_ptc_technique_for:
 * @kind: the annotation kind
 * @category_id: the lexicon category id of the term
 *
 * Maps a lexicon category to a PTC technique class: ids that mention
 * name-calling or labels map to `Name_Calling,Labeling`; emotive,
 * dehumanising, delegitimising, euphemism and loaded-language ids to
 * `Loaded_Language`. Contested names, boosters and any other category are
 * not propaganda-technique classes and map to nothing.
 *
 * Returns: (nullable): the technique, or %NULL when the category is not
 *   scored
 */
const char *
fw_ptc_technique_for (FwAnnotationKind  kind,
                      const char       *category_id)
{
  static const char * const name_calling[] = { "name-calling", "name calling", "label", NULL };
  static const char * const loaded[] = {
    "emotive", "dehumanis", "dehumaniz", "delegitimis", "delegitimiz", "euphemis", "loaded",
    NULL
  };
  g_autofree char *id = NULL;

  if (kind != FW_ANNOTATION_LOADED_TERM || category_id == NULL)
    return NULL;

  id = g_ascii_strdown (category_id, -1);
  for (guint i = 0; name_calling[i] != NULL; i++)
    if (strstr (id, name_calling[i]) != NULL)
      return FW_PTC_NAME_CALLING;
  for (guint i = 0; loaded[i] != NULL; i++)
    if (strstr (id, loaded[i]) != NULL)
      return FW_PTC_LOADED_LANGUAGE;

  return NULL;
}

/**
 * fw_ptc_predict_article:
 * @analyzer: an analyzer
 * @article: the article id
 * @text: the article file's contents, UTF-8; a byte-order mark is not
 *   analysed but counts as the file's first code point, as it does in the
 *   corpus's gold offsets (they are counted from the start of the file)
 * @length: length of @text in bytes
 * @error: return location for an #FwTextError
 *
 * Runs lexicon matching on one article, read as plain text (see
 * fw_text_new_plain()), and keeps the terms whose category maps to a PTC
 * class (see fw_ptc_technique_for()).
 *
 * Returns: (transfer full) (element-type FwPtcSpan) (nullable): the
 *   predicted spans, or %NULL with @error set when @text is not UTF-8
 */
GArray *
fw_ptc_predict_article (FwAnalyzer  *analyzer,
                        const char  *article,
                        const char  *text,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(FwText) fw_text = NULL;
  g_autoptr(FwAnalysis) analysis = NULL;
  GArray *spans;
  GPtrArray *annotations;
  guint shift = 0;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
      shift = 1;
    }

  fw_text = fw_text_new_plain (text, (gssize) length, error);
  if (fw_text == NULL)
    return NULL;

  analysis = fw_analyzer_analyze (analyzer, fw_text, FW_ANALYSIS_LEXICON, NULL, error);
  if (analysis == NULL)
    return NULL;

  spans = g_array_new (FALSE, FALSE, sizeof (FwPtcSpan));
  annotations = fw_analysis_get_annotations (analysis);
  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);
      const char *technique = fw_ptc_technique_for (a->kind,
                                                    fw_analysis_get_category_id (analysis, i));
      FwPtcSpan span;

      if (technique == NULL)
        continue;
      span.article = g_intern_string (article);
      span.technique = g_intern_string (technique);
      span.start = a->start + shift;
      span.end = a->end + shift;
      g_array_append_val (spans, span);
    }

  return spans;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * fw_ptc_predict_directory:
 * @analyzer: an analyzer
 * @directory: a folder of `article<ID>.txt` files
 * @articles: (out) (optional) (transfer full) (element-type utf8 utf8):
 *   the article ids read, as a set of interned strings
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Runs fw_ptc_predict_article() on every article of @directory.
 *
 * Returns: (transfer full) (element-type FwPtcSpan) (nullable): all
 *   predicted spans, or %NULL with @error set: a #GIOError when the
 *   folder or a file cannot be read, %FW_PTC_ERROR_NO_ARTICLES when it
 *   has no articles, an #FwTextError for an article that is not UTF-8
 */
GArray *
fw_ptc_predict_directory (FwAnalyzer    *analyzer,
                          GFile         *directory,
                          GHashTable   **articles,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (FwPtcSpan));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  while (TRUE)
    {
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      if (g_str_has_prefix (name, "article") && g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (names, g_strdup (name));
    }

  if (names->len == 0)
    {
      g_autofree char *path = g_file_get_parse_name (directory);

      g_set_error (error, FW_PTC_ERROR, FW_PTC_ERROR_NO_ARTICLES,
                   _("%s has no article files (article<ID>.txt)"), path);
      return NULL;
    }

  /* A fixed order keeps the results reproducible. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_get_child (directory, name);
      g_autofree char *contents = NULL;
      g_autofree char *id = g_strndup (name + strlen ("article"),
                                       strlen (name) - strlen ("article") - strlen (".txt"));
      g_autoptr(GArray) spans = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
        return NULL;

      spans = fw_ptc_predict_article (analyzer, id, contents, length, &local_error);
      if (spans == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
          return NULL;
        }
      g_array_append_vals (all, spans->data, spans->len);
      g_hash_table_add (seen, (gpointer) g_intern_string (id));
    }

  if (articles != NULL)
    *articles = g_steal_pointer (&seen);

  return g_steal_pointer (&all);
}
