/* fw-class-summary.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-class-summary.h"
#include "fw-json-read.h"
#include "fw-work-store.h"

/* A teacher's view of several JSON hand-ins of one pack: per step, how
 * many students answered, their mean score, and which key spans were
 * missed most often. It reads the results the students' Framewise wrote
 * into each hand-in. */

G_DEFINE_QUARK (fw-class-summary-error-quark, fw_class_summary_error)

struct _FwClassSummary
{
  GObject parent_instance;

  char *pack_id;
  char *pack_title;
  GPtrArray *students;
  GPtrArray *steps;
  /* Running sums per step, parallel to @steps. */
  GArray *sums;
};

G_DEFINE_FINAL_TYPE (FwClassSummary, fw_class_summary, G_TYPE_OBJECT)

static void
missed_span_free (FwMissedSpan *span)
{
  g_free (span->text);
  g_free (span->reason);
  g_free (span);
}

static void
summary_step_free (FwSummaryStep *step)
{
  g_free (step->exercise_id);
  g_free (step->exercise_title);
  g_free (step->kind);
  g_free (step->title);
  g_clear_pointer (&step->missed, g_ptr_array_unref);
  g_free (step);
}

static void
fw_class_summary_finalize (GObject *object)
{
  FwClassSummary *self = (FwClassSummary *) object;

  g_free (self->pack_id);
  g_free (self->pack_title);
  g_clear_pointer (&self->students, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->sums, g_array_unref);

  G_OBJECT_CLASS (fw_class_summary_parent_class)->finalize (object);
}

static void
fw_class_summary_class_init (FwClassSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_class_summary_finalize;
}

static void
fw_class_summary_init (FwClassSummary *self)
{
  self->students = g_ptr_array_new_with_free_func (g_free);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_step_free);
  self->sums = g_array_new (FALSE, TRUE, sizeof (double));
}

/**
 * fw_class_summary_new:
 *
 * Returns: (transfer full): an empty class summary
 */
FwClassSummary *
fw_class_summary_new (void)
{
  return g_object_new (FW_TYPE_CLASS_SUMMARY, NULL);
}

static guint
find_step (FwClassSummary *self,
           const char     *exercise_id,
           const char     *exercise_title,
           guint           index,
           JsonObject     *step)
{
  FwSummaryStep *s;
  double zero = 0.0;

  for (guint i = 0; i < self->steps->len; i++)
    {
      s = g_ptr_array_index (self->steps, i);
      if (s->index == index && g_strcmp0 (s->exercise_id, exercise_id) == 0)
        return i;
    }

  s = g_new0 (FwSummaryStep, 1);
  s->exercise_id = g_strdup (exercise_id);
  s->exercise_title = g_strdup (exercise_title != NULL ? exercise_title : exercise_id);
  s->index = index;
  s->kind = g_strdup (fw_json_member_string (step, "kind"));
  s->title = g_strdup (fw_json_member_string (step, "title"));
  s->mean_score = -1.0;
  s->missed = g_ptr_array_new_with_free_func ((GDestroyNotify) missed_span_free);
  g_ptr_array_add (self->steps, s);
  g_array_append_val (self->sums, zero);

  return self->steps->len - 1;
}

static void
count_missed (FwSummaryStep *s,
              JsonArray     *missed)
{
  for (guint i = 0; i < json_array_get_length (missed); i++)
    {
      JsonObject *span = fw_json_element_object (missed, i);
      const char *text = span != NULL ? fw_json_member_string (span, "text") : NULL;
      gint64 start = span != NULL ? fw_json_member_int (span, "start", -1) : -1;
      FwMissedSpan *found = NULL;

      if (text == NULL)
        continue;

      /* The same words at another place are another key span. */
      for (guint k = 0; k < s->missed->len && found == NULL; k++)
        {
          FwMissedSpan *m = g_ptr_array_index (s->missed, k);

          if (m->start == start && g_str_equal (m->text, text))
            found = m;
        }

      if (found == NULL)
        {
          found = g_new0 (FwMissedSpan, 1);
          found->start = start;
          found->text = g_strdup (text);
          found->reason = g_strdup (fw_json_member_string (span, "reason"));
          g_ptr_array_add (s->missed, found);
        }
      found->count++;
    }
}

static int
missed_compare (gconstpointer a,
                gconstpointer b)
{
  const FwMissedSpan *x = *(FwMissedSpan * const *) a;
  const FwMissedSpan *y = *(FwMissedSpan * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->text, y->text);
}

/**
 * fw_class_summary_add_data:
 * @self: a class summary
 * @data: (array length=length): a JSON hand-in (see fw_work_store_to_json())
 * @length: length of @data in bytes
 * @error: return location for a #GError
 *
 * Adds one student's hand-in. Every step she checked counts towards its
 * step's mean (scored kinds only) and every key span she missed towards
 * its count.
 *
 * Returns: %TRUE when added; %FALSE with a #FwWorkStoreError for a file
 *   that is not a hand-in, %FW_CLASS_SUMMARY_ERROR_OTHER_PACK for work on
 *   another pack, %FW_CLASS_SUMMARY_ERROR_DUPLICATE for a student added
 *   before; the summary is then unchanged
 */
