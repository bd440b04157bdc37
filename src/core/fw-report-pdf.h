/* fw-report-pdf.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FW_REPORT_ERROR (fw_report_error_quark ())

/**
 * FwReportError:
 * @FW_REPORT_ERROR_DRAWING: cairo could not draw or write the PDF
 *
 * Errors from writing a PDF report.
 */
typedef enum
{
  FW_REPORT_ERROR_DRAWING,
} FwReportError;

GQuark   fw_report_error_quark (void);
gboolean fw_report_pdf_write   (JsonObject    *work,
                                GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
