/* fw-selector.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fw-utf8-index.h"

G_BEGIN_DECLS

#define FW_SELECTOR_ERROR (fw_selector_error_quark ())

/**
 * FwSelectorError:
 * @FW_SELECTOR_ERROR_NOT_FOUND: the quote occurs nowhere in the text
 * @FW_SELECTOR_ERROR_AMBIGUOUS: the quote occurs more than once and
 *   prefix/suffix do not tell the places apart
 * @FW_SELECTOR_ERROR_OUT_OF_RANGE: a position lies outside the text or
 *   start is not before end
 * @FW_SELECTOR_ERROR_MISMATCH: the quote and the position point at
 *   different text
 *
 * Errors from resolving W3C Web Annotation text selectors.
 */
typedef enum
{
  FW_SELECTOR_ERROR_NOT_FOUND,
  FW_SELECTOR_ERROR_AMBIGUOUS,
  FW_SELECTOR_ERROR_OUT_OF_RANGE,
  FW_SELECTOR_ERROR_MISMATCH,
} FwSelectorError;

GQuark   fw_selector_error_quark (void);
gboolean fw_selector_resolve     (const char        *text,
                                  gsize              text_length,
                                  const FwUtf8Index *index,
                                  const char        *exact,
                                  const char        *prefix,
                                  const char        *suffix,
                                  gint64             position_start,
                                  gint64             position_end,
                                  guint             *start,
                                  guint             *end,
                                  GError           **error);

G_END_DECLS
