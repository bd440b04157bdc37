/* fw-outlet.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-outlet.h"

G_DEFINE_BOXED_TYPE (FwOutlet, fw_outlet, fw_outlet_copy, fw_outlet_free)

/**
 * fw_outlet_copy:
 * @self: an outlet
 *
 * Returns: (transfer full): a deep copy of @self
 */
FwOutlet *
fw_outlet_copy (const FwOutlet *self)
{
  FwOutlet *copy = g_new0 (FwOutlet, 1);

  copy->name = g_strdup (self->name);
  copy->kind = g_strdup (self->kind);
  copy->url = g_strdup (self->url);
  copy->description = g_strdup (self->description);
  copy->confidence = self->confidence;
  copy->note = g_strdup (self->note);

  return copy;
}

/**
 * fw_outlet_free:
 * @self: (transfer full) (nullable): an outlet
 *
 * Frees @self.
 */
void
fw_outlet_free (FwOutlet *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->kind);
  g_free (self->url);
  g_free (self->description);
  g_free (self->note);
  g_free (self);
}

/**
 * fw_outlet_parse:
 * @validator: a validator positioned at the outlet object
 * @object: the outlet object of a piece
 *
 * Reads an outlet. `confidence` defaults to `confirmed`. `name` and
 * `kind` are required unless `confidence` is `not-stated`, which records
 * that the piece's first publisher is unknown; such an outlet may not
 * carry a name, since a guessed name is worse than none. `url` must be a
 * web address. Problems are reported to @validator.
 *
 * Returns: (transfer full) (nullable): the outlet, or %NULL on errors; the
 *   outlet's name is %NULL exactly when its confidence is
 *   %FW_CONFIDENCE_NOT_STATED, and its kind may then be %NULL too
 */
FwOutlet *
fw_outlet_parse (FwValidator *validator,
                 JsonObject  *object)
{
  static const char * const known[] = {
    "name", "kind", "url", "description", "confidence", "note", NULL
  };
  g_autoptr(FwOutlet) self = g_new0 (FwOutlet, 1);
  gboolean not_stated;
  int confidence;

  fw_validator_check_members (validator, object, known);

  confidence = fw_validator_get_enum (validator, object, "confidence", FALSE, fw_confidence_nicks,
                                      FW_CONFIDENCE_CONFIRMED);
  self->confidence = (FwConfidence) confidence;
  not_stated = self->confidence == FW_CONFIDENCE_NOT_STATED;

  if (not_stated && json_object_has_member (object, "name"))
    {
      fw_validator_report (validator, FW_SEVERITY_ERROR, "name",
                           _("An outlet marked “not-stated” cannot have a name"));
      return NULL;
    }

  self->name = g_strdup (fw_validator_get_string (validator, object, "name", !not_stated));
  self->kind = g_strdup (fw_validator_get_string (validator, object, "kind", !not_stated));
  self->url = g_strdup (fw_validator_get_url (validator, object, "url"));
  self->description = g_strdup (fw_validator_get_string (validator, object, "description", FALSE));
  self->note = g_strdup (fw_validator_get_string (validator, object, "note", FALSE));

  if (!not_stated && (self->name == NULL || self->kind == NULL))
    return NULL;

  return g_steal_pointer (&self);
}
