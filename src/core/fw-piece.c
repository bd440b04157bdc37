/* fw-piece.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "fw-piece.h"
#include "fw-selector.h"
#include "fw-utf8.h"

/* The most paragraphs a piece may have; together with the 1 MiB string
 * limit this bounds a piece's text. */
#define MAX_PARAGRAPHS 100000

struct _FwPiece
{
  GObject parent_instance;

  char *id;
  char *title;
  char **paragraphs;
  GArray *paragraph_starts;
  char *text;
  guint length;
  FwUtf8Index *index;
  GPtrArray *contributors;
  FwOutlet *outlet;
  char *published;
  FwConfidence published_confidence;
  char *published_note;
  char *url;
  char *image_credit;
  char *image_credit_note;
  FwConfidence image_credit_confidence;
  char *perspective_note;
  char *teacher_note;
  GPtrArray *annotations;
};

G_DEFINE_FINAL_TYPE (FwPiece, fw_piece, G_TYPE_OBJECT)

static void
fw_piece_finalize (GObject *object)
{
  FwPiece *self = (FwPiece *) object;

  g_free (self->id);
  g_free (self->title);
  g_strfreev (self->paragraphs);
  g_clear_pointer (&self->paragraph_starts, g_array_unref);
  g_clear_pointer (&self->index, fw_utf8_index_free);
  g_free (self->text);
  g_clear_pointer (&self->contributors, g_ptr_array_unref);
  g_clear_pointer (&self->outlet, fw_outlet_free);
  g_free (self->published);
  g_free (self->published_note);
  g_free (self->url);
  g_free (self->image_credit);
  g_free (self->image_credit_note);
  g_free (self->perspective_note);
  g_free (self->teacher_note);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_piece_parent_class)->finalize (object);
}

static void
fw_piece_class_init (FwPieceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_piece_finalize;
}

static void
fw_piece_init (FwPiece *self)
{
  self->contributors = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_contributor_free);
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_annotation_free);
  self->paragraph_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->published_confidence = FW_CONFIDENCE_NOT_STATED;
}

static void
set_paragraphs (FwPiece    *self,
                char      **paragraphs)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint offset = 0;
  gsize n_bytes;

  self->paragraphs = paragraphs;
  g_array_set_size (self->paragraph_starts, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      if (i > 0)
        {
          g_string_append_c (text, '\n');
          offset++;
        }
      n_bytes = strlen (paragraphs[i]);
      g_array_append_val (self->paragraph_starts, offset);
      g_string_append_len (text, paragraphs[i], (gssize) n_bytes);
      offset += (guint) fw_utf8_count_chars (paragraphs[i], n_bytes);
    }

  n_bytes = text->len;
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  self->length = offset;
  self->index = fw_utf8_index_new (self->text, n_bytes);
}

/**
 * fw_piece_new:
 * @id: the piece id
 * @title: the piece title
 * @paragraphs: (array zero-terminated=1): the paragraphs, valid UTF-8
 *
 * Creates a piece with text and no provenance, as for a plain-text file
 * given to `framewise analyze`. Its text is @paragraphs joined by U+000A.
 *
 * Returns: (transfer full): a new piece
 */
