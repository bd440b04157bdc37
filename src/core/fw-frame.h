/* fw-frame.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fw-validator.h"

G_BEGIN_DECLS

#define FW_TYPE_FRAME (fw_frame_get_type ())

/**
 * FwFrame:
 * @id: identifier, e.g. `sovereignty`
 * @label: the name students see, e.g. "Sovereignty and territorial integrity"
 * @description: (nullable): what the frame emphasises
 * @cues: (array zero-terminated=1): cue words and phrases that signal it
 *
 * A way of framing an issue, after the framing dimensions of Card et al.
 * (2015), "The Media Frames Corpus", ACL.
 */
typedef struct
{
  char *id;
  char *label;
  char *description;
  char **cues;
} FwFrame;

GType    fw_frame_get_type (void) G_GNUC_CONST;
FwFrame *fw_frame_new      (const char    *id,
                            const char    *label);
FwFrame *fw_frame_copy     (const FwFrame *self);
void     fw_frame_free     (FwFrame       *self);
FwFrame *fw_frame_parse    (FwValidator   *validator,
                            JsonObject    *object);

GPtrArray *fw_frame_list_new_from_bytes (GBytes      *bytes,
                                         GError     **error);
GPtrArray *fw_frame_list_new_builtin    (const char  *language,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwFrame, fw_frame_free)

G_END_DECLS
