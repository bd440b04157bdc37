/* fw-diagnostic.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-diagnostic.h"
#include "fw-plain-text.h"

G_DEFINE_BOXED_TYPE (FwDiagnostic, fw_diagnostic, fw_diagnostic_copy, fw_diagnostic_free)

/**
 * fw_diagnostic_new:
 * @severity: error or warning
 * @path: JSON Pointer of the offending value (`""` for the document)
 * @message: the translated message
 *
 * Creates a diagnostic with an unknown location; the loader fills in
 * @line and @column afterwards.
 *
 * Returns: (transfer full): a new #FwDiagnostic
 */
FwDiagnostic *
fw_diagnostic_new (FwSeverity  severity,
                   const char *path,
                   const char *message)
{
  FwDiagnostic *self = g_new0 (FwDiagnostic, 1);

  self->severity = severity;
  self->path = g_strdup (path ? path : "");
  self->message = g_strdup (message);

  return self;
}

/**
 * fw_diagnostic_copy:
 * @self: a #FwDiagnostic
 *
 * Returns: (transfer full): a deep copy of @self
 */
FwDiagnostic *
fw_diagnostic_copy (const FwDiagnostic *self)
{
  FwDiagnostic *copy = fw_diagnostic_new (self->severity, self->path, self->message);

  copy->line = self->line;
  copy->column = self->column;

  return copy;
}

/**
 * fw_diagnostic_free:
 * @self: (transfer full): a #FwDiagnostic
 *
 * Frees @self.
 */
void
fw_diagnostic_free (FwDiagnostic *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

/**
 * fw_diagnostic_to_string:
 * @self: a #FwDiagnostic
 *
 * Formats @self as one line the way compilers do:
 * `LINE:COLUMN: error: /json/path: message`. A problem with the whole
 * document (path `""`) has no path in the line, as the application shows
 * none: `LINE:COLUMN: error: message`. The path holds the pack's
 * field names, which may hold any character: control, format and
 * bidirectional characters in it and in the message are written as
 * their code points, such as `[U+202E]` (see fw_plain_text_make_visible()),
 * so that the line cannot send escape sequences to a terminal or reorder
 * itself.
 *
 * Returns: (transfer full): the line, without a trailing newline
 */
char *
fw_diagnostic_to_string (const FwDiagnostic *self)
{
  const char *kind = self->severity == FW_SEVERITY_ERROR ? _("error") : _("warning");
  g_autofree char *path = fw_plain_text_make_visible (self->path, G_MAXUINT);
  g_autofree char *message = fw_plain_text_make_visible (self->message, G_MAXUINT);
  g_autofree char *located = path[0] != '\0' ? g_strdup_printf ("%s: %s", path, message)
                                              : g_steal_pointer (&message);

  if (self->line > 0)
    return g_strdup_printf ("%u:%u: %s: %s", self->line, self->column, kind, located);

  return g_strdup_printf ("%s: %s", kind, located);
}

/**
 * fw_diagnostics_count:
 * @diagnostics: (element-type FwDiagnostic): a list of diagnostics
 * @severity: the severity to count
 *
 * Returns: how many diagnostics in @diagnostics have @severity
 */
guint
fw_diagnostics_count (GPtrArray  *diagnostics,
                      FwSeverity  severity)
{
  guint n = 0;

  if (diagnostics == NULL)
    return 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == severity)
        n++;
    }

  return n;
}

/**
 * fw_diagnostics_find_first:
 * @diagnostics: (element-type FwDiagnostic) (nullable): a list of
 *   diagnostics, or %NULL for none
 * @severity: the severity to look for
 *
 * Finds the first diagnostic in @diagnostics with @severity, for callers
 * that report one problem in a message and leave the full list to a
 * viewer.
 *
 * Returns: (transfer none) (nullable): the first diagnostic with
 *   @severity, owned by @diagnostics, or %NULL when there is none
 */
const FwDiagnostic *
fw_diagnostics_find_first (GPtrArray  *diagnostics,
                           FwSeverity  severity)
{
  if (diagnostics == NULL)
    return NULL;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == severity)
        return d;
    }

  return NULL;
}