gboolean
fw_class_summary_add_data (FwClassSummary *self,
                           const char     *data,
                           gsize           length,
                           GError        **error)
{
  g_autoptr(JsonObject) work = NULL;
  JsonObject *pack;
  JsonArray *exercises;
  const char *student, *pack_id;

  g_return_val_if_fail (FW_IS_CLASS_SUMMARY (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  work = fw_work_parse (data, length, error);
  if (work == NULL)
    return FALSE;

  student = fw_json_member_string (work, "student");
  pack = fw_json_member_object (work, "pack");
  pack_id = fw_json_member_string (pack, "id");

  if (self->pack_id != NULL && !g_str_equal (self->pack_id, pack_id))
    {
      g_set_error (error, FW_CLASS_SUMMARY_ERROR, FW_CLASS_SUMMARY_ERROR_OTHER_PACK,
                   _("%s’s work is on the pack “%s”, not on “%s”"), student,
                   fw_json_member_string (pack, "title") != NULL
                   ? fw_json_member_string (pack, "title") : pack_id,
                   self->pack_title);
      return FALSE;
    }

  for (guint i = 0; i < self->students->len; i++)
    if (g_str_equal (g_ptr_array_index (self->students, i), student))
      {
        g_set_error (error, FW_CLASS_SUMMARY_ERROR, FW_CLASS_SUMMARY_ERROR_DUPLICATE,
                     _("Work by %s has been added already"), student);
        return FALSE;
      }

  if (self->pack_id == NULL)
    {
      self->pack_id = g_strdup (pack_id);
      self->pack_title = g_strdup (fw_json_member_string (pack, "title") != NULL
                                   ? fw_json_member_string (pack, "title") : pack_id);
    }
  g_ptr_array_add (self->students, g_strdup (student));

  exercises = fw_json_member_array (work, "exercises");
  for (guint e = 0; e < json_array_get_length (exercises); e++)
    {
      JsonObject *exercise = fw_json_element_object (exercises, e);
      JsonArray *steps = exercise != NULL ? fw_json_member_array (exercise, "steps") : NULL;
      const char *exercise_id = exercise != NULL ? fw_json_member_string (exercise, "id") : NULL;

      if (steps == NULL || exercise_id == NULL)
        continue;

      for (guint i = 0; i < json_array_get_length (steps); i++)
        {
          JsonObject *step = fw_json_element_object (steps, i);
          JsonObject *result = step != NULL ? fw_json_member_object (step, "result") : NULL;
          gint64 index = step != NULL ? fw_json_member_int (step, "index", -1) : -1;
          FwSummaryStep *s;
          guint k;
          double score;

          if (result == NULL || index < 0 || index > G_MAXINT)
            continue;

          k = find_step (self, exercise_id, fw_json_member_string (exercise, "title"),
                         (guint) index, step);
          s = g_ptr_array_index (self->steps, k);
          if (!fw_json_member_boolean (step, "checked", FALSE))
            continue;

          s->n_checked++;
          score = fw_json_member_double (result, "score", -1.0);
          if (score >= 0.0 && score <= 1.0)
            {
              g_array_index (self->sums, double, k) += score;
              s->n_scored++;
              s->mean_score = g_array_index (self->sums, double, k) / s->n_scored;
            }
          if (fw_json_member_array (result, "missed") != NULL)
            {
              count_missed (s, fw_json_member_array (result, "missed"));
              g_ptr_array_sort (s->missed, missed_compare);
            }
        }
    }

  return TRUE;
}

/**
 * fw_class_summary_add_file:
 * @self: a class summary
 * @file: a JSON hand-in
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file and adds it with fw_class_summary_add_data(). Errors name
 * the file.
 *
 * Returns: %TRUE when added
 */
gboolean
fw_class_summary_add_file (FwClassSummary  *self,
                           GFile           *file,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (FW_IS_CLASS_SUMMARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;

  if (fw_class_summary_add_data (self, contents, length, &local_error))
    return TRUE;

  name = g_file_get_basename (file);
  /* TRANSLATORS: a file name and what is wrong with it */
  g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), name,
               local_error->message);
  return FALSE;
}

/**
 * fw_class_summary_get_n_students:
 * @self: a class summary
 *
 * Returns: the number of hand-ins added
 */
guint
fw_class_summary_get_n_students (FwClassSummary *self)
{
  g_return_val_if_fail (FW_IS_CLASS_SUMMARY (self), 0);
  return self->students->len;
}

/**
 * fw_class_summary_get_student:
 * @self: a class summary
 * @index: below fw_class_summary_get_n_students()
 *
 * Returns: (transfer none): the name of the @index-th student added
 */
const char *
fw_class_summary_get_student (FwClassSummary *self,
                              guint           index)
{
  g_return_val_if_fail (FW_IS_CLASS_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->students->len, NULL);
  return g_ptr_array_index (self->students, index);
}

/**
 * fw_class_summary_get_pack_title:
 * @self: a class summary
 *
 * Returns: (transfer none) (nullable): the title of the hand-ins' pack,
 *   %NULL before the first is added
 */
const char *
fw_class_summary_get_pack_title (FwClassSummary *self)
{
  g_return_val_if_fail (FW_IS_CLASS_SUMMARY (self), NULL);
  return self->pack_title;
}

/**
 * fw_class_summary_get_steps:
 * @self: a class summary
 *
 * Returns: (transfer none) (element-type FwSummaryStep): every step seen
 *   in the hand-ins, in the order first seen (the pack's order)
 */
GPtrArray *
fw_class_summary_get_steps (FwClassSummary *self)
{
  g_return_val_if_fail (FW_IS_CLASS_SUMMARY (self), NULL);
  return self->steps;
}
