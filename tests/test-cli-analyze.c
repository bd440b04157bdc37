/* test-cli-analyze.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fw-cli.h"

typedef struct
{
  FwCliStatus status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `framewise analyze ARGS…` with @input on standard input. */
static void
analyze (Run        *run,
         const char *input,
         gssize      input_length,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  va_list ap;
  const char *arg;

  g_ptr_array_add (args, (gpointer) "analyze");
  va_start (ap, input_length);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  in = g_memory_input_stream_new_from_data (input != NULL ? input : "",
                                            input_length < 0 ? (gssize) strlen (input)
                                                             : input_length, NULL);
  run->status = fw_cli_analyze ((int) args->len - 1, (char **) args->pdata, in, out, err);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  run->out = g_bytes_get_size (bytes) > 0
             ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
             : g_strdup ("");
  run->err = g_string_free (g_steal_pointer (&err), FALSE);
}

static JsonObject *
parse (JsonParser *parser,
       const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static guint
cp_offset_of (const char *haystack,
              const char *needle)
{
  const char *p = strstr (haystack, needle);

  g_assert_nonnull (p);
  return (guint) g_utf8_pointer_to_offset (haystack, p);
}

/* The documented JSON shape, with offsets in code points of the input as
 * read, without its byte-order mark. */
static void
test_json_shape (void)
{
  const char *input = "\xEF\xBB\xBF“Łódź’s sham elections” were brutal, experts say.\n\n"
                      "The refugees need aid. According to UNHCR data (2023), 56% left.\n";
  const char *body = input + 3;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *annotations, *sentences, *frames;
  gboolean found_sham = FALSE;

  analyze (&run, input, -1, "--format=json", "-", NULL);
  g_assert_cmpint (run.status, ==, FW_CLI_OK);
  g_assert_cmpstr (run.err, ==, "");

  root = parse (parser, run.out);
  g_assert_cmpuint (json_object_get_int_member (root, "length"), ==, g_utf8_strlen (body, -1));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "paragraphs")), ==,
                    2);
  annotations = json_object_get_array_member (root, "annotations");
  sentences = json_object_get_array_member (root, "sentences");
  frames = json_object_get_array_member (root, "frames");
  g_assert_cmpuint (json_array_get_length (annotations), >, 3);
  g_assert_cmpuint (json_array_get_length (sentences), ==, 3);
  g_assert_cmpuint (json_array_get_length (frames), ==, 6);

  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      JsonObject *a = json_array_get_object_element (annotations, i);
      const char *source = json_object_get_string_member (a, "source");
      guint start = json_object_get_int_member (a, "start");
      guint end = json_object_get_int_member (a, "end");
      g_autofree char *expected = NULL;
      const char *p = g_utf8_offset_to_pointer (body, start);

      g_assert_nonnull (json_object_get_string_member (a, "kind"));
      g_assert_nonnull (json_object_get_string_member (a, "category"));
      g_assert_cmpstr (json_object_get_string_member (a, "rationale"), !=, "");
      g_assert_true (g_str_equal (source, "lexicon") || g_str_equal (source, "detector"));
      g_assert_cmpuint (start, <, end);

      /* "text" is exactly the input between the offsets. */
      expected = g_strndup (p, g_utf8_offset_to_pointer (p, end - start) - p);
      g_assert_cmpstr (json_object_get_string_member (a, "text"), ==, expected);

      if (g_str_equal (expected, "sham elections"))
        {
          found_sham = TRUE;
          g_assert_cmpuint (start, ==, cp_offset_of (body, "sham"));
          g_assert_cmpstr (json_object_get_string_member (a, "kind"), ==, "loaded-term");
          g_assert_true (json_object_has_member (a, "neutral"));
        }
    }
  g_assert_true (found_sham);

  for (guint i = 0; i < json_array_get_length (sentences); i++)
    {
      JsonObject *s = json_array_get_object_element (sentences, i);
      const char *label = json_object_get_string_member (s, "label");

      g_assert_true (g_strv_contains ((const char * const[]) { "unsupported", "attributed",
                                                               "hedged", "sourced", NULL },
                                      label));
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (s, "cues")));
      g_assert_nonnull (json_object_get_string_member (s, "rationale"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sentences, 2),
                                                  "label"), ==, "sourced");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sentences, 2),
                                                  "speaker"), ==, "UNHCR");

  for (guint i = 0; i < json_array_get_length (frames); i++)
    {
      JsonObject *f = json_array_get_object_element (frames, i);

      g_assert_nonnull (json_object_get_string_member (f, "id"));
      g_assert_true (json_object_has_member (f, "density"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (f, "paragraphs")), ==,
                        2);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (f, "evidence")), ==,
                        json_object_get_int_member (f, "count"));
    }
}

