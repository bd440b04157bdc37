/* fw-exercise-session.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <pango/pango.h>
#include <string.h>

#include "fw-exercise-session.h"
#include "fw-json-read.h"

/* One student going through one exercise: the answers given so far, the
 * results of the steps that were checked, and where she is. Every change
 * emits ::step-changed, which is what the work store saves on. */

#define MAX_OPTIONS 32

G_DEFINE_QUARK (fw-session-error-quark, fw_session_error)

struct _FwExerciseSession
{
  GObject parent_instance;

  FwPack *pack;
  FwExercise *exercise;
  guint current_step;
  FwStepAnswer *answers;
  FwStepResult *results;
  FwFrameComparison **comparisons;
};

G_DEFINE_FINAL_TYPE (FwExerciseSession, fw_exercise_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT_STEP,
  N_PROPS
};

enum {
  STEP_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
answer_clear (FwStepAnswer *answer)
{
  g_clear_pointer (&answer->spans, g_array_unref);
  g_clear_pointer (&answer->categories, g_ptr_array_unref);
  g_clear_pointer (&answer->predictions, g_array_unref);
  g_clear_pointer (&answer->text, g_free);
  answer->chosen = 0;
}

static void
result_clear (FwStepResult *result)
{
  g_clear_pointer (&result->missed, g_ptr_array_unref);
  g_clear_pointer (&result->extra, g_array_unref);
  g_clear_pointer (&result->correct, g_array_unref);
  memset (result, 0, sizeof *result);
}

static const FwExerciseStep *
get_step (FwExerciseSession *self,
          guint              step)
{
  return fw_exercise_get_step (self->exercise, step);
}

static void
answer_init (FwExerciseSession *self,
             guint              step)
{
  const FwExerciseStep *s = get_step (self, step);
  FwStepAnswer *answer = &self->answers[step];

  answer_clear (answer);
  answer->spans = g_array_new (FALSE, FALSE, sizeof (FwSpan));
  answer->categories = g_ptr_array_new_with_free_func (g_free);
  answer->predictions = g_array_new (FALSE, FALSE, sizeof (int));

  if (s->kind == FW_STEP_CLASSIFY_SENTENCES)
    g_ptr_array_set_size (answer->categories, (int) s->sentences->len);
  if (s->kind == FW_STEP_COMPARE_FRAMES)
    for (guint f = 0; s->frames[f] != NULL; f++)
      {
        int none = -1;

        g_array_append_val (answer->predictions, none);
      }
}

static void
fw_exercise_session_finalize (GObject *object)
{
  FwExerciseSession *self = (FwExerciseSession *) object;
  guint n = fw_exercise_get_n_steps (self->exercise);

  for (guint i = 0; i < n; i++)
    {
      answer_clear (&self->answers[i]);
      result_clear (&self->results[i]);
      g_clear_object (&self->comparisons[i]);
    }
  g_free (self->answers);
  g_free (self->results);
  g_free (self->comparisons);
  g_clear_object (&self->exercise);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (fw_exercise_session_parent_class)->finalize (object);
}

static void
fw_exercise_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FwExerciseSession *self = FW_EXERCISE_SESSION (object);

  switch (prop_id)
    {
    case PROP_CURRENT_STEP:
      g_value_set_uint (value, self->current_step);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_exercise_session_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FwExerciseSession *self = FW_EXERCISE_SESSION (object);

  switch (prop_id)
    {
    case PROP_CURRENT_STEP:
      fw_exercise_session_set_current_step (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_exercise_session_class_init (FwExerciseSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_exercise_session_finalize;
  object_class->get_property = fw_exercise_session_get_property;
  object_class->set_property = fw_exercise_session_set_property;

  /**
   * FwExerciseSession:current-step:
   *
   * The index of the step the student is on.
   */
  properties[PROP_CURRENT_STEP] =
    g_param_spec_uint ("current-step", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwExerciseSession::step-changed:
   * @self: the session
   * @step: index of the step whose answer or result changed
   *
   * Emitted after every change to an answer, a check, a retry, and after
   * fw_exercise_session_reset() (once per step). The work store saves on it.
   */
  signals[STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
fw_exercise_session_init (FwExerciseSession *self)
{
}

/**
 * fw_exercise_session_new:
 * @pack: the pack that holds @exercise
 * @exercise: an exercise of @pack
 *
 * Starts a session on @exercise with no answers, on its first step.
 *
 * Returns: (transfer full): a new session
 */
FwExerciseSession *
fw_exercise_session_new (FwPack     *pack,
                         FwExercise *exercise)
{
  FwExerciseSession *self;
  guint n;

  g_return_val_if_fail (FW_IS_PACK (pack), NULL);
  g_return_val_if_fail (FW_IS_EXERCISE (exercise), NULL);

  self = g_object_new (FW_TYPE_EXERCISE_SESSION, NULL);
  self->pack = g_object_ref (pack);
  self->exercise = g_object_ref (exercise);
  n = fw_exercise_get_n_steps (exercise);
  self->answers = g_new0 (FwStepAnswer, n);
  self->results = g_new0 (FwStepResult, n);
  self->comparisons = g_new0 (FwFrameComparison *, n);
  for (guint i = 0; i < n; i++)
    answer_init (self, i);

  return self;
}

/**
 * fw_exercise_session_get_pack:
 * @self: a session
 *
 * Returns: (transfer none): the pack
 */
FwPack *
fw_exercise_session_get_pack (FwExerciseSession *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  return self->pack;
}

/**
 * fw_exercise_session_get_exercise:
 * @self: a session
 *
 * Returns: (transfer none): the exercise
 */
FwExercise *
fw_exercise_session_get_exercise (FwExerciseSession *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  return self->exercise;
}

/**
 * fw_exercise_session_get_n_steps:
 * @self: a session
 *
 * Returns: the number of steps of the exercise
 */
guint
fw_exercise_session_get_n_steps (FwExerciseSession *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), 0);
  return fw_exercise_get_n_steps (self->exercise);
}

/**
 * fw_exercise_session_get_current_step:
 * @self: a session
 *
 * Returns: the index of the step the student is on; equal to the number
 *   of steps when she has reached the summary
 */
guint
fw_exercise_session_get_current_step (FwExerciseSession *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), 0);
  return self->current_step;
}

/**
 * fw_exercise_session_set_current_step:
 * @self: a session
 * @step: a step index, or the number of steps for the summary
 *
 * Moves the student to @step. Larger values are clamped to the summary.
 */
void
fw_exercise_session_set_current_step (FwExerciseSession *self,
                                      guint              step)
{
  g_return_if_fail (FW_IS_EXERCISE_SESSION (self));

  step = MIN (step, fw_exercise_get_n_steps (self->exercise));
  if (step == self->current_step)
    return;

  self->current_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
}

/**
 * fw_exercise_session_get_answer:
 * @self: a session
 * @step: a step index
 *
 * Returns: (transfer none): the answer given so far in @step
 */
const FwStepAnswer *
fw_exercise_session_get_answer (FwExerciseSession *self,
                                guint              step)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), NULL);
  return &self->answers[step];
}

