/* fw-pack-loader.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Loading a pack is defensive: the file may come from anywhere. Before
 * json-glib sees it, the bytes are checked for size, UTF-8 validity and
 * strict JSON syntax with bounded nesting, so that a hostile file can
 * exhaust neither memory nor the parser's stack, and each such problem
 * gets a message with its position. Only local regular files are read,
 * and never more than the size limit.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fw-core-resources.h"
#include "fw-json-locator.h"
#include "fw-json-syntax.h"
#include "fw-pack-loader.h"
#include "fw-plain-text.h"

G_DEFINE_QUARK (fw-pack-error-quark, fw_pack_error)

/* The core's resource (the bundled pack and the built-in lexicons) is
 * registered on first use and kept for the life of the process, so that a
 * worker thread can still read it while the process exits. */
static GResource *
core_resource (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      fw_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return fw_core_get_resource ();
}

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

static void
fail_in (GPtrArray  *diagnostics,
         GError    **error,
         int         code,
         const char *path,
         guint       line,
         guint       column,
         const char *message)
{
  FwDiagnostic *d = fw_diagnostic_new (FW_SEVERITY_ERROR, path, message);

  d->line = line;
  d->column = column;
  g_ptr_array_add (diagnostics, d);
  g_set_error_literal (error, FW_PACK_ERROR, code, message);
}

/* Fails with a problem of the whole document. */
static void
fail (GPtrArray  *diagnostics,
      GError    **error,
      int         code,
      guint       line,
      guint       column,
      const char *message)
{
  fail_in (diagnostics, error, code, "", line, column, message);
}

/**
 * fw_pack_loader_parse_json:
 * @bytes: the file's contents
 * @diagnostics: (out) (optional) (transfer full) (element-type FwDiagnostic):
 *   the problem found, if any, with its line and column (and, for one
 *   inside a string, that string's JSON Pointer), and warnings about
 *   field names repeated in one object
 * @error: return location for a #FwPackError
 *
 * Checks @bytes for size (at most %FW_MAX_PACK_SIZE), UTF-8 validity and
 * strict JSON syntax with nesting of at most %FW_MAX_NESTING levels (see
 * fw_json_syntax_check_full()), then parses it with json-glib. A UTF-8
 * byte-order mark is skipped.
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
  g_autofree char *path = NULL;
  const char *text, *invalid = NULL;
  gsize length;
  gsize bom = 0;
  guint line = 0, column = 0;

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
      if (length >= 2 && ((guchar) text[0] == 0xFF || (guchar) text[0] == 0xFE)
          && ((guchar) text[1] == 0xFF || (guchar) text[1] == 0xFE))
        message = g_strdup (_("The file is UTF-16 text; save it as UTF-8"));
      else if (*invalid == '\0')
        message = g_strdup_printf (_("The file holds a NUL byte at byte offset %" PRIu64
                                     " (line %u, column %u); a pack must be UTF-8 text"),
                                   (uint64_t) offset, line, column);
      else
        message = g_strdup_printf (_("The file is not valid UTF-8 text: the byte at offset %"
                                     PRIu64 " (line %u, column %u) is not part of a "
                                     "character; save the file as UTF-8"),
                                   (uint64_t) offset, line, column);
      fail (found, error, FW_PACK_ERROR_INVALID_UTF8, line, column, message);
      goto out;
    }

  if (!fw_json_syntax_check_full (text + bom, length - bom, FW_MAX_NESTING, found, &line, &column,
                                  &path, &local_error))
    {
      int code = g_error_matches (local_error, FW_JSON_SYNTAX_ERROR,
                                  FW_JSON_SYNTAX_ERROR_TOO_DEEP)
                 ? FW_PACK_ERROR_TOO_DEEP : FW_PACK_ERROR_SYNTAX;

      fail_in (found, error, code, path, line, column, local_error->message);
      goto out;
    }

  /* The checker is stricter than json-glib, so this does not fail on any
   * text it passed; the branch stays in case a json-glib version differs. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text + bom, (gssize) (length - bom), &local_error))
    {
      message = g_strdup_printf (_("The file is not valid JSON: %s"), local_error->message);
      fail (found, error, FW_PACK_ERROR_SYNTAX, 0, 0, message);
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

/* Whether @text, which is not valid JSON, was meant to be: its first
 * character other than white space (after any byte-order mark) opens an
 * object or array. A plain text, such as an article saved to be made into
 * a pack, is not, and a JSON syntax error in it would only confuse. */
