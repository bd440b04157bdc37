/* fw-json-locator.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void fw_json_locate_paths (const char *json,
                           gsize       length,
                           GHashTable *wanted);

G_END_DECLS
