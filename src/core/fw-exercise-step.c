/* fw-exercise-step.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-exercise-step.h"
#include "fw-frame.h"
#include "fw-piece.h"
#include "fw-selector.h"

const char * const fw_step_kind_nicks[] = {
  "read", "choice", "find-spans", "classify-sentences", "compare-frames", "reflect", NULL
};

static void
choice_option_free (FwChoiceOption *option)
{
  g_free (option->text);
  g_free (option->feedback);
  g_free (option);
}

static void
step_category_free (FwStepCategory *category)
{
  g_free (category->id);
  g_free (category->label);
  g_free (category);
}

static void
step_sentence_free (FwStepSentence *sentence)
{
  g_free (sentence->piece);
  g_free (sentence->text);
  g_free (sentence->answer);
  g_free (sentence->feedback);
  g_free (sentence);
}

/**
 * fw_exercise_step_free:
 * @self: (transfer full) (nullable): a step
 *
 * Frees @self.
 */
void
fw_exercise_step_free (FwExerciseStep *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->instructions);
  g_free (self->hint);
  g_free (self->feedback);
  g_strfreev (self->pieces);
  g_free (self->focus);
  g_free (self->question);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_free (self->piece);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->sentences, g_ptr_array_unref);
  g_strfreev (self->frames);
  g_free (self->prompt);
  g_strfreev (self->questions);
  g_free (self);
}

static FwPiece *
find_piece (GPtrArray  *pieces,
            const char *id)
{
  for (guint i = 0; i < pieces->len; i++)
    if (g_strcmp0 (fw_piece_get_id (g_ptr_array_index (pieces, i)), id) == 0)
      return g_ptr_array_index (pieces, i);

  return NULL;
}

static gboolean
has_frame (GPtrArray  *frames,
           const char *id)
{
  for (guint i = 0; i < frames->len; i++)
    if (g_strcmp0 (((FwFrame *) g_ptr_array_index (frames, i))->id, id) == 0)
      return TRUE;

  return FALSE;
}

/* Reports that no piece has @id at @member, unless a piece declares it,
 * or a piece has no usable id and may be the one meant: such a piece
 * failed to parse and has reported its own errors, and one error is
 * enough. */
static void
report_unknown_piece (FwValidator *validator,
                      GHashTable  *declared_pieces,
                      const char  *member,
                      const char  *id)
{
  if (declared_pieces != NULL
      && (g_hash_table_contains (declared_pieces, id)
          || g_hash_table_contains (declared_pieces, FW_PIECE_WITHOUT_ID)))
    return;

  fw_validator_report (validator, FW_SEVERITY_ERROR, member, _("No piece has the id “%s”"), id);
}

static void
check_piece_ids (FwValidator  *validator,
                 const char   *member,
                 char        **ids,
                 GPtrArray    *pieces,
                 GHashTable   *declared_pieces,
                 guint         min,
                 guint         max)
{
  guint n = ids ? g_strv_length (ids) : 0;

  if (ids == NULL)
    return;

  if (n < min || n > max)
    fw_validator_report (validator, FW_SEVERITY_ERROR, member,
                         g_dngettext (GETTEXT_PACKAGE, "This step needs %u to %u piece id",
                                      "This step needs %u to %u piece ids", max),
                         min, max);

  fw_validator_push_member (validator, member);
  for (guint i = 0; i < n; i++)
    {
      if (find_piece (pieces, ids[i]) == NULL)
        {
          g_autofree char *index = g_strdup_printf ("%u", i);

          report_unknown_piece (validator, declared_pieces, index, ids[i]);
        }
    }
  fw_validator_pop (validator);
}

static void
parse_choice (FwExerciseStep *self,
              FwValidator    *validator,
              JsonObject     *object)
{
  static const char * const known[] = { "text", "correct", "feedback", NULL };
  JsonArray *options;
  guint n_correct = 0;

  self->question = g_strdup (fw_validator_get_string (validator, object, "question", TRUE));
  self->multiple = fw_validator_get_boolean (validator, object, "multiple", FALSE);
  self->options = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_option_free);

  options = fw_validator_get_array (validator, object, "options", TRUE, 26);
  if (options == NULL)
    return;

  fw_validator_push_member (validator, "options");
  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      JsonObject *o = fw_validator_element_object (validator, options, i);
      FwChoiceOption *option;
      const char *text;

      if (o == NULL)
        continue;

      fw_validator_push_index (validator, i);
      fw_validator_check_members (validator, o, known);
      text = fw_validator_get_string (validator, o, "text", TRUE);
      if (text != NULL)
        {
          option = g_new0 (FwChoiceOption, 1);
          option->text = g_strdup (text);
          option->correct = fw_validator_get_boolean (validator, o, "correct", FALSE);
          option->feedback = g_strdup (fw_validator_get_string (validator, o, "feedback", FALSE));
          n_correct += option->correct ? 1 : 0;
          g_ptr_array_add (self->options, option);
        }
      fw_validator_pop (validator);
    }
  fw_validator_pop (validator);

  if (self->options->len < 2)
    fw_validator_report (validator, FW_SEVERITY_ERROR, "options",
                         _("A choice needs at least two options"));
  else if (n_correct == 0)
    fw_validator_report (validator, FW_SEVERITY_ERROR, "options",
                         _("No option is marked “correct”"));
  else if (n_correct > 1 && !self->multiple)
    fw_validator_report (validator, FW_SEVERITY_ERROR, "options",
                         _("Several options are correct; set “multiple” to true"));
}

