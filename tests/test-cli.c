/* test-cli.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The teachers' command-line tools: `--validate` in text and JSON, its
 * exit statuses, and `--new-pack`. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fw-cli.h"
#include "fw-pack-loader.h"

static GFile *
test_pack (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", relative, NULL);

  return g_file_new_for_path (path);
}

static void
test_cli_validate_valid (void)
{
  g_autoptr(GFile) file = test_pack ("valid-base.fwpack");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (fw_cli_validate (file, FALSE, out, err), ==, FW_CLI_OK);
  g_assert_true (g_str_has_prefix (out->str, "Valid lesson pack: Base pack (broken-base, en)\n"));
  g_assert_nonnull (strstr (out->str, "  p1 — A piece\n    Authors: A. Writer\n"));
  g_assert_nonnull (strstr (out->str, "Annotations: 1 loaded-term\n"));
  g_assert_cmpstr (err->str, ==, "");
}

static void
test_cli_validate_invalid_text (void)
{
  g_autoptr(GFile) file = test_pack ("broken/quote-ambiguous.fwpack");
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *expected = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (fw_cli_validate (file, FALSE, out, err), ==, FW_CLI_INVALID);
  g_assert_cmpstr (out->str, ==, "");
  expected = g_strdup_printf ("%s:49:20: error: /pieces/0/annotations/0/exact: The quote “vote” "
                              "occurs 2 times; add a “prefix” or “suffix” to say which one\n"
                              "%s: The pack has 1 error\n",
                              name, name);
  g_assert_cmpstr (err->str, ==, expected);
}

static void
test_cli_validate_json (void)
{
  g_autoptr(GFile) file = test_pack ("broken/warning-unknown-field.fwpack");
  g_autoptr(GFile) broken = test_pack ("broken/bad-date.fwpack");
  GFile *both[2] = { file, broken };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *report, *diagnostic;
  JsonArray *reports;

  g_assert_cmpint (fw_cli_validate (file, TRUE, out, err), ==, FW_CLI_OK);
  g_assert_cmpstr (err->str, ==, "");
  json_parser_load_from_data (parser, out->str, -1, &error);
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (report, "valid"));
  g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "warnings"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (report, "id"), ==, "broken-base");
  diagnostic = json_array_get_object_element (json_object_get_array_member (report,
                                                                            "diagnostics"), 0);
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "path"), ==,
                   "/pieces/0/contributers");
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 53);
  g_assert_cmpint (json_object_get_int_member (diagnostic, "column"), ==, 23);

  /* Several files give an array, and the worst status. */
  g_string_truncate (out, 0);
  g_assert_cmpint (fw_cli_validate_files (both, 2, TRUE, out, err), ==, FW_CLI_INVALID);
  json_parser_load_from_data (parser, out->str, -1, &error);
  g_assert_no_error (error);
  reports = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (reports), ==, 2);
  report = json_array_get_object_element (reports, 1);
  g_assert_false (json_object_get_boolean_member (report, "valid"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (report, "file"),
                                   "bad-date.fwpack"));
}

static void
test_cli_validate_unreadable (void)
{
  g_autoptr(GFile) missing = test_pack ("no-such-pack.fwpack");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (fw_cli_validate (missing, FALSE, out, err), ==, FW_CLI_USAGE);
  g_assert_nonnull (strstr (err->str, "cannot read the file"));
}

static void
test_cli_validate_terminal_safe (void)
{
  g_autoptr(GFile) file = test_pack ("hostile-text.fwpack");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  /* Pack text cannot send escape sequences or reorder the terminal. */
  g_assert_cmpint (fw_cli_validate (file, FALSE, out, err), ==, FW_CLI_OK);
  g_assert_nonnull (strstr (out->str, "Valid lesson pack: <b>Bold</b> &amp; [U+202E]evil"));
  g_assert_null (strstr (out->str, "\u202E"));
  g_assert_null (strchr (out->str, '\x1B'));
}

static void
test_cli_new_pack (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-cli-XXXXXX", NULL);
  g_autofree char *text_path = g_build_filename (dir, "piece.txt", NULL);
  g_autofree char *pack_path = g_build_filename (dir, "new.fwpack", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GFile) output = g_file_new_for_path (pack_path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (text_path, "A headline\n\nFirst paragraph.\n", -1, NULL));

  /* To standard output... */
  g_assert_cmpint (fw_cli_new_pack ("New pack", "en", &text, 1, NULL, out, err), ==, FW_CLI_OK);
  g_assert_true (g_str_has_prefix (out->str, "{\n  \"format\" : \"framewise-pack\""));

  /* ...or to a new file, which then passes --validate. */
  g_string_truncate (out, 0);
  g_assert_cmpint (fw_cli_new_pack ("New pack", "en", &text, 1, output, out, err), ==, FW_CLI_OK);
  g_assert_cmpstr (out->str, ==, "");
  g_assert_nonnull (strstr (err->str, "Wrote a pack with 1 piece"));
  pack = fw_pack_load_file (output, NULL, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpint (fw_cli_validate (output, FALSE, out, err), ==, FW_CLI_OK);

  /* An existing file is never replaced. */
  g_string_truncate (err, 0);
  g_assert_true (g_file_get_contents (pack_path, &before, NULL, NULL));
  g_assert_cmpint (fw_cli_new_pack ("Other", "en", &text, 1, output, out, err), ==, FW_CLI_USAGE);
  g_assert_nonnull (strstr (err->str, "already exists"));
  g_assert_true (g_file_get_contents (pack_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* No text, no pack. */
  g_assert_cmpint (fw_cli_new_pack ("None", NULL, NULL, 0, NULL, out, err), ==, FW_CLI_USAGE);

  g_unlink (text_path);
  g_unlink (pack_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/valid", test_cli_validate_valid);
  g_test_add_func ("/cli/validate/invalid-text", test_cli_validate_invalid_text);
  g_test_add_func ("/cli/validate/json", test_cli_validate_json);
  g_test_add_func ("/cli/validate/unreadable", test_cli_validate_unreadable);
  g_test_add_func ("/cli/validate/terminal-safe", test_cli_validate_terminal_safe);
  g_test_add_func ("/cli/new-pack", test_cli_new_pack);

  return g_test_run ();
}
