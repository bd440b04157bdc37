/* test-pack-loader.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The loader's limits and its defences against odd files: every limit of
 * the format at and just over its value, text encodings, and files that
 * are not regular files or not local. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "fw-pack-loader.h"
#include "fw-pack-library.h"

/* A valid pack whose pieces array holds @pieces (JSON text). */
static GBytes *
pack_with_pieces (const char *pieces)
{
  char *text = g_strdup_printf ("{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"t\", "
                                "\"title\": \"T\", \"language\": \"en\", \"pieces\": [%s]}",
                                pieces);

  return g_bytes_new_take (text, strlen (text));
}

static FwPack *
load (GBytes      *bytes,
      GPtrArray  **diagnostics,
      GError     **error)
{
  return fw_pack_load_bytes (bytes, diagnostics, error);
}

static const FwDiagnostic *
find_diagnostic (GPtrArray  *diagnostics,
                 const char *path,
                 const char *message)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (d->path, path) && strstr (d->message, message) != NULL)
        return d;
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = fw_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("diagnostic: %s", line);
    }
  return NULL;
}

static GString *
many_pieces (guint n)
{
  GString *pieces = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (pieces,
                            "%s{\"id\": \"p%u\", \"title\": \"P\", \"paragraphs\": [\"x\"]}",
                            i > 0 ? "," : "", i);

  return pieces;
}

static void
test_limit_pieces (void)
{
  g_autoptr(GString) ok = many_pieces (FW_MAX_PIECES);
  g_autoptr(GString) over = many_pieces (FW_MAX_PIECES + 1);
  g_autoptr(GBytes) ok_bytes = pack_with_pieces (ok->str);
  g_autoptr(GBytes) over_bytes = pack_with_pieces (over->str);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwPack) refused = NULL;

  pack = load (ok_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_pack_get_n_pieces (pack), ==, 500);

  refused = load (over_bytes, &diagnostics, &error);
  g_assert_null (refused);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_nonnull (find_diagnostic (diagnostics, "/pieces",
                                     "Too many entries: 501, the limit is 500"));
}

static GString *
piece_with_annotations (guint n)
{
  GString *piece = g_string_new ("{\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"");

  /* One character per annotation, each found by its position. */
  for (guint i = 0; i < n; i++)
    g_string_append_c (piece, 'a');
  g_string_append (piece, "\"], \"annotations\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (piece, "%s{\"kind\": \"frame-cue\", \"category\": \"c\", \"note\": "
                            "\"n\", \"start\": %u, \"end\": %u}", i > 0 ? "," : "", i, i + 1);
  g_string_append (piece, "]}");

  return piece;
}

static void
test_limit_annotations (void)
{
  g_autoptr(GString) ok = piece_with_annotations (FW_MAX_ANNOTATIONS_PER_PIECE);
  g_autoptr(GString) over = piece_with_annotations (FW_MAX_ANNOTATIONS_PER_PIECE + 1);
  g_autoptr(GBytes) ok_bytes = pack_with_pieces (ok->str);
  g_autoptr(GBytes) over_bytes = pack_with_pieces (over->str);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwPack) refused = NULL;

  pack = load (ok_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_piece_get_annotations (fw_pack_get_piece (pack, 0))->len, ==, 5000);

  refused = load (over_bytes, &diagnostics, &error);
  g_assert_null (refused);
  g_assert_nonnull (find_diagnostic (diagnostics, "/pieces/0/annotations",
                                     "Too many entries: 5001, the limit is 5000"));
}

static GBytes *
pack_with_paragraph_of (gsize n_bytes)
{
  g_autofree char *paragraph = g_malloc (n_bytes + 1);
  g_autofree char *piece = NULL;

  memset (paragraph, 'a', n_bytes);
  paragraph[n_bytes] = '\0';
  piece = g_strdup_printf ("{\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"%s\"]}",
                           paragraph);
  return pack_with_pieces (piece);
}

static void
test_limit_string_length (void)
{
  g_autoptr(GBytes) ok_bytes = pack_with_paragraph_of (FW_MAX_STRING_LENGTH);
  g_autoptr(GBytes) over_bytes = pack_with_paragraph_of (FW_MAX_STRING_LENGTH + 1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwPack) refused = NULL;
  const FwDiagnostic *d;

  pack = load (ok_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_piece_get_length (fw_pack_get_piece (pack, 0)), ==, 1024 * 1024);

  refused = load (over_bytes, &diagnostics, &error);
  g_assert_null (refused);
  d = find_diagnostic (diagnostics, "/pieces/0/paragraphs/0",
                       "This text is 1.00 MiB long; the limit is 1 MiB");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 1);
}

