/* fw-pack.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-pack.h"
#include "fw-plain-text.h"

#define MAX_FRAMES 64
#define MAX_LEXICONS 64
#define MAX_EXERCISES 200

struct _FwPack
{
  GObject parent_instance;

  char *id;
  char *title;
  char *language;
  char *description;
  char *audience;
  char *license;
  char *teacher_notes;
  char **authors;
  GPtrArray *pieces;
  GPtrArray *frames;
  GPtrArray *lexicons;
  GPtrArray *exercises;
  /* While parsing: the id of every piece declared, parsed or not. */
  GHashTable *declared_pieces;
};

G_DEFINE_FINAL_TYPE (FwPack, fw_pack, G_TYPE_OBJECT)

static void
fw_pack_finalize (GObject *object)
{
  FwPack *self = (FwPack *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->language);
  g_free (self->description);
  g_free (self->audience);
  g_free (self->license);
  g_free (self->teacher_notes);
  g_strfreev (self->authors);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  g_clear_pointer (&self->frames, g_ptr_array_unref);
  g_clear_pointer (&self->lexicons, g_ptr_array_unref);
  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->declared_pieces, g_hash_table_unref);

  G_OBJECT_CLASS (fw_pack_parent_class)->finalize (object);
}

static void
fw_pack_class_init (FwPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_pack_finalize;
}

static void
fw_pack_init (FwPack *self)
{
  self->pieces = g_ptr_array_new_with_free_func (g_object_unref);
  self->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_frame_free);
  self->lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  self->exercises = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * fw_pack_language_tag_is_valid:
 * @tag: a candidate language tag, such as `en` or `pl-PL`
 *
 * Checks the shape of a BCP 47 language tag (RFC 5646, section 2.1) as
 * the pack's `language` field must have it: subtags of 1 to 8 ASCII
 * letters or digits joined by `-`, the first of 2 or 3 letters, or `x` or
 * `i` for private and grandfathered tags. Whether the subtags are
 * registered is not checked.
 *
 * Returns: %TRUE when @tag has that shape
 */
gboolean
fw_pack_language_tag_is_valid (const char *tag)
{
  g_auto(GStrv) parts = NULL;
  gsize first;

  g_return_val_if_fail (tag != NULL, FALSE);

  parts = g_strsplit (tag, "-", -1);

  if (parts[0] == NULL)
    return FALSE;

  first = strlen (parts[0]);
  if (!((first >= 2 && first <= 3) || g_str_equal (parts[0], "x") || g_str_equal (parts[0], "i")))
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize n = strlen (parts[i]);

      if (n == 0 || n > 8)
        return FALSE;
      for (gsize j = 0; j < n; j++)
        if (!g_ascii_isalnum (parts[i][j]) || (i == 0 && !g_ascii_isalpha (parts[i][j])))
          return FALSE;
    }

  return TRUE;
}

typedef gpointer (*ParseFunc) (FwValidator *validator,
                               JsonObject  *object,
                               gpointer     user_data);

/* Reads every object of array @member with @parse, keeping the ones that
 * parse and whose id is unique. */
static void
parse_list (FwValidator *validator,
            JsonObject  *object,
            const char  *member,
            guint        max,
            gboolean     required,
            ParseFunc    parse,
            gpointer     user_data,
            GPtrArray   *out,
            GDestroyNotify free_item,
            const char *(*get_id) (gpointer item))
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array = fw_validator_get_array (validator, object, member, required, max);

  if (array == NULL)
    return;

  fw_validator_push_member (validator, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = fw_validator_element_object (validator, array, i);
      gpointer item;

      if (element == NULL)
        continue;

      fw_validator_push_index (validator, i);
      item = parse (validator, element, user_data);
      if (item != NULL && get_id != NULL && !fw_validator_check_id (validator, get_id (item), ids))
        g_clear_pointer (&item, free_item);
      if (item != NULL)
        g_ptr_array_add (out, item);
      fw_validator_pop (validator);
    }
  fw_validator_pop (validator);
}

static gpointer
parse_piece (FwValidator *validator,
             JsonObject  *object,
             gpointer     user_data)
{
  return fw_piece_parse (validator, object);
}

static gpointer
parse_frame (FwValidator *validator,
             JsonObject  *object,
             gpointer     user_data)
{
  return fw_frame_parse (validator, object);
}

static gpointer
parse_lexicon (FwValidator *validator,
               JsonObject  *object,
               gpointer     user_data)
{
  return fw_lexicon_parse (validator, object);
}