FwPiece *
fw_piece_new (const char         *id,
              const char         *title,
              const char * const *paragraphs)
{
  FwPiece *self = g_object_new (FW_TYPE_PIECE, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  set_paragraphs (self, g_strdupv ((char **) paragraphs));

  return self;
}

static gboolean
parse_iso_date (const char *s)
{
  /* The three ISO 8601 calendar-date shapes the format allows, 'd' standing
   * for a digit. Checking the shape first refuses "2023-9-1" or "20-3-09",
   * which a scanf() pattern would read as some other date. */
  static const char * const shapes[] = { "dddd", "dddd-dd", "dddd-dd-dd", NULL };
  g_autoptr(GDateTime) dt = NULL;
  gsize len = strlen (s);
  gboolean shaped = FALSE;
  int y, m = 1, d = 1;

  for (guint i = 0; shapes[i] != NULL && !shaped; i++)
    {
      if (strlen (shapes[i]) != len)
        continue;

      shaped = TRUE;
      for (gsize j = 0; j < len && shaped; j++)
        shaped = shapes[i][j] == 'd' ? g_ascii_isdigit (s[j]) : s[j] == '-';
    }

  if (!shaped)
    return FALSE;

  y = (int) g_ascii_strtoull (s, NULL, 10);
  if (len >= 7)
    m = (int) g_ascii_strtoull (s + 5, NULL, 10);
  if (len == 10)
    d = (int) g_ascii_strtoull (s + 8, NULL, 10);

  if (y < 1)
    return FALSE;

  /* GDateTime refuses month 13 and 30 February. */
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return dt != NULL;
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return fw_annotation_compare (*(FwAnnotation * const *) a, *(FwAnnotation * const *) b);
}

/* The member of an annotation that a selector error is about, so that the
 * diagnostic points at the value to change: a position that does not fit
 * the text is its "end" when only the end is past the text, and its
 * "start" otherwise (a start not before the end, or a start past the
 * text); a quote that is not found, or not where the position says, is
 * its "exact". */
static const char *
selector_member (const GError *error,
                 const char   *exact,
                 gint64        start,
                 gint64        end,
                 gsize         length)
{
  if (g_error_matches (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_OUT_OF_RANGE))
    return start < end && (guint64) start <= length ? "end" : "start";

  if (exact != NULL)
    return "exact";

  return NULL;
}

static void
parse_annotations (FwPiece     *self,
                   FwValidator *validator,
                   JsonArray   *array)
{
  static const char * const known[] = {
    "id", "kind", "category", "note", "neutral", "frame", "exact", "prefix", "suffix",
    "start", "end", "status", NULL
  };
  static const char * const statuses[] = { "reviewed", "suggested", NULL };
  gsize text_bytes = fw_utf8_index_get_n_bytes (self->index);

  fw_validator_push_member (validator, "annotations");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = fw_validator_element_object (validator, array, i);
      g_autoptr(GError) error = NULL;
      const char *category, *note, *exact, *prefix, *suffix;
      gint64 start = -1, end = -1;
      guint rstart, rend;
      gboolean searchable, by_position, positions_read;
      int kind;
      FwAnnotation *annotation;

      if (object == NULL)
        continue;

      fw_validator_push_index (validator, i);
      fw_validator_check_members (validator, object, known);

      kind = fw_validator_get_enum (validator, object, "kind", TRUE, fw_annotation_kind_nicks, -1);
      category = fw_validator_get_string (validator, object, "category", TRUE);
      note = fw_validator_get_string (validator, object, "note", TRUE);
      exact = fw_validator_get_string (validator, object, "exact", FALSE);
      prefix = fw_validator_get_string (validator, object, "prefix", FALSE);
      suffix = fw_validator_get_string (validator, object, "suffix", FALSE);
      positions_read = fw_validator_get_int (validator, object, "start", FALSE, 0, G_MAXUINT32,
                                             &start)
                       || !json_object_has_member (object, "start");
      positions_read &= fw_validator_get_int (validator, object, "end", FALSE, 0, G_MAXUINT32,
                                              &end)
                        || !json_object_has_member (object, "end");

      /* "framewise --new-pack" marks automatic annotations as suggestions
       * for the author to review; a pack should not reach students with
       * any left. */
      if (fw_validator_get_enum (validator, object, "status", FALSE, statuses, 0) == 1)
        fw_validator_report (validator, FW_SEVERITY_WARNING, "status",
                             _("This annotation is an automatic suggestion: check it against "
                               "the text, then delete “status” or set it to “reviewed”"));

      if (exact == NULL && (prefix != NULL || suffix != NULL))
        fw_validator_report (validator, FW_SEVERITY_ERROR, NULL,
                             _("“prefix” and “suffix” need an “exact” quote"));

      /* Past the pack's search budget (reported once), selectors go
       * unchecked and their annotations unused. A quote alone is searched
       * for in the whole text; a position is checked where it points, and
       * the text is searched only when that check fails (to say whether the
       * quote is elsewhere), so that search is charged after the fact. */
      by_position = start >= 0 && end >= 0;
      /* A "start" or "end" that is not a usable number has been reported;
       * resolving the selector without it would report the same mistake
       * again, as a quote or position that does not fit. */
      if (!positions_read)
        searchable = FALSE;
      else if (start >= 0 && end < 0)
        {
          fw_validator_report (validator, FW_SEVERITY_ERROR, "start",
                               _("“start” needs an “end”: give both, or neither"));
          searchable = FALSE;
        }
      else if (end >= 0 && start < 0)
        {
          fw_validator_report (validator, FW_SEVERITY_ERROR, "end",
                               _("“end” needs a “start”: give both, or neither"));
          searchable = FALSE;
        }
      else
        searchable = fw_validator_spend_search (validator, by_position ? 0 : text_bytes);

      if (searchable && !fw_selector_resolve (self->text, self->length, self->index, exact, prefix,
                                              suffix, start, end, &rstart, &rend, &error))
        {
          const char *member = selector_member (error, exact, start, end, self->length);

          if (by_position)
            fw_validator_spend_search (validator, text_bytes);

          fw_validator_report (validator, FW_SEVERITY_ERROR, member, "%s", error->message);
        }
      else if (searchable && kind >= 0 && category != NULL && note != NULL)
        {
          annotation = fw_annotation_new ((FwAnnotationKind) kind, FW_SOURCE_PACK, rstart, rend,
                                          category, note);
          annotation->neutral = g_strdup (fw_validator_get_string (validator, object, "neutral",
                                                                   FALSE));
          annotation->frame = g_strdup (fw_validator_get_string (validator, object, "frame",
                                                                 FALSE));
          g_ptr_array_add (self->annotations, annotation);
        }

      fw_validator_pop (validator);
    }
  fw_validator_pop (validator);

  g_ptr_array_sort (self->annotations, compare_annotations);
}