/**
 * fw_exercise_session_get_result:
 * @self: a session
 * @step: a step index
 *
 * Returns: (transfer none): the result of @step; see #FwStepResult
 */
const FwStepResult *
fw_exercise_session_get_result (FwExerciseSession *self,
                                guint              step)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), NULL);
  return &self->results[step];
}

static gboolean
check_kind (FwExerciseSession *self,
            guint              step,
            FwStepKind         kind)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), FALSE);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), FALSE);
  g_return_val_if_fail (get_step (self, step)->kind == kind, FALSE);
  return TRUE;
}

static void score_step (FwExerciseSession *self,
                        guint              step);

static void
changed (FwExerciseSession *self,
         guint              step)
{
  /* A checked answer keeps its feedback in step with what is shown. */
  if (self->results[step].checked)
    score_step (self, step);
  g_signal_emit (self, signals[STEP_CHANGED], 0, step);
}

/**
 * fw_exercise_session_set_choice:
 * @self: a session
 * @step: index of a choice step
 * @chosen: bit mask of the chosen options, bit i for option i
 *
 * Records the options the student has chosen. Bits beyond the step's
 * options are ignored; for a single-answer step only the lowest chosen
 * bit is kept.
 */
void
fw_exercise_session_set_choice (FwExerciseSession *self,
                                guint              step,
                                guint32            chosen)
{
  const FwExerciseStep *s;

  if (!check_kind (self, step, FW_STEP_CHOICE))
    return;

  s = get_step (self, step);
  if (s->options->len < MAX_OPTIONS)
    chosen &= (1u << s->options->len) - 1;
  if (!s->multiple)
    chosen &= -chosen;

  if (self->answers[step].chosen == chosen)
    return;

  self->answers[step].chosen = chosen;
  changed (self, step);
}

static FwPiece *
step_piece (FwExerciseSession *self,
            guint              step)
{
  return fw_pack_find_piece (self->pack, get_step (self, step)->piece);
}

/* Answers never overlap, so their starts order them. */
static int
span_start_compare (gconstpointer a,
                    gconstpointer b)
{
  guint x = ((const FwSpan *) a)->start, y = ((const FwSpan *) b)->start;

  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * fw_exercise_session_add_span:
 * @self: a session
 * @step: index of a find-spans step
 * @start: first code point of the span in the step's piece
 * @end: code point after the span, greater than @start and at most the
 *   piece's length
 *
 * Adds a span to the student's answer. A span that overlaps answers she
 * has already given is merged with them into one span covering all of
 * them, so that one stretch of text is never counted twice; a span that
 * adds nothing to an existing answer changes nothing. The answer's spans
 * are kept in text order.
 *
 * Returns: %TRUE when the answer changed
 */
gboolean
fw_exercise_session_add_span (FwExerciseSession *self,
                              guint              step,
                              guint              start,
                              guint              end)
{
  GArray *spans;
  FwSpan span = { start, end };
  FwPiece *piece;
  guint first = G_MAXUINT;

  if (!check_kind (self, step, FW_STEP_FIND_SPANS))
    return FALSE;

  piece = step_piece (self, step);
  g_return_val_if_fail (start < end && piece != NULL && end <= fw_piece_get_length (piece),
                        FALSE);

  spans = self->answers[step].spans;
  for (guint i = 0; i < spans->len; i++)
    {
      const FwSpan *s = &g_array_index (spans, FwSpan, i);

      if (s->start <= start && end <= s->end)
        return FALSE;
    }

  /* The merged span takes the place of the answers it overlaps; the
   * answers are then kept in text order, the order the list shows. */
  for (guint i = 0; i < spans->len;)
    {
      FwSpan *s = &g_array_index (spans, FwSpan, i);

      if (s->start < span.end && span.start < s->end)
        {
          span.start = MIN (span.start, s->start);
          span.end = MAX (span.end, s->end);
          if (first == G_MAXUINT)
            {
              first = i;
              i++;
            }
          else
            {
              g_array_remove_index (spans, i);
            }
        }
      else
        {
          i++;
        }
    }

  if (first != G_MAXUINT)
    g_array_index (spans, FwSpan, first) = span;
  else
    g_array_append_val (spans, span);
  g_array_sort (spans, span_start_compare);
  changed (self, step);
  return TRUE;
}

/**
 * fw_exercise_session_remove_span:
 * @self: a session
 * @step: index of a find-spans step
 * @index: index of a span of the answer
 *
 * Removes a span from the student's answer.
 */
void
fw_exercise_session_remove_span (FwExerciseSession *self,
                                 guint              step,
                                 guint              index)
{
  if (!check_kind (self, step, FW_STEP_FIND_SPANS))
    return;
  g_return_if_fail (index < self->answers[step].spans->len);

  g_array_remove_index (self->answers[step].spans, index);
  changed (self, step);
}

static gboolean
has_category (const FwExerciseStep *s,
              const char           *id)
{
  for (guint i = 0; i < s->categories->len; i++)
    if (g_strcmp0 (((FwStepCategory *) g_ptr_array_index (s->categories, i))->id, id) == 0)
      return TRUE;

  return FALSE;
}

/**
 * fw_exercise_session_set_category:
 * @self: a session
 * @step: index of a classify-sentences step
 * @sentence: index of a sentence of the step
 * @category: (nullable): id of one of the step's categories, or %NULL to
 *   clear the choice
 *
 * Records the category the student puts a sentence in.
 */
void
fw_exercise_session_set_category (FwExerciseSession *self,
                                  guint              step,
                                  guint              sentence,
                                  const char        *category)
{
  GPtrArray *categories;

  if (!check_kind (self, step, FW_STEP_CLASSIFY_SENTENCES))
    return;
  g_return_if_fail (sentence < get_step (self, step)->sentences->len);
  g_return_if_fail (category == NULL || has_category (get_step (self, step), category));

  categories = self->answers[step].categories;
  if (g_strcmp0 (g_ptr_array_index (categories, sentence), category) == 0)
    return;

  g_free (g_ptr_array_index (categories, sentence));
  g_ptr_array_index (categories, sentence) = g_strdup (category);
  changed (self, step);
}

/**
 * fw_exercise_session_set_prediction:
 * @self: a session
 * @step: index of a compare-frames step
 * @frame: index of a frame of the step
 * @piece: 0 or 1 for the step's first or second piece, -1 for none
 *
 * Records which piece the student predicts leans more on a frame.
 */
void
fw_exercise_session_set_prediction (FwExerciseSession *self,
                                    guint              step,
                                    guint              frame,
                                    int                piece)
{
  GArray *predictions;

  if (!check_kind (self, step, FW_STEP_COMPARE_FRAMES))
    return;
  predictions = self->answers[step].predictions;
  g_return_if_fail (frame < predictions->len);
  g_return_if_fail (piece >= -1 && piece <= 1);

  if (g_array_index (predictions, int, frame) == piece)
    return;

  g_array_index (predictions, int, frame) = piece;
  changed (self, step);
}

/**
 * fw_exercise_session_set_text:
 * @self: a session
 * @step: index of a reflect step
 * @text: (nullable): what the student has written, UTF-8
 *
 * Records the student's reflection.
 */
void
fw_exercise_session_set_text (FwExerciseSession *self,
                              guint              step,
                              const char        *text)
{
  if (!check_kind (self, step, FW_STEP_REFLECT))
    return;
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (g_strcmp0 (self->answers[step].text, text) == 0)
    return;

  g_free (self->answers[step].text);
  self->answers[step].text = g_strdup (text);
  changed (self, step);
}

/* Calls @func for each word of @text of at least two letters or digits:
 * words are the spans between Unicode UAX #29 word starts and ends as
 * Pango's pango_get_log_attrs() finds them for the pack's language. */
static void
foreach_word (FwExerciseSession *self,
              const char        *text,
              void             (*func) (const char *word, gsize length, gpointer data),
              gpointer           data)
{
  g_autofree PangoLogAttr *attrs = NULL;
  const char *p = text;
  const char *word = NULL;
  guint letters = 0;
  glong n;

  if (text == NULL || *text == '\0')
    return;

  n = g_utf8_strlen (text, -1);
  attrs = g_new0 (PangoLogAttr, n + 1);
  pango_get_log_attrs (text, (int) strlen (text), -1,
                       pango_language_from_string (fw_pack_get_language (self->pack)),
                       attrs, (int) n + 1);
  for (glong i = 0; i <= n; i++)
    {
      if (word != NULL && attrs[i].is_word_end)
        {
          if (letters >= 2)
            func (word, (gsize) (p - word), data);
          word = NULL;
        }
      if (i == n)
        break;
      if (attrs[i].is_word_start)
        {
          word = p;
          letters = 0;
        }
      if (word != NULL && g_unichar_isalnum (g_utf8_get_char (p)))
        letters++;
      p = g_utf8_next_char (p);
    }
}

static void
count_word (const char *word,
            gsize       length,
            gpointer    data)
{
  (*(guint *) data)++;
}

static void
collect_word (const char *word,
              gsize       length,
              gpointer    data)
{
  g_autofree char *folded = g_utf8_casefold (word, (gssize) length);

  g_hash_table_add (data, g_steal_pointer (&folded));
}

/**
 * fw_exercise_session_count_words:
 * @self: a session
 * @text: (nullable): UTF-8 text
 *
 * Counts the words of @text that have at least two letters or digits, so
 * that a row of single letters does not count as writing. Words are the
 * spans between Unicode UAX #29 word starts and ends, with Pango's
 * pango_get_log_attrs() for the pack's language.
 *
 * Returns: the number of words
 */
guint
fw_exercise_session_count_words (FwExerciseSession *self,
                                 const char        *text)
{
  guint words = 0;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), 0);

  foreach_word (self, text, count_word, &words);
  return words;
}

