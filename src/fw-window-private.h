/* fw-window-private.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-window.h"

G_BEGIN_DECLS

void fw_window_show_bundled_failure (FwWindow     *self,
                                     GBytes       *bytes,
                                     const GError *error);

G_END_DECLS
