/* fw-contributor.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-contributor.h"

G_DEFINE_BOXED_TYPE (FwContributor, fw_contributor, fw_contributor_copy, fw_contributor_free)

/**
 * fw_contributor_copy:
 * @self: a contributor
 *
 * Returns: (transfer full): a deep copy of @self
 */
FwContributor *
fw_contributor_copy (const FwContributor *self)
{
  FwContributor *copy = g_new0 (FwContributor, 1);

  *copy = *self;
  copy->name = g_strdup (self->name);
  copy->affiliation = g_strdup (self->affiliation);
  copy->source = g_strdup (self->source);
  copy->note = g_strdup (self->note);

  return copy;
}

/**
 * fw_contributor_free:
 * @self: (transfer full) (nullable): a contributor
 *
 * Frees @self.
 */
void
fw_contributor_free (FwContributor *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->affiliation);
  g_free (self->source);
  g_free (self->note);
  g_free (self);
}

/**
 * fw_contributor_parse:
 * @validator: a validator positioned at the contributor object
 * @object: the contributor object of a pack
 *
 * Reads one contributor. A name is required unless `confidence` is
 * `not-stated`, and a not-stated byline may not carry a name: a guessed
 * name is worse than none. Problems are reported to @validator.
 *
 * Returns: (transfer full) (nullable): the contributor, or %NULL when it
 *   has errors
 */
FwContributor *
fw_contributor_parse (FwValidator *validator,
                      JsonObject  *object)
{
  static const char * const known[] = {
    "name", "role", "confidence", "affiliation", "affiliation_confidence", "source", "note", NULL
  };
  g_autoptr(FwContributor) self = g_new0 (FwContributor, 1);
  gboolean ok = TRUE;
  const char *name;

  fw_validator_check_members (validator, object, known);

  self->role = fw_validator_get_enum (validator, object, "role", TRUE,
                                      fw_contributor_role_nicks, -1);
  self->confidence = fw_validator_get_enum (validator, object, "confidence", TRUE,
                                            fw_confidence_nicks, -1);
  if ((int) self->role < 0 || (int) self->confidence < 0)
    ok = FALSE;

  name = fw_validator_get_string (validator, object, "name", FALSE);
  if (self->confidence == FW_CONFIDENCE_NOT_STATED && name != NULL)
    {
      fw_validator_report (validator, FW_SEVERITY_ERROR, "name",
                           _("A byline marked “not-stated” cannot have a name"));
      ok = FALSE;
    }
  else if (ok && self->confidence != FW_CONFIDENCE_NOT_STATED && (name == NULL || *name == '\0'))
    {
      fw_validator_report (validator, FW_SEVERITY_ERROR, NULL,
                           _("A contributor needs a “name” unless its confidence is “not-stated”"));
      ok = FALSE;
    }
  self->name = g_strdup (name);

  self->affiliation = g_strdup (fw_validator_get_string (validator, object, "affiliation", FALSE));
  self->affiliation_confidence =
    fw_validator_get_enum (validator, object, "affiliation_confidence", FALSE, fw_confidence_nicks,
                           self->affiliation != NULL ? (int) self->confidence
                                                     : FW_CONFIDENCE_NOT_STATED);
  self->source = g_strdup (fw_validator_get_url (validator, object, "source"));
  self->note = g_strdup (fw_validator_get_string (validator, object, "note", FALSE));

  return ok ? g_steal_pointer (&self) : NULL;
}
