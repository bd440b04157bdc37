/* fw-compare-view.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-frame-comparison.h"

G_BEGIN_DECLS

#define FW_TYPE_COMPARE_VIEW (fw_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (FwCompareView, fw_compare_view, FW, COMPARE_VIEW, GtkWidget)

GtkWidget   *fw_compare_view_new               (void);
void         fw_compare_view_set_comparison    (FwCompareView     *self,
                                                FwPack            *pack,
                                                FwFrameComparison *comparison);
GtkListBox  *fw_compare_view_get_evidence_list (FwCompareView     *self);
GtkTextView *fw_compare_view_get_text_view     (FwCompareView     *self,
                                                guint              piece);
GtkWidget   *fw_compare_view_get_chart         (FwCompareView     *self,
                                                guint              piece);

G_END_DECLS
