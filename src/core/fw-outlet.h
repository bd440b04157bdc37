/* fw-outlet.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fw-types.h"
#include "fw-validator.h"

G_BEGIN_DECLS

#define FW_TYPE_OUTLET (fw_outlet_get_type ())

/**
 * FwOutlet:
 * @name: (nullable): the outlet's name; %NULL when @confidence is
 *   %FW_CONFIDENCE_NOT_STATED (the first publisher is unknown)
 * @kind: (nullable): what kind of outlet it is, e.g. "state-founded think
 *   tank"; may be %NULL when @confidence is %FW_CONFIDENCE_NOT_STATED
 * @url: (nullable): its home page
 * @description: (nullable): who runs it and why that matters
 * @confidence: how sure we are that the piece comes from this outlet
 * @note: (nullable): what is known about the attribution
 *
 * Where a piece was published.
 */
typedef struct
{
  char *name;
  char *kind;
  char *url;
  char *description;
  FwConfidence confidence;
  char *note;
} FwOutlet;

GType     fw_outlet_get_type (void) G_GNUC_CONST;
FwOutlet *fw_outlet_copy     (const FwOutlet *self);
void      fw_outlet_free     (FwOutlet       *self);
FwOutlet *fw_outlet_parse    (FwValidator    *validator,
                              JsonObject     *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwOutlet, fw_outlet_free)

G_END_DECLS
