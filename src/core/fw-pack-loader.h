/* fw-pack-loader.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fw-pack.h"

G_BEGIN_DECLS

/**
 * FW_MAX_PACK_SIZE:
 *
 * The largest pack file Framewise opens, in bytes (16 MiB).
 */
#define FW_MAX_PACK_SIZE (16 * 1024 * 1024)

/**
 * FW_MAX_NESTING:
 *
 * The deepest nesting of JSON arrays and objects a pack may use.
 */
#define FW_MAX_NESTING 64

#define FW_PACK_ERROR (fw_pack_error_quark ())

/**
 * FwPackError:
 * @FW_PACK_ERROR_TOO_LARGE: the file is over %FW_MAX_PACK_SIZE
 * @FW_PACK_ERROR_INVALID_UTF8: the file is not valid UTF-8
 * @FW_PACK_ERROR_TOO_DEEP: arrays and objects nest deeper than
 *   %FW_MAX_NESTING
 * @FW_PACK_ERROR_SYNTAX: the file is not valid JSON
 * @FW_PACK_ERROR_NOT_A_PACK: the JSON is not a Framewise pack
 * @FW_PACK_ERROR_NEWER_VERSION: the pack needs a newer Framewise
 * @FW_PACK_ERROR_INVALID: the pack has one or more validation errors; the
 *   diagnostics list them all
 * @FW_PACK_ERROR_NOT_JSON: the file is not JSON at all (it does not start
 *   with `{` or `[`), such as a plain text
 *
 * Errors from loading a lesson pack.
 */
typedef enum
{
  FW_PACK_ERROR_TOO_LARGE,
  FW_PACK_ERROR_INVALID_UTF8,
  FW_PACK_ERROR_TOO_DEEP,
  FW_PACK_ERROR_SYNTAX,
  FW_PACK_ERROR_NOT_A_PACK,
  FW_PACK_ERROR_NEWER_VERSION,
  FW_PACK_ERROR_INVALID,
  FW_PACK_ERROR_NOT_JSON,
} FwPackError;

GQuark    fw_pack_error_quark        (void);
JsonNode *fw_pack_loader_parse_json  (GBytes        *bytes,
                                      GPtrArray    **diagnostics,
                                      GError       **error);
GBytes   *fw_pack_loader_read_file   (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
FwPack   *fw_pack_load_bytes         (GBytes        *bytes,
                                      GPtrArray    **diagnostics,
                                      GError       **error);
FwPack   *fw_pack_load_file          (GFile         *file,
                                      GCancellable  *cancellable,
                                      GPtrArray    **diagnostics,
                                      GError       **error);
GBytes   *fw_pack_loader_read_bundled (GError      **error);
GBytes   *fw_pack_loader_read_builtin_lexicon (const char  *stem,
                                              const char  *language,
                                              GError     **error);
FwPack   *fw_pack_load_bundled       (GBytes       **bytes,
                                      GError       **error);

G_END_DECLS