/**
 * fw_exercise_session_count_distinct_words:
 * @self: a session
 * @text: (nullable): UTF-8 text
 *
 * Counts the different words of @text, words as
 * fw_exercise_session_count_words() counts them, compared case-folded
 * (g_utf8_casefold()).
 *
 * Returns: the number of different words
 */
guint
fw_exercise_session_count_distinct_words (FwExerciseSession *self,
                                          const char        *text)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), 0);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  foreach_word (self, text, collect_word, seen);
  return g_hash_table_size (seen);
}

/**
 * fw_exercise_session_get_min_distinct:
 * @self: a session
 * @step: index of a reflect step
 *
 * How many different words a reflection needs: half its minimum number of
 * words, rounded up, so that repeating one word does not pass.
 *
 * Returns: the number of different words needed, 0 for other steps
 */
guint
fw_exercise_session_get_min_distinct (FwExerciseSession *self,
                                      guint              step)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), 0);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), 0);

  if (get_step (self, step)->kind != FW_STEP_REFLECT)
    return 0;
  return (get_step (self, step)->min_words + 1) / 2;
}

/**
 * fw_exercise_session_get_option_order:
 * @self: a session
 * @step: index of a choice step
 * @student: the student's name
 *
 * The order to show the options of a choice step in: shuffled (Fisher–
 * Yates with a #GRand) from a seed made of @student, the exercise and
 * @step, so that the right answer is not always in the same place while
 * one student sees the same order every time. Answers stay stored by the
 * pack's option index.
 *
 * Returns: (transfer full) (element-type guint): option indices, in the
 *   order to show them
 */
GArray *
fw_exercise_session_get_option_order (FwExerciseSession *self,
                                      guint              step,
                                      const char        *student)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *seed_text = NULL;
  g_autoptr(GRand) rand = NULL;
  const FwExerciseStep *s;
  guint n;

  if (!check_kind (self, step, FW_STEP_CHOICE))
    return order;

  s = get_step (self, step);
  n = MIN (s->options->len, MAX_OPTIONS);
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);

  /* g_str_hash() is the djb2 hash: the same on every run and machine. */
  seed_text = g_strdup_printf ("%s\n%s\n%u", student != NULL ? student : "",
                               fw_exercise_get_id (self->exercise), step);
  rand = g_rand_new_with_seed (g_str_hash (seed_text));
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      guint t = g_array_index (order, guint, i - 1);

      g_array_index (order, guint, i - 1) = g_array_index (order, guint, j);
      g_array_index (order, guint, j) = t;
    }

  return order;
}

/**
 * fw_exercise_session_get_key:
 * @self: a session
 * @step: index of a find-spans step
 *
 * The answer key of a find-spans step: the pack's own annotations of the
 * step's piece whose kind is in the step's `key_kinds`. Automatic flags
 * are never part of a key.
 *
 * Returns: (transfer container) (element-type FwAnnotation): the key
 *   annotations, owned by the piece, sorted by start
 */
GPtrArray *
fw_exercise_session_get_key (FwExerciseSession *self,
                             guint              step)
{
  GPtrArray *key = g_ptr_array_new ();
  FwPiece *piece;
  GPtrArray *annotations;

  if (!check_kind (self, step, FW_STEP_FIND_SPANS))
    return key;

  piece = step_piece (self, step);
  if (piece == NULL)
    return key;

  annotations = fw_piece_get_annotations (piece);
  for (guint i = 0; i < annotations->len; i++)
    {
      FwAnnotation *a = g_ptr_array_index (annotations, i);

      if (a->source == FW_SOURCE_PACK && (get_step (self, step)->key_kinds & (1u << a->kind)))
        g_ptr_array_add (key, a);
    }

  return key;
}

/**
 * fw_exercise_session_set_comparison:
 * @self: a session
 * @step: index of a compare-frames step
 * @comparison: (transfer none): the frame profiles of the step's two
 *   pieces, for at least the step's frames
 *
 * Gives the session the frame profiles that a compare-frames step is
 * scored against. Without this call the session computes them with
 * fw_frame_comparison_new_for_pack() when they are first needed.
 */
void
fw_exercise_session_set_comparison (FwExerciseSession *self,
                                    guint              step,
                                    FwFrameComparison *comparison)
{
  if (!check_kind (self, step, FW_STEP_COMPARE_FRAMES))
    return;
  g_return_if_fail (FW_IS_FRAME_COMPARISON (comparison));

  g_set_object (&self->comparisons[step], comparison);
  if (self->results[step].checked)
    changed (self, step);
}

/**
 * fw_exercise_session_get_comparison:
 * @self: a session
 * @step: index of a compare-frames step
 *
 * Returns: (transfer none): the frame profiles of the step's pieces
 */
