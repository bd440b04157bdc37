/* fw-cli.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * FwCliStatus:
 * @FW_CLI_OK: success; for `--validate`, the pack is valid (warnings allowed)
 * @FW_CLI_INVALID: the pack has errors
 * @FW_CLI_USAGE: the command line is wrong, or a file cannot be read or
 *   written
 *
 * Exit statuses of the `framewise` command-line tools.
 */
typedef enum
{
  FW_CLI_OK = 0,
  FW_CLI_INVALID = 1,
  FW_CLI_USAGE = 2,
} FwCliStatus;

FwCliStatus fw_cli_validate       (GFile       *file,
                                   gboolean     json_output,
                                   GString     *out,
                                   GString     *err);
FwCliStatus fw_cli_validate_files (GFile      **files,
                                   guint        n_files,
                                   gboolean     json_output,
                                   GString     *out,
                                   GString     *err);
FwCliStatus fw_cli_new_pack       (const char          *title,
                                   const char          *language,
                                   const char * const  *paths,
                                   guint                n_paths,
                                   GInputStream        *input,
                                   GFile               *output,
                                   GString             *out,
                                   GString             *err);

const char *fw_cli_suggest_command (const char *word);

FwCliStatus fw_cli_analyze  (int            argc,
                             char         **argv,
                             GInputStream  *input,
                             GOutputStream *output,
                             GString       *err);
FwCliStatus fw_cli_eval_ptc (int            argc,
                             char         **argv,
                             GString       *out,
                             GString       *err);

G_END_DECLS
