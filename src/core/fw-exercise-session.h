/* fw-exercise-session.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fw-frame-comparison.h"
#include "fw-pack.h"
#include "fw-span-scorer.h"

G_BEGIN_DECLS

#define FW_SESSION_ERROR (fw_session_error_quark ())

/**
 * FwSessionError:
 * @FW_SESSION_ERROR_MISMATCH: saved answers do not fit the exercise as the
 *   pack now defines it (another exercise, changed steps or options)
 *
 * Errors from restoring an exercise session.
 */
typedef enum
{
  FW_SESSION_ERROR_MISMATCH,
} FwSessionError;

/**
 * FwStepAnswer:
 * @chosen: choice: bit mask of the chosen options (bit i = option i)
 * @spans: (element-type FwSpan): find-spans: the student's spans, in the
 *   order given, without duplicates
 * @categories: (element-type utf8): classify-sentences: per sentence the
 *   chosen category id, %NULL where none is chosen yet
 * @predictions: (element-type int): compare-frames: per frame of the step
 *   the piece predicted to lean more on it (0 or 1), or -1
 * @text: (nullable): reflect: the student's text
 *
 * What the student has answered in one step so far. Only the fields of the
 * step's kind are used.
 */
typedef struct
{
  guint32 chosen;
  GArray *spans;
  GPtrArray *categories;
  GArray *predictions;
  char *text;
} FwStepAnswer;

/**
 * FwStepResult:
 * @checked: whether the student has checked (submitted) the answer; the
 *   rest of the result is only meaningful when it is %TRUE
 * @attempts: how many times the answer was checked
 * @scored: whether the step kind has a score (read and reflect have none)
 * @score: the score, 0–1: choice, the Jaccard index of the chosen and the
 *   correct options; find-spans, F1; classify-sentences, accuracy;
 *   compare-frames, the share of frames predicted right
 * @passed: find-spans: F1 reached the step's pass_f1; choice: every option
 *   right; classify-sentences and compare-frames: score at least one half;
 *   read and reflect: done
 * @spans: find-spans: precision, recall and F1
 * @missed: (element-type FwAnnotation): find-spans: key annotations that
 *   no answer span overlaps (owned by the piece)
 * @extra: (element-type FwSpan): find-spans: answer spans that overlap no
 *   key span or of which more than half lies outside every key span
 * @correct: (element-type gboolean): per option (choice: chosen exactly
 *   when correct), per sentence (classify-sentences) or per frame
 *   (compare-frames)
 * @words: reflect: the number of words written
 *
 * The outcome of one step.
 */
typedef struct
{
  gboolean checked;
  guint attempts;
  gboolean scored;
  double score;
  gboolean passed;
  FwSpanScore spans;
  GPtrArray *missed;
  GArray *extra;
  GArray *correct;
  guint words;
} FwStepResult;

#define FW_TYPE_EXERCISE_SESSION (fw_exercise_session_get_type ())

G_DECLARE_FINAL_TYPE (FwExerciseSession, fw_exercise_session, FW, EXERCISE_SESSION, GObject)

GQuark                 fw_session_error_quark                (void);
FwExerciseSession     *fw_exercise_session_new               (FwPack            *pack,
                                                              FwExercise        *exercise);
FwPack                *fw_exercise_session_get_pack          (FwExerciseSession *self);
FwExercise            *fw_exercise_session_get_exercise      (FwExerciseSession *self);
guint                  fw_exercise_session_get_n_steps       (FwExerciseSession *self);
guint                  fw_exercise_session_get_current_step  (FwExerciseSession *self);
void                   fw_exercise_session_set_current_step  (FwExerciseSession *self,
                                                              guint              step);
const FwStepAnswer    *fw_exercise_session_get_answer        (FwExerciseSession *self,
                                                              guint              step);
const FwStepResult    *fw_exercise_session_get_result        (FwExerciseSession *self,
                                                              guint              step);
void                   fw_exercise_session_set_choice        (FwExerciseSession *self,
                                                              guint              step,
                                                              guint32            chosen);
gboolean               fw_exercise_session_add_span          (FwExerciseSession *self,
                                                              guint              step,
                                                              guint              start,
                                                              guint              end);
void                   fw_exercise_session_remove_span       (FwExerciseSession *self,
                                                              guint              step,
                                                              guint              index);
void                   fw_exercise_session_set_category      (FwExerciseSession *self,
                                                              guint              step,
                                                              guint              sentence,
                                                              const char        *category);
void                   fw_exercise_session_set_prediction    (FwExerciseSession *self,
                                                              guint              step,
                                                              guint              frame,
                                                              int                piece);
void                   fw_exercise_session_set_text          (FwExerciseSession *self,
                                                              guint              step,
                                                              const char        *text);
gboolean               fw_exercise_session_can_check         (FwExerciseSession *self,
                                                              guint              step);
gboolean               fw_exercise_session_check             (FwExerciseSession *self,
                                                              guint              step);
void                   fw_exercise_session_retry             (FwExerciseSession *self,
                                                              guint              step);
void                   fw_exercise_session_reset             (FwExerciseSession *self);
guint                  fw_exercise_session_get_n_checked     (FwExerciseSession *self);
guint                  fw_exercise_session_get_n_passed      (FwExerciseSession *self);
gboolean               fw_exercise_session_is_complete       (FwExerciseSession *self);
double                 fw_exercise_session_get_mean_score    (FwExerciseSession *self);
GPtrArray             *fw_exercise_session_get_key           (FwExerciseSession *self,
                                                              guint              step);
FwFrameComparison     *fw_exercise_session_get_comparison    (FwExerciseSession *self,
                                                              guint              step);
void                   fw_exercise_session_set_comparison    (FwExerciseSession *self,
                                                              guint              step,
                                                              FwFrameComparison *comparison);
guint                  fw_exercise_session_count_words       (FwExerciseSession *self,
                                                              const char        *text);
guint                  fw_exercise_session_count_distinct_words (FwExerciseSession *self,
                                                              const char        *text);
guint                  fw_exercise_session_get_min_distinct  (FwExerciseSession *self,
                                                              guint              step);
GArray                *fw_exercise_session_get_option_order  (FwExerciseSession *self,
                                                              guint              step,
                                                              const char        *student);
char                 **fw_exercise_session_describe_answer   (FwExerciseSession *self,
                                                              guint              step);
char                  *fw_exercise_session_format_score      (FwExerciseSession *self,
                                                              guint              step);
char                  *fw_exercise_session_describe_score    (FwExerciseSession *self,
                                                              guint              step);
char                  *fw_exercise_session_suggest_file_name (FwExerciseSession *self,
                                                              const char        *student,
                                                              const char        *extension);
JsonNode              *fw_exercise_session_to_json           (FwExerciseSession *self);
gboolean               fw_exercise_session_restore           (FwExerciseSession *self,
                                                              JsonObject        *object,
                                                              GError           **error);

G_END_DECLS
