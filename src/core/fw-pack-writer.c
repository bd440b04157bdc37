/* fw-pack-writer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Builds the skeleton of a new pack from plain-text files, for
 * `framewise --new-pack`: one piece per file, its paragraphs split, every
 * provenance field present and marked "not stated" (a byline the author
 * has not checked is not stated, never guessed), and automatic annotations
 * written as suggestions for the author to review. The JSON is made with
 * json-glib, and the result always passes the pack validator.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fw-frame.h"
#include "fw-pack-loader.h"
#include "fw-pack-writer.h"
#include "fw-pack.h"
#include "fw-plain-text.h"
#include "fw-selector.h"
#include "fw-validator.h"

G_DEFINE_QUARK (fw-pack-writer-error-quark, fw_pack_writer_error)

/* The longest first line taken as a piece's title. */
#define MAX_TITLE_CHARS 200

struct _FwPackWriter
{
  GObject parent_instance;

  char *title;
  char *language;
  GPtrArray *pieces;
  GPtrArray *suggestions;
  GPtrArray *frames;
  GHashTable *piece_ids;
};

G_DEFINE_FINAL_TYPE (FwPackWriter, fw_pack_writer, G_TYPE_OBJECT)

static void
fw_pack_writer_finalize (GObject *object)
{
  FwPackWriter *self = (FwPackWriter *) object;

  g_free (self->title);
  g_free (self->language);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->frames, g_ptr_array_unref);
  g_clear_pointer (&self->piece_ids, g_hash_table_unref);

  G_OBJECT_CLASS (fw_pack_writer_parent_class)->finalize (object);
}

static void
fw_pack_writer_class_init (FwPackWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_pack_writer_finalize;
}

static void
fw_pack_writer_init (FwPackWriter *self)
{
  self->pieces = g_ptr_array_new_with_free_func (g_object_unref);
  self->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_frame_free);
  self->piece_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * fw_pack_writer_new:
 * @title: the pack's title
 * @language: (nullable): BCP 47 tag of the pieces' language; %NULL for
 *   `und` (undetermined), which the author should replace
 *
 * Creates an empty pack skeleton.
 *
 * Returns: (transfer full): a new writer
 */
FwPackWriter *
fw_pack_writer_new (const char *title,
                    const char *language)
{
  FwPackWriter *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (FW_TYPE_PACK_WRITER, NULL);
  self->title = g_strdup (title);
  self->language = g_strdup (language != NULL ? language : "und");

  return self;
}

/* An id made of a name: ASCII transliteration, lower case, other
 * characters as single dashes, at most @max characters. */
static char *
make_id (const char *name,
         gsize       max,
         const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && id->len < max; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }

  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);

  if (id->len == 0)
    g_string_append (id, fallback);

  return g_string_free (id, FALSE);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/**
 * fw_pack_writer_split_paragraphs:
 * @text: plain UTF-8 text
 *
 * Splits plain text into paragraphs. Line ends may be LF, CRLF or CR.
 * When blank lines separate blocks of text, each block is a paragraph and
 * its lines (hard-wrapped text) are joined with one space; when there is
 * no blank line between two lines of text, each line is a paragraph (text
 * copied from a web page). Spaces at the ends of lines are dropped; the
 * text is otherwise kept exactly.
 *
 * Returns: (transfer full) (array zero-terminated=1): the paragraphs, none
 *   empty
 */
