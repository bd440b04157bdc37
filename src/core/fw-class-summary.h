/* fw-class-summary.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FW_CLASS_SUMMARY_ERROR (fw_class_summary_error_quark ())

/**
 * FwClassSummaryError:
 * @FW_CLASS_SUMMARY_ERROR_OTHER_PACK: the hand-in is work on another pack
 *   than the ones added before
 * @FW_CLASS_SUMMARY_ERROR_DUPLICATE: work by the same student was added
 *   already
 *
 * Errors from adding hand-ins to a class summary. Unreadable hand-ins
 * give #FwWorkStoreError errors.
 */
typedef enum
{
  FW_CLASS_SUMMARY_ERROR_OTHER_PACK,
  FW_CLASS_SUMMARY_ERROR_DUPLICATE,
} FwClassSummaryError;

/**
 * FwMissedSpan:
 * @start: first code point of the key span in its piece
 * @text: the key span's text
 * @reason: (nullable): the key's reason for it
 * @count: how many students missed it
 *
 * A key span of a find-spans step and how often it was missed.
 */
typedef struct
{
  gint64 start;
  char *text;
  char *reason;
  guint count;
} FwMissedSpan;

/**
 * FwSummaryStep:
 * @exercise_id: id of the exercise
 * @exercise_title: its title
 * @index: 0-based index of the step in the exercise
 * @kind: the step kind's nick, e.g. "find-spans"
 * @title: the step's title
 * @n_checked: how many students checked an answer to this step
 * @n_scored: how many of them have a score (scored step kinds only)
 * @mean_score: the mean score of those, 0–1, or -1 when there is none
 * @missed: (element-type FwMissedSpan): find-spans: the key spans missed
 *   by at least one student, the most missed first
 *
 * One step of an exercise across the class.
 */
typedef struct
{
  char *exercise_id;
  char *exercise_title;
  guint index;
  char *kind;
  char *title;
  guint n_checked;
  guint n_scored;
  double mean_score;
  GPtrArray *missed;
} FwSummaryStep;

#define FW_TYPE_CLASS_SUMMARY (fw_class_summary_get_type ())

G_DECLARE_FINAL_TYPE (FwClassSummary, fw_class_summary, FW, CLASS_SUMMARY, GObject)

GQuark          fw_class_summary_error_quark    (void);
FwClassSummary *fw_class_summary_new            (void);
gboolean        fw_class_summary_add_data       (FwClassSummary *self,
                                                 const char     *data,
                                                 gsize           length,
                                                 GError        **error);
gboolean        fw_class_summary_add_file       (FwClassSummary *self,
                                                 GFile          *file,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
guint           fw_class_summary_get_n_students (FwClassSummary *self);
const char     *fw_class_summary_get_student    (FwClassSummary *self,
                                                 guint           index);
const char     *fw_class_summary_get_pack_title (FwClassSummary *self);
GPtrArray      *fw_class_summary_get_steps      (FwClassSummary *self);

G_END_DECLS
