/* fw-utf8-index.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FW_UTF8_INDEX_STEP:
 *
 * How many code points apart the byte offsets an #FwUtf8Index keeps are:
 * a conversion walks at most this many code points from the nearest one.
 */
#define FW_UTF8_INDEX_STEP 64

typedef struct _FwUtf8Index FwUtf8Index;

FwUtf8Index *fw_utf8_index_new             (const char        *text,
                                            gsize              n_bytes);
void         fw_utf8_index_free            (FwUtf8Index       *self);
const char  *fw_utf8_index_get_text        (const FwUtf8Index *self);
gsize        fw_utf8_index_get_n_bytes     (const FwUtf8Index *self);
gsize        fw_utf8_index_get_n_chars     (const FwUtf8Index *self);
gsize        fw_utf8_index_offset_to_byte  (const FwUtf8Index *self,
                                            gsize              offset);
gsize        fw_utf8_index_byte_to_offset  (const FwUtf8Index *self,
                                            gsize              byte);
char        *fw_utf8_index_dup_substring   (const FwUtf8Index *self,
                                            gsize              start,
                                            gsize              end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwUtf8Index, fw_utf8_index_free)

G_END_DECLS
