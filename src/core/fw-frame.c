/* fw-frame.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-frame.h"

G_DEFINE_BOXED_TYPE (FwFrame, fw_frame, fw_frame_copy, fw_frame_free)

/**
 * fw_frame_new:
 * @id: identifier
 * @label: the name students see
 *
 * Returns: (transfer full): a frame with no description and no cues
 */
FwFrame *
fw_frame_new (const char *id,
              const char *label)
{
  FwFrame *self = g_new0 (FwFrame, 1);

  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->cues = g_new0 (char *, 1);

  return self;
}

/**
 * fw_frame_copy:
 * @self: a frame
 *
 * Returns: (transfer full): a deep copy of @self
 */
FwFrame *
fw_frame_copy (const FwFrame *self)
{
  FwFrame *copy = g_new0 (FwFrame, 1);

  copy->id = g_strdup (self->id);
  copy->label = g_strdup (self->label);
  copy->description = g_strdup (self->description);
  copy->cues = g_strdupv (self->cues);

  return copy;
}

/**
 * fw_frame_free:
 * @self: (transfer full) (nullable): a frame
 *
 * Frees @self.
 */
void
fw_frame_free (FwFrame *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->label);
  g_free (self->description);
  g_strfreev (self->cues);
  g_free (self);
}

/**
 * fw_frame_parse:
 * @validator: a validator positioned at the frame object
 * @object: a frame object of a pack or frame lexicon
 *
 * Reads a frame: `id`, `label` and a non-empty `cues` array are required.
 *
 * Returns: (transfer full) (nullable): the frame, or %NULL on errors
 */
FwFrame *
fw_frame_parse (FwValidator *validator,
                JsonObject  *object)
{
  static const char * const known[] = { "id", "label", "description", "cues", NULL };
  g_autoptr(FwFrame) self = g_new0 (FwFrame, 1);

  fw_validator_check_members (validator, object, known);

  self->id = g_strdup (fw_validator_get_string (validator, object, "id", TRUE));
  self->label = g_strdup (fw_validator_get_string (validator, object, "label", TRUE));
  self->description = g_strdup (fw_validator_get_string (validator, object, "description", FALSE));
  self->cues = fw_validator_get_strv (validator, object, "cues", TRUE);

  if (self->cues != NULL && self->cues[0] == NULL)
    fw_validator_report (validator, FW_SEVERITY_ERROR, "cues",
                         _("A frame needs at least one cue term"));

  if (self->id == NULL || self->label == NULL || self->cues == NULL || self->cues[0] == NULL)
    return NULL;

  return g_steal_pointer (&self);
}
