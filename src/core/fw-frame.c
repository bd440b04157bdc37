/* fw-frame.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "fw-frame.h"
#include "fw-pack-loader.h"

#define FRAMES_FORMAT "framewise-frames"
#define FRAMES_FORMAT_VERSION 1
#define MAX_FRAMES 1000

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

/**
 * fw_frame_list_new_from_bytes:
 * @bytes: a frames file: UTF-8 JSON with `format` (`framewise-frames`),
 *   `version` (1), `language` and `frames`, an array of frames as in a pack
 * @error: return location for a #FwPackError
 *
 * Reads a stand-alone frames file with the same checks as a pack's
 * `frames`.
 *
 * Returns: (transfer full) (element-type FwFrame) (nullable): the frames
 *   in file order, or %NULL with @error set: %FW_PACK_ERROR_NEWER_VERSION
 *   for a newer format version, %FW_PACK_ERROR_INVALID otherwise (the
 *   message names the first problem), or a JSON syntax error as
 *   fw_pack_loader_parse_json() sets it
 */
GPtrArray *
fw_frame_list_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  static const char * const known[] = { "format", "version", "language", "title", "description",
                                        "frames", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FwValidator) validator = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) frames = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const FwDiagnostic *first;
  JsonObject *object;
  JsonArray *array;
  const char *format;
  gint64 version = 0;

  root = fw_pack_loader_parse_json (bytes, &diagnostics, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID,
                   _("A frames file must hold one JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  validator = fw_validator_new ();
  fw_validator_check_members (validator, object, known);

  format = fw_validator_get_string (validator, object, "format", TRUE);
  if (format != NULL && !g_str_equal (format, FRAMES_FORMAT))
    fw_validator_report (validator, FW_SEVERITY_ERROR, "format",
                         _("“format” must be “%s”"), FRAMES_FORMAT);
  if (fw_validator_get_int (validator, object, "version", TRUE, 1, G_MAXINT, &version)
      && version > FRAMES_FORMAT_VERSION)
    {
      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_NEWER_VERSION,
                   _("This frames file has format version %" PRId64 "; this Framewise "
                     "reads version %d. Update Framewise to use it."),
                   (int64_t) version, FRAMES_FORMAT_VERSION);
      return NULL;
    }
  fw_validator_get_string (validator, object, "language", TRUE);

  frames = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_frame_free);
  array = fw_validator_get_array (validator, object, "frames", TRUE, MAX_FRAMES);
  if (array != NULL)
    {
      fw_validator_push_member (validator, "frames");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *element = fw_validator_element_object (validator, array, i);
          FwFrame *frame;

          if (element == NULL)
            continue;
          fw_validator_push_index (validator, i);
          frame = fw_frame_parse (validator, element);
          if (frame != NULL)
            g_ptr_array_add (frames, frame);
          fw_validator_pop (validator);
        }
      fw_validator_pop (validator);
    }

  found = fw_validator_steal_diagnostics (validator);
  first = fw_diagnostics_find_first (found, FW_SEVERITY_ERROR);
  if (first != NULL)
    {
      /* A problem of the whole file has no path to name. */
      if (first->path[0] == '\0')
        g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID,
                     _("Invalid frames file: %s"), first->message);
      else
        g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID,
                     _("Invalid frames file: %s: %s"), first->path, first->message);
      return NULL;
    }

  return g_steal_pointer (&frames);
}

/**
 * fw_frame_list_new_builtin:
 * @language: a BCP 47 language tag; its primary subtag selects the file,
 *   e.g. `en-GB` reads `lexicons/frames-en.json`
 * @error: return location for a #GError
 *
 * Loads the built-in frames for @language from the application's
 * resources: sovereignty and territorial integrity, humanitarian duty,
 * security and defence, legality and international law, reputation and
 * image, economic cost and capacity, after the framing dimensions of Card
 * et al. (2015).
 *
 * Returns: (transfer full) (element-type FwFrame) (nullable): the frames,
 *   or %NULL with @error set (%G_RESOURCE_ERROR_NOT_FOUND when there are
 *   none for @language; otherwise as fw_frame_list_new_from_bytes())
 */
GPtrArray *
fw_frame_list_new_builtin (const char  *language,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = fw_pack_loader_read_builtin_lexicon ("frames-", language, error);

  if (bytes == NULL)
    return NULL;

  return fw_frame_list_new_from_bytes (bytes, error);
}
