/* fw-pack-loader.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Loading a pack is defensive: the file may come from anywhere. Before
 * json-glib sees it, the bytes are checked for size, UTF-8 validity and
 * nesting depth, so that a hostile file can neither exhaust memory nor the
 * parser's stack, and each such problem gets a message with its position.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fw-core-resources.h"
#include "fw-json-locator.h"
#include "fw-pack-loader.h"

G_DEFINE_QUARK (fw-pack-error-quark, fw_pack_error)

#define BUNDLED_PACK RESOURCE_PREFIX "/packs/karabakh-poland.fwpack"

static void
line_column_at (const char *text,
                gsize       byte_offset,
                guint      *line,
                guint      *column)
{
  const char *line_start = text;

  *line = 1;
  for (gsize i = 0; i < byte_offset; i++)
    {
      if (text[i] == '\n')
        {
          (*line)++;
          line_start = text + i + 1;
        }
    }

  /* The prefix of the line may itself be valid UTF-8 only up to the error;
   * count code-point starts by hand rather than trusting it. */
  *column = 1;
  for (const char *p = line_start; p < text + byte_offset; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      (*column)++;
}

/* Where json-glib's scanner stood when it found a syntax error: a 1-based
 * line and a 1-based byte position in that line, at the last byte of the
 * token it could not use. */
typedef struct
{
  guint line;
  guint byte_column;
} SyntaxErrorPosition;

static void
parse_error_cb (JsonParser         *parser,
                const GError       *error,
                SyntaxErrorPosition *position)
{
  position->line = json_parser_get_current_line (parser);
  position->byte_column = json_parser_get_current_pos (parser);
}

/* Turns json-glib's byte position into a column in code points, the unit
 * every other diagnostic uses. */
static guint
code_point_column (const char *text,
                   gsize       length,
                   guint       line,
                   guint       byte_column)
{
  const char *p = text;
  const char *end = text + length;
  guint column = 0;

  for (guint l = 1; l < line && p < end; p++)
    if (*p == '\n')
      l++;

  for (guint i = 0; i < byte_column && p < end && *p != '\n'; i++, p++)
    if (((guchar) *p & 0xC0) != 0x80)
      column++;

  return MAX (column, 1);
}

/* json-glib starts its messages with "<data>:LINE:POSITION: "; the
 * diagnostic carries the position itself, so that prefix is left out. */
static const char *
skip_json_glib_position (const char *message)
{
  const char *p = message;

  if (!g_str_has_prefix (p, "<data>:"))
    return message;

  p += strlen ("<data>:");
  for (guint i = 0; i < 2; i++)
    {
      if (!g_ascii_isdigit (*p))
        return message;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p != ':')
        return message;
      p++;
    }
  while (*p == ' ')
    p++;

  return p;
}

static void
fail (GPtrArray  *diagnostics,
      GError    **error,
      int         code,
      guint       line,
      guint       column,
      const char *message)
{
  FwDiagnostic *d = fw_diagnostic_new (FW_SEVERITY_ERROR, "", message);

  d->line = line;
  d->column = column;
  g_ptr_array_add (diagnostics, d);
  g_set_error_literal (error, FW_PACK_ERROR, code, message);
}

/* Returns the byte offset where nesting first exceeds the limit, or -1. */
static gssize
find_excess_nesting (const char *text,
                     gsize       length)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > FW_MAX_NESTING)
            return (gssize) i;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return -1;
}

/**
 * fw_pack_loader_parse_json:
 * @bytes: the file's contents
 * @diagnostics: (out) (transfer full) (element-type FwDiagnostic): the
 *   problem found, if any
 * @error: return location for a #FwPackError
 *
 * Checks @bytes for size (at most %FW_MAX_PACK_SIZE), UTF-8 validity and
 * nesting (at most %FW_MAX_NESTING levels), then parses it with json-glib.
 * A UTF-8 byte-order mark is skipped.
 *
 * Returns: (transfer full) (nullable): the JSON root, or %NULL with
 *   @error set to %FW_PACK_ERROR_TOO_LARGE, %FW_PACK_ERROR_INVALID_UTF8,
 *   %FW_PACK_ERROR_TOO_DEEP or %FW_PACK_ERROR_SYNTAX
 */