static gpointer
parse_exercise (FwValidator *validator,
                JsonObject  *object,
                gpointer     user_data)
{
  FwPack *self = user_data;

  return fw_exercise_parse (validator, object, self->pieces, self->declared_pieces,
                            self->frames);
}

/* The string ids of the pieces in @object's "pieces", whether or not the
 * pieces are valid: an exercise that refers to a broken piece refers to
 * something that exists. A piece whose id is missing or not a string adds
 * FW_PIECE_WITHOUT_ID: the exercises' references to it cannot be told
 * from mistakes, and its own error says what to fix. */
static GHashTable *
declared_piece_ids (JsonObject *object)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *pieces = json_object_get_member (object, "pieces");

  if (pieces == NULL || !JSON_NODE_HOLDS_ARRAY (pieces))
    return ids;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (pieces)); i++)
    {
      JsonNode *piece = json_array_get_element (json_node_get_array (pieces), i);
      JsonNode *id;

      if (!JSON_NODE_HOLDS_OBJECT (piece))
        continue;
      id = json_object_get_member (json_node_get_object (piece), "id");
      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        g_hash_table_add (ids, g_strdup (json_node_get_string (id)));
      else
        g_hash_table_add (ids, g_strdup (FW_PIECE_WITHOUT_ID));
    }

  return ids;
}

static const char *
piece_id (gpointer item)
{
  return fw_piece_get_id (item);
}

static const char *
frame_id (gpointer item)
{
  return ((FwFrame *) item)->id;
}

static const char *
lexicon_id (gpointer item)
{
  return fw_lexicon_get_id (item);
}

static const char *
exercise_id (gpointer item)
{
  return fw_exercise_get_id (item);
}

/* Warns about each annotation whose frame the pack does not define. The
 * annotations are walked in the JSON, not the model (which sorts them),
 * so that each warning has the annotation's own path. */
static void
check_annotation_frames (FwPack      *self,
                         FwValidator *validator,
                         JsonObject  *object)
{
  JsonNode *pieces = json_object_get_member (object, "pieces");

  if (pieces == NULL || !JSON_NODE_HOLDS_ARRAY (pieces))
    return;

  fw_validator_push_member (validator, "pieces");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (pieces)); i++)
    {
      JsonNode *piece = json_array_get_element (json_node_get_array (pieces), i);
      JsonNode *annotations;

      if (!JSON_NODE_HOLDS_OBJECT (piece))
        continue;
      annotations = json_object_get_member (json_node_get_object (piece), "annotations");
      if (annotations == NULL || !JSON_NODE_HOLDS_ARRAY (annotations))
        continue;

      fw_validator_push_index (validator, i);
      fw_validator_push_member (validator, "annotations");
      for (guint j = 0; j < json_array_get_length (json_node_get_array (annotations)); j++)
        {
          JsonNode *annotation = json_array_get_element (json_node_get_array (annotations), j);
          JsonNode *frame;
          const char *id;

          if (!JSON_NODE_HOLDS_OBJECT (annotation))
            continue;
          frame = json_object_get_member (json_node_get_object (annotation), "frame");
          if (frame == NULL || !JSON_NODE_HOLDS_VALUE (frame)
              || json_node_get_value_type (frame) != G_TYPE_STRING)
            continue;

          id = json_node_get_string (frame);
          if (fw_pack_find_frame (self, id) == NULL)
            {
              g_autofree char *shown = fw_plain_text_make_visible (id, 60);

              fw_validator_push_index (validator, j);
              fw_validator_report (validator, FW_SEVERITY_WARNING, "frame",
                                   _("The pack defines no frame “%s”"), shown);
              fw_validator_pop (validator);
            }
        }
      fw_validator_pop (validator);
      fw_validator_pop (validator);
    }
  fw_validator_pop (validator);
}

/**
 * fw_pack_id_is_valid:
 * @id: a candidate pack id
 *
 * Checks the form of a pack id: 1 to 64 lower-case ASCII letters, digits
 * and `-`, starting with a letter or digit. Ids of this form are safe as
 * file names, which is how the library stores a pack
 * (`ID.fwpack`).
 *
 * Returns: %TRUE when @id has that form
 */
gboolean
fw_pack_id_is_valid (const char *id)
{
  gsize n;

  g_return_val_if_fail (id != NULL, FALSE);

  n = strlen (id);
  if (n == 0 || n > 64 || id[0] == '-')
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
      return FALSE;

  return TRUE;
}