/**
 * fw_piece_parse:
 * @validator: a validator positioned at the piece object
 * @object: a piece object of a pack
 *
 * Reads a piece with its provenance and resolves its annotations'
 * selectors against its text. Every problem is reported to @validator:
 * missing fields, invalid dates, selectors that match nowhere or
 * ambiguously, more than %FW_MAX_ANNOTATIONS_PER_PIECE annotations.
 *
 * Returns: (transfer full) (nullable): the piece, or %NULL when its id,
 *   title or paragraphs are missing or invalid
 */
FwPiece *
fw_piece_parse (FwValidator *validator,
                JsonObject  *object)
{
  static const char * const known[] = {
    "id", "title", "paragraphs", "contributors", "outlet", "published", "published_confidence",
    "published_note", "url", "image_credit", "image_credit_note", "image_credit_confidence",
    "perspective_note", "teacher_note", "annotations", NULL
  };
  g_autoptr(FwPiece) self = g_object_new (FW_TYPE_PIECE, NULL);
  JsonArray *paragraphs, *contributors, *annotations;
  JsonObject *outlet;
  char **strv;
  int confidence;

  fw_validator_check_members (validator, object, known);

  self->id = g_strdup (fw_validator_get_string (validator, object, "id", TRUE));
  self->title = g_strdup (fw_validator_get_string (validator, object, "title", TRUE));

  /* The array is checked once for its presence, type and length; only then
   * are its strings read, so that each problem is reported once. */
  paragraphs = fw_validator_get_array (validator, object, "paragraphs", TRUE, MAX_PARAGRAPHS);
  strv = NULL;
  if (paragraphs != NULL && json_array_get_length (paragraphs) == 0)
    fw_validator_report (validator, FW_SEVERITY_ERROR, "paragraphs",
                         _("A piece needs at least one paragraph"));
  else if (paragraphs != NULL)
    strv = fw_validator_get_strv (validator, object, "paragraphs", TRUE);
  set_paragraphs (self, strv ? strv : g_new0 (char *, 1));

  contributors = fw_validator_get_array (validator, object, "contributors", FALSE, 1000);
  if (contributors != NULL)
    {
      fw_validator_push_member (validator, "contributors");
      for (guint i = 0; i < json_array_get_length (contributors); i++)
        {
          JsonObject *c = fw_validator_element_object (validator, contributors, i);
          FwContributor *contributor;

          if (c == NULL)
            continue;

          fw_validator_push_index (validator, i);
          contributor = fw_contributor_parse (validator, c);
          if (contributor != NULL)
            g_ptr_array_add (self->contributors, contributor);
          fw_validator_pop (validator);
        }
      fw_validator_pop (validator);
    }

  outlet = fw_validator_get_object (validator, object, "outlet", FALSE);
  if (outlet != NULL)
    {
      fw_validator_push_member (validator, "outlet");
      self->outlet = fw_outlet_parse (validator, outlet);
      fw_validator_pop (validator);
    }

  self->published = g_strdup (fw_validator_get_string (validator, object, "published", FALSE));
  if (self->published != NULL && !parse_iso_date (self->published))
    {
      fw_validator_report (validator, FW_SEVERITY_ERROR, "published",
                           _("“%s” is not an ISO 8601 date; write YYYY-MM-DD, YYYY-MM or YYYY"),
                           self->published);
      g_clear_pointer (&self->published, g_free);
    }
  confidence = fw_validator_get_enum (validator, object, "published_confidence", FALSE,
                                      fw_confidence_nicks,
                                      self->published ? FW_CONFIDENCE_CONFIRMED
                                                      : FW_CONFIDENCE_NOT_STATED);
  self->published_confidence = (FwConfidence) confidence;
  self->published_note = g_strdup (fw_validator_get_string (validator, object, "published_note",
                                                            FALSE));
  self->url = g_strdup (fw_validator_get_url (validator, object, "url"));
  self->image_credit = g_strdup (fw_validator_get_string (validator, object, "image_credit",
                                                          FALSE));
  self->image_credit_note = g_strdup (fw_validator_get_string (validator, object,
                                                               "image_credit_note", FALSE));
  confidence = fw_validator_get_enum (validator, object, "image_credit_confidence", FALSE,
                                      fw_confidence_nicks,
                                      self->image_credit ? FW_CONFIDENCE_UNCONFIRMED
                                                         : FW_CONFIDENCE_NOT_STATED);
  self->image_credit_confidence = (FwConfidence) confidence;
  self->perspective_note = g_strdup (fw_validator_get_string (validator, object,
                                                              "perspective_note", FALSE));
  self->teacher_note = g_strdup (fw_validator_get_string (validator, object, "teacher_note",
                                                          FALSE));

  annotations = fw_validator_get_array (validator, object, "annotations", FALSE,
                                        FW_MAX_ANNOTATIONS_PER_PIECE);
  if (annotations != NULL && strv != NULL)
    parse_annotations (self, validator, annotations);

  if (self->id == NULL || self->title == NULL || strv == NULL || strv[0] == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fw_piece_get_id:
 * @self: a piece
 *
 * Returns: (transfer none): the piece's id, unique within its pack
 */
const char *
fw_piece_get_id (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->id;
}

/**
 * fw_piece_get_title:
 * @self: a piece
 *
 * Returns: (transfer none): the title as published
 */
const char *
fw_piece_get_title (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->title;
}

/**
 * fw_piece_get_text:
 * @self: a piece
 *
 * Returns: (transfer none): the piece text: its paragraphs joined by
 *   U+000A, the text every offset counts into
 */
const char *
fw_piece_get_text (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->text;
}

/**
 * fw_piece_get_length:
 * @self: a piece
 *
 * Returns: the length of the piece text in Unicode code points
 */
guint
fw_piece_get_length (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), 0);
  return self->length;
}