static gboolean
looks_like_json (const char *text,
                 gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    i++;

  return i == length || text[i] == '{' || text[i] == '[';
}

static void
locate (GPtrArray  *diagnostics,
        const char *text,
        gsize       length)
{
  g_autoptr(GHashTable) wanted = NULL;

  if (diagnostics->len == 0)
    return;

  wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
 *   any code of fw_pack_loader_parse_json(), except that a file that is
 *   not JSON at all (one whose first character other than white space
 *   opens neither an object nor an array, such as a plain text) is
 *   %FW_PACK_ERROR_NOT_JSON with one diagnostic that says so rather than
 *   the syntax error; %FW_PACK_ERROR_NOT_A_PACK,
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
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *format;
  gint64 version = 0;
  guint n_errors;
  const char *text;
  gsize length;

  text = g_bytes_get_data (bytes, &length);
  root = fw_pack_loader_parse_json (bytes, &found, &local_error);
  if (root == NULL)
    {
      if (g_error_matches (local_error, FW_PACK_ERROR, FW_PACK_ERROR_SYNTAX)
          && !looks_like_json (text != NULL ? text : "", length))
        {
          g_ptr_array_set_size (found, 0);
          fail (found, error, FW_PACK_ERROR_NOT_JSON, 1, 1,
                _("This file is not a lesson pack: a pack is a JSON file, and this one is not "
                  "JSON"));
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

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
        {
          g_autofree char *shown = fw_plain_text_make_visible (format, 60);

          fw_validator_report (validator, FW_SEVERITY_ERROR, "format",
                               _("“format” must be “framewise-pack”, not “%s”"), shown);
        }
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
  n_errors = fw_validator_count_errors (validator);
  parsed = fw_validator_steal_diagnostics (validator);
  locate (parsed, text, length);

  if (n_errors > 0 || pack == NULL)
    {
      guint n = MAX (1, n_errors);

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

/* Reads at most %FW_MAX_PACK_SIZE + 1 bytes, so that a file that grows
 * after its size was checked, or a device that never ends, cannot fill
 * memory. */
static GBytes *
read_capped (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize chunk = 64 * 1024;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  while (buffer->len <= FW_MAX_PACK_SIZE)
    {
      gsize old = buffer->len;
      gsize n = 0;

      g_byte_array_set_size (buffer, (guint) (old + chunk));
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old, chunk, &n,
                                    cancellable, error))
        return NULL;
      g_byte_array_set_size (buffer, (guint) (old + n));
      if (n < chunk)
        break;
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * fw_pack_loader_read_file:
 * @file: a file to read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a file the way every pack and text file is read. Only regular
 * files on this computer (or a mounted drive) are read: a folder, a
 * device, a pipe or a web address is refused before anything is read, so
 * that Framewise never touches the network. A file over
 * %FW_MAX_PACK_SIZE is refused, and no more than that is ever read, even
 * from a file that grows while it is read.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 *   set to %G_IO_ERROR_NOT_SUPPORTED (not a local file),
 *   %G_IO_ERROR_IS_DIRECTORY, %G_IO_ERROR_NOT_REGULAR_FILE, another
 *   #GIOError from reading, or %FW_PACK_ERROR_TOO_LARGE
 */
GBytes *
fw_pack_loader_read_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_is_native (file))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *shown = fw_plain_text_make_visible (uri, 80);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Framewise opens only files on this computer or a mounted drive, never "
                     "from the network; save “%s” as a file first"),
                   shown);
      return NULL;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a file"));
      return NULL;
    }

  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is a device, pipe or socket, not a file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > FW_MAX_PACK_SIZE)
    {
      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_LARGE,
                   _("The file is %.1f MiB; packs may be at most 16 MiB"),
                   g_file_info_get_size (info) / (1024.0 * 1024.0));
      return NULL;
    }

  bytes = read_capped (file, cancellable, error);
  if (bytes != NULL && g_bytes_get_size (bytes) > FW_MAX_PACK_SIZE)
    {
      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_LARGE,
                   _("The file is larger than 16 MiB, the most a pack may be"));
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * fw_pack_load_file:
 * @file: a pack file
 * @cancellable: (nullable): a #GCancellable
 * @diagnostics: (out) (optional) (transfer full) (element-type FwDiagnostic):
 *   every problem found, as for fw_pack_load_bytes()
 * @error: return location for a #GError
 *
 * Reads @file with fw_pack_loader_read_file() and loads it with
 * fw_pack_load_bytes().
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set
 *   to an error of fw_pack_loader_read_file() or fw_pack_load_bytes()
 */
