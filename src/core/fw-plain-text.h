/* fw-plain-text.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  fw_plain_text_is_hidden_char   (gunichar    c);
char     *fw_plain_text_make_visible     (const char *text,
                                          guint       max_chars);
char     *fw_plain_text_isolate          (const char *text);
char     *fw_plain_text_quote_span       (const char *text);
char     *fw_plain_text_set_direction    (const char *text,
                                          gboolean    rtl);

G_END_DECLS