/**
 * fw_piece_get_utf8_index:
 * @self: a piece
 *
 * Gives the index of the piece text that converts its code-point offsets
 * to byte offsets and back without walking from its start, for
 * fw_selector_resolve() and for copying spans.
 *
 * Returns: (transfer none): the index of fw_piece_get_text(), which lives
 *   as long as @self
 */
const FwUtf8Index *
fw_piece_get_utf8_index (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->index;
}

/**
 * fw_piece_get_n_paragraphs:
 * @self: a piece
 *
 * Returns: the number of paragraphs
 */
guint
fw_piece_get_n_paragraphs (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), 0);
  return self->paragraph_starts->len;
}

/**
 * fw_piece_get_paragraph:
 * @self: a piece
 * @index: 0-based paragraph index
 *
 * Returns: (transfer none): paragraph @index
 */
const char *
fw_piece_get_paragraph (FwPiece *self,
                        guint    index)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  g_return_val_if_fail (index < self->paragraph_starts->len, NULL);
  return self->paragraphs[index];
}

/**
 * fw_piece_get_paragraph_start:
 * @self: a piece
 * @index: 0-based paragraph index
 *
 * Returns: the code-point offset of paragraph @index in the piece text
 */
guint
fw_piece_get_paragraph_start (FwPiece *self,
                              guint    index)
{
  g_return_val_if_fail (FW_IS_PIECE (self), 0);
  g_return_val_if_fail (index < self->paragraph_starts->len, 0);
  return g_array_index (self->paragraph_starts, guint, index);
}

/**
 * fw_piece_get_contributors:
 * @self: a piece
 *
 * Returns: (transfer none) (element-type FwContributor): the byline, in
 *   the pack's order; empty when the pack says nothing
 */
GPtrArray *
fw_piece_get_contributors (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->contributors;
}

/**
 * fw_piece_dup_author_names:
 * @self: a piece
 *
 * Joins the names of the piece's authors for a one-line summary, e.g.
 * "David Akopyan, Hrair Balian". Authors whose name is not stated are
 * left out.
 *
 * Returns: (transfer full) (nullable): the names, or %NULL when no author
 *   is named
 */
