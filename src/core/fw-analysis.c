/* fw-analysis.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The result of an automatic analysis: highlights with their reasons,
 * sentence labels and the frame profile. The analyzer fills it in a worker
 * thread; after that it does not change, so the UI can read it from the
 * main thread. */

#include "config.h"

#include "fw-analysis-private.h"

typedef struct
{
  FwAnnotation *annotation;
  const char *category_id;
} Entry;

struct _FwAnalysis
{
  GObject parent_instance;

  FwText *text;
  FwAnalysisFlags flags;
  GArray *entries;          /* Entry, while the analysis is built */
  GPtrArray *annotations;   /* FwAnnotation, once finished */
  GPtrArray *category_ids;  /* const char *, parallel to annotations */
  GPtrArray *sentences;     /* FwSentence */
  FwFrameProfile *profile;
};

G_DEFINE_FINAL_TYPE (FwAnalysis, fw_analysis, G_TYPE_OBJECT)

static void
fw_analysis_finalize (GObject *object)
{
  FwAnalysis *self = (FwAnalysis *) object;

  g_clear_object (&self->text);
  if (self->entries != NULL)
    {
      for (guint i = 0; i < self->entries->len; i++)
        fw_annotation_free (g_array_index (self->entries, Entry, i).annotation);
      g_array_unref (self->entries);
    }
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->category_ids, g_ptr_array_unref);
  g_clear_pointer (&self->sentences, g_ptr_array_unref);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (fw_analysis_parent_class)->finalize (object);
}

static void
fw_analysis_class_init (FwAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_analysis_finalize;
}

static void
fw_analysis_init (FwAnalysis *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_sentence_free);
}

/*< private >
 * fw_analysis_new:
 * @text: the analysed text
 * @flags: the stages that run
 *
 * Returns: (transfer full): an empty analysis for the analyzer to fill
 */
FwAnalysis *
fw_analysis_new (FwText          *text,
                 FwAnalysisFlags  flags)
{
  FwAnalysis *self = g_object_new (FW_TYPE_ANALYSIS, NULL);

  self->text = g_object_ref (text);
  self->flags = flags;

  return self;
}

/*< private >
 * fw_analysis_add_annotation:
 * @self: an analysis being built
 * @annotation: (transfer full): an automatic annotation
 * @category_id: an untranslated category id that lives as long as the
 *   program (a static or interned string)
 */
void
fw_analysis_add_annotation (FwAnalysis   *self,
                            FwAnnotation *annotation,
                            const char   *category_id)
{
  Entry entry = { annotation, category_id };

  g_return_if_fail (self->entries != NULL);
  g_array_append_val (self->entries, entry);
}

/*< private >
 * fw_analysis_take_sentences:
 * @self: an analysis being built
 * @sentences: (transfer full) (element-type FwSentence): sentence results
 */
void
fw_analysis_take_sentences (FwAnalysis *self,
                            GPtrArray  *sentences)
{
  g_clear_pointer (&self->sentences, g_ptr_array_unref);
  self->sentences = sentences;
}

/*< private >
 * fw_analysis_set_frame_profile:
 * @self: an analysis being built
 * @profile: the frame profile
 */
void
fw_analysis_set_frame_profile (FwAnalysis     *self,
                               FwFrameProfile *profile)
{
  g_set_object (&self->profile, profile);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  int order = fw_annotation_compare (x->annotation, y->annotation);

  if (order != 0)
    return order;
  return g_strcmp0 (x->category_id, y->category_id);
}

/*< private >
 * fw_analysis_finish:
 * @self: an analysis being built
 *
 * Orders the annotations; the analysis is complete after this.
 */
void
fw_analysis_finish (FwAnalysis *self)
{
  g_return_if_fail (self->entries != NULL);

  g_array_sort (self->entries, compare_entries);
  self->annotations = g_ptr_array_new_full (self->entries->len,
                                            (GDestroyNotify) fw_annotation_free);
  self->category_ids = g_ptr_array_new_full (self->entries->len, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      g_ptr_array_add (self->annotations, entry->annotation);
      g_ptr_array_add (self->category_ids, (gpointer) entry->category_id);
    }
  g_clear_pointer (&self->entries, g_array_unref);
}

/**
 * fw_analysis_get_text:
 * @self: an analysis
 *
 * Returns: (transfer none): the text that was analysed; annotation offsets
 *   are code points into it
 */
FwText *
fw_analysis_get_text (FwAnalysis *self)
{
  g_return_val_if_fail (FW_IS_ANALYSIS (self), NULL);
  return self->text;
}

/**
 * fw_analysis_get_flags:
 * @self: an analysis
 *
 * The stages that ran. A stage that was asked for does not run when the
 * language has no data for it (no cue words, no frames).
 *
 * Returns: the stages that ran
 */
FwAnalysisFlags
fw_analysis_get_flags (FwAnalysis *self)
{
  g_return_val_if_fail (FW_IS_ANALYSIS (self), 0);
  return self->flags;
}

/**
 * fw_analysis_get_annotations:
 * @self: an analysis
 *
 * The automatic highlights, each with the reason it exists in its `note`:
 * lexicon terms (source %FW_SOURCE_LEXICON; kind loaded-term or
 * contested-name, with the lexicon's explanation and neutral wording),
 * frame cues (source %FW_SOURCE_DETECTOR, kind frame-cue, with the frame
 * id), flagged unsupported assertions spanning their sentence and
 * attributions spanning the source and its verb (source
 * %FW_SOURCE_DETECTOR, with the rationale; attributions name the
 * `speaker`). Ordered by fw_annotation_compare().
 *
 * Returns: (transfer none) (element-type FwAnnotation): the annotations
 */