FwFrameComparison *
fw_exercise_session_get_comparison (FwExerciseSession *self,
                                    guint              step)
{
  const FwExerciseStep *s;

  if (!check_kind (self, step, FW_STEP_COMPARE_FRAMES))
    return NULL;

  s = get_step (self, step);
  if (self->comparisons[step] == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->comparisons[step] =
        fw_frame_comparison_new_for_pack (self->pack, NULL, (const char * const *) s->pieces,
                                          (const char * const *) s->frames, NULL, &error);
      /* Only unreadable built-in data stops the profiler; the step then
       * shows every count as zero rather than nothing. */
      if (self->comparisons[step] == NULL)
        {
          g_warning ("Cannot profile the frames of step %u: %s", step, error->message);
          self->comparisons[step] =
            fw_frame_comparison_new ((const char * const *) s->pieces,
                                     (const char * const *) s->frames);
        }
    }

  return self->comparisons[step];
}

static void
append_correct (FwStepResult *result,
                gboolean      correct)
{
  g_array_append_val (result->correct, correct);
}

/* How many code points of @span lie inside at least one of @spans. */
static guint
covered_length (const FwSpan *span,
                GArray       *spans)
{
  guint covered = 0;
  guint pos = span->start;

  /* Walk along @span, each time jumping over the key span that reaches
   * furthest from the current position. */
  while (pos < span->end)
    {
      guint reach = pos;
      guint next = span->end;

      for (guint k = 0; k < spans->len; k++)
        {
          const FwSpan *key = &g_array_index (spans, FwSpan, k);

          if (key->start <= pos && key->end > reach)
            reach = key->end;
          else if (key->start > pos && key->start < next)
            next = key->start;
        }

      if (reach > pos)
        {
          reach = MIN (reach, span->end);
          covered += reach - pos;
          pos = reach;
        }
      else
        {
          pos = next;
        }
    }

  return covered;
}

static void
score_find_spans (FwExerciseSession *self,
                  guint              step,
                  FwStepResult      *result)
{
  const FwExerciseStep *s = get_step (self, step);
  GArray *answer = self->answers[step].spans;
  g_autoptr(GPtrArray) key = fw_exercise_session_get_key (self, step);
  g_autoptr(GArray) key_spans = g_array_new (FALSE, FALSE, sizeof (FwSpan));

  for (guint i = 0; i < key->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (key, i);
      FwSpan span = { a->start, a->end };

      g_array_append_val (key_spans, span);
    }

  fw_span_score ((const FwSpan *) answer->data, answer->len,
                 (const FwSpan *) key_spans->data, key_spans->len, &result->spans);
  result->scored = TRUE;
  result->score = result->spans.f1;
  result->passed = result->spans.f1 >= s->pass_f1;

  result->missed = g_ptr_array_new ();
  for (guint i = 0; i < key->len; i++)
    if (!fw_span_overlaps_any (&g_array_index (key_spans, FwSpan, i),
                               (const FwSpan *) answer->data, answer->len))
      g_ptr_array_add (result->missed, g_ptr_array_index (key, i));

  /* Extra: answers that overlap no key span, and answers of which more
   * than half lies outside every key span (marking a whole paragraph
   * around one loaded term is mostly extra). */
  result->extra = g_array_new (FALSE, FALSE, sizeof (FwSpan));
  for (guint i = 0; i < answer->len; i++)
    {
      const FwSpan *span = &g_array_index (answer, FwSpan, i);
      guint inside = covered_length (span, key_spans);

      if (2 * inside < span->end - span->start)
        g_array_append_val (result->extra, *span);
    }
}

static void
score_step (FwExerciseSession *self,
            guint              step)
{
  const FwExerciseStep *s = get_step (self, step);
  const FwStepAnswer *answer = &self->answers[step];
  FwStepResult *result = &self->results[step];
  gboolean checked = result->checked;
  guint attempts = result->attempts;
  guint n_right = 0, n = 0;

  result_clear (result);
  result->checked = checked;
  result->attempts = attempts;
  result->correct = g_array_new (FALSE, FALSE, sizeof (gboolean));

  switch (s->kind)
    {
    case FW_STEP_READ:
      result->passed = TRUE;
      break;

    case FW_STEP_CHOICE:
      {
        guint both = 0, either = 0;

        for (guint i = 0; i < s->options->len && i < MAX_OPTIONS; i++)
          {
            const FwChoiceOption *o = g_ptr_array_index (s->options, i);
            gboolean chosen = (answer->chosen >> i) & 1;

            append_correct (result, chosen == o->correct);
            both += chosen && o->correct ? 1 : 0;
            either += chosen || o->correct ? 1 : 0;
          }
        result->scored = TRUE;
        result->score = either > 0 ? (double) both / either : 1.0;
        result->passed = result->score == 1.0;
      }
      break;

    case FW_STEP_FIND_SPANS:
      score_find_spans (self, step, result);
      break;

    case FW_STEP_CLASSIFY_SENTENCES:
      for (guint i = 0; i < s->sentences->len; i++)
        {
          const FwStepSentence *sentence = g_ptr_array_index (s->sentences, i);
          gboolean right = g_strcmp0 (g_ptr_array_index (answer->categories, i),
                                      sentence->answer) == 0;

          append_correct (result, right);
          n_right += right ? 1 : 0;
        }
      n = s->sentences->len;
      result->scored = TRUE;
      result->score = n > 0 ? (double) n_right / n : 1.0;
      result->passed = result->score >= 0.5;
      break;

    case FW_STEP_COMPARE_FRAMES:
      {
        FwFrameComparison *comparison = fw_exercise_session_get_comparison (self, step);

        for (guint f = 0; f < answer->predictions->len; f++)
          {
            int index = fw_frame_comparison_find_frame (comparison, s->frames[f]);
            int leaning = index >= 0 ? fw_frame_comparison_get_leaning (comparison, index) : -1;
            int predicted = g_array_index (answer->predictions, int, f);
            /* Where both pieces lean equally, either prediction is right. */
            gboolean right = predicted >= 0 && (leaning < 0 || predicted == leaning);

            append_correct (result, right);
            n_right += right ? 1 : 0;
          }
        n = answer->predictions->len;
        result->scored = TRUE;
        result->score = n > 0 ? (double) n_right / n : 1.0;
        result->passed = result->score >= 0.5;
      }
      break;

    case FW_STEP_REFLECT:
      result->words = fw_exercise_session_count_words (self, answer->text);
      result->passed = result->words >= s->min_words
                       && fw_exercise_session_count_distinct_words (self, answer->text)
                          >= fw_exercise_session_get_min_distinct (self, step);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * fw_exercise_session_can_check:
 * @self: a session
 * @step: a step index
 *
 * Says whether the answer of @step is complete enough to check: a choice
 * needs an option, every sentence needs a category, every frame a
 * prediction, a find-spans step at least one span (checking nothing
 * would only reveal the key), a reflection its minimum number of words of
 * two or more letters, at least half of them different. A read step can
 * always be checked.
 *
 * Returns: %TRUE when fw_exercise_session_check() would accept @step
 */
gboolean
fw_exercise_session_can_check (FwExerciseSession *self,
                               guint              step)
{
  const FwExerciseStep *s;
  const FwStepAnswer *answer;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), FALSE);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), FALSE);

  s = get_step (self, step);
  answer = &self->answers[step];

  switch (s->kind)
    {
    case FW_STEP_READ:
      return TRUE;

    case FW_STEP_FIND_SPANS:
      return answer->spans->len > 0;

    case FW_STEP_CHOICE:
      return answer->chosen != 0;

    case FW_STEP_CLASSIFY_SENTENCES:
      for (guint i = 0; i < answer->categories->len; i++)
        if (g_ptr_array_index (answer->categories, i) == NULL)
          return FALSE;
      return TRUE;

    case FW_STEP_COMPARE_FRAMES:
      for (guint f = 0; f < answer->predictions->len; f++)
        if (g_array_index (answer->predictions, int, f) < 0)
          return FALSE;
      return TRUE;

    case FW_STEP_REFLECT:
      return fw_exercise_session_count_words (self, answer->text) >= MAX (s->min_words, 1)
             && fw_exercise_session_count_distinct_words (self, answer->text)
                >= fw_exercise_session_get_min_distinct (self, step);

    default:
      g_assert_not_reached ();
    }
}

