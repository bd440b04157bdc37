/* fw-utf8.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gsize       fw_utf8_count_chars (const char *text,
                                 gsize       n_bytes);
const char *fw_utf8_skip_chars  (const char *text,
                                 gsize       n_bytes,
                                 gsize       n_chars);

G_END_DECLS