FwPack *
fw_pack_load_file (GFile         *file,
                   GCancellable  *cancellable,
                   GPtrArray    **diagnostics,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = fw_pack_loader_read_file (file, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (diagnostics != NULL)
        {
          *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
          g_ptr_array_add (*diagnostics, fw_diagnostic_new (FW_SEVERITY_ERROR, "",
                                                            local_error->message));
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return fw_pack_load_bytes (bytes, diagnostics, error);
}

/**
 * fw_pack_loader_read_bundled:
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the contents of the lesson pack
 *   compiled into the application's resources, or %NULL with @error set
 */
GBytes *
fw_pack_loader_read_bundled (GError **error)
{
  return g_resource_lookup_data (core_resource (), BUNDLED_PACK,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * fw_pack_loader_read_builtin_lexicon:
 * @stem: the start of the file name before the language, e.g.
 *   `frames-` or `assertion-cues-`; `""` for the lexicon of loaded terms
 * @language: a BCP 47 language tag; only its primary subtag, in lower
 *   case, selects the file, so `en-GB` and `EN` both read `…-en.json`
 * @error: return location for a #GError
 *
 * Reads one of the stand-alone data files compiled into the
 * application's resources under `lexicons/`: `<stem><primary>.json`.
 * Parsing and checking it is left to the caller, whose format it is.
 *
 * Returns: (transfer full) (nullable): the file's contents, or %NULL
 *   with @error set (%G_RESOURCE_ERROR_NOT_FOUND when there is no such
 *   file for @language)
 */
GBytes *
fw_pack_loader_read_builtin_lexicon (const char  *stem,
                                     const char  *language,
                                     GError     **error)
{
  g_autofree char *primary = g_ascii_strdown (language, -1);
  g_autofree char *path = NULL;
  char *dash = strchr (primary, '-');

  if (dash != NULL)
    *dash = '\0';

  path = g_strdup_printf (RESOURCE_PREFIX "/lexicons/%s%s.json", stem, primary);
  return g_resource_lookup_data (core_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 error);
}

/**
 * fw_pack_load_bundled:
 * @bytes: (out) (optional) (nullable) (transfer full): the pack file's
 *   contents, set whenever they could be read, even when the pack does
 *   not load
 * @error: return location for a #GError: a #GResourceError when the pack
 *   is missing from the resources, a #FwPackError when it does not load
 *
 * Loads the lesson pack compiled into the application's resources.
 *
 * Returns: (transfer full) (nullable): the bundled pack, or %NULL with
 *   @error set
 */
FwPack *
fw_pack_load_bundled (GBytes **bytes,
                      GError **error)
{
  g_autoptr(GBytes) contents = fw_pack_loader_read_bundled (error);
  FwPack *pack = NULL;

  if (contents != NULL)
    pack = fw_pack_load_bytes (contents, NULL, error);
  if (bytes != NULL)
    *bytes = g_steal_pointer (&contents);
  return pack;
}