/**
 * fw_exercise_session_check:
 * @self: a session
 * @step: a step index
 *
 * Checks (submits) the answer of @step: scores it and makes its feedback
 * available in fw_exercise_session_get_result().
 *
 * Returns: %TRUE when the step was checked, %FALSE when its answer is not
 *   complete (see fw_exercise_session_can_check())
 */
gboolean
fw_exercise_session_check (FwExerciseSession *self,
                           guint              step)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), FALSE);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), FALSE);

  if (!fw_exercise_session_can_check (self, step))
    return FALSE;

  self->results[step].checked = TRUE;
  self->results[step].attempts++;
  score_step (self, step);
  g_signal_emit (self, signals[STEP_CHANGED], 0, step);
  return TRUE;
}

/**
 * fw_exercise_session_retry:
 * @self: a session
 * @step: a step index
 *
 * Reopens a checked step so that the student can change her answer; the
 * answer is kept and the number of attempts too.
 */
void
fw_exercise_session_retry (FwExerciseSession *self,
                           guint              step)
{
  guint attempts;

  g_return_if_fail (FW_IS_EXERCISE_SESSION (self));
  g_return_if_fail (step < fw_exercise_get_n_steps (self->exercise));

  if (!self->results[step].checked)
    return;

  attempts = self->results[step].attempts;
  result_clear (&self->results[step]);
  self->results[step].attempts = attempts;
  g_signal_emit (self, signals[STEP_CHANGED], 0, step);
}

/**
 * fw_exercise_session_reset:
 * @self: a session
 *
 * Starts over: clears every answer and result and goes back to the first
 * step.
 */
void
fw_exercise_session_reset (FwExerciseSession *self)
{
  guint n;

  g_return_if_fail (FW_IS_EXERCISE_SESSION (self));

  n = fw_exercise_get_n_steps (self->exercise);
  for (guint i = 0; i < n; i++)
    {
      answer_init (self, i);
      result_clear (&self->results[i]);
    }
  fw_exercise_session_set_current_step (self, 0);
  for (guint i = 0; i < n; i++)
    g_signal_emit (self, signals[STEP_CHANGED], 0, i);
}

/**
 * fw_exercise_session_get_n_checked:
 * @self: a session
 *
 * Returns: the number of steps whose answer has been checked
 */
guint
fw_exercise_session_get_n_checked (FwExerciseSession *self)
{
  guint n = 0;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), 0);

  for (guint i = 0; i < fw_exercise_get_n_steps (self->exercise); i++)
    n += self->results[i].checked ? 1 : 0;

  return n;
}

/**
 * fw_exercise_session_get_n_passed:
 * @self: a session
 *
 * Counts the steps that are done: checked and passed (a read or reflect
 * step passes when it is checked; a scored step by its own pass rule, see
 * #FwStepResult). A step checked but not passed is not done.
 *
 * Returns: the number of steps done
 */
guint
fw_exercise_session_get_n_passed (FwExerciseSession *self)
{
  guint n = 0;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), 0);

  for (guint i = 0; i < fw_exercise_get_n_steps (self->exercise); i++)
    n += self->results[i].checked && self->results[i].passed ? 1 : 0;

  return n;
}

/**
 * fw_exercise_session_is_complete:
 * @self: a session
 *
 * Whether the exercise is complete: every step checked and passed. A
 * student may still hand in work that is not complete; the hand-in then
 * says so (`"complete": false`) and the teacher sees which steps passed.
 *
 * Returns: whether every step has been checked and passed
 */
gboolean
fw_exercise_session_is_complete (FwExerciseSession *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), FALSE);
  return fw_exercise_session_get_n_passed (self) == fw_exercise_get_n_steps (self->exercise);
}

/**
 * fw_exercise_session_get_mean_score:
 * @self: a session
 *
 * Returns: the mean score of the checked steps that have a score, 0–1, or
 *   a negative number when there is none yet
 */
double
fw_exercise_session_get_mean_score (FwExerciseSession *self)
{
  double sum = 0.0;
  guint n = 0;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), -1.0);

  for (guint i = 0; i < fw_exercise_get_n_steps (self->exercise); i++)
    if (self->results[i].checked && self->results[i].scored)
      {
        sum += self->results[i].score;
        n++;
      }

  return n > 0 ? sum / n : -1.0;
}

static const char *
category_label (const FwExerciseStep *s,
                const char           *id)
{
  for (guint i = 0; i < s->categories->len; i++)
    {
      const FwStepCategory *c = g_ptr_array_index (s->categories, i);

      if (g_strcmp0 (c->id, id) == 0)
        return c->label;
    }

  return id;
}

static const char *
frame_label (FwExerciseSession *self,
             const char        *id)
{
  const FwFrame *frame = fw_pack_find_frame (self->pack, id);

  return frame != NULL ? frame->label : id;
}

static const char *
piece_title (FwExerciseSession *self,
             const char        *id)
{
  FwPiece *piece = fw_pack_find_piece (self->pack, id);

  return piece != NULL ? fw_piece_get_title (piece) : id;
}

/**
 * fw_exercise_session_describe_answer:
 * @self: a session
 * @step: a step index
 *
 * Describes the student's answer in plain sentences, one a line, for a
 * report or a hand-in: the chosen options, the marked spans, each
 * sentence with its category, each prediction, or the reflection.
 *
 * Returns: (transfer full) (array zero-terminated=1): the lines; empty
 *   when nothing has been answered
 */
