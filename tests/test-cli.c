/* test-cli.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The teachers' command line. Most tests run it as a teacher does: the
 * binary in a child process, with no display, checking its exit status and
 * exactly what it prints; meson passes the binary's path as the first
 * argument. Where a test needs to look closer (several files at once, the
 * pack that --new-pack wrote), it calls the core's fw_cli_* functions,
 * which the binary's command-line handler runs. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fw-analyzer.h"
#include "fw-cli.h"
#include "fw-pack-loader.h"

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

/* Runs framewise with @args and @input (or nothing) as its standard
 * input. */
static void
run_framewise_va (Run        *run,
                  const char *input,
                  va_list     args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;

  g_ptr_array_add (argv, (char *) framewise_binary);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  /* The command line must work on a machine without a display. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
run_framewise (Run *run,
               ...)
{
  va_list args;

  va_start (args, run);
  run_framewise_va (run, NULL, args);
  va_end (args);
}

static void
run_framewise_with_input (Run        *run,
                          const char *input,
                          ...)
{
  va_list args;

  va_start (args, input);
  run_framewise_va (run, input, args);
  va_end (args);
}

/* The path of a test pack, relative to tests/packs/. */
static char *
test_pack_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, "packs", relative, NULL);
}

static GFile *
test_pack_file (const char *relative)
{
  g_autofree char *path = test_pack_path (relative);

  return g_file_new_for_path (path);
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

/* Run from the build tree, Framewise takes its translations from
 * FW_LOCALEDIR (set by tests/meson.build to the build's po folder). */
static void
test_cli_translated (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_nonnull (g_getenv ("FW_LOCALEDIR"));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "de", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, framewise_binary, "--help", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  g_assert_nonnull (strstr (out, "Unterrichtspakete"));
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
  g_autofree char *path = test_pack_path ("quote-not-found.fwpack");
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

/* Every broken pack at the top of tests/packs fails with status 1, and
 * every problem line has the compiler form FILE:LINE:COLUMN: error: /path:
 * message, without the path for a problem of the whole file. */
static void
test_cli_validate_every_broken_pack (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "packs", NULL);
  g_autoptr(GRegex) line_form = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_packs = 0;

  line_form = g_regex_new ("^(.+):([0-9]+):([0-9]+): (error|warning): (?:(/[^ ]*): )?([^/].*)$", 0, 0,
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

      /* The packs here that open, and the README and broken/ directory
       * (test-broken-packs checks those one by one). */
      if (!g_str_has_suffix (name, ".fwpack") || g_str_has_prefix (name, "valid-")
          || g_str_equal (name, "unknown-field.fwpack")
          || g_str_equal (name, "hostile-text.fwpack"))
        continue;

      path = g_build_filename (directory, name, NULL);
      g_test_message ("%s", name);
      run_framewise (&run, "--validate", path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");

      lines = g_strsplit (run.err, "\n", -1);
      n_lines = g_strv_length (lines);
      /* Problem lines, then a summary line where the list alone does not
       * say why the file does not open (a count of errors, or why the file
       * is not a pack at all), and the empty string after the last
       * newline. */
      g_assert_cmpuint (n_lines, >=, 2);
      g_assert_cmpstr (lines[n_lines - 1], ==, "");
      for (guint i = 0; i + 1 < n_lines; i++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *file = NULL;
          g_autofree char *line = NULL;
          g_autofree char *severity = NULL;
          g_autofree char *summary_prefix = NULL;

          if (!g_regex_match (line_form, lines[i], 0, &match))
            {
              summary_prefix = g_strconcat (path, ": ", NULL);
              g_assert_cmpuint (i + 2, ==, n_lines);
              g_assert_true (g_str_has_prefix (lines[i], summary_prefix));
              continue;
            }

          file = g_match_info_fetch (match, 1);
          line = g_match_info_fetch (match, 2);
          severity = g_match_info_fetch (match, 4);
          g_assert_cmpstr (file, ==, path);
          g_assert_cmpuint (g_ascii_strtoull (line, NULL, 10), >, 0);
          if (g_str_equal (severity, "error"))
            n_errors++;
        }
      g_assert_cmpuint (n_errors, >=, 1);
      n_packs++;
    }

  g_assert_cmpuint (n_packs, >=, 15);
}

static void
test_cli_validate_warnings (void)
{
  g_autofree char *path = test_pack_path ("unknown-field.fwpack");
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
  g_autofree char *path = test_pack_path ("named-not-stated.fwpack");
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
  g_autofree char *missing = test_pack_path ("no-such-pack.fwpack");
  g_autofree char *valid = test_pack_path ("valid-minimal.fwpack");
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

  /* A near miss of a subcommand, an empty file name and arguments after
   * --version are wrong command lines too, not files to open. */
  {
    const char *wrong[][4] = {
      { "analyse", "x.txt", NULL, "Unknown command “analyse”; did you mean “analyze”?\n" },
      { "evalptc", NULL, NULL, "Unknown command “evalptc”; did you mean “eval-ptc”?\n" },
      { "--validate", "", NULL, "A file name must not be empty\n" },
      { "--validate", valid, "", "A file name must not be empty\n" },
      { "--version", "extra", NULL, "--version takes no other arguments\n" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_auto(Run) run = { 0 };

        run_framewise (&run, wrong[i][0], wrong[i][1], wrong[i][2], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_cmpstr (run.err, ==, wrong[i][3]);
      }
  }

  /* An option of one tool without that tool is a wrong command line, not
   * a reason to start the app, and the message names the tool. */
  {
    const char *alone[][4] = {
      { "--format", "json", NULL, "--format goes with --validate" },
      { "--format", "text", valid, "--format goes with --validate" },
      { "--output", "new.fwpack", NULL, "--output goes with --new-pack" },
      { "--language", "en", valid, "--language goes with --new-pack" },
      { "--validate", valid, "--language=en", "--language goes with --new-pack" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (alone); i++)
      {
        g_auto(Run) run = { 0 };

        run_framewise (&run, alone[i][0], alone[i][1], alone[i][2], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (g_str_has_prefix (run.err, alone[i][3]));
        g_assert_null (strstr (run.err, "display"));
      }
  }

  /* What GLib's option parser rejects is a wrong command line too. */
  {
    const char *wrong[][3] = {
      { "--no-such-option", NULL, NULL },
      { "--validate", NULL, NULL },
      { "--new-pack", NULL, NULL },
      { "--format", NULL, NULL },
      { "--validate", valid, "--no-such-option" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_auto(Run) run = { 0 };

        run_framewise (&run, wrong[i][0], wrong[i][1], wrong[i][2], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_cmpstr (run.err, !=, "");
      }
  }
}

static void
test_cli_validate_valid (void)
{
  g_autoptr(GFile) file = test_pack_file ("valid-base.fwpack");
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
  g_autoptr(GFile) file = test_pack_file ("broken/quote-ambiguous.fwpack");
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
test_cli_validate_json_files (void)
{
  g_autoptr(GFile) file = test_pack_file ("broken/warning-unknown-field.fwpack");
  g_autoptr(GFile) broken = test_pack_file ("broken/bad-date.fwpack");
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
test_cli_validate_terminal_safe (void)
{
  g_autoptr(GFile) file = test_pack_file ("hostile-text.fwpack");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  /* Pack text cannot send escape sequences or reorder the terminal. */
  g_assert_cmpint (fw_cli_validate (file, FALSE, out, err), ==, FW_CLI_OK);
  g_assert_nonnull (strstr (out->str, "Valid lesson pack: <b>Bold</b> &amp; [U+202E]evil"));
  g_assert_null (strstr (out->str, "\u202E"));
  g_assert_null (strchr (out->str, '\x1B'));
}

/* A plain text is not a pack: --validate says so once, without a JSON
 * syntax error, and names the commands that take a plain text. */
static void
test_cli_validate_plain_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-cli-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *quoted_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *quoted_expected = NULL;
  g_autofree char *pack = test_pack_path ("broken/not-an-object.fwpack");
  g_autofree char *pack_expected = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) quoted = { 0 };
  g_auto(Run) as_pack = { 0 };
  g_auto(Run) not_an_object = { 0 };
  g_auto(Run) as_json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *diagnostics;

  g_assert_no_error (error);
  path = g_build_filename (dir, "op-ed.txt", NULL);
  quoted_path = g_build_filename (dir, "my op-ed.txt", NULL);
  g_assert_true (g_file_set_contents (path, "just a headline\n\nAnd a paragraph.\n", -1, NULL));
  g_assert_true (g_file_set_contents (quoted_path, "  Words.\n", -1, NULL));

  run_framewise (&run, "--validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  expected = g_strdup_printf ("%s:1:1: error: This file is not a lesson pack: a pack is a "
                              "JSON file, and this one is not JSON\n"
                              "%s: to make a lesson pack of this text, run framewise --new-pack "
                              "TITLE %s; to analyse the text as it is, run framewise analyze %s\n",
                              path, path, path, path);
  g_assert_cmpstr (run.err, ==, expected);

  /* A name the shell would split is quoted in the commands. */
  run_framewise (&quoted, "--validate", quoted_path, NULL);
  g_assert_cmpint (quoted.status, ==, 1);
  quoted_expected = g_strdup_printf ("framewise analyze '%s'\n", quoted_path);
  g_assert_true (g_str_has_suffix (quoted.err, quoted_expected));

  /* analyze --pack says it once too, and names the same commands. */
  run_framewise (&as_pack, "analyze", "--pack", path, "--piece", "p1", NULL);
  g_assert_cmpint (as_pack.status, ==, 1);
  g_assert_cmpstr (as_pack.err, ==, expected);

  /* JSON that is no pack: its one reason, not repeated as a summary. */
  run_framewise (&not_an_object, "--validate", pack, NULL);
  g_assert_cmpint (not_an_object.status, ==, 1);
  pack_expected = g_strdup_printf ("%s:1:1: error: This is JSON but not a lesson pack: a pack "
                                   "is one JSON object\n", pack);
  g_assert_cmpstr (not_an_object.err, ==, pack_expected);

  /* In JSON the whole document's pointer is the empty string (RFC 6901). */
  run_framewise (&as_json, "--validate", pack, "--format", "json", NULL);
  g_assert_cmpint (as_json.status, ==, 1);
  json_parser_load_from_data (parser, as_json.out, -1, &error);
  g_assert_no_error (error);
  diagnostics = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "diagnostics");
  g_assert_cmpuint (json_array_get_length (diagnostics), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (diagnostics, 0),
                                                  "path"), ==, "");

  g_unlink (path);
  g_unlink (quoted_path);
  g_rmdir (dir);
}

/* A folder for --new-pack: the teacher's text goes to @text_path, the
 * pack to @pack_path; both are deleted after the test. */
typedef struct
{
  char *dir;
  char *text_path;
  char *pack_path;
  GFile *text;
  GFile *output;
  GString *out;
  GString *err;
} NewPack;

/* The one text of @f as fw_cli_new_pack() takes its files. */
#define TEXT_PATHS(f) ((const char * const *) &(f)->text_path)

static void
new_pack_set_up (NewPack       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fw-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->text_path = g_build_filename (f->dir, "op-ed.txt", NULL);
  f->pack_path = g_build_filename (f->dir, "new.fwpack", NULL);
  f->text = g_file_new_for_path (f->text_path);
  f->output = g_file_new_for_path (f->pack_path);
  f->out = g_string_new (NULL);
  f->err = g_string_new (NULL);
}

static void
new_pack_tear_down (NewPack       *f,
                    gconstpointer  data)
{
  g_unlink (f->text_path);
  g_unlink (f->pack_path);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->text_path);
  g_free (f->pack_path);
  g_object_unref (f->text);
  g_object_unref (f->output);
  g_string_free (f->out, TRUE);
  g_string_free (f->err, TRUE);
}

static void
test_cli_new_pack (NewPack       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->text_path, "A headline\n\nFirst paragraph.\n", -1,
                                      NULL));

  /* To standard output... */
  g_assert_cmpint (fw_cli_new_pack ("New pack", "en", TEXT_PATHS (f), 1, NULL, NULL, f->out,
                                    f->err), ==, FW_CLI_OK);
  g_assert_true (g_str_has_prefix (f->out->str, "{\n  \"format\" : \"framewise-pack\""));

  /* ...or to a new file, which then passes --validate. */
  g_string_truncate (f->out, 0);
  g_assert_cmpint (fw_cli_new_pack ("New pack", "en", TEXT_PATHS (f), 1, NULL, f->output, f->out,
                                    f->err), ==, FW_CLI_OK);
  g_assert_cmpstr (f->out->str, ==, "");
  g_assert_nonnull (strstr (f->err->str, "Wrote a pack with 1 piece"));
  pack = fw_pack_load_file (f->output, NULL, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpint (fw_cli_validate (f->output, FALSE, f->out, f->err), ==, FW_CLI_OK);

  /* An existing file is never replaced. */
  g_string_truncate (f->err, 0);
  g_assert_true (g_file_get_contents (f->pack_path, &before, NULL, NULL));
  g_assert_cmpint (fw_cli_new_pack ("Other", "en", TEXT_PATHS (f), 1, NULL, f->output, f->out,
                                    f->err), ==, FW_CLI_USAGE);
  g_assert_nonnull (strstr (f->err->str, "already exists"));
  g_assert_true (g_file_get_contents (f->pack_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* No text, no pack. */
  g_assert_cmpint (fw_cli_new_pack ("None", NULL, NULL, 0, NULL, NULL, f->out, f->err), ==,
                   FW_CLI_USAGE);
}

/* An opinion paragraph with loaded terms, an unsupported assertion, an
 * attribution and cues of two frames. */
#define SUGGESTIBLE_TEXT \
  "Borders and duties\n\n" \
  "The regime claims that everyone knows the so-called refugees are a threat. " \
  "According to the UN, sovereignty matters, and borders must be defended.\n\n" \
  "Clearly this is a humanitarian catastrophe.\n"

static void
test_cli_new_pack_suggestions (NewPack       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autofree char *note = NULL;
  GPtrArray *suggested, *expected;
  FwPiece *piece;
  guint kinds = 0;

  g_assert_true (g_file_set_contents (f->text_path, SUGGESTIBLE_TEXT, -1, NULL));
  g_assert_cmpint (fw_cli_new_pack ("Borders", "en", TEXT_PATHS (f), 1, NULL, f->output, f->out,
                                    f->err), ==, FW_CLI_OK);

  pack = fw_pack_load_file (f->output, NULL, &diagnostics, &error);
  g_assert_no_error (error);
  piece = fw_pack_get_piece (pack, 0);
  suggested = fw_piece_get_annotations (piece);

  /* Every automatic annotation of the built-in English analysis is in the
   * pack, at the same place, with the same kind, category and reason. */
  analyzer = fw_analyzer_new ("en", &error);
  g_assert_no_error (error);
  analysis = fw_analyzer_analyze_piece (analyzer, piece, FW_ANALYSIS_ALL, NULL, &error);
  g_assert_no_error (error);
  expected = fw_analysis_get_annotations (analysis);
  g_assert_cmpuint (expected->len, >=, 5);
  g_assert_cmpuint (suggested->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const FwAnnotation *e = g_ptr_array_index (expected, i);
      const FwAnnotation *a = g_ptr_array_index (suggested, i);

      g_assert_cmpint (a->kind, ==, e->kind);
      g_assert_cmpuint (a->start, ==, e->start);
      g_assert_cmpuint (a->end, ==, e->end);
      g_assert_cmpstr (a->category, ==, e->category);
      g_assert_cmpstr (a->note, ==, e->note);
      g_assert_cmpstr (a->neutral, ==, e->neutral);
      g_assert_cmpstr (a->frame, ==, e->frame);
      kinds |= 1u << a->kind;
    }
  g_assert_true (kinds & (1u << FW_ANNOTATION_LOADED_TERM));
  g_assert_true (kinds & (1u << FW_ANNOTATION_UNSUPPORTED_ASSERTION));
  g_assert_true (kinds & (1u << FW_ANNOTATION_FRAME_CUE));

  /* Each is a suggestion, the one warning --validate gives for it: the
   * frames that frame cues name are in the pack. */
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (diagnostics->len, ==, suggested->len);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *path = g_strdup_printf ("/pieces/0/annotations/%u/status", i);

      g_assert_cmpint (d->severity, ==, FW_SEVERITY_WARNING);
      g_assert_cmpstr (d->path, ==, path);
      g_assert_nonnull (strstr (d->message, "automatic suggestion"));
    }
  g_assert_nonnull (fw_pack_find_frame (pack, "sovereignty"));
  g_assert_nonnull (fw_pack_find_frame (pack, "humanitarian"));

  note = g_strdup_printf ("Framewise suggests %u annotations: check each against the text, "
                          "then delete its “status” or set it to “reviewed”.\n",
                          suggested->len);
  g_assert_true (g_str_has_suffix (f->err->str, note));

  /* --validate says the same warning once, with how many more there are. */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(GString) err = g_string_new (NULL);
    g_autofree char *more = g_strdup_printf (" (and %u more like it)\n", suggested->len - 1);
    const char *first;

    g_assert_cmpint (fw_cli_validate (f->output, FALSE, out, err), ==, FW_CLI_OK);
    first = strstr (err->str, "automatic suggestion");
    g_assert_nonnull (first);
    g_assert_null (strstr (first + 1, "automatic suggestion"));
    g_assert_nonnull (strstr (err->str, "/pieces/0/annotations/0/status: "));
    g_assert_nonnull (strstr (first, more));
  }
}

/* A piece keeps at most FW_MAX_ANNOTATIONS_PER_PIECE suggestions, and the
 * teacher is told when more were found. */
static void
test_cli_new_pack_too_many_suggestions (NewPack       *f,
                                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, SUGGESTIBLE_TEXT);
  g_assert_true (g_file_set_contents (f->text_path, text->str, -1, NULL));
  g_assert_cmpint (fw_cli_new_pack ("Borders", "en", TEXT_PATHS (f), 1, NULL, f->output, f->out,
                                    f->err), ==, FW_CLI_OK);
  g_assert_nonnull (strstr (f->err->str, "op-ed: only the first 5000 of "));
  g_assert_nonnull (strstr (f->err->str, "Framewise suggests 5000 annotations"));
}

/* An output that exists is said before anything else, the hint about
 * suggestions included. */
static void
test_cli_new_pack_output_exists (NewPack       *f,
                                 gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->text_path, SUGGESTIBLE_TEXT, -1, NULL));
  g_assert_true (g_file_set_contents (f->pack_path, "{}", -1, NULL));
  g_assert_cmpint (fw_cli_new_pack ("Borders", NULL, TEXT_PATHS (f), 1, NULL, f->output, f->out,
                                    f->err), ==, FW_CLI_USAGE);
  g_assert_true (g_str_has_suffix (f->err->str, " already exists; choose another name, "
                                                "Framewise does not replace it\n"));
  /* That one line only. */
  g_assert_true (strchr (f->err->str, '\n') == f->err->str + f->err->len - 1);
  g_assert_cmpstr (f->out->str, ==, "");
}

static void
test_cli_new_pack_no_lexicon (NewPack       *f,
                              gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  /* Without --language the language is undetermined: no lexicon, no
   * suggestions, and the teacher is told how to get some. */
  g_assert_true (g_file_set_contents (f->text_path, SUGGESTIBLE_TEXT, -1, NULL));
  g_assert_cmpint (fw_cli_new_pack ("Borders", NULL, TEXT_PATHS (f), 1, NULL, NULL, f->out,
                                    f->err), ==, FW_CLI_OK);
  g_assert_cmpstr (f->err->str, ==, "The pack has no suggested annotations: give the texts’ "
                                    "language with --language, such as --language en, for "
                                    "Framewise to suggest some.\n");

  bytes = g_bytes_new (f->out->str, f->out->len);
  pack = fw_pack_load_bytes (bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (fw_piece_get_annotations (fw_pack_get_piece (pack, 0))->len, ==, 0);
  g_assert_cmpuint (fw_pack_get_frames (pack)->len, ==, 0);
}

static void
test_cli_new_pack_run (NewPack       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *annotations;
  JsonObject *first;

  /* As a teacher runs it: the pack to standard output, what to do next to
   * standard error. */
  g_assert_true (g_file_set_contents (f->text_path, SUGGESTIBLE_TEXT, -1, NULL));
  run_framewise (&run, "--new-pack", "Borders", f->text_path, "--language", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, "Framewise suggests "));

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  annotations = json_object_get_array_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                    "pieces"), 0),
    "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), >=, 5);
  first = json_array_get_object_element (annotations, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "suggested");
}