/**
 * fw_pack_parse:
 * @validator: a validator positioned at the document root
 * @object: the root object of a pack
 *
 * Reads a whole pack: metadata, pieces, frames, lexicons and exercises.
 * The caller has already checked `format` and `version`. Every problem is
 * reported to @validator; the pack is usable only when it reported no
 * error.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL when a required
 *   top-level field is missing or invalid
 */
FwPack *
fw_pack_parse (FwValidator *validator,
               JsonObject  *object)
{
  static const char * const known[] = {
    "format", "version", "id", "title", "language", "description", "audience", "license",
    "authors", "teacher_notes", "pieces", "frames", "lexicons", "exercises", "$schema", NULL
  };
  g_autoptr(FwPack) self = g_object_new (FW_TYPE_PACK, NULL);
  JsonNode *pieces;

  fw_validator_check_members (validator, object, known);

  self->id = g_strdup (fw_validator_get_string (validator, object, "id", TRUE));
  if (self->id != NULL && !fw_pack_id_is_valid (self->id))
    {
      g_autofree char *shown = fw_plain_text_make_visible (self->id, 60);

      fw_validator_report (validator, FW_SEVERITY_ERROR, "id",
                           _("The pack id “%s” may only use lower-case letters, digits and “-”, "
                             "start with a letter or digit, and be at most 64 characters long"),
                           shown);
    }
  self->title = g_strdup (fw_validator_get_string (validator, object, "title", TRUE));
  self->language = g_strdup (fw_validator_get_string (validator, object, "language", TRUE));
  if (self->language != NULL && !fw_pack_language_tag_is_valid (self->language))
    {
      g_autofree char *shown = fw_plain_text_make_visible (self->language, 40);

      fw_validator_report (validator, FW_SEVERITY_ERROR, "language",
                           _("“%s” is not a BCP 47 language tag such as “en” or “pl”"), shown);
    }
  self->description = g_strdup (fw_validator_get_string (validator, object, "description", FALSE));
  self->audience = g_strdup (fw_validator_get_string (validator, object, "audience", FALSE));
  self->license = g_strdup (fw_validator_get_string (validator, object, "license", FALSE));
  self->teacher_notes = g_strdup (fw_validator_get_string (validator, object, "teacher_notes",
                                                           FALSE));
  self->authors = fw_validator_get_strv (validator, object, "authors", FALSE);
  if (self->authors == NULL)
    self->authors = g_new0 (char *, 1);

  parse_list (validator, object, "pieces", FW_MAX_PIECES, TRUE, parse_piece, self, self->pieces,
              g_object_unref, piece_id);
  /* An empty list has no element to report on; a list whose pieces all
   * failed has reported each of them already. */
  pieces = json_object_get_member (object, "pieces");
  if (pieces != NULL && JSON_NODE_HOLDS_ARRAY (pieces)
      && json_array_get_length (json_node_get_array (pieces)) == 0)
    fw_validator_report (validator, FW_SEVERITY_ERROR, "pieces",
                         _("A pack needs at least one piece"));

  parse_list (validator, object, "frames", MAX_FRAMES, FALSE, parse_frame, self, self->frames,
              (GDestroyNotify) fw_frame_free, frame_id);
  parse_list (validator, object, "lexicons", MAX_LEXICONS, FALSE, parse_lexicon, self,
              self->lexicons, g_object_unref, lexicon_id);
  self->declared_pieces = declared_piece_ids (object);
  parse_list (validator, object, "exercises", MAX_EXERCISES, FALSE, parse_exercise, self,
              self->exercises, g_object_unref, exercise_id);
  g_clear_pointer (&self->declared_pieces, g_hash_table_unref);
  check_annotation_frames (self, validator, object);

  if (self->id == NULL || self->title == NULL || self->language == NULL || self->pieces->len == 0)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fw_pack_get_id:
 * @self: a pack
 *
 * Returns: (transfer none): the pack id
 */
const char *
fw_pack_get_id (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->id;
}

/**
 * fw_pack_get_title:
 * @self: a pack
 *
 * Returns: (transfer none): the pack title
 */
const char *
fw_pack_get_title (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->title;
}

/**
 * fw_pack_get_language:
 * @self: a pack
 *
 * Returns: (transfer none): the BCP 47 language tag of the pieces
 */
const char *
fw_pack_get_language (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->language;
}

/**
 * fw_pack_get_description:
 * @self: a pack
 *
 * Returns: (transfer none) (nullable): what the pack teaches
 */
const char *
fw_pack_get_description (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->description;
}

/**
 * fw_pack_get_audience:
 * @self: a pack
 *
 * Returns: (transfer none) (nullable): who the pack is written for
 */
const char *
fw_pack_get_audience (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->audience;
}

/**
 * fw_pack_get_license:
 * @self: a pack
 *
 * Returns: (transfer none) (nullable): the licence of the pack's own text
 */
const char *
fw_pack_get_license (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->license;
}

/**
 * fw_pack_get_teacher_notes:
 * @self: a pack
 *
 * Returns: (transfer none) (nullable): notes shown in teacher mode
 */
const char *
fw_pack_get_teacher_notes (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->teacher_notes;
}

/**
 * fw_pack_get_authors:
 * @self: a pack
 *
 * Returns: (transfer none) (array zero-terminated=1): who wrote the pack
 */
const char * const *
fw_pack_get_authors (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return (const char * const *) self->authors;
}

/**
 * fw_pack_get_n_pieces:
 * @self: a pack
 *
 * Returns: the number of pieces, at least one
 */
guint
fw_pack_get_n_pieces (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), 0);
  return self->pieces->len;
}

