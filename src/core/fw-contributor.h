/* fw-contributor.h
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

#define FW_TYPE_CONTRIBUTOR (fw_contributor_get_type ())

/**
 * FwContributor:
 * @name: (nullable): the name as given; %NULL when not stated
 * @role: the contributor's part in the piece
 * @confidence: how sure we are of the name
 * @affiliation: (nullable): employer or institution
 * @affiliation_confidence: how sure we are of the affiliation
 * @source: (nullable): URL where the byline was checked
 * @note: (nullable): what a student should know about this byline
 *
 * One entry of a piece's byline.
 */
typedef struct
{
  char *name;
  FwContributorRole role;
  FwConfidence confidence;
  char *affiliation;
  FwConfidence affiliation_confidence;
  char *source;
  char *note;
} FwContributor;

GType          fw_contributor_get_type (void) G_GNUC_CONST;
FwContributor *fw_contributor_copy     (const FwContributor *self);
void           fw_contributor_free     (FwContributor       *self);
FwContributor *fw_contributor_parse    (FwValidator         *validator,
                                        JsonObject          *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwContributor, fw_contributor_free)

G_END_DECLS
