/* fw-class-summary-window.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-class-summary.h"

G_BEGIN_DECLS

#define FW_TYPE_CLASS_SUMMARY_WINDOW (fw_class_summary_window_get_type ())

G_DECLARE_FINAL_TYPE (FwClassSummaryWindow, fw_class_summary_window, FW, CLASS_SUMMARY_WINDOW,
                      AdwWindow)

GtkWidget      *fw_class_summary_window_new       (GtkWindow            *parent);
void            fw_class_summary_window_add_files (FwClassSummaryWindow *self,
                                                   GListModel           *files);
FwClassSummary *fw_class_summary_window_get_summary (FwClassSummaryWindow *self);

G_END_DECLS