/**
 * fw_pack_get_piece:
 * @self: a pack
 * @index: 0-based piece index
 *
 * Returns: (transfer none): piece @index
 */
FwPiece *
fw_pack_get_piece (FwPack *self,
                   guint   index)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  g_return_val_if_fail (index < self->pieces->len, NULL);
  return g_ptr_array_index (self->pieces, index);
}

/**
 * fw_pack_find_piece:
 * @self: a pack
 * @id: a piece id
 *
 * Returns: (transfer none) (nullable): the piece with @id, or %NULL
 */
FwPiece *
fw_pack_find_piece (FwPack     *self,
                    const char *id)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);

  for (guint i = 0; i < self->pieces->len; i++)
    if (g_strcmp0 (fw_piece_get_id (g_ptr_array_index (self->pieces, i)), id) == 0)
      return g_ptr_array_index (self->pieces, i);

  return NULL;
}

/**
 * fw_pack_get_frames:
 * @self: a pack
 *
 * Returns: (transfer none) (element-type FwFrame): the frames the pack
 *   defines
 */
GPtrArray *
fw_pack_get_frames (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->frames;
}

/**
 * fw_pack_find_frame:
 * @self: a pack
 * @id: a frame id
 *
 * Returns: (transfer none) (nullable): the frame with @id, or %NULL
 */
const FwFrame *
fw_pack_find_frame (FwPack     *self,
                    const char *id)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);

  for (guint i = 0; i < self->frames->len; i++)
    if (g_strcmp0 (((FwFrame *) g_ptr_array_index (self->frames, i))->id, id) == 0)
      return g_ptr_array_index (self->frames, i);

  return NULL;
}

/**
 * fw_pack_get_lexicons:
 * @self: a pack
 *
 * Returns: (transfer none) (element-type FwLexicon): lexicons the pack adds
 *   to the built-in one
 */
GPtrArray *
fw_pack_get_lexicons (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  return self->lexicons;
}

/**
 * fw_pack_get_n_exercises:
 * @self: a pack
 *
 * Returns: the number of exercises
 */
guint
fw_pack_get_n_exercises (FwPack *self)
{
  g_return_val_if_fail (FW_IS_PACK (self), 0);
  return self->exercises->len;
}

/**
 * fw_pack_get_exercise:
 * @self: a pack
 * @index: 0-based exercise index
 *
 * Returns: (transfer none): exercise @index
 */
FwExercise *
fw_pack_get_exercise (FwPack *self,
                      guint   index)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);
  g_return_val_if_fail (index < self->exercises->len, NULL);
  return g_ptr_array_index (self->exercises, index);
}

/**
 * fw_pack_find_exercise:
 * @self: a pack
 * @id: an exercise id
 *
 * Returns: (transfer none) (nullable): the exercise with @id, or %NULL
 */
FwExercise *
fw_pack_find_exercise (FwPack     *self,
                       const char *id)
{
  g_return_val_if_fail (FW_IS_PACK (self), NULL);

  for (guint i = 0; i < self->exercises->len; i++)
    if (g_strcmp0 (fw_exercise_get_id (g_ptr_array_index (self->exercises, i)), id) == 0)
      return g_ptr_array_index (self->exercises, i);

  return NULL;
}