char **
fw_pack_writer_split_paragraphs (const char *text)
{
  g_autoptr(GString) normal = g_string_new (text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gboolean blocks = FALSE;
  gboolean seen_text = FALSE;
  gboolean blank_after_text = FALSE;

  g_string_replace (normal, "\r\n", "\n", 0);
  g_string_replace (normal, "\r", "\n", 0);
  lines = g_strsplit (normal->str, "\n", -1);

  /* Blocks when some blank line lies between two lines of text. */
  for (guint i = 0; lines[i] != NULL && !blocks; i++)
    {
      if (is_blank (lines[i]))
        blank_after_text = seen_text;
      else if (blank_after_text)
        blocks = TRUE;
      else
        seen_text = TRUE;
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0' || !blocks)
        {
          if (paragraph->len > 0)
            {
              g_strv_builder_add (builder, paragraph->str);
              g_string_truncate (paragraph, 0);
            }
          if (*line != '\0')
            g_strv_builder_add (builder, line);
          continue;
        }

      if (paragraph->len > 0)
        g_string_append_c (paragraph, ' ');
      g_string_append (paragraph, line);
    }

  if (paragraph->len > 0)
    g_strv_builder_add (builder, paragraph->str);

  return g_strv_builder_end (builder);
}

static char *
strip_extension (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return g_strdup (name);

  return g_strndup (name, (gsize) (dot - name));
}

/**
 * fw_pack_writer_add_text:
 * @self: a writer
 * @name: the file's name, e.g. `karabakh-op-ed.txt`; it gives the piece
 *   its id, and its title when the text has none
 * @bytes: the file's contents: UTF-8 text, optionally with a byte-order
 *   mark
 * @error: return location for a #FwPackWriterError
 *
 * Adds one piece made of a plain-text file. Its paragraphs come from
 * fw_pack_writer_split_paragraphs(). When there are at least two and the
 * first is a line of at most 200 characters that does not end in a full
 * stop, that line is taken as the title (a headline); otherwise the title
 * is @name without its extension.
 *
 * Returns: %TRUE when the piece was added, or %FALSE with @error set to
 *   %FW_PACK_WRITER_ERROR_INVALID_UTF8 (with the byte offset),
 *   %FW_PACK_WRITER_ERROR_EMPTY, or %FW_PACK_WRITER_ERROR_LIMIT when the
 *   pack would have more than %FW_MAX_PIECES pieces or a paragraph over
 *   %FW_MAX_STRING_LENGTH bytes
 */
gboolean
fw_pack_writer_add_text (FwPackWriter  *self,
                         const char    *name,
                         GBytes        *bytes,
                         GError       **error)
{
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) paragraphs = NULL;
  const char *data, *invalid = NULL;
  const char * const *body;
  gsize length;
  guint n;

  g_return_val_if_fail (FW_IS_PACK_WRITER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (self->pieces->len >= FW_MAX_PIECES)
    {
      g_set_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_LIMIT,
                   _("A pack may hold at most %d pieces"), FW_MAX_PIECES);
      return FALSE;
    }

  /* File names may hold any character; messages show them visibly. */
  shown = fw_plain_text_make_visible (name, 200);
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_INVALID_UTF8,
                   _("“%s” is not UTF-8 text: the byte at offset %" PRIu64 " is not part "
                     "of a character; save it as UTF-8"),
                   shown, (uint64_t) (invalid - (const char *) g_bytes_get_data (bytes, NULL)));
      return FALSE;
    }

  text = g_strndup (data, length);
  paragraphs = fw_pack_writer_split_paragraphs (text);
  n = g_strv_length (paragraphs);
  if (n == 0)
    {
      g_set_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_EMPTY,
                   _("“%s” holds no text"), shown);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (strlen (paragraphs[i]) > FW_MAX_STRING_LENGTH)
        {
          g_set_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_LIMIT,
                       _("Paragraph %u of “%s” is longer than 1 MiB, the longest text a pack "
                         "may hold; split it with blank lines"),
                       i + 1, shown);
          return FALSE;
        }
    }

  base = strip_extension (name);
  body = (const char * const *) paragraphs;
  if (n >= 2 && g_utf8_strlen (paragraphs[0], -1) <= MAX_TITLE_CHARS
      && !g_str_has_suffix (paragraphs[0], "."))
    {
      title = g_strdup (paragraphs[0]);
      body = (const char * const *) paragraphs + 1;
    }
  else
    {
      title = g_strdup (base);
    }

  id = make_id (base, 56, "piece");
  if (g_hash_table_contains (self->piece_ids, id))
    {
      for (guint i = 2;; i++)
        {
          g_autofree char *numbered = g_strdup_printf ("%s-%u", id, i);

          if (!g_hash_table_contains (self->piece_ids, numbered))
            {
              g_free (id);
              id = g_steal_pointer (&numbered);
              break;
            }
        }
    }

  g_hash_table_add (self->piece_ids, g_strdup (id));
  g_ptr_array_add (self->pieces, fw_piece_new (id, title, body));
  g_ptr_array_add (self->suggestions,
                   g_ptr_array_new_with_free_func ((GDestroyNotify) fw_annotation_free));

  return TRUE;
}

/**
 * fw_pack_writer_add_file:
 * @self: a writer
 * @file: a plain-text file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file with fw_pack_loader_read_file() and adds it with
 * fw_pack_writer_add_text().
 *
 * Returns: %TRUE when the piece was added, or %FALSE with @error set
 */
