/* fw-exercise-step.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fw-validator.h"

G_BEGIN_DECLS

/**
 * FW_PIECE_WITHOUT_ID:
 *
 * The member of a set of declared piece ids (see fw_exercise_step_parse())
 * that stands for a piece whose `id` is missing or not a string. Such a
 * piece may be the one that any unknown id refers to, so none is
 * reported. `*` is not a valid id, so no real id is taken for it.
 */
#define FW_PIECE_WITHOUT_ID "*"

/**
 * FwStepKind:
 * @FW_STEP_READ: read one or two pieces with a focus prompt
 * @FW_STEP_CHOICE: a multiple-choice question with feedback per option
 * @FW_STEP_FIND_SPANS: select spans of a piece; scored against a key
 * @FW_STEP_CLASSIFY_SENTENCES: sort sentences into categories
 * @FW_STEP_COMPARE_FRAMES: predict, then see two pieces' frame profiles
 * @FW_STEP_REFLECT: free writing with guiding questions
 *
 * The kinds of exercise step.
 */
typedef enum
{
  FW_STEP_READ,
  FW_STEP_CHOICE,
  FW_STEP_FIND_SPANS,
  FW_STEP_CLASSIFY_SENTENCES,
  FW_STEP_COMPARE_FRAMES,
  FW_STEP_REFLECT,
} FwStepKind;

extern const char * const fw_step_kind_nicks[];

/**
 * FwChoiceOption:
 * @text: the option as shown
 * @correct: whether choosing it is right
 * @feedback: (nullable): what the student is told after choosing it
 *
 * One option of a choice step.
 */
typedef struct
{
  char *text;
  gboolean correct;
  char *feedback;
} FwChoiceOption;

/**
 * FwStepCategory:
 * @id: category id, e.g. `sovereignty`
 * @label: the label shown
 *
 * One category of a classify-sentences step.
 */
typedef struct
{
  char *id;
  char *label;
} FwStepCategory;

/**
 * FwStepSentence:
 * @piece: id of the piece the sentence is from
 * @start: first code point of the sentence in that piece's text
 * @end: code point after the sentence
 * @text: the sentence
 * @answer: id of the right category
 * @feedback: (nullable): why that category is right
 *
 * One sentence of a classify-sentences step, resolved against its piece.
 */
typedef struct
{
  char *piece;
  guint start;
  guint end;
  char *text;
  char *answer;
  char *feedback;
} FwStepSentence;

/**
 * FwExerciseStep:
 * @kind: the step kind; it says which fields below are used
 * @title: the step's title
 * @instructions: (nullable): what to do
 * @hint: (nullable): a hint the student may ask for
 * @feedback: (nullable): shown after the student answers
 * @pieces: (array zero-terminated=1): piece ids (read, compare-frames)
 * @focus: (nullable): what to look for while reading (read)
 * @question: (nullable): the question (choice)
 * @multiple: whether several options may be right (choice)
 * @options: (element-type FwChoiceOption): the options (choice)
 * @piece: (nullable): the piece whose spans are sought (find-spans)
 * @key_kinds: bit mask of #FwAnnotationKind values that form the key
 *   (find-spans)
 * @pass_f1: the F1 needed to pass, 0–1 (find-spans)
 * @categories: (element-type FwStepCategory): categories
 *   (classify-sentences)
 * @sentences: (element-type FwStepSentence): sentences
 *   (classify-sentences)
 * @frames: (array zero-terminated=1): frame ids (compare-frames)
 * @prompt: (nullable): the writing prompt (reflect)
 * @questions: (array zero-terminated=1): guiding questions (reflect)
 * @min_words: the fewest words accepted (reflect)
 *
 * One step of an exercise, as the pack defines it.
 */
typedef struct
{
  FwStepKind kind;
  char *title;
  char *instructions;
  char *hint;
  char *feedback;
  char **pieces;
  char *focus;
  char *question;
  gboolean multiple;
  GPtrArray *options;
  char *piece;
  guint key_kinds;
  double pass_f1;
  GPtrArray *categories;
  GPtrArray *sentences;
  char **frames;
  char *prompt;
  char **questions;
  guint min_words;
} FwExerciseStep;

void            fw_exercise_step_free  (FwExerciseStep *self);
FwExerciseStep *fw_exercise_step_parse (FwValidator    *validator,
                                        JsonObject     *object,
                                        GPtrArray      *pieces,
                                        GHashTable     *declared_pieces,
                                        GPtrArray      *frames);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwExerciseStep, fw_exercise_step_free)

G_END_DECLS
