/* fw-diagnostic.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FwSeverity:
 * @FW_SEVERITY_WARNING: the pack can still be used; something looks wrong
 * @FW_SEVERITY_ERROR: the pack cannot be used until this is fixed
 *
 * How serious a validation problem is.
 */
typedef enum
{
  FW_SEVERITY_WARNING,
  FW_SEVERITY_ERROR,
} FwSeverity;

#define FW_TYPE_DIAGNOSTIC (fw_diagnostic_get_type ())

/**
 * FwDiagnostic:
 * @severity: error or warning
 * @path: JSON Pointer (RFC 6901) of the offending value, e.g.
 *   `/pieces/2/annotations/5/exact`; `""` for the whole document
 * @line: 1-based line of the value in the file, 0 when unknown
 * @column: 1-based column in Unicode code points, 0 when unknown
 * @message: a translated sentence a person can act on
 *
 * One problem found while validating a lesson pack or lexicon.
 */
typedef struct
{
  FwSeverity severity;
  char *path;
  guint line;
  guint column;
  char *message;
} FwDiagnostic;

GType         fw_diagnostic_get_type     (void) G_GNUC_CONST;
FwDiagnostic *fw_diagnostic_new          (FwSeverity          severity,
                                          const char         *path,
                                          const char         *message);
FwDiagnostic *fw_diagnostic_copy         (const FwDiagnostic *self);
void          fw_diagnostic_free         (FwDiagnostic       *self);
char         *fw_diagnostic_to_string    (const FwDiagnostic *self);
guint         fw_diagnostics_count       (GPtrArray          *diagnostics,
                                          FwSeverity          severity);
const FwDiagnostic *
              fw_diagnostics_find_first  (GPtrArray          *diagnostics,
                                          FwSeverity          severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwDiagnostic, fw_diagnostic_free)

G_END_DECLS