JsonNode *
fw_pack_loader_parse_json (GBytes     *bytes,
                           GPtrArray **diagnostics,
                           GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *message = NULL;
  const char *text, *invalid = NULL;
  gsize length;
  gsize bom = 0;
  gssize deep;
  guint line, column;
  SyntaxErrorPosition syntax_error = { 0, 0 };

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    text = "";

  if (length > FW_MAX_PACK_SIZE)
    {
      message = g_strdup_printf (_("The file is %.1f MiB; packs may be at most 16 MiB"),
                                 length / (1024.0 * 1024.0));
      fail (found, error, FW_PACK_ERROR_TOO_LARGE, 0, 0, message);
      goto out;
    }

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;

  if (!g_utf8_validate_len (text + bom, length - bom, &invalid))
    {
      gsize offset = (gsize) (invalid - text);

      line_column_at (text + bom, offset - bom, &line, &column);
      message = g_strdup_printf (_("The file is not valid UTF-8 text: byte %" PRIu64
                                   " (line %u) is not part of a character; save it as UTF-8"),
                                 (uint64_t) offset, line);
      fail (found, error, FW_PACK_ERROR_INVALID_UTF8, line, column, message);
      goto out;
    }

  deep = find_excess_nesting (text + bom, length - bom);
  if (deep >= 0)
    {
      line_column_at (text + bom, (gsize) deep, &line, &column);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Arrays and objects nest more than %d level deep",
                                              "Arrays and objects nest more than %d levels deep",
                                              FW_MAX_NESTING),
                                 FW_MAX_NESTING);
      fail (found, error, FW_PACK_ERROR_TOO_DEEP, line, column, message);
      goto out;
    }

  parser = json_parser_new_immutable ();
  g_signal_connect (parser, "error", G_CALLBACK (parse_error_cb), &syntax_error);
  if (!json_parser_load_from_data (parser, text + bom, (gssize) (length - bom), &local_error))
    {
      line = syntax_error.line;
      column = line > 0 ? code_point_column (text + bom, length - bom, line,
                                             syntax_error.byte_column)
                        : 0;
      message = g_strdup_printf (_("The file is not valid JSON: %s"),
                                 skip_json_glib_position (local_error->message));
      fail (found, error, FW_PACK_ERROR_SYNTAX, line, column, message);
      goto out;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      fail (found, error, FW_PACK_ERROR_SYNTAX, 0, 0, _("The file is empty"));
      goto out;
    }

out:
  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&found);

  if (parser == NULL || json_parser_get_root (parser) == NULL)
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static void
locate (GPtrArray  *diagnostics,
        const char *text,
        gsize       length)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  /* Each diagnostic is placed at its own value or, when that value is
   * missing, at the nearest enclosing one. */
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *path = g_strdup (d->path);

      for (;;)
        {
          char *slash;

          g_hash_table_insert (wanted, g_strdup (path), NULL);
          slash = strrchr (path, '/');
          if (slash == NULL)
            break;
          *slash = '\0';
        }
    }

  fw_json_locate_paths (text, length, wanted);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      FwDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *path = g_strdup (d->path);

      for (;;)
        {
          guint64 *packed = g_hash_table_lookup (wanted, path);
          char *slash;

          if (packed != NULL)
            {
              d->line = (guint) (*packed >> 32);
              d->column = (guint) (*packed & 0xFFFFFFFF);
              break;
            }
          slash = strrchr (path, '/');
          if (slash == NULL)
            break;
          *slash = '\0';
        }
    }
}

/**
 * fw_pack_load_bytes:
 * @bytes: the contents of a pack file
 * @diagnostics: (out) (optional) (transfer full) (element-type FwDiagnostic):
 *   every problem found, errors and warnings, each with its JSON Pointer
 *   and line:column; set even when loading fails
 * @error: return location for a #FwPackError
 *
 * Loads and validates a lesson pack. Validation does not stop at the
 * first problem: all are listed in @diagnostics. Warnings (such as unknown
 * fields) do not stop the pack from loading.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set:
 *   any code of fw_pack_loader_parse_json(), %FW_PACK_ERROR_NOT_A_PACK,
 *   %FW_PACK_ERROR_NEWER_VERSION, or %FW_PACK_ERROR_INVALID when the
 *   diagnostics hold at least one error
 */
