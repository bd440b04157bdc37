/* test-broken-packs.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every file in tests/packs/broken/ has one defect, and the validator must
 * name it: the message, the JSON Pointer and, for some, the line and
 * column. The files also seed the fuzzer. */

#include "config.h"

#include <string.h>

#include "fw-pack-loader.h"

typedef struct
{
  const char *name;
  gboolean loads;
  FwSeverity severity;
  const char *path;
  const char *message;
  guint line;
  guint column;
  /* When not 0, how many errors the file has in all: a defect that other
   * problems follow from is reported once, not again by each. */
  guint n_errors;
} BrokenPack;

static const BrokenPack broken_packs[] = {
  /* Not JSON, or not text. A problem inside a string is placed at that
   * string's member. */
  { "syntax-trailing-comma", FALSE, FW_SEVERITY_ERROR, "",
    "A comma before “]” must be followed by another element", 13, 7 },
  { "syntax-comment", FALSE, FW_SEVERITY_ERROR, "", "JSON does not allow comments", 3, 17 },
  { "syntax-single-quotes", FALSE, FW_SEVERITY_ERROR, "", "not single quotes", 5, 3 },
  { "syntax-unclosed-string", FALSE, FW_SEVERITY_ERROR, "/title", "runs over a line break", 5, 12 },
  { "syntax-nul-escape", FALSE, FW_SEVERITY_ERROR, "/title", "stands for the NUL character", 5, 17 },
  { "syntax-lone-surrogate", FALSE, FW_SEVERITY_ERROR, "/title",
    "\\uD83D is the first half of a UTF-16 surrogate pair", 5, 18 },
  { "syntax-number-too-large", FALSE, FW_SEVERITY_ERROR, "",
    "The number 99999999999999999999 is too large", 3, 14 },
  { "syntax-leading-zero", FALSE, FW_SEVERITY_ERROR, "", "“01” is not a number JSON allows",
    3, 14 },
  { "syntax-trailing-text", FALSE, FW_SEVERITY_ERROR, "",
    "more text after the end of the JSON document", 141, 1 },
  { "syntax-raw-tab", FALSE, FW_SEVERITY_ERROR, "/title", "control character U+0009", 5, 17 },
  { "syntax-truncated", FALSE, FW_SEVERITY_ERROR, "", "The file ends before the JSON is complete",
    0, 0 },
  { "syntax-bad-escape", FALSE, FW_SEVERITY_ERROR, "/title", "“\\U” is not an escape JSON knows", 5, 15 },
  { "syntax-bare-word", FALSE, FW_SEVERITY_ERROR, "", "“one” is not a JSON value", 3, 14 },
  { "not-utf8", FALSE, FW_SEVERITY_ERROR, "", "the byte at offset 88 (line 5, column 18)", 5, 18 },
  { "utf16", FALSE, FW_SEVERITY_ERROR, "", "The file is UTF-16 text", 1, 1 },
  { "empty", FALSE, FW_SEVERITY_ERROR, "", "The file is empty", 1, 1 },
  { "too-deep", FALSE, FW_SEVERITY_ERROR, "", "nest more than 64 levels deep", 7, 75 },
  { "plain-text", FALSE, FW_SEVERITY_ERROR, "",
    "This file is not a lesson pack: a pack is a JSON file, and this one is not JSON", 1, 1, 1 },
  { "not-an-object", FALSE, FW_SEVERITY_ERROR, "", "a pack is one JSON object", 1, 1 },

  /* JSON, but not a pack this Framewise reads. */
  { "wrong-format", FALSE, FW_SEVERITY_ERROR, "/format",
    "“format” must be “framewise-pack”, not “other-pack”", 2, 13 },
  { "newer-version", FALSE, FW_SEVERITY_ERROR, "/version",
    "format version 2, which needs a newer Framewise; this one reads version 1", 3, 14 },

  /* Top level. */
  { "missing-title", FALSE, FW_SEVERITY_ERROR, "", "Required field “title” is missing", 1, 1 },
  { "wrong-type-title", FALSE, FW_SEVERITY_ERROR, "/title",
    "Expected a string here, found a number", 5, 12 },
  { "bad-language", FALSE, FW_SEVERITY_ERROR, "/language",
    "“english!” is not a BCP 47 language tag", 6, 15 },
  { "bad-pack-id", FALSE, FW_SEVERITY_ERROR, "/id", "The pack id “../etc/passwd” may only use",
    4, 9 },
  { "no-pieces", FALSE, FW_SEVERITY_ERROR, "/pieces", "A pack needs at least one piece", 23, 13 },
  { "frame-without-cues", FALSE, FW_SEVERITY_ERROR, "/frames/1/cues",
    "A frame needs at least one cue term", 18, 15 },

  /* Pieces and provenance. */
  { "piece-id-not-string", FALSE, FW_SEVERITY_ERROR, "/pieces/0/id",
    "Expected a string here, found a number", 25, 13, 1 },
  { "duplicate-piece-id", FALSE, FW_SEVERITY_ERROR, "/pieces/1/id",
    "The id “p1” is used more than once in this list", 55, 13 },
  { "empty-paragraphs", FALSE, FW_SEVERITY_ERROR, "/pieces/1/paragraphs",
    "A piece needs at least one paragraph", 57, 21 },
  { "paragraph-not-string", FALSE, FW_SEVERITY_ERROR, "/pieces/0/paragraphs/1",
    "Expected a string here, found an object", 42, 9 },
  { "contributor-not-stated-with-name", FALSE, FW_SEVERITY_ERROR, "/pieces/0/contributors/0/name",
    "A byline marked “not-stated” cannot have a name", 29, 19 },
  { "contributor-missing-name", FALSE, FW_SEVERITY_ERROR, "/pieces/0/contributors/0",
    "needs a “name” unless its confidence is “not-stated”", 28, 9 },
  { "outlet-not-stated-with-name", FALSE, FW_SEVERITY_ERROR, "/pieces/0/outlet/name",
    "An outlet marked “not-stated” cannot have a name", 0, 0 },
  { "bad-date", FALSE, FW_SEVERITY_ERROR, "/pieces/0/published",
    "“2023-13-45” is not an ISO 8601 date", 38, 20 },
  { "file-url", FALSE, FW_SEVERITY_ERROR, "/pieces/0/url",
    "“file:///etc/passwd” is not a web address", 39, 14 },
  { "script-url", FALSE, FW_SEVERITY_ERROR, "/pieces/0/contributors/0/source",
    "“javascript:alert(1)” is not a web address", 0, 0 },

  /* Annotations and their selectors. */
  { "quote-not-found", FALSE, FW_SEVERITY_ERROR, "/pieces/0/annotations/0/exact",
    "The quote “shame” does not occur in the piece", 49, 20 },
  { "quote-ambiguous", FALSE, FW_SEVERITY_ERROR, "/pieces/0/annotations/0/exact",
    "The quote “vote” occurs 2 times", 49, 20 },
  { "position-out-of-range", FALSE, FW_SEVERITY_ERROR, "/pieces/0/annotations/0/start",
    "The position 500–510 does not fit the text, which has 97 characters", 0, 0 },
  { "position-reversed", FALSE, FW_SEVERITY_ERROR, "/pieces/0/annotations/0/start",
    "The position 8–4 does not fit the text", 50, 20, 1 },
  { "position-mismatch", FALSE, FW_SEVERITY_ERROR, "/pieces/0/annotations/0/exact",
    "The quote “sham” is not at position 10–14", 0, 0 },
  { "prefix-without-exact", FALSE, FW_SEVERITY_ERROR, "/pieces/0/annotations/0",
    "“prefix” and “suffix” need an “exact” quote", 0, 0 },
  { "bad-annotation-kind", FALSE, FW_SEVERITY_ERROR, "/pieces/0/annotations/0/kind",
    "“propaganda” is not a valid value", 46, 19 },

  /* Exercises. */
  { "exercise-unknown-piece", FALSE, FW_SEVERITY_ERROR, "/exercises/0/steps/0/pieces/0",
    "No piece has the id “p9”", 71, 13 },
  { "choice-no-correct", FALSE, FW_SEVERITY_ERROR, "/exercises/0/steps/1/options",
    "No option is marked “correct”", 0, 0 },
  { "pass-f1-out-of-range", FALSE, FW_SEVERITY_ERROR, "/exercises/0/steps/2/pass_f1",
    "1.5 is out of range; expected 0 to 1", 0, 0 },
  { "classify-bad-answer", FALSE, FW_SEVERITY_ERROR, "/exercises/0/steps/3/sentences/0/answer",
    "“economy” is not one of this step’s categories", 0, 0 },
  { "compare-unknown-frame", FALSE, FW_SEVERITY_ERROR, "/exercises/0/steps/4/frames/1",
    "No frame has the id “economy”", 128, 13 },
  { "step-bad-kind", FALSE, FW_SEVERITY_ERROR, "/exercises/0/steps/5/kind",
    "“essay” is not a valid value", 0, 0 },

  /* Warnings: the pack still opens. */
  { "warning-unknown-field", TRUE, FW_SEVERITY_WARNING, "/pieces/0/contributers",
    "Unknown field “contributers” is ignored", 53, 23 },
  { "warning-duplicate-key", TRUE, FW_SEVERITY_WARNING, "/title",
    "The field “title” appears more than once in this object", 7, 3 },
  { "warning-suggested", TRUE, FW_SEVERITY_WARNING, "/pieces/0/annotations/0/status",
    "This annotation is an automatic suggestion", 51, 21 },
  { "warning-unknown-frame", TRUE, FW_SEVERITY_WARNING, "/pieces/0/annotations/0/frame",
    "The pack defines no frame “economy”", 51, 20 },
};

