/* fw-exercise-page.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-work-store.h"

G_BEGIN_DECLS

#define FW_TYPE_EXERCISE_PAGE (fw_exercise_page_get_type ())

G_DECLARE_FINAL_TYPE (FwExercisePage, fw_exercise_page, FW, EXERCISE_PAGE, GtkWidget)

void               fw_exercise_page_set_pack            (FwExercisePage *self,
                                                         FwPack         *pack);
void               fw_exercise_page_set_exercise        (FwExercisePage *self,
                                                         FwExercise     *exercise);
const char        *fw_exercise_page_get_resume_exercise (FwExercisePage *self);
FwWorkStore       *fw_exercise_page_get_store           (FwExercisePage *self);
FwExerciseSession *fw_exercise_page_get_session         (FwExercisePage *self);
void               fw_exercise_page_set_work_directory  (FwExercisePage *self,
                                                         const char     *directory);

G_END_DECLS
