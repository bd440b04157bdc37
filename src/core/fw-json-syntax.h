/* fw-json-syntax.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FW_JSON_SYNTAX_ERROR (fw_json_syntax_error_quark ())

/**
 * FwJsonSyntaxError:
 * @FW_JSON_SYNTAX_ERROR_EMPTY: there is no JSON value at all
 * @FW_JSON_SYNTAX_ERROR_INVALID: the text breaks the JSON grammar
 * @FW_JSON_SYNTAX_ERROR_TOO_DEEP: arrays and objects nest deeper than
 *   allowed
 * @FW_JSON_SYNTAX_ERROR_NUL: a string holds the NUL character (`\u0000`)
 * @FW_JSON_SYNTAX_ERROR_NUMBER: a number is too large to represent
 *
 * Errors from fw_json_syntax_check().
 */
typedef enum
{
  FW_JSON_SYNTAX_ERROR_EMPTY,
  FW_JSON_SYNTAX_ERROR_INVALID,
  FW_JSON_SYNTAX_ERROR_TOO_DEEP,
  FW_JSON_SYNTAX_ERROR_NUL,
  FW_JSON_SYNTAX_ERROR_NUMBER,
} FwJsonSyntaxError;

GQuark   fw_json_syntax_error_quark (void);
gboolean fw_json_syntax_check       (const char  *json,
                                     gsize        length,
                                     guint        max_depth,
                                     GPtrArray   *warnings,
                                     guint       *line,
                                     guint       *column,
                                     GError     **error);
gboolean fw_json_syntax_check_full  (const char  *json,
                                     gsize        length,
                                     guint        max_depth,
                                     GPtrArray   *warnings,
                                     guint       *line,
                                     guint       *column,
                                     char       **path,
                                     GError     **error);

G_END_DECLS