static char *
pack_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".fwpack", NULL);

  return g_test_build_filename (G_TEST_DIST, "packs", "broken", file, NULL);
}

static void
test_broken_pack (gconstpointer data)
{
  const BrokenPack *b = data;
  g_autofree char *path = pack_path (b->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  const FwDiagnostic *found = NULL;

  pack = fw_pack_load_file (file, NULL, &diagnostics, &error);

  if (b->loads)
    {
      g_assert_no_error (error);
      g_assert_nonnull (pack);
      g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 0);
    }
  else
    {
      g_assert_null (pack);
      g_assert_error (error, FW_PACK_ERROR, error->code);
      g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), >=, 1);
    }

  for (guint i = 0; i < diagnostics->len && found == NULL; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == b->severity && g_str_equal (d->path, b->path)
          && strstr (d->message, b->message) != NULL)
        found = d;
    }

  if (found == NULL)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *line = fw_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          g_test_message ("got: %s", line);
        }
      g_test_fail_printf ("%s: no %s at “%s” with “%s”", b->name,
                          b->severity == FW_SEVERITY_ERROR ? "error" : "warning", b->path,
                          b->message);
      return;
    }

  if (b->n_errors > 0)
    g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, b->n_errors);

  /* Every problem in a file has a place in it. */
  g_assert_cmpuint (found->line, >, 0);
  g_assert_cmpuint (found->column, >, 0);
  if (b->line > 0)
    {
      g_assert_cmpuint (found->line, ==, b->line);
      g_assert_cmpuint (found->column, ==, b->column);
    }
}

static void
test_broken_all_listed (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "packs", "broken", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  /* A file added to the folder without an expectation here would test
   * nothing. */
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = NULL;
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".fwpack"))
        continue;

      stem = g_strndup (name, strlen (name) - strlen (".fwpack"));
      for (guint i = 0; i < G_N_ELEMENTS (broken_packs); i++)
        listed |= g_str_equal (broken_packs[i].name, stem);
      if (!listed)
        g_test_fail_printf ("%s has no expectation", name);
      n++;
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (broken_packs));
  g_assert_cmpuint (n, >=, 30);
}

static void
test_broken_base_is_valid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "valid-base.fwpack", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  /* The broken packs are this one with one change each. */
  pack = fw_pack_load_file (file, NULL, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/broken-packs/base-is-valid", test_broken_base_is_valid);
  g_test_add_func ("/broken-packs/all-listed", test_broken_all_listed);
  for (guint i = 0; i < G_N_ELEMENTS (broken_packs); i++)
    {
      g_autofree char *test_path = g_strconcat ("/broken-packs/", broken_packs[i].name, NULL);

      g_test_add_data_func (test_path, &broken_packs[i], test_broken_pack);
    }

  return g_test_run ();
}
