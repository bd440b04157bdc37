/* fw-preferences-window.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *fw_preferences_window_new (GSettings *settings);

G_END_DECLS