static void
parse_find_spans (FwExerciseStep *self,
                  FwValidator    *validator,
                  JsonObject     *object,
                  GPtrArray      *pieces,
                  GHashTable     *declared_pieces)
{
  g_auto(GStrv) kinds = NULL;

  self->piece = g_strdup (fw_validator_get_string (validator, object, "piece", TRUE));
  if (self->piece != NULL && find_piece (pieces, self->piece) == NULL)
    report_unknown_piece (validator, declared_pieces, "piece", self->piece);

  kinds = fw_validator_get_strv (validator, object, "key_kinds", TRUE);
  if (kinds != NULL)
    {
      fw_validator_push_member (validator, "key_kinds");
      for (guint i = 0; kinds[i] != NULL; i++)
        {
          FwAnnotationKind kind;

          if (fw_annotation_kind_from_nick (kinds[i], &kind))
            {
              self->key_kinds |= 1u << kind;
            }
          else
            {
              g_autofree char *index = g_strdup_printf ("%u", i);

              fw_validator_report (validator, FW_SEVERITY_ERROR, index,
                                   _("“%s” is not an annotation kind"), kinds[i]);
            }
        }
      fw_validator_pop (validator);
    }

  self->pass_f1 = 0.5;
  fw_validator_get_double (validator, object, "pass_f1", 0.0, 1.0, &self->pass_f1);
}

static void
parse_classify (FwExerciseStep *self,
                FwValidator    *validator,
                JsonObject     *object,
                GPtrArray      *pieces,
                GHashTable     *declared_pieces)
{
  static const char * const known[] = {
    "piece", "exact", "prefix", "suffix", "answer", "feedback", NULL
  };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *categories, *sentences;

  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) step_category_free);
  self->sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) step_sentence_free);

  categories = fw_validator_get_array (validator, object, "categories", TRUE, 12);
  if (categories != NULL)
    {
      fw_validator_push_member (validator, "categories");
      for (guint i = 0; i < json_array_get_length (categories); i++)
        {
          JsonObject *c = fw_validator_element_object (validator, categories, i);
          const char *id, *label;

          if (c == NULL)
            continue;

          fw_validator_push_index (validator, i);
          id = fw_validator_get_string (validator, c, "id", TRUE);
          label = fw_validator_get_string (validator, c, "label", TRUE);
          if (fw_validator_check_id (validator, id, ids) && label != NULL)
            {
              FwStepCategory *category = g_new0 (FwStepCategory, 1);

              category->id = g_strdup (id);
              category->label = g_strdup (label);
              g_ptr_array_add (self->categories, category);
            }
          fw_validator_pop (validator);
        }
      fw_validator_pop (validator);

      if (self->categories->len < 2)
        fw_validator_report (validator, FW_SEVERITY_ERROR, "categories",
                             _("Sorting needs at least two categories"));
    }

  sentences = fw_validator_get_array (validator, object, "sentences", TRUE, 200);
  if (sentences == NULL)
    return;

  fw_validator_push_member (validator, "sentences");
  for (guint i = 0; i < json_array_get_length (sentences); i++)
    {
      JsonObject *s = fw_validator_element_object (validator, sentences, i);
      g_autoptr(GError) error = NULL;
      const char *piece_id, *exact, *answer;
      FwPiece *piece = NULL;
      guint start, end;

      if (s == NULL)
        continue;

      fw_validator_push_index (validator, i);
      fw_validator_check_members (validator, s, known);
      piece_id = fw_validator_get_string (validator, s, "piece", TRUE);
      exact = fw_validator_get_string (validator, s, "exact", TRUE);
      answer = fw_validator_get_string (validator, s, "answer", TRUE);

      if (piece_id != NULL && (piece = find_piece (pieces, piece_id)) == NULL)
        report_unknown_piece (validator, declared_pieces, "piece", piece_id);

      if (answer != NULL && !g_hash_table_contains (ids, answer))
        fw_validator_report (validator, FW_SEVERITY_ERROR, "answer",
                             _("“%s” is not one of this step’s categories"), answer);

      if (piece != NULL && exact != NULL
          && fw_validator_spend_search (
               validator, fw_utf8_index_get_n_bytes (fw_piece_get_utf8_index (piece))))
        {
          if (!fw_selector_resolve (fw_piece_get_text (piece), fw_piece_get_length (piece),
                                    fw_piece_get_utf8_index (piece), exact,
                                    fw_validator_get_string (validator, s, "prefix", FALSE),
                                    fw_validator_get_string (validator, s, "suffix", FALSE),
                                    -1, -1, &start, &end, &error))
            {
              fw_validator_report (validator, FW_SEVERITY_ERROR, "exact", "%s", error->message);
            }
          else if (answer != NULL)
            {
              FwStepSentence *sentence = g_new0 (FwStepSentence, 1);

              sentence->piece = g_strdup (piece_id);
              sentence->start = start;
              sentence->end = end;
              sentence->text = g_strdup (exact);
              sentence->answer = g_strdup (answer);
              sentence->feedback = g_strdup (fw_validator_get_string (validator, s, "feedback",
                                                                      FALSE));
              g_ptr_array_add (self->sentences, sentence);
            }
        }
      fw_validator_pop (validator);
    }
  fw_validator_pop (validator);
}