FwPack *
fw_pack_load_bytes (GBytes     *bytes,
                    GPtrArray **diagnostics,
                    GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(FwValidator) validator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  JsonObject *object;
  const char *format;
  gint64 version = 0;
  const char *text;
  gsize length;

  root = fw_pack_loader_parse_json (bytes, &found, error);
  if (root == NULL)
    goto out;

  text = g_bytes_get_data (bytes, &length);
  validator = fw_validator_new ();

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (found, error, FW_PACK_ERROR_NOT_A_PACK, 1, 1,
            _("This is JSON but not a lesson pack: a pack is one JSON object"));
      goto out;
    }

  object = json_node_get_object (root);
  format = fw_validator_get_string (validator, object, "format", TRUE);
  if (g_strcmp0 (format, "framewise-pack") != 0)
    {
      if (format != NULL)
        fw_validator_report (validator, FW_SEVERITY_ERROR, "format",
                             _("“format” must be “framewise-pack”, not “%s”"), format);
      parsed = fw_validator_steal_diagnostics (validator);
      locate (parsed, text, length);
      g_ptr_array_extend_and_steal (found, g_steal_pointer (&parsed));
      g_set_error_literal (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_A_PACK,
                           _("This JSON file is not a Framewise lesson pack"));
      goto out;
    }

  if (fw_validator_get_int (validator, object, "version", TRUE, 1, G_MAXINT32, &version)
      && version > FW_PACK_FORMAT_VERSION)
    {
      g_autofree char *message =
        g_strdup_printf (_("This pack uses format version %" PRId64
                           ", which needs a newer Framewise; this one reads version %d"),
                         (int64_t) version, FW_PACK_FORMAT_VERSION);

      fw_validator_report (validator, FW_SEVERITY_ERROR, "version", "%s", message);
      parsed = fw_validator_steal_diagnostics (validator);
      locate (parsed, text, length);
      g_ptr_array_extend_and_steal (found, g_steal_pointer (&parsed));
      g_set_error_literal (error, FW_PACK_ERROR, FW_PACK_ERROR_NEWER_VERSION, message);
      goto out;
    }

  pack = fw_pack_parse (validator, object);
  parsed = fw_validator_steal_diagnostics (validator);
  locate (parsed, text, length);

  if (fw_diagnostics_count (parsed, FW_SEVERITY_ERROR) > 0 || pack == NULL)
    {
      guint n = MAX (1, fw_diagnostics_count (parsed, FW_SEVERITY_ERROR));

      g_clear_object (&pack);
      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The pack has %u error",
                                "The pack has %u errors", n),
                   n);
    }
  g_ptr_array_extend_and_steal (found, g_steal_pointer (&parsed));

out:
  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&found);

  return g_steal_pointer (&pack);
}

/**
 * fw_pack_load_file:
 * @file: a pack file
 * @cancellable: (nullable): a #GCancellable
 * @diagnostics: (out) (optional) (transfer full) (element-type FwDiagnostic):
 *   every problem found, as for fw_pack_load_bytes()
 * @error: return location for a #GError
 *
 * Reads @file and loads it with fw_pack_load_bytes(). A file over
 * %FW_MAX_PACK_SIZE is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set
 *   to a #GIOError or a #FwPackError
 */
FwPack *
fw_pack_load_file (GFile         *file,
                   GCancellable  *cancellable,
                   GPtrArray    **diagnostics,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
  char *contents = NULL;
  gsize length = 0;

  if (diagnostics != NULL)
    *diagnostics = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    goto io_failed;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a pack file"));
      goto io_failed;
    }

  if (g_file_info_get_size (info) > FW_MAX_PACK_SIZE)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file is %.1f MiB; packs may be at most 16 MiB"),
                         g_file_info_get_size (info) / (1024.0 * 1024.0));

      fail (found, error, FW_PACK_ERROR_TOO_LARGE, 0, 0, message);
      if (diagnostics != NULL)
        *diagnostics = g_steal_pointer (&found);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    goto io_failed;

  bytes = g_bytes_new_take (contents, length);
  return fw_pack_load_bytes (bytes, diagnostics, error);

io_failed:
  if (diagnostics != NULL)
    {
      g_ptr_array_add (found, fw_diagnostic_new (FW_SEVERITY_ERROR, "",
                                                 error && *error ? (*error)->message : ""));
      *diagnostics = g_steal_pointer (&found);
    }
  return NULL;
}

/**
 * fw_pack_load_bundled:
 * @error: return location for a #GError
 *
 * Loads the lesson pack compiled into the application's resources.
 *
 * Returns: (transfer full) (nullable): the bundled pack, or %NULL with
 *   @error set
 */
FwPack *
fw_pack_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (fw_core_get_resource (), BUNDLED_PACK,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  return fw_pack_load_bytes (bytes, NULL, error);
}
