/* test-cli.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The teachers' command line, run as a teacher runs it: the installed
 * binary in a child process, with no display, checking its exit status and
 * exactly what it prints. meson passes the binary's path as the first
 * argument. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

static const char *framewise_binary;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_framewise (Run *run,
               ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) framewise_binary);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* The command line must work on a machine without a display. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
test_pack (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "packs", name, NULL);
}

static void
test_cli_version (void)
{
  g_auto(Run) run = { 0 };

  run_framewise (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "framewise " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_cli_validate_bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FW_SOURCE_ROOT"), "data", "packs",
                                            "karabakh-poland.fwpack", NULL);
  g_auto(Run) run = { 0 };

  run_framewise (&run, "--validate", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Valid lesson pack: Sovereignty or humanitarian duty? "
                                            "Karabakh and Poland, 2023 (karabakh-poland, en)\n"
                                            "4 pieces:\n"));
  g_assert_nonnull (strstr (run.out, "\n  siege-lessons-syria — Ending the Nagorno-Karabakh Siege, "
                                     "lessons from Syria\n"
                                     "    Authors: David Akopyan, Hrair Balian\n"
                                     "    Outlet: CivilNet\n"
                                     "    Annotations: 24 loaded-term, 9 unsupported-assertion, "
                                     "3 attribution, 7 frame-cue, 6 contested-name\n"));
  g_assert_nonnull (strstr (run.out, "\n  poland-refugees — "));
  g_assert_nonnull (strstr (run.out, "    Authors: Author not stated\n"));
  g_assert_nonnull (strstr (run.out, "\n4 exercises:\n"));
  g_assert_nonnull (strstr (run.out, "\n  who-is-speaking — Who is speaking? (7 steps)\n"));
}

static void
test_cli_validate_broken (void)
{
  g_autofree char *path = test_pack ("quote-not-found.fwpack");
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };

  run_framewise (&run, "--validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  expected = g_strdup_printf ("%s:17:20: error: /pieces/0/annotations/0/exact: The quote "
                              "““anti–terror”” does not occur in the piece; check spelling, "
                              "quotes and dashes\n"
                              "%s: The pack has 1 error\n",
                              path, path);
  g_assert_cmpstr (run.err, ==, expected);
}

/* Every broken pack in tests/packs fails with status 1, and every problem
 * line has the compiler form FILE:LINE:COLUMN: error: /path: message. */
static void
test_cli_validate_every_broken_pack (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "packs", NULL);
  g_autoptr(GRegex) line_form = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_packs = 0;

  line_form = g_regex_new ("^(.+):([0-9]+):([0-9]+): (error|warning): (/[^ ]*): (.+)$", 0, 0,
                           &error);
  g_assert_no_error (error);
  dir = g_dir_open (directory, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_auto(GStrv) lines = NULL;
      g_auto(Run) run = { 0 };
      guint n_lines, n_errors = 0;

      if (g_str_has_prefix (name, "valid-") || g_str_equal (name, "unknown-field.fwpack"))
        continue;

      path = g_build_filename (directory, name, NULL);
      g_test_message ("%s", name);
      run_framewise (&run, "--validate", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");

      lines = g_strsplit (run.err, "\n", -1);
      n_lines = g_strv_length (lines);
      /* Problem lines, a summary line, and the empty string after the
       * last newline. */
      g_assert_cmpuint (n_lines, >=, 3);
      g_assert_cmpstr (lines[n_lines - 1], ==, "");
      for (guint i = 0; i + 2 < n_lines; i++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *file = NULL;
          g_autofree char *line = NULL;
          g_autofree char *severity = NULL;

          g_assert_true (g_regex_match (line_form, lines[i], 0, &match));
          file = g_match_info_fetch (match, 1);
          line = g_match_info_fetch (match, 2);
          severity = g_match_info_fetch (match, 4);
          g_assert_cmpstr (file, ==, path);
          g_assert_cmpuint (g_ascii_strtoull (line, NULL, 10), >, 0);
          if (g_str_equal (severity, "error"))
            n_errors++;
        }
      g_assert_cmpuint (n_errors, >=, 1);
      g_assert_true (g_str_has_prefix (lines[n_lines - 2], path));
      n_packs++;
    }

  g_assert_cmpuint (n_packs, >=, 15);
}

static void
test_cli_validate_warnings (void)
{
  g_autofree char *path = test_pack ("unknown-field.fwpack");
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };

  /* Warnings do not make a pack invalid. */
  run_framewise (&run, "--validate", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out,
                                   "Valid lesson pack: A misspelt field (misspelt, en)\n"));
  expected = g_strdup_printf ("%s:11:23: warning: /pieces/0/contributers: Unknown field "
                              "“contributers” is ignored; check its spelling\n"
                              "%s:13:21: warning: /pieces/0/notes~12023: Unknown field "
                              "“notes/2023” is ignored; check its spelling\n",
                              path, path);
  g_assert_cmpstr (run.err, ==, expected);
}

static void
test_cli_validate_json (void)
{
  g_autofree char *path = test_pack ("named-not-stated.fwpack");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *report, *first;
  JsonArray *diagnostics;

  run_framewise (&run, "--validate", path, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (report, "valid"));
  g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "warnings"), ==, 0);
  diagnostics = json_object_get_array_member (report, "diagnostics");
  g_assert_cmpuint (json_array_get_length (diagnostics), ==, 2);
  first = json_array_get_object_element (diagnostics, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (first, "path"), ==,
                   "/pieces/0/contributors/0/name");
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 13);
  g_assert_cmpint (json_object_get_int_member (first, "column"), ==, 19);
  g_assert_false (json_object_has_member (report, "title"));
}

static void
test_cli_usage_errors (void)
{
  g_autofree char *missing = test_pack ("no-such-pack.fwpack");
  g_autofree char *valid = test_pack ("valid-minimal.fwpack");
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) bad_format = { 0 };

  run_framewise (&unreadable, "--validate", missing, NULL);
  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_cmpstr (unreadable.out, ==, "");
  g_assert_true (g_str_has_prefix (unreadable.err, missing));
  g_assert_nonnull (strstr (unreadable.err, "cannot read the file"));

  run_framewise (&bad_format, "--validate", valid, "--format", "xml", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_cmpstr (bad_format.out, ==, "");
  g_assert_nonnull (strstr (bad_format.err, "“xml”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-FRAMEWISE\n", argv[0]);
      return 2;
    }
  framewise_binary = argv[1];

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/validate/bundled", test_cli_validate_bundled);
  g_test_add_func ("/cli/validate/broken", test_cli_validate_broken);
  g_test_add_func ("/cli/validate/every-broken-pack", test_cli_validate_every_broken_pack);
  g_test_add_func ("/cli/validate/warnings", test_cli_validate_warnings);
  g_test_add_func ("/cli/validate/json", test_cli_validate_json);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);

  return g_test_run ();
}