char *
fw_piece_dup_author_names (FwPiece *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (FW_IS_PIECE (self), NULL);

  for (guint i = 0; i < self->contributors->len; i++)
    {
      const FwContributor *c = g_ptr_array_index (self->contributors, i);

      if (c->role == FW_ROLE_AUTHOR && c->name != NULL)
        g_strv_builder_add (builder, c->name);
    }

  names = g_strv_builder_end (builder);
  if (names[0] == NULL)
    return NULL;

  /* TRANSLATORS: separates author names in a list, e.g. "A. Author, B. Author" */
  return g_strjoinv (_(", "), names);
}

/**
 * fw_piece_get_outlet:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): the outlet, or %NULL when not stated
 */
const FwOutlet *
fw_piece_get_outlet (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->outlet;
}

/**
 * fw_piece_get_published:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): the ISO 8601 date (`YYYY-MM-DD`,
 *   `YYYY-MM` or `YYYY`), or %NULL when not stated
 */
const char *
fw_piece_get_published (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->published;
}

/**
 * fw_piece_get_published_confidence:
 * @self: a piece
 *
 * Returns: how sure the pack is of the date
 */
FwConfidence
fw_piece_get_published_confidence (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), FW_CONFIDENCE_NOT_STATED);
  return self->published_confidence;
}

/**
 * fw_piece_get_published_note:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): what is known about the date
 */
const char *
fw_piece_get_published_note (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->published_note;
}

/**
 * fw_piece_format_published:
 * @self: a piece
 *
 * Formats the publication date for the current locale with GDateTime:
 * a full date, a month and year, or a year, as precise as the pack.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when not stated
 */
char *
fw_piece_format_published (FwPiece *self)
{
  g_autoptr(GDateTime) dt = NULL;
  int y = 0, m = 1, d = 1;
  gsize len;

  g_return_val_if_fail (FW_IS_PIECE (self), NULL);

  if (self->published == NULL)
    return NULL;

  len = strlen (self->published);
  sscanf (self->published, "%d-%d-%d", &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (self->published);

  if (len == 4)
    return g_strdup_printf ("%d", y);
  if (len == 7)
    /* TRANSLATORS: a month and year, in g_date_time_format() syntax: %B is
     * the month name as written with a day, %OB the month name standing
     * alone (nominative in Polish or Ukrainian), %Y the year */
    return g_date_time_format (dt, _("%B %Y"));

  /* TRANSLATORS: a full date, in g_date_time_format() syntax: %-d is the
   * day without padding, %B the month name as written with a day (genitive
   * in Polish or Ukrainian), %OB the month name standing alone, %Y the year */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/**
 * fw_piece_get_url:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): where the piece was found
 */
const char *
fw_piece_get_url (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->url;
}

/**
 * fw_piece_get_image_credit:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): the image credit as received, or
 *   %NULL when not stated
 */
const char *
fw_piece_get_image_credit (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->image_credit;
}

/**
 * fw_piece_get_image_credit_note:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): why the image's source matters
 */
const char *
fw_piece_get_image_credit_note (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->image_credit_note;
}

/**
 * fw_piece_get_image_credit_confidence:
 * @self: a piece
 *
 * Returns: how sure the pack is of the image credit
 */
FwConfidence
fw_piece_get_image_credit_confidence (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), FW_CONFIDENCE_NOT_STATED);
  return self->image_credit_confidence;
}

/**
 * fw_piece_get_perspective_note:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): whose side the piece argues
 */
const char *
fw_piece_get_perspective_note (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->perspective_note;
}

/**
 * fw_piece_get_teacher_note:
 * @self: a piece
 *
 * Returns: (transfer none) (nullable): the note shown in teacher mode
 */
const char *
fw_piece_get_teacher_note (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->teacher_note;
}

/**
 * fw_piece_get_annotations:
 * @self: a piece
 *
 * Returns: (transfer none) (element-type FwAnnotation): the pack's
 *   annotations, resolved and sorted with fw_annotation_compare()
 */
GPtrArray *
fw_piece_get_annotations (FwPiece *self)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  return self->annotations;
}

/**
 * fw_piece_dup_span_text:
 * @self: a piece
 * @start: first code point
 * @end: code point after the span, at most fw_piece_get_length()
 *
 * Returns: (transfer full): the text of the span [@start, @end)
 */
char *
fw_piece_dup_span_text (FwPiece *self,
                        guint    start,
                        guint    end)
{
  g_return_val_if_fail (FW_IS_PIECE (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  return fw_utf8_index_dup_substring (self->index, start, end);
}
