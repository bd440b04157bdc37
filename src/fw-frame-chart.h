/* fw-frame-chart.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FW_TYPE_FRAME_CHART (fw_frame_chart_get_type ())

G_DECLARE_FINAL_TYPE (FwFrameChart, fw_frame_chart, FW, FRAME_CHART, GtkWidget)

GtkWidget  *fw_frame_chart_new                  (void);
void        fw_frame_chart_set_profile          (FwFrameChart       *self,
                                                 const char         *piece_title,
                                                 const char * const *frame_labels,
                                                 const double       *densities,
                                                 const guint        *counts,
                                                 double              scale);
const char *fw_frame_chart_get_text_alternative (FwFrameChart       *self);

G_END_DECLS
