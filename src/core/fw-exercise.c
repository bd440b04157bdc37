/* fw-exercise.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-exercise.h"

#define MAX_STEPS 100

struct _FwExercise
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  GPtrArray *steps;
};

G_DEFINE_FINAL_TYPE (FwExercise, fw_exercise, G_TYPE_OBJECT)

static void
fw_exercise_finalize (GObject *object)
{
  FwExercise *self = (FwExercise *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_exercise_parent_class)->finalize (object);
}

static void
fw_exercise_class_init (FwExerciseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_exercise_finalize;
}

static void
fw_exercise_init (FwExercise *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_exercise_step_free);
}

/**
 * fw_exercise_parse:
 * @validator: a validator positioned at the exercise object
 * @object: an exercise object of a pack
 * @pieces: (element-type FwPiece): the pack's pieces
 * @declared_pieces: (nullable) (element-type utf8 utf8): the ids of every
 *   piece the pack declares, parsed or not, as a set (see
 *   fw_exercise_step_parse())
 * @frames: (element-type FwFrame): the frames available to the pack
 *
 * Reads an exercise and its steps (see fw_exercise_step_parse()).
 *
 * Returns: (transfer full) (nullable): the exercise, or %NULL when its id,
 *   title or steps are missing
 */
FwExercise *
fw_exercise_parse (FwValidator *validator,
                   JsonObject  *object,
                   GPtrArray   *pieces,
                   GHashTable  *declared_pieces,
                   GPtrArray   *frames)
{
  static const char * const known[] = { "id", "title", "description", "steps", NULL };
  g_autoptr(FwExercise) self = g_object_new (FW_TYPE_EXERCISE, NULL);
  JsonArray *steps;

  fw_validator_check_members (validator, object, known);

  self->id = g_strdup (fw_validator_get_string (validator, object, "id", TRUE));
  self->title = g_strdup (fw_validator_get_string (validator, object, "title", TRUE));
  self->description = g_strdup (fw_validator_get_string (validator, object, "description", FALSE));

  steps = fw_validator_get_array (validator, object, "steps", TRUE, MAX_STEPS);
  if (steps != NULL)
    {
      fw_validator_push_member (validator, "steps");
      for (guint i = 0; i < json_array_get_length (steps); i++)
        {
          JsonObject *s = fw_validator_element_object (validator, steps, i);
          FwExerciseStep *step;

          if (s == NULL)
            continue;

          fw_validator_push_index (validator, i);
          step = fw_exercise_step_parse (validator, s, pieces, declared_pieces, frames);
          if (step != NULL)
            g_ptr_array_add (self->steps, step);
          fw_validator_pop (validator);
        }
      fw_validator_pop (validator);

      if (json_array_get_length (steps) == 0)
        fw_validator_report (validator, FW_SEVERITY_ERROR, "steps",
                             _("An exercise needs at least one step"));
    }

  if (self->id == NULL || self->title == NULL || self->steps->len == 0)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fw_exercise_get_id:
 * @self: an exercise
 *
 * Returns: (transfer none): the exercise id
 */
const char *
fw_exercise_get_id (FwExercise *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE (self), NULL);
  return self->id;
}

/**
 * fw_exercise_get_title:
 * @self: an exercise
 *
 * Returns: (transfer none): the exercise title
 */
const char *
fw_exercise_get_title (FwExercise *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE (self), NULL);
  return self->title;
}

/**
 * fw_exercise_get_description:
 * @self: an exercise
 *
 * Returns: (transfer none) (nullable): what the exercise is about
 */
const char *
fw_exercise_get_description (FwExercise *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE (self), NULL);
  return self->description;
}

/**
 * fw_exercise_get_n_steps:
 * @self: an exercise
 *
 * Returns: the number of steps, at least one
 */
guint
fw_exercise_get_n_steps (FwExercise *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE (self), 0);
  return self->steps->len;
}

/**
 * fw_exercise_get_step:
 * @self: an exercise
 * @index: 0-based step index
 *
 * Returns: (transfer none): step @index
 */
const FwExerciseStep *
fw_exercise_get_step (FwExercise *self,
                      guint       index)
{
  g_return_val_if_fail (FW_IS_EXERCISE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return g_ptr_array_index (self->steps, index);
}
