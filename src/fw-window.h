/* fw-window.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-application.h"
#include "fw-exercise-page.h"
#include "fw-pack.h"

G_BEGIN_DECLS

#define FW_TYPE_WINDOW (fw_window_get_type ())

G_DECLARE_FINAL_TYPE (FwWindow, fw_window, FW, WINDOW, AdwApplicationWindow)

FwWindow *fw_window_new        (FwApplication *application);
void      fw_window_set_pack   (FwWindow      *self,
                                FwPack        *pack);
FwPack   *fw_window_get_pack   (FwWindow      *self);
void      fw_window_open_file  (FwWindow      *self,
                                GFile         *file);
void      fw_window_show_piece (FwWindow      *self,
                                guint          index);
void      fw_window_show_exercise (FwWindow   *self,
                                   guint       index);
FwExercisePage *fw_window_get_exercise_page (FwWindow *self);

G_END_DECLS
