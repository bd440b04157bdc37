/* fw-highlight-popover.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-annotation.h"

G_BEGIN_DECLS

#define FW_TYPE_HIGHLIGHT_POPOVER (fw_highlight_popover_get_type ())

G_DECLARE_FINAL_TYPE (FwHighlightPopover, fw_highlight_popover, FW, HIGHLIGHT_POPOVER, GtkPopover)

GtkWidget *fw_highlight_popover_new            (void);
void       fw_highlight_popover_set_annotation (FwHighlightPopover *self,
                                                const FwAnnotation *annotation,
                                                const char         *span_text);
char      *fw_highlight_popover_dup_text       (FwHighlightPopover *self);
int        fw_highlight_popover_get_natural_height
                                               (FwHighlightPopover *self);
char      *fw_highlight_describe               (const FwAnnotation *annotation);

G_END_DECLS
