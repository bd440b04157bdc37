/* fw-reading-style.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * FW_READING_TEXT_SCALE:
 *
 * How much larger than the interface's a piece's text is set: 21%, two
 * steps of 10%, before the student's own text size.
 */
#define FW_READING_TEXT_SCALE 1.21

void  fw_reading_style_apply           (GtkTextView *view,
                                       GtkTextTag  *body_tag,
                                       GSettings   *settings);
char *fw_reading_style_dup_header_css (const char  *css_class,
                                       int          percent);

G_END_DECLS
