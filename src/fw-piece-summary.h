/* fw-piece-summary.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-frame-profile.h"
#include "fw-types.h"

G_BEGIN_DECLS

#define FW_TYPE_PIECE_SUMMARY (fw_piece_summary_get_type ())

G_DECLARE_FINAL_TYPE (FwPieceSummary, fw_piece_summary, FW, PIECE_SUMMARY, GtkWidget)

GtkWidget *fw_piece_summary_new                (void);
void       fw_piece_summary_reset              (FwPieceSummary *self,
                                                const guint    *teacher_counts);
void       fw_piece_summary_set_analysis       (FwPieceSummary *self,
                                                const guint    *automatic_counts,
                                                FwFrameProfile *profile,
                                                const char     *piece_title);
void       fw_piece_summary_set_failed         (FwPieceSummary *self,
                                                const char     *message);
void       fw_piece_summary_set_show_automatic (FwPieceSummary *self,
                                                gboolean        show);
char      *fw_piece_summary_dup_text           (FwPieceSummary *self);

G_END_DECLS