GPtrArray *
fw_analysis_get_annotations (FwAnalysis *self)
{
  g_return_val_if_fail (FW_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (self->annotations != NULL, NULL);
  return self->annotations;
}

/**
 * fw_analysis_get_category_id:
 * @self: an analysis
 * @index: an index into fw_analysis_get_annotations()
 *
 * The untranslated category id of an annotation, for programs: for a
 * lexicon term the lexicon's category id (e.g. `name-calling`), for a frame
 * cue the frame id, for the detector's annotations one of
 * `statistic-without-source`, `unnamed-source`,
 * `sweeping-generalisation`, `claim-without-evidence`, `named-source`,
 * `earlier-source` (a pronoun such as "he said"), `quotation`,
 * `cited-source`.
 *
 * Returns: (transfer none): the category id
 */
const char *
fw_analysis_get_category_id (FwAnalysis *self,
                             guint       index)
{
  g_return_val_if_fail (FW_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (self->category_ids != NULL, NULL);
  g_return_val_if_fail (index < self->category_ids->len, NULL);
  return g_ptr_array_index (self->category_ids, index);
}

/**
 * fw_analysis_get_n_sentences:
 * @self: an analysis
 *
 * Returns: the number of sentence results; 0 when the assertion stage did
 *   not run
 */
guint
fw_analysis_get_n_sentences (FwAnalysis *self)
{
  g_return_val_if_fail (FW_IS_ANALYSIS (self), 0);
  return self->sentences->len;
}

/**
 * fw_analysis_get_sentence:
 * @self: an analysis
 * @index: a sentence index, less than fw_analysis_get_n_sentences()
 *
 * Returns: (transfer none): the result for sentence @index, in text order
 */
const FwSentence *
fw_analysis_get_sentence (FwAnalysis *self,
                          guint       index)
{
  g_return_val_if_fail (FW_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);
  return g_ptr_array_index (self->sentences, index);
}

/**
 * fw_analysis_get_frame_profile:
 * @self: an analysis
 *
 * Returns: (transfer none) (nullable): the frame profile, or %NULL when
 *   the frame stage did not run
 */
FwFrameProfile *
fw_analysis_get_frame_profile (FwAnalysis *self)
{
  g_return_val_if_fail (FW_IS_ANALYSIS (self), NULL);
  return self->profile;
}

typedef struct
{
  guint start;
  guint end;
} Interval;

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const Interval *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static int
compare_annotation_pointers (gconstpointer a,
                             gconstpointer b)
{
  return fw_annotation_compare (*(FwAnnotation * const *) a, *(FwAnnotation * const *) b);
}

/* Whether [start, end) overlaps an interval of @sorted, whose @max_end[i]
 * is the largest end among the first i + 1 intervals. */
static gboolean
overlaps_any (GArray      *sorted,
              const guint *max_end,
              guint        start,
              guint        end)
{
  guint lo = 0, hi = sorted->len;

  /* The intervals that start before @end. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (sorted, Interval, mid).start < end)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 && max_end[lo - 1] > start;
}

/**
 * fw_analysis_merge_annotations:
 * @self: an analysis
 * @teacher: (element-type FwAnnotation) (nullable): the pack's annotations
 *   of the same text (fw_piece_get_annotations())
 *
 * Merges the automatic annotations with a teacher's: every teacher
 * annotation is kept, and an automatic one is kept only when it overlaps
 * no teacher annotation of the same kind, so that where both flag the same
 * passage the teacher's reason is the one shown. Automatic annotations of
 * other kinds are kept alongside.
 *
 * Returns: (transfer full) (element-type FwAnnotation): a new array of
 *   copies, ordered by fw_annotation_compare()
 */
GPtrArray *
fw_analysis_merge_annotations (FwAnalysis *self,
                               GPtrArray  *teacher)
{
  g_autoptr(GPtrArray) merged = NULL;
  GArray *by_kind[FW_N_ANNOTATION_KINDS];
  guint *max_end[FW_N_ANNOTATION_KINDS];

  g_return_val_if_fail (FW_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (self->annotations != NULL, NULL);

  merged = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_annotation_free);

  for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
    by_kind[k] = g_array_new (FALSE, FALSE, sizeof (Interval));

  for (guint i = 0; teacher != NULL && i < teacher->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (teacher, i);
      Interval interval = { a->start, a->end };

      g_ptr_array_add (merged, fw_annotation_copy (a));
      if ((guint) a->kind < FW_N_ANNOTATION_KINDS)
        g_array_append_val (by_kind[a->kind], interval);
    }

  for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
    {
      guint running = 0;

      g_array_sort (by_kind[k], compare_intervals);
      max_end[k] = g_new (guint, MAX (by_kind[k]->len, 1));
      for (guint i = 0; i < by_kind[k]->len; i++)
        {
          running = MAX (running, g_array_index (by_kind[k], Interval, i).end);
          max_end[k][i] = running;
        }
    }

  for (guint i = 0; i < self->annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (!overlaps_any (by_kind[a->kind], max_end[a->kind], a->start, a->end))
        g_ptr_array_add (merged, fw_annotation_copy (a));
    }

  for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
    {
      g_array_unref (by_kind[k]);
      g_free (max_end[k]);
    }

  g_ptr_array_sort (merged, compare_annotation_pointers);

  return g_steal_pointer (&merged);
}