gboolean
fw_pack_writer_add_file (FwPackWriter  *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FW_IS_PACK_WRITER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = fw_pack_loader_read_file (file, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  return fw_pack_writer_add_text (self, name, bytes, error);
}

/**
 * fw_pack_writer_get_n_pieces:
 * @self: a writer
 *
 * Returns: the number of pieces added
 */
guint
fw_pack_writer_get_n_pieces (FwPackWriter *self)
{
  g_return_val_if_fail (FW_IS_PACK_WRITER (self), 0);
  return self->pieces->len;
}

/**
 * fw_pack_writer_get_piece:
 * @self: a writer
 * @index: 0-based index of a piece added
 *
 * Returns the piece as it will be written, with its id, title and
 * paragraphs, so that the automatic analysis can run on it and hand its
 * findings to fw_pack_writer_add_suggestion().
 *
 * Returns: (transfer none): piece @index
 */
FwPiece *
fw_pack_writer_get_piece (FwPackWriter *self,
                          guint         index)
{
  g_return_val_if_fail (FW_IS_PACK_WRITER (self), NULL);
  g_return_val_if_fail (index < self->pieces->len, NULL);
  return g_ptr_array_index (self->pieces, index);
}

/**
 * fw_pack_writer_add_suggestion:
 * @self: a writer
 * @index: 0-based index of a piece added
 * @annotation: an annotation of that piece, usually found automatically;
 *   its offsets are code points into fw_piece_get_text() and must lie in
 *   the text
 *
 * Adds @annotation to piece @index as a suggestion: it is written with
 * `"status": "suggested"`, which the validator reports as a warning until
 * the author reviews it. Its selector is the shortest that finds it: the
 * quote alone when it is unique, else the quote with up to 64 characters
 * of prefix and suffix, else the quote with its position.
 */
void
fw_pack_writer_add_suggestion (FwPackWriter       *self,
                               guint               index,
                               const FwAnnotation *annotation)
{
  FwPiece *piece;

  g_return_if_fail (FW_IS_PACK_WRITER (self));
  g_return_if_fail (index < self->pieces->len);
  g_return_if_fail (annotation != NULL);

  piece = g_ptr_array_index (self->pieces, index);
  g_return_if_fail (annotation->start < annotation->end);
  g_return_if_fail (annotation->end <= fw_piece_get_length (piece));
  g_return_if_fail ((guint) annotation->kind < FW_N_ANNOTATION_KINDS);

  g_ptr_array_add (g_ptr_array_index (self->suggestions, index), fw_annotation_copy (annotation));
}

/**
 * fw_pack_writer_add_frame:
 * @self: a writer
 * @frame: a frame, usually a built-in one that a suggested frame-cue
 *   annotation names
 *
 * Adds a copy of @frame (id, label, description and cues) to the pack's
 * `frames`, so that the frame-cue annotations that name it do not warn
 * of an unknown frame, and the author can see and edit its cues. A frame
 * whose id the writer already has is not added again.
 */
void
fw_pack_writer_add_frame (FwPackWriter  *self,
                          const FwFrame *frame)
{
  g_return_if_fail (FW_IS_PACK_WRITER (self));
  g_return_if_fail (frame != NULL && frame->id != NULL && frame->label != NULL);

  for (guint i = 0; i < self->frames->len; i++)
    if (g_str_equal (((FwFrame *) g_ptr_array_index (self->frames, i))->id, frame->id))
      return;

  g_ptr_array_add (self->frames, fw_frame_copy (frame));
}

/**
 * fw_pack_writer_get_n_suggestions:
 * @self: a writer
 * @index: 0-based index of a piece added
 *
 * Returns: how many suggestions piece @index has
 */
guint
fw_pack_writer_get_n_suggestions (FwPackWriter *self,
                                  guint         index)
{
  g_return_val_if_fail (FW_IS_PACK_WRITER (self), 0);
  g_return_val_if_fail (index < self->pieces->len, 0);
  return ((GPtrArray *) g_ptr_array_index (self->suggestions, index))->len;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* Writes the selector members of an annotation: the shortest context that
 * makes the quote unique, or its position when no context does. */
static void
add_selector (JsonBuilder        *builder,
              FwPiece            *piece,
              const FwAnnotation *a)
{
  static const guint context[] = { 0, 8, 16, 32, 64 };
  const char *text = fw_piece_get_text (piece);
  guint length = fw_piece_get_length (piece);
  const FwUtf8Index *index = fw_piece_get_utf8_index (piece);
  g_autofree char *exact = fw_piece_dup_span_text (piece, a->start, a->end);

  add_string (builder, "exact", exact);

  for (guint i = 0; i < G_N_ELEMENTS (context); i++)
    {
      guint before = MIN (context[i], a->start);
      guint after = MIN (context[i], length - a->end);
      g_autofree char *prefix = fw_utf8_index_dup_substring (index, a->start - before, a->start);
      g_autofree char *suffix = fw_utf8_index_dup_substring (index, a->end, a->end + after);
      guint start, end;

      if (fw_selector_resolve (text, length, index, exact, before > 0 ? prefix : NULL,
                               after > 0 ? suffix : NULL, -1, -1, &start, &end, NULL)
          && start == a->start)
        {
          if (before > 0)
            add_string (builder, "prefix", prefix);
          if (after > 0)
            add_string (builder, "suffix", suffix);
          return;
        }
    }

  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, a->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, a->end);
}

static void
add_frame (JsonBuilder   *builder,
           const FwFrame *frame)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", frame->id);
  add_string (builder, "label", frame->label);
  if (frame->description != NULL)
    add_string (builder, "description", frame->description);
  json_builder_set_member_name (builder, "cues");
  json_builder_begin_array (builder);
  for (guint i = 0; frame->cues != NULL && frame->cues[i] != NULL; i++)
    json_builder_add_string_value (builder, frame->cues[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_piece (JsonBuilder *builder,
           FwPiece     *piece,
           GPtrArray   *suggestions)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", fw_piece_get_id (piece));
  add_string (builder, "title", fw_piece_get_title (piece));

  /* Provenance nobody has checked yet is "not stated", never guessed. */
  json_builder_set_member_name (builder, "contributors");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "role", "author");
  add_string (builder, "confidence", "not-stated");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "outlet");
  json_builder_begin_object (builder);
  add_string (builder, "confidence", "not-stated");
  json_builder_end_object (builder);
  add_string (builder, "published_confidence", "not-stated");
  add_string (builder, "image_credit_confidence", "not-stated");

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fw_piece_get_n_paragraphs (piece); i++)
    json_builder_add_string_value (builder, fw_piece_get_paragraph (piece, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "annotations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (suggestions, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", fw_annotation_kind_to_nick (a->kind));
      add_string (builder, "category", a->category);
      add_string (builder, "note", a->note);
      if (a->neutral != NULL)
        add_string (builder, "neutral", a->neutral);
      if (a->frame != NULL)
        add_string (builder, "frame", a->frame);
      add_selector (builder, piece, a);
      add_string (builder, "status", "suggested");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * fw_pack_writer_to_bytes:
 * @self: a writer with at least one piece
 * @error: return location for a #FwPackWriterError
 *
 * Writes the pack as indented JSON (UTF-8, a final line feed): format and
 * version, an id made of the title, the title and language, an empty list
 * of authors, the frames added with fw_pack_writer_add_frame(), and the
 * pieces with their provenance marked not stated, their paragraphs and
 * their suggestions.
 *
 * Returns: (transfer full) (nullable): the pack file's contents, or %NULL
 *   with @error set to %FW_PACK_WRITER_ERROR_EMPTY (no piece) or
 *   %FW_PACK_WRITER_ERROR_LIMIT (over %FW_MAX_PACK_SIZE)
 */
GBytes *
fw_pack_writer_to_bytes (FwPackWriter  *self,
                         GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (FW_IS_PACK_WRITER (self), NULL);

  if (self->pieces->len == 0)
    {
      g_set_error_literal (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_EMPTY,
                           _("A pack needs at least one piece"));
      return NULL;
    }

  id = make_id (self->title, 64, "new-pack");

  json_builder_begin_object (builder);
  add_string (builder, "format", "framewise-pack");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FW_PACK_FORMAT_VERSION);
  add_string (builder, "id", id);
  add_string (builder, "title", self->title);
  add_string (builder, "language", self->language);
  json_builder_set_member_name (builder, "authors");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  if (self->frames->len > 0)
    {
      json_builder_set_member_name (builder, "frames");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->frames->len; i++)
        add_frame (builder, g_ptr_array_index (self->frames, i));
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "pieces");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->pieces->len; i++)
    add_piece (builder, g_ptr_array_index (self->pieces, i),
               g_ptr_array_index (self->suggestions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);

  if (length + 1 > FW_MAX_PACK_SIZE)
    {
      g_set_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_LIMIT,
                   _("The pack would be %.1f MiB; packs may be at most 16 MiB"),
                   (length + 1) / (1024.0 * 1024.0));
      return NULL;
    }

  return g_bytes_new_take (g_strconcat (text, "\n", NULL), length + 1);
}