static void
test_invalid_utf8 (void)
{
  g_auto(Run) run = { 0 };

  analyze (&run, "Fine text, then \xC3\x28 broken.", -1, "-", NULL);
  g_assert_cmpint (run.status, ==, FW_CLI_USAGE);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "not valid UTF-8"));
  g_assert_nonnull (strstr (run.err, "byte offset 16"));
}

static void
test_only_lexicon (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *annotations;

  analyze (&run, "Sham elections. Experts say refugees suffer.", -1, "--only", "lexicon",
           "--format", "json", "-", NULL);
  g_assert_cmpint (run.status, ==, FW_CLI_OK);
  root = parse (parser, run.out);
  annotations = json_object_get_array_member (root, "annotations");

  g_assert_cmpuint (json_array_get_length (annotations), >=, 1);
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (annotations, i),
                                                    "source"), ==, "lexicon");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sentences")), ==,
                    0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "frames")), ==, 0);
}

static void
test_pack_piece (void)
{
  g_autofree char *pack = g_build_filename (g_getenv ("FW_SOURCE_ROOT"), "data", "packs",
                                            "karabakh-poland.fwpack", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *annotations;
  guint from_pack = 0, automatic = 0;

  analyze (&run, NULL, 0, "--pack", pack, "--piece", "sham-elections", "--format=json", NULL);
  g_assert_cmpint (run.status, ==, FW_CLI_OK);
  root = parse (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "piece"), ==, "sham-elections");
  annotations = json_object_get_array_member (root, "annotations");
  for (guint i = 0; i < json_array_get_length (annotations); i++)
    {
      const char *source = json_object_get_string_member (
        json_array_get_object_element (annotations, i), "source");

      if (g_str_equal (source, "pack"))
        from_pack++;
      else
        automatic++;
    }
  g_assert_cmpuint (from_pack, ==, 56);
  g_assert_cmpuint (automatic, >, 0);

  analyze (&missing, NULL, 0, "--pack", pack, "--piece", "no-such-piece", NULL);
  g_assert_cmpint (missing.status, ==, FW_CLI_USAGE);
  g_assert_nonnull (strstr (missing.err, "no-such-piece"));
  g_assert_nonnull (strstr (missing.err, "poland-refugees"));
}

static void
test_text_format_and_usage (void)
{
  g_auto(Run) text = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) stage = { 0 };
  g_auto(Run) unreadable = { 0 };

  analyze (&text, "A brutal regime. Clearly, everyone knows it.", -1, "-", NULL);
  g_assert_cmpint (text.status, ==, FW_CLI_OK);
  g_assert_nonnull (strstr (text.out, "highlights:"));
  /* "brutal" is a modifier and takes in the noun it modifies. */
  g_assert_nonnull (strstr (text.out, "“brutal regime”"));
  g_assert_nonnull (strstr (text.out, "Frames (cues per 1,000 words"));

  /* One highlight, several, none, and no text at all each read as a
   * sentence or a heading of what follows. */
  analyze (&one, "A brutal regime.", -1, "--only", "lexicon", "-", NULL);
  g_assert_cmpint (one.status, ==, FW_CLI_OK);
  g_assert_true (g_str_has_prefix (one.out, "1 highlight:\n  2–15 "));
  analyze (&two, "A brutal regime, a sham vote.", -1, "--only", "lexicon", "-", NULL);
  g_assert_true (g_str_has_prefix (two.out, "2 highlights:\n"));
  analyze (&none, "The committee met on Tuesday.", -1, "--only", "lexicon", "-", NULL);
  g_assert_cmpint (none.status, ==, FW_CLI_OK);
  g_assert_cmpstr (none.out, ==, "Nothing in the text is highlighted.\n");
  analyze (&empty, "", 0, "-", NULL);
  g_assert_cmpint (empty.status, ==, FW_CLI_OK);
  g_assert_cmpstr (empty.out, ==, "The text is empty, so there is nothing to analyse.\n");
  g_assert_cmpstr (empty.err, ==, "");

  analyze (&both, "", 0, "--pack", "x.fwpack", "file.txt", NULL);
  g_assert_cmpint (both.status, ==, FW_CLI_USAGE);
  g_assert_nonnull (strstr (both.err, "Usage"));

  analyze (&format, "", 0, "--format", "xml", "-", NULL);
  g_assert_cmpint (format.status, ==, FW_CLI_USAGE);

  analyze (&stage, "", 0, "--only", "lexicon,vibes", "-", NULL);
  g_assert_cmpint (stage.status, ==, FW_CLI_USAGE);

  analyze (&unreadable, "", 0, "/nonexistent/piece.txt", NULL);
  g_assert_cmpint (unreadable.status, ==, FW_CLI_USAGE);
  g_assert_nonnull (strstr (unreadable.err, "/nonexistent/piece.txt"));
}

