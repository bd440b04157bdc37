/* fw-exercise.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fw-exercise-step.h"
#include "fw-validator.h"

G_BEGIN_DECLS

#define FW_TYPE_EXERCISE (fw_exercise_get_type ())

G_DECLARE_FINAL_TYPE (FwExercise, fw_exercise, FW, EXERCISE, GObject)

FwExercise           *fw_exercise_parse           (FwValidator *validator,
                                                   JsonObject  *object,
                                                   GPtrArray   *pieces,
                                                   GHashTable  *declared_pieces,
                                                   GPtrArray   *frames);
const char           *fw_exercise_get_id          (FwExercise  *self);
const char           *fw_exercise_get_title       (FwExercise  *self);
const char           *fw_exercise_get_description (FwExercise  *self);
guint                 fw_exercise_get_n_steps     (FwExercise  *self);
const FwExerciseStep *fw_exercise_get_step        (FwExercise  *self,
                                                   guint        index);

G_END_DECLS