char **
fw_exercise_session_describe_answer (FwExerciseSession *self,
                                     guint              step)
{
  GPtrArray *lines = g_ptr_array_new ();
  const FwExerciseStep *s;
  const FwStepAnswer *answer;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), NULL);

  s = get_step (self, step);
  answer = &self->answers[step];

  switch (s->kind)
    {
    case FW_STEP_READ:
      if (self->results[step].checked)
        g_ptr_array_add (lines, g_strdup (C_("step answer", "Read")));
      break;

    case FW_STEP_CHOICE:
      for (guint i = 0; i < s->options->len && i < MAX_OPTIONS; i++)
        if ((answer->chosen >> i) & 1)
          g_ptr_array_add (lines, g_strdup_printf (_("Chose: %s"),
                                                       ((FwChoiceOption *)
                                                        g_ptr_array_index (s->options, i))->text));
      break;

    case FW_STEP_FIND_SPANS:
      {
        FwPiece *piece = step_piece (self, step);

        for (guint i = 0; piece != NULL && i < answer->spans->len; i++)
          {
            const FwSpan *span = &g_array_index (answer->spans, FwSpan, i);
            g_autofree char *text = fw_piece_dup_span_text (piece, span->start, span->end);

            g_ptr_array_add (lines, g_strdup_printf (_("Marked: “%s”"), text));
          }
      }
      break;

    case FW_STEP_CLASSIFY_SENTENCES:
      for (guint i = 0; i < s->sentences->len; i++)
        {
          const FwStepSentence *sentence = g_ptr_array_index (s->sentences, i);
          const char *chosen = g_ptr_array_index (answer->categories, i);

          if (chosen != NULL)
            g_ptr_array_add (lines, g_strdup_printf (_("“%s” — %s"), sentence->text,
                                                         category_label (s, chosen)));
        }
      break;

    case FW_STEP_COMPARE_FRAMES:
      for (guint f = 0; f < answer->predictions->len; f++)
        {
          int piece = g_array_index (answer->predictions, int, f);

          if (piece >= 0)
            g_ptr_array_add (lines,
                                 g_strdup_printf (_("Predicted that “%s” leans more on “%s”"),
                                                  piece_title (self, s->pieces[piece]),
                                                  frame_label (self, s->frames[f])));
        }
      break;

    case FW_STEP_REFLECT:
      if (answer->text != NULL && *answer->text != '\0')
        g_ptr_array_add (lines, g_strdup (answer->text));
      break;

    default:
      g_assert_not_reached ();
    }

  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/**
 * fw_exercise_session_format_score:
 * @self: a session
 * @step: a step index
 *
 * Formats the result of @step for people: a percentage for scored steps
 * (with precision and recall for find-spans), "Done" for read and reflect,
 * "Not done yet" before the answer is checked.
 *
 * Returns: (transfer full): the text
 */
char *
fw_exercise_session_format_score (FwExerciseSession *self,
                                  guint              step)
{
  const FwStepResult *result;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), NULL);

  result = &self->results[step];
  if (!result->checked)
    return g_strdup (_("Not done yet"));

  if (!result->scored)
    return g_strdup (_("Done"));

  if (get_step (self, step)->kind == FW_STEP_FIND_SPANS)
    return g_strdup_printf (_("F1 %.0f%% (precision %.0f%%, recall %.0f%%)"),
                            100.0 * result->spans.f1, 100.0 * result->spans.precision,
                            100.0 * result->spans.recall);

  return g_strdup_printf (_("%.0f%%"), 100.0 * result->score);
}

/**
 * fw_exercise_session_describe_score:
 * @self: a session
 * @step: a step index
 *
 * The result of @step in whole sentences for students: the score, and
 * for find-spans what the recall and precision mean ("on average your
 * marks cover 50% of each key passage, and 80% of what you marked is in
 * the key") rather than their names. fw_exercise_session_format_score() keeps the names, for
 * teachers and hand-ins.
 *
 * Returns: (transfer full): the text
 */
char *
fw_exercise_session_describe_score (FwExerciseSession *self,
                                    guint              step)
{
  const FwStepResult *result;
  int score, precision, recall;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  g_return_val_if_fail (step < fw_exercise_get_n_steps (self->exercise), NULL);

  result = &self->results[step];
  if (!result->checked || !result->scored
      || get_step (self, step)->kind != FW_STEP_FIND_SPANS)
    return fw_exercise_session_format_score (self, step);

  score = (int) (100.0 * result->spans.f1 + 0.5);
  precision = (int) (100.0 * result->spans.precision + 0.5);
  recall = (int) (100.0 * result->spans.recall + 0.5);
  /* The recall is overlap-weighted (fw_span_score()): the mean share of
   * each key passage that the marks cover, not a share of passages found. */
  if (recall >= 100 && precision >= 100)
    return g_strdup_printf (_("Score %d%%: your marks cover every passage of the key, and "
                              "everything you marked is in the key"), score);
  if (recall >= 100)
    return g_strdup_printf (_("Score %d%%: your marks cover every passage of the key, but only "
                              "%d%% of what you marked is in the key"), score, precision);
  if (precision >= 100)
    return g_strdup_printf (_("Score %d%%: everything you marked is in the key, but on average "
                              "your marks cover only %d%% of each key passage"), score, recall);
  return g_strdup_printf (_("Score %d%%: on average your marks cover %d%% of each key passage, "
                            "and %d%% of what you marked is in the key"), score, recall,
                          precision);
}

/* Appends @part to @name as words: letters (of any script), digits,
 * combining marks and the punctuation a title keeps (- _ & , ' ’ ( )),
 * every other run of characters one space; parts are joined by " - ", and
 * nothing but a letter or digit starts or ends a part. */
static void
append_name_part (GString    *name,
                  const char *part)
{
  g_autoptr(GString) words = g_string_new (NULL);
  gsize end;

  for (const char *p = part; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean keep = g_unichar_isalnum (c) || g_unichar_ismark (c)
                      || (words->len > 0 && g_utf8_strchr ("-_&,'’()", -1, c) != NULL);

      if (keep)
        g_string_append_unichar (words, c);
      else if (words->len > 0 && words->str[words->len - 1] != ' ')
        g_string_append_c (words, ' ');
    }

  /* Back to the last letter or digit. */
  end = words->len;
  while (end > 0)
    {
      const char *last = g_utf8_find_prev_char (words->str, words->str + end);

      if (g_unichar_isalnum (g_utf8_get_char (last)) || g_unichar_ismark (g_utf8_get_char (last)))
        break;
      end = (gsize) (last - words->str);
    }
  g_string_truncate (words, end);

  if (words->len == 0)
    return;
  if (name->len > 0)
    g_string_append (name, " - ");
  g_string_append (name, words->str);
}

/**
 * fw_exercise_session_suggest_file_name:
 * @self: a session
 * @student: (nullable): the student's name
 * @extension: the file name extension without the dot, e.g. "pdf"
 *
 * A file name to suggest for the hand-in of this exercise: the student's
 * name, the pack's and the exercise's titles, joined by " - ". Each keeps
 * its letters (of any script), digits and the punctuation of titles
 * (`- _ & , ' ’ ( )`) inside it; other characters, among them all that
 * FAT, exFAT, NTFS or Windows refuse (`< > : " / \ | ? *` and control
 * characters), become a space, so that the name starts and ends with a
 * letter or digit and no option-like leading dash is left. The name part
 * is cut to 200 bytes, at a character boundary, so that the whole name
 * stays within the 255-byte limit of common file systems.
 *
 * Returns: (transfer full): the file name, without folders
 */