static void
test_eval_ptc (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-cli-ptc-XXXXXX", &error);
  g_autofree char *article = g_build_filename (dir, "article1.txt", NULL);
  g_autofree char *labels = g_build_filename (dir, "labels.tsv", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  char *args[] = { (char *) "eval-ptc", dir, labels, NULL };
  char *json_args[] = { (char *) "eval-ptc", (char *) "--format=json", dir, labels, NULL };
  JsonObject *root, *loaded;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (article, "A brutal attack.\n", -1, NULL));
  /* Gold: "brutal attack" [2,15) as Loaded_Language (the built-in lexicon
   * extends the modifier "brutal" over the noun), and a span of an article
   * that is not in the folder. */
  g_assert_true (g_file_set_contents (labels, "1\tLoaded_Language\t2\t15\n"
                                              "2\tLoaded_Language\t0\t4\n", -1, NULL));

  g_assert_cmpint (fw_cli_eval_ptc (3, args, out, err), ==, FW_CLI_OK);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_nonnull (strstr (out->str, "Loaded_Language"));
  g_assert_nonnull (strstr (out->str, "1 gold span of articles not in the folder left out"));

  g_assert_cmpint (fw_cli_eval_ptc (4, json_args, json, err), ==, FW_CLI_OK);
  root = parse (parser, json->str);
  loaded = json_object_get_object_member (root, "loaded_language");
  g_assert_cmpint (json_object_get_int_member (loaded, "gold"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (loaded, "predicted"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (loaded, "f1"), 1.0, 1e-9);

  g_remove (article);
  g_remove (labels);
  g_rmdir (dir);
}

/* A file given to --lexicon that is no lexicon is named as what it is, and
 * a problem of the whole file is no empty path between two colons. */
static void
test_eval_ptc_bad_lexicon (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-cli-ptc-XXXXXX", &error);
  g_autofree char *labels = g_build_filename (dir, "labels.tsv", NULL);
  g_autofree char *lexicon = g_build_filename (dir, "lexicon.json", NULL);
  g_autofree char *pack = g_test_build_filename (G_TEST_DIST, "packs", "valid-base.fwpack",
                                                  NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  char *pack_args[] = { (char *) "eval-ptc", (char *) "--lexicon", pack, dir, labels, NULL };
  char *lexicon_args[] = { (char *) "eval-ptc", (char *) "--lexicon", lexicon, dir, labels,
                           NULL };
  char *format_args[] = { (char *) "eval-ptc", (char *) "--format", (char *) "xml", dir, labels,
                          NULL };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (labels, "", -1, NULL));
  g_assert_true (g_file_set_contents (lexicon, "{\"format\": \"framewise-lexicon\", "
                                               "\"version\": 1, \"id\": \"mine\", "
                                               "\"entries\": []}", -1, NULL));

  g_assert_cmpint (fw_cli_eval_ptc (5, pack_args, out, err), ==, FW_CLI_USAGE);
  expected = g_strdup_printf ("%s: This is not a lexicon file: its “format” is "
                              "“framewise-pack”, and a lexicon’s is “framewise-lexicon”\n", pack);
  g_assert_cmpstr (err->str, ==, expected);
  g_clear_pointer (&expected, g_free);

  g_string_truncate (err, 0);
  g_assert_cmpint (fw_cli_eval_ptc (5, lexicon_args, out, err), ==, FW_CLI_USAGE);
  expected = g_strdup_printf ("%s: Invalid lexicon: Required field “language” is missing\n",
                              lexicon);
  g_assert_cmpstr (err->str, ==, expected);
  g_assert_cmpstr (out->str, ==, "");

  /* An unknown format is named, as analyze names it. */
  g_string_truncate (err, 0);
  g_assert_cmpint (fw_cli_eval_ptc (5, format_args, out, err), ==, FW_CLI_USAGE);
  g_assert_cmpstr (err->str, ==, "Unknown format “xml”: use text or json\n");

  g_remove (labels);
  g_remove (lexicon);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-analyze/json-shape", test_json_shape);
  g_test_add_func ("/cli-analyze/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/cli-analyze/only-lexicon", test_only_lexicon);
  g_test_add_func ("/cli-analyze/pack-piece", test_pack_piece);
  g_test_add_func ("/cli-analyze/text-format-and-usage", test_text_format_and_usage);
  g_test_add_func ("/cli-analyze/eval-ptc", test_eval_ptc);
  g_test_add_func ("/cli-analyze/eval-ptc-bad-lexicon", test_eval_ptc_bad_lexicon);

  return g_test_run ();
}