static GBytes *
pack_nested (guint depth)
{
  GString *text = g_string_new ("{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"t\", "
                                "\"title\": \"T\", \"language\": \"en\", \"pieces\": "
                                "[{\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"x\"]}], "
                                "\"nested\": ");

  /* The root object is the first level. */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  return g_string_free_to_bytes (text);
}

static void
test_limit_nesting (void)
{
  g_autoptr(GBytes) ok_bytes = pack_nested (FW_MAX_NESTING);
  g_autoptr(GBytes) over_bytes = pack_nested (FW_MAX_NESTING + 1);
  g_autoptr(GBytes) hostile = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwPack) refused = NULL;
  g_autoptr(FwPack) refused_too = NULL;
  GString *brackets = g_string_new (NULL);

  pack = load (ok_bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  refused = load (over_bytes, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_DEEP);
  g_assert_null (refused);
  g_clear_error (&error);

  /* A million brackets must not reach the parser's recursion. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (brackets, '[');
  hostile = g_string_free_to_bytes (brackets);
  refused_too = load (hostile, NULL, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_DEEP);
  g_assert_null (refused_too);
}

static void
test_limit_file_size (void)
{
  g_autofree char *big = g_malloc0 (FW_MAX_PACK_SIZE + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwPack) from_file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int fd;

  memset (big, ' ', FW_MAX_PACK_SIZE + 1);
  bytes = g_bytes_new_take (g_steal_pointer (&big), FW_MAX_PACK_SIZE + 1);
  pack = load (bytes, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_LARGE);
  g_assert_null (pack);
  g_assert_nonnull (find_diagnostic (diagnostics, "", "packs may be at most 16 MiB"));
  g_clear_error (&error);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  /* A file over the limit is refused by its size, before it is read: a
   * sparse file of 17 MiB costs no disk. */
  fd = g_file_open_tmp ("fw-big-XXXXXX.fwpack", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, 17 * 1024 * 1024), ==, 0);
  close (fd);
  file = g_file_new_for_path (path);
  from_file = fw_pack_load_file (file, NULL, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "17.0 MiB"));
  g_assert_null (from_file);
  g_unlink (path);
}

static void
test_limit_search (void)
{
  g_autoptr(GString) piece = g_string_new ("{\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  guint n = 4100;

  /* A 1 MiB piece with 4,100 unique quotes: proving each unique reads the
   * whole piece, and the 4,097th search would pass 4 GiB. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (piece, "x%04u ", i);
  while (piece->len < FW_MAX_STRING_LENGTH)
    g_string_append_c (piece, 'a');
  g_string_append (piece, "\"], \"annotations\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (piece, "%s{\"kind\": \"frame-cue\", \"category\": \"c\", "
                            "\"note\": \"n\", \"exact\": \"x%04u \"}", i > 0 ? "," : "", i);
  g_string_append (piece, "]}");
  bytes = pack_with_pieces (piece->str);

  pack = load (bytes, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_nonnull (find_diagnostic (diagnostics, "/pieces/0/annotations/4096",
                                     "stopped checking quotes here"));
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 1);
}

static void
test_utf8_invalid (void)
{
  static const char text[] = "{\"title\": \"caf\xC3\x28\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GBytes) nul = g_bytes_new_static ("{\"a\"\0:1}", 8);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwPack) with_nul = NULL;
  const FwDiagnostic *d;

  pack = load (bytes, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID_UTF8);
  g_assert_null (pack);
  /* The byte position counts from 0: '{' is byte 0, 0xC3 byte 14. */
  d = find_diagnostic (diagnostics, "", "the byte at offset 14 (line 1, column 15)");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 1);
  g_assert_cmpuint (d->column, ==, 15);
  g_clear_error (&error);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  with_nul = load (nul, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID_UTF8);
  g_assert_null (with_nul);
  g_assert_nonnull (find_diagnostic (diagnostics, "", "NUL byte at byte offset 4"));
}

static void
test_utf8_bom (void)
{
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF{\n  \"format\": \"framewise-pack\",\n"
                                          "  \"version\": 1, \"id\": \"t\", \"title\": \"T\",\n"
                                          "  \"language\": \"x y\", \"pieces\": [{\"id\": \"p\", "
                                          "\"title\": \"P\", \"paragraphs\": [\"x\"]}]}");
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  const FwDiagnostic *d;

  /* The byte-order mark is accepted and does not shift columns. */
  pack = load (bytes, &diagnostics, &error);
  g_assert_null (pack);
  d = find_diagnostic (diagnostics, "/language", "is not a BCP 47 language tag");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 4);
  g_assert_cmpuint (d->column, ==, 15);
}