/**
 * fw_exercise_step_parse:
 * @validator: a validator positioned at the step object
 * @object: a step object of an exercise
 * @pieces: (element-type FwPiece): the pack's pieces, to check piece ids
 *   and resolve sentence selectors
 * @declared_pieces: (nullable) (element-type utf8 utf8): the ids of every
 *   piece the pack declares, as a set, parsed or not, with
 *   %FW_PIECE_WITHOUT_ID when a piece's id is missing or not a string. A
 *   reference to a declared piece that failed to parse is not reported
 *   again: the piece has reported its own errors; with
 *   %FW_PIECE_WITHOUT_ID, no unknown id is reported, since it may be that
 *   piece's. %NULL reports every id not in @pieces.
 * @frames: (element-type FwFrame): the frames available to the pack
 *
 * Reads one step, checking the fields its `kind` needs and every id it
 * refers to.
 *
 * Returns: (transfer full) (nullable): the step, or %NULL when its kind or
 *   title is missing or invalid
 */
FwExerciseStep *
fw_exercise_step_parse (FwValidator *validator,
                        JsonObject  *object,
                        GPtrArray   *pieces,
                        GHashTable  *declared_pieces,
                        GPtrArray   *frames)
{
  static const char * const known[] = {
    "kind", "title", "instructions", "hint", "feedback", "pieces", "focus", "question",
    "multiple", "options", "piece", "key_kinds", "pass_f1", "categories", "sentences", "frames",
    "prompt", "questions", "min_words", NULL
  };
  g_autoptr(FwExerciseStep) self = g_new0 (FwExerciseStep, 1);
  int kind;
  gint64 min_words = 0;

  fw_validator_check_members (validator, object, known);

  kind = fw_validator_get_enum (validator, object, "kind", TRUE, fw_step_kind_nicks, -1);
  self->title = g_strdup (fw_validator_get_string (validator, object, "title", TRUE));
  self->instructions = g_strdup (fw_validator_get_string (validator, object, "instructions",
                                                          FALSE));
  self->hint = g_strdup (fw_validator_get_string (validator, object, "hint", FALSE));
  self->feedback = g_strdup (fw_validator_get_string (validator, object, "feedback", FALSE));

  if (kind < 0 || self->title == NULL)
    return NULL;

  self->kind = (FwStepKind) kind;
  switch (self->kind)
    {
    case FW_STEP_READ:
      self->pieces = fw_validator_get_strv (validator, object, "pieces", TRUE);
      check_piece_ids (validator, "pieces", self->pieces, pieces, declared_pieces, 1, 2);
      self->focus = g_strdup (fw_validator_get_string (validator, object, "focus", FALSE));
      break;

    case FW_STEP_CHOICE:
      parse_choice (self, validator, object);
      break;

    case FW_STEP_FIND_SPANS:
      parse_find_spans (self, validator, object, pieces, declared_pieces);
      break;

    case FW_STEP_CLASSIFY_SENTENCES:
      parse_classify (self, validator, object, pieces, declared_pieces);
      break;

    case FW_STEP_COMPARE_FRAMES:
      self->pieces = fw_validator_get_strv (validator, object, "pieces", TRUE);
      check_piece_ids (validator, "pieces", self->pieces, pieces, declared_pieces, 2, 2);
      self->frames = fw_validator_get_strv (validator, object, "frames", TRUE);
      for (guint i = 0; self->frames != NULL && self->frames[i] != NULL; i++)
        {
          if (!has_frame (frames, self->frames[i]))
            {
              fw_validator_push_member (validator, "frames");
              {
                g_autofree char *index = g_strdup_printf ("%u", i);

                fw_validator_report (validator, FW_SEVERITY_ERROR, index,
                                     _("No frame has the id “%s”"), self->frames[i]);
              }
              fw_validator_pop (validator);
            }
        }
      break;

    case FW_STEP_REFLECT:
      self->prompt = g_strdup (fw_validator_get_string (validator, object, "prompt", TRUE));
      self->questions = fw_validator_get_strv (validator, object, "questions", FALSE);
      if (fw_validator_get_int (validator, object, "min_words", FALSE, 0, 10000, &min_words))
        self->min_words = (guint) min_words;
      break;

    default:
      g_assert_not_reached ();
    }

  if (self->pieces == NULL)
    self->pieces = g_new0 (char *, 1);
  if (self->frames == NULL)
    self->frames = g_new0 (char *, 1);
  if (self->questions == NULL)
    self->questions = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}