char *
fw_exercise_session_suggest_file_name (FwExerciseSession *self,
                                       const char        *student,
                                       const char        *extension)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *end;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  append_name_part (name, student != NULL ? student : "");
  append_name_part (name, fw_pack_get_title (self->pack));
  append_name_part (name, fw_exercise_get_title (self->exercise));

  if (name->len > 200)
    {
      g_utf8_validate_len (name->str, 200, &end);
      g_string_truncate (name, (gsize) (end - name->str));
    }
  while (name->len > 0 && strchr (" .-", name->str[name->len - 1]) != NULL)
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "hand-in");
  g_string_append_printf (name, ".%s", extension);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static JsonNode *
span_node (FwPiece      *piece,
           const FwSpan *span,
           const char   *reason)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, span->start);
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, span->end);
  if (piece != NULL && span->end <= fw_piece_get_length (piece))
    {
      g_autofree char *text = fw_piece_dup_span_text (piece, span->start, span->end);

      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
    }
  if (reason != NULL)
    {
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, reason);
    }
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
add_answer (FwExerciseSession *self,
            guint              step,
            JsonBuilder       *b)
{
  const FwExerciseStep *s = get_step (self, step);
  const FwStepAnswer *answer = &self->answers[step];

  json_builder_begin_object (b);
  switch (s->kind)
    {
    case FW_STEP_READ:
      break;

    case FW_STEP_CHOICE:
      json_builder_set_member_name (b, "options");
      json_builder_begin_array (b);
      for (guint i = 0; i < MAX_OPTIONS; i++)
        if ((answer->chosen >> i) & 1)
          json_builder_add_int_value (b, i);
      json_builder_end_array (b);
      break;

    case FW_STEP_FIND_SPANS:
      json_builder_set_member_name (b, "spans");
      json_builder_begin_array (b);
      for (guint i = 0; i < answer->spans->len; i++)
        json_builder_add_value (b, span_node (step_piece (self, step),
                                              &g_array_index (answer->spans, FwSpan, i), NULL));
      json_builder_end_array (b);
      break;

    case FW_STEP_CLASSIFY_SENTENCES:
      json_builder_set_member_name (b, "sentences");
      json_builder_begin_array (b);
      for (guint i = 0; i < answer->categories->len; i++)
        {
          const char *c = g_ptr_array_index (answer->categories, i);

          if (c != NULL)
            json_builder_add_string_value (b, c);
          else
            json_builder_add_null_value (b);
        }
      json_builder_end_array (b);
      break;

    case FW_STEP_COMPARE_FRAMES:
      json_builder_set_member_name (b, "predictions");
      json_builder_begin_object (b);
      for (guint f = 0; f < answer->predictions->len; f++)
        {
          int piece = g_array_index (answer->predictions, int, f);

          json_builder_set_member_name (b, s->frames[f]);
          if (piece >= 0)
            json_builder_add_string_value (b, s->pieces[piece]);
          else
            json_builder_add_null_value (b);
        }
      json_builder_end_object (b);
      break;

    case FW_STEP_REFLECT:
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, answer->text != NULL ? answer->text : "");
      break;

    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (b);
}

static void
add_result (FwExerciseSession *self,
            guint              step,
            JsonBuilder       *b)
{
  const FwExerciseStep *s = get_step (self, step);
  const FwStepResult *result = &self->results[step];
  g_autofree char *formatted = fw_exercise_session_format_score (self, step);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "score");
  if (result->checked && result->scored)
    json_builder_add_double_value (b, result->score);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "passed");
  json_builder_add_boolean_value (b, result->checked && result->passed);
  json_builder_set_member_name (b, "formatted");
  json_builder_add_string_value (b, formatted);

  if (result->checked && s->kind == FW_STEP_FIND_SPANS)
    {
      FwPiece *piece = step_piece (self, step);

      json_builder_set_member_name (b, "precision");
      json_builder_add_double_value (b, result->spans.precision);
      json_builder_set_member_name (b, "recall");
      json_builder_add_double_value (b, result->spans.recall);
      json_builder_set_member_name (b, "f1");
      json_builder_add_double_value (b, result->spans.f1);
      json_builder_set_member_name (b, "missed");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->missed->len; i++)
        {
          const FwAnnotation *a = g_ptr_array_index (result->missed, i);
          FwSpan span = { a->start, a->end };

          json_builder_add_value (b, span_node (piece, &span, a->note));
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "extra");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->extra->len; i++)
        json_builder_add_value (b, span_node (piece, &g_array_index (result->extra, FwSpan, i),
                                              NULL));
      json_builder_end_array (b);
    }

  if (result->checked && result->correct != NULL && result->correct->len > 0)
    {
      json_builder_set_member_name (b, "correct");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->correct->len; i++)
        json_builder_add_boolean_value (b, g_array_index (result->correct, gboolean, i));
      json_builder_end_array (b);
    }

  if (s->kind == FW_STEP_REFLECT)
    {
      json_builder_set_member_name (b, "words");
      json_builder_add_int_value (b, fw_exercise_session_count_words (self,
                                                                      self->answers[step].text));
    }
  json_builder_end_object (b);
}