/* A language the teacher gave but without a built-in lexicon: the pack
 * is written without suggestions, and the message does not ask for the
 * option that was given. */
static void
test_cli_new_pack_language_without_lexicon (NewPack       *f,
                                            gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->text_path, SUGGESTIBLE_TEXT, -1, NULL));
  g_assert_cmpint (fw_cli_new_pack ("Frontières", "fr", TEXT_PATHS (f), 1, NULL, NULL, f->out,
                                    f->err), ==, FW_CLI_OK);
  g_assert_cmpstr (f->err->str, ==, "Framewise has no built-in lexicon for the language “fr”, "
                                    "so the pack has no suggested annotations.\n");
  g_assert_true (g_str_has_prefix (f->out->str, "{\n  \"format\" : \"framewise-pack\""));
}

/* A title or language that cannot go in a pack is named as the argument
 * or option it came from, not as a line of JSON that was never written;
 * nothing is written. */
static void
test_cli_new_pack_bad_arguments (NewPack       *f,
                                 gconstpointer  data)
{
  g_assert_true (g_file_set_contents (f->text_path, SUGGESTIBLE_TEXT, -1, NULL));

  g_assert_cmpint (fw_cli_new_pack ("", "en", TEXT_PATHS (f), 1, NULL, f->output, f->out,
                                    f->err), ==, FW_CLI_USAGE);
  g_assert_cmpstr (f->err->str, ==, "--new-pack: the title must not be empty\n");

  g_string_truncate (f->err, 0);
  g_assert_cmpint (fw_cli_new_pack ("Borders", "xx!", TEXT_PATHS (f), 1, NULL, f->output, f->out,
                                    f->err), ==, FW_CLI_USAGE);
  g_assert_cmpstr (f->err->str, ==, "--language: “xx!” is not a BCP 47 language tag such as en "
                                    "or pl\n");

  g_assert_cmpstr (f->out->str, ==, "");
  g_assert_false (g_file_query_exists (f->output, NULL));
}

