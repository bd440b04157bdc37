/* fw-bundled-pack.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-pack.h"

G_BEGIN_DECLS

gboolean fw_bundled_pack_preload (void);
FwPack  *fw_bundled_pack_load    (GBytes **bytes,
                                  GError **error);

G_END_DECLS
