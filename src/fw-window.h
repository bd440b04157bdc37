/* fw-window.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-application.h"
#include "fw-exercise-page.h"
#include "fw-library-page.h"
#include "fw-pack.h"
#include "fw-reader-page.h"

G_BEGIN_DECLS

#define FW_TYPE_WINDOW (fw_window_get_type ())

G_DECLARE_FINAL_TYPE (FwWindow, fw_window, FW, WINDOW, AdwApplicationWindow)

FwWindow       *fw_window_new               (FwApplication *application);
void            fw_window_set_pack          (FwWindow      *self,
                                             FwPack        *pack);
FwPack         *fw_window_get_pack          (FwWindow      *self);
GFile          *fw_window_get_file          (FwWindow      *self);
void            fw_window_open_file         (FwWindow      *self,
                                             GFile         *file);
void            fw_window_open_files        (FwWindow      *self,
                                             GFile        **files,
                                             guint          n_files);
void            fw_window_open_bundled      (FwWindow      *self);
gboolean        fw_window_is_loading        (FwWindow      *self);
void            fw_window_show_piece        (FwWindow      *self,
                                             guint          index);
void            fw_window_show_exercise     (FwWindow      *self,
                                             guint          index);
void            fw_window_show_library      (FwWindow      *self);
const char     *fw_window_get_visible_page  (FwWindow      *self);
FwReaderPage   *fw_window_get_reader_page   (FwWindow      *self);
FwExercisePage *fw_window_get_exercise_page (FwWindow      *self);
FwLibraryPage  *fw_window_get_library_page  (FwWindow      *self);

G_END_DECLS