/* `-` reads the piece from standard input, as `analyze -` does; it can
 * stand for one piece only. */
static void
test_cli_new_pack_standard_input (NewPack       *f,
                                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) twice = { 0 };
  FwPiece *piece;

  g_assert_true (g_file_set_contents (f->text_path, "Second text\n\nIts paragraph.\n", -1,
                                      NULL));
  run_framewise_with_input (&run, SUGGESTIBLE_TEXT, "--new-pack", "Borders", "-", f->text_path,
                            "--language", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, "Framewise suggests "));

  bytes = g_bytes_new (run.out, strlen (run.out));
  pack = fw_pack_load_bytes (bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_pack_get_n_pieces (pack), ==, 2);
  piece = fw_pack_get_piece (pack, 0);
  g_assert_cmpstr (fw_piece_get_title (piece), ==, "Borders and duties");
  g_assert_cmpuint (fw_piece_get_annotations (piece)->len, >=, 5);
  g_assert_cmpstr (fw_piece_get_title (fw_pack_get_piece (pack, 1)), ==, "Second text");

  run_framewise_with_input (&twice, SUGGESTIBLE_TEXT, "--new-pack", "Borders", "-", "-", NULL);
  g_assert_cmpint (twice.status, ==, 2);
  g_assert_cmpstr (twice.out, ==, "");
  g_assert_cmpstr (twice.err, ==, "-: standard input can be one piece of the pack only\n");
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
  g_test_add_func ("/cli/translated", test_cli_translated);
  g_test_add_func ("/cli/validate/bundled", test_cli_validate_bundled);
  g_test_add_func ("/cli/validate/broken", test_cli_validate_broken);
  g_test_add_func ("/cli/validate/every-broken-pack", test_cli_validate_every_broken_pack);
  g_test_add_func ("/cli/validate/warnings", test_cli_validate_warnings);
  g_test_add_func ("/cli/validate/json", test_cli_validate_json);
  g_test_add_func ("/cli/validate/json-files", test_cli_validate_json_files);
  g_test_add_func ("/cli/validate/valid", test_cli_validate_valid);
  g_test_add_func ("/cli/validate/invalid-text", test_cli_validate_invalid_text);
  g_test_add_func ("/cli/validate/terminal-safe", test_cli_validate_terminal_safe);
  g_test_add_func ("/cli/validate/plain-text", test_cli_validate_plain_text);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);
  g_test_add ("/cli/new-pack", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack, new_pack_tear_down);
  g_test_add ("/cli/new-pack/suggestions", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_suggestions, new_pack_tear_down);
  g_test_add ("/cli/new-pack/too-many-suggestions", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_too_many_suggestions, new_pack_tear_down);
  g_test_add ("/cli/new-pack/output-exists", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_output_exists, new_pack_tear_down);
  g_test_add ("/cli/new-pack/no-lexicon", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_no_lexicon, new_pack_tear_down);
  g_test_add ("/cli/new-pack/run", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_run, new_pack_tear_down);
  g_test_add ("/cli/new-pack/language-without-lexicon", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_language_without_lexicon, new_pack_tear_down);
  g_test_add ("/cli/new-pack/bad-arguments", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_bad_arguments, new_pack_tear_down);
  g_test_add ("/cli/new-pack/standard-input", NewPack, NULL,
              new_pack_set_up, test_cli_new_pack_standard_input, new_pack_tear_down);

  return g_test_run ();
}