/**
 * fw_exercise_session_to_json:
 * @self: a session
 *
 * Serialises the session: the exercise id and title, the current step,
 * and per step its kind, title, answer (machine-readable), answer text
 * (fw_exercise_session_describe_answer()), whether it was checked, and its
 * result, with the missed and extra spans of find-spans steps. This is the
 * form in the save file and in a hand-in.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
fw_exercise_session_to_json (FwExerciseSession *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n;
  double mean;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), NULL);

  n = fw_exercise_get_n_steps (self->exercise);
  mean = fw_exercise_session_get_mean_score (self);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, fw_exercise_get_id (self->exercise));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, fw_exercise_get_title (self->exercise));
  json_builder_set_member_name (b, "current_step");
  json_builder_add_int_value (b, self->current_step);
  json_builder_set_member_name (b, "complete");
  json_builder_add_boolean_value (b, fw_exercise_session_is_complete (self));
  json_builder_set_member_name (b, "mean_score");
  if (mean >= 0.0)
    json_builder_add_double_value (b, mean);
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const FwExerciseStep *s = get_step (self, i);
      g_auto(GStrv) lines = fw_exercise_session_describe_answer (self, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, i);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, fw_step_kind_nicks[s->kind]);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, s->title);
      json_builder_set_member_name (b, "checked");
      json_builder_add_boolean_value (b, self->results[i].checked);
      json_builder_set_member_name (b, "attempts");
      json_builder_add_int_value (b, self->results[i].attempts);
      json_builder_set_member_name (b, "answer");
      add_answer (self, i, b);
      json_builder_set_member_name (b, "answer_text");
      json_builder_begin_array (b);
      for (guint k = 0; lines[k] != NULL; k++)
        json_builder_add_string_value (b, lines[k]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "result");
      add_result (self, i, b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
mismatch (GError     **error,
          guint        step,
          const char  *title)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, FW_SESSION_ERROR, FW_SESSION_ERROR_MISMATCH,
                 _("The saved answer to step %u (“%s”) no longer fits the exercise and was "
                   "not restored."), step + 1, title);
}

static gboolean
restore_answer (FwExerciseSession *self,
                guint              step,
                JsonObject        *answer)
{
  const FwExerciseStep *s = get_step (self, step);
  FwStepAnswer *a = &self->answers[step];

  switch (s->kind)
    {
    case FW_STEP_READ:
      return TRUE;

    case FW_STEP_CHOICE:
      {
        JsonArray *options = fw_json_member_array (answer, "options");
        guint32 chosen = 0;

        if (options == NULL)
          return FALSE;
        for (guint i = 0; i < json_array_get_length (options); i++)
          {
            gint64 index = fw_json_node_int (json_array_get_element (options, i), -1);

            if (index < 0 || index >= (gint64) MIN (s->options->len, MAX_OPTIONS))
              return FALSE;
            chosen |= 1u << index;
          }
        if (!s->multiple && (chosen & (chosen - 1)) != 0)
          return FALSE;
        a->chosen = chosen;
        return TRUE;
      }

    case FW_STEP_FIND_SPANS:
      {
        JsonArray *spans = fw_json_member_array (answer, "spans");
        FwPiece *piece = step_piece (self, step);

        if (spans == NULL || piece == NULL)
          return FALSE;
        for (guint i = 0; i < json_array_get_length (spans); i++)
          {
            JsonObject *o = fw_json_element_object (spans, i);
            gint64 start, end;
            FwSpan span;

            if (o == NULL)
              return FALSE;
            start = fw_json_member_int (o, "start", -1);
            end = fw_json_member_int (o, "end", -1);
            if (start < 0 || end <= start || end > fw_piece_get_length (piece))
              return FALSE;
            span.start = (guint) start;
            span.end = (guint) end;
            g_array_append_val (a->spans, span);
          }
        return TRUE;
      }

    case FW_STEP_CLASSIFY_SENTENCES:
      {
        JsonArray *sentences = fw_json_member_array (answer, "sentences");

        if (sentences == NULL || json_array_get_length (sentences) != s->sentences->len)
          return FALSE;
        for (guint i = 0; i < s->sentences->len; i++)
          {
            JsonNode *node = json_array_get_element (sentences, i);
            const char *id = fw_json_node_string (node);

            if ((id == NULL && !JSON_NODE_HOLDS_NULL (node)) || (id != NULL && !has_category (s, id)))
              return FALSE;
            g_free (g_ptr_array_index (a->categories, i));
            g_ptr_array_index (a->categories, i) = g_strdup (id);
          }
        return TRUE;
      }

    case FW_STEP_COMPARE_FRAMES:
      {
        JsonObject *predictions = fw_json_member_object (answer, "predictions");

        if (predictions == NULL)
          return FALSE;
        for (guint f = 0; s->frames[f] != NULL; f++)
          {
            const char *id = fw_json_member_string (predictions, s->frames[f]);
            int piece = -1;

            if (id != NULL)
              {
                if (g_strcmp0 (id, s->pieces[0]) == 0)
                  piece = 0;
                else if (g_strcmp0 (id, s->pieces[1]) == 0)
                  piece = 1;
                else
                  return FALSE;
              }
            g_array_index (a->predictions, int, f) = piece;
          }
        return TRUE;
      }

    case FW_STEP_REFLECT:
      {
        const char *text = fw_json_member_string (answer, "text");

        if (text == NULL || !g_utf8_validate (text, -1, NULL))
          return FALSE;
        a->text = *text != '\0' ? g_strdup (text) : NULL;
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static guint
first_step_not_done (FwExerciseSession *self)
{
  guint n = fw_exercise_get_n_steps (self->exercise);

  for (guint i = 0; i < n; i++)
    if (!self->results[i].checked)
      return i;
  return n;
}

/**
 * fw_exercise_session_restore:
 * @self: a fresh session
 * @object: a JSON object made by fw_exercise_session_to_json()
 * @error: return location for a #FW_SESSION_ERROR
 *
 * Restores the answers, checks and current step from @object and scores
 * them again against the pack as it is now. Steps whose saved answer does
 * not fit the exercise any more (another kind, an option or sentence that
 * is gone, a span outside the piece) are left unanswered. A current step
 * that is not a step of the exercise (nor its summary), or the summary
 * when an answer was left out, becomes the first step not yet checked.
 *
 * Returns: %TRUE when everything was restored; %FALSE with
 *   %FW_SESSION_ERROR_MISMATCH naming the first step that was not, or
 *   when @object is for another exercise (then nothing is restored)
 */
gboolean
fw_exercise_session_restore (FwExerciseSession *self,
                             JsonObject        *object,
                             GError           **error_out)
{
  GError *local_error = NULL;
  GError **error = &local_error;
  JsonArray *steps;
  guint n;
  gint64 current;

  g_return_val_if_fail (FW_IS_EXERCISE_SESSION (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  if (g_strcmp0 (fw_json_member_string (object, "id"), fw_exercise_get_id (self->exercise)) != 0)
    {
      g_set_error (error_out, FW_SESSION_ERROR, FW_SESSION_ERROR_MISMATCH,
                   _("The saved answers are for another exercise than “%s”."),
                   fw_exercise_get_title (self->exercise));
      return FALSE;
    }

  n = fw_exercise_get_n_steps (self->exercise);
  steps = fw_json_member_array (object, "steps");
  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      JsonObject *o = fw_json_element_object (steps, i);
      gint64 index;
      JsonObject *answer;
      const FwExerciseStep *s;

      if (o == NULL)
        continue;

      index = fw_json_member_int (o, "index", -1);
      if (index < 0 || index >= n)
        {
          if (*error == NULL)
            g_set_error (error, FW_SESSION_ERROR, FW_SESSION_ERROR_MISMATCH,
                         _("The saved answers have a step %" PRId64
                           " that the exercise no longer has."), (int64_t) index + 1);
          continue;
        }

      s = get_step (self, (guint) index);
      answer = fw_json_member_object (o, "answer");
      if (g_strcmp0 (fw_json_member_string (o, "kind"), fw_step_kind_nicks[s->kind]) != 0
          || answer == NULL)
        {
          mismatch (error, (guint) index, s->title);
          continue;
        }

      answer_init (self, (guint) index);
      if (!restore_answer (self, (guint) index, answer))
        {
          answer_init (self, (guint) index);
          mismatch (error, (guint) index, s->title);
          continue;
        }

      result_clear (&self->results[index]);
      self->results[index].attempts =
        (guint) CLAMP (fw_json_member_int (o, "attempts", 0), 0, G_MAXINT);
      if (fw_json_member_boolean (o, "checked", FALSE)
          && fw_exercise_session_can_check (self, (guint) index))
        {
          self->results[index].checked = TRUE;
          score_step (self, (guint) index);
        }
    }

  /* A step outside the exercise comes from a damaged or edited file, and
   * the summary is not where the student left off when answers had to be
   * dropped: both resume at the first step not done, instead of at the
   * hand-in as if the work were finished. */
  current = fw_json_member_int (object, "current_step", -1);
  if (current < 0 || current > n || (current == n && local_error != NULL))
    current = first_step_not_done (self);
  fw_exercise_session_set_current_step (self, (guint) current);

  if (local_error != NULL)
    {
      g_propagate_error (error_out, local_error);
      return FALSE;
    }

  return TRUE;
}