static void
test_diagnostics_capped (void)
{
  GString *fields = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  const FwDiagnostic *last;
  g_autofree char *piece = NULL;

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (fields, ", \"unknown%u\": 0", i);
  piece = g_strdup_printf ("{\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"x\"]%s}",
                           fields->str);
  g_string_free (fields, TRUE);
  bytes = pack_with_pieces (piece);

  /* Warnings only: the pack opens, and the list stays readable. */
  pack = load (bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (diagnostics->len, ==, 1001);
  last = g_ptr_array_index (diagnostics, 1000);
  g_assert_cmpint (last->severity, ==, FW_SEVERITY_WARNING);
  g_assert_cmpstr (last->message, ==, "1500 more problems are not listed");
}

static void
test_file_kinds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) web = g_file_new_for_uri ("https://example.org/pack.fwpack");
  g_autofree char *fifo_path = g_build_filename (g_get_tmp_dir (), "fw-test-fifo.fwpack", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  FwPack *pack;

  pack = fw_pack_load_file (dir, NULL, &diagnostics, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (pack);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  /* A device that never ends is not read at all. */
  pack = fw_pack_load_file (device, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (pack);
  g_clear_error (&error);

  /* Nor is a pipe, which would block. */
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  pack = fw_pack_load_file (fifo, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (pack);
  g_clear_error (&error);
  g_unlink (fifo_path);

  /* Opening a pack never goes to the network. */
  pack = fw_pack_load_file (web, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (pack);
}

static void
test_bundled_and_example_valid (void)
{
  g_autofree char *example_path = g_build_filename (g_getenv ("FW_SOURCE_ROOT"), "data", "packs",
                                                    "example.fwpack", NULL);
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  g_autoptr(GBytes) bundled_bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) bundled = NULL;
  g_autoptr(FwPack) pack = NULL;

  bundled_bytes = fw_pack_loader_read_bundled (&error);
  g_assert_no_error (error);
  bundled = fw_pack_load_bytes (bundled_bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundled);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  /* The authoring guide's example uses every feature and is clean. */
  pack = fw_pack_load_file (example, NULL, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (fw_pack_get_n_exercises (pack), >=, 1);
}

static void
test_hostile_text_kept (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "hostile-text.fwpack", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  FwPiece *piece;

  /* Markup, entities, controls, overrides and zero-width characters are
   * data: the model keeps them byte for byte. */
  pack = fw_pack_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fw_pack_get_title (pack), ==, "<b>Bold</b> &amp; \u202Eevil");
  piece = fw_pack_get_piece (pack, 0);
  g_assert_cmpstr (fw_piece_get_paragraph (piece, 0), ==,
                   "A <b>bold</b> claim &amp; an entity &#x41; and a tag <u>here</u>.");
  g_assert_cmpstr (fw_piece_get_paragraph (piece, 3), ==,
                   "Control \x01\x07\x7F\xC2\x85 characters.");
  g_assert_cmpstr (fw_piece_get_outlet (piece)->name, ==, "<i>Outlet</i> &amp;");
  g_assert_cmpuint (fw_piece_get_annotations (piece)->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pack-loader/limit/pieces", test_limit_pieces);
  g_test_add_func ("/pack-loader/limit/annotations", test_limit_annotations);
  g_test_add_func ("/pack-loader/limit/string-length", test_limit_string_length);
  g_test_add_func ("/pack-loader/limit/nesting", test_limit_nesting);
  g_test_add_func ("/pack-loader/limit/file-size", test_limit_file_size);
  g_test_add_func ("/pack-loader/limit/diagnostics", test_diagnostics_capped);
  g_test_add_func ("/pack-loader/limit/search", test_limit_search);
  g_test_add_func ("/pack-loader/utf8/invalid", test_utf8_invalid);
  g_test_add_func ("/pack-loader/utf8/bom", test_utf8_bom);
  g_test_add_func ("/pack-loader/file-kinds", test_file_kinds);
  g_test_add_func ("/pack-loader/bundled-and-example", test_bundled_and_example_valid);
  g_test_add_func ("/pack-loader/hostile-text", test_hostile_text_kept);

  return g_test_run ();
}
