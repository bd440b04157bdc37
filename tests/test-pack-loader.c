/* test-pack-loader.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The loader and validator on valid packs and on broken ones, and the
 * loader's defences against odd files. Each broken pack has one kind of
 * defect; the tests check that it is reported with its own error, at its
 * own JSON Pointer, and on most of them at its own line and column. The
 * packs live in tests/packs/, except those whose defect is in the bytes
 * themselves (invalid UTF-8, nesting, size) or in their scale: every limit
 * of the format is tried at and just over its value. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "fw-pack-loader.h"

static char *
pack_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "packs", name, NULL);
}

static FwPack *
load_named (const char  *name,
            GPtrArray  **diagnostics,
            GError     **error)
{
  g_autofree char *path = pack_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fw_pack_load_file (file, NULL, diagnostics, error);
}

static FwPack *
load_bytes (GBytes     *bytes,
            GPtrArray **diagnostics,
            GError    **error)
{
  return fw_pack_load_bytes (bytes, diagnostics, error);
}

static FwPack *
load_text (const char  *text,
           gsize        length,
           GPtrArray  **diagnostics,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  return load_bytes (bytes, diagnostics, error);
}

/* Finds the one diagnostic of @severity at @path and checks its message
 * and, when @line is not 0, its position. */
static const FwDiagnostic *
assert_diagnostic (GPtrArray  *diagnostics,
                   FwSeverity  severity,
                   const char *path,
                   const char *message_part,
                   guint       line,
                   guint       column)
{
  const FwDiagnostic *found = NULL;

  g_assert_nonnull (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity != severity || g_strcmp0 (d->path, path) != 0)
        continue;

      if (found != NULL)
        g_error ("two diagnostics at %s: “%s” and “%s”", path, found->message, d->message);
      found = d;
    }

  if (found == NULL)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

          g_test_message ("found: %s %s", d->path, d->message);
        }
      g_error ("no %s at “%s”", severity == FW_SEVERITY_ERROR ? "error" : "warning", path);
    }

  if (strstr (found->message, message_part) == NULL)
    g_error ("the message at “%s” is “%s”, without “%s”", path, found->message, message_part);
  if (line > 0)
    {
      g_assert_cmpuint (found->line, ==, line);
      g_assert_cmpuint (found->column, ==, column);
    }

  return found;
}

/* Loads a pack that must fail with FW_PACK_ERROR_INVALID and @n_errors
 * errors, and returns its diagnostics. */
static GPtrArray *
load_invalid (const char *name,
              guint       n_errors)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = load_named (name, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, n_errors);

  return g_steal_pointer (&diagnostics);
}

static void
test_valid_minimal (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  FwPiece *piece;

  pack = load_named ("valid-minimal.fwpack", &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (fw_pack_get_id (pack), ==, "minimal");
  g_assert_cmpstr (fw_pack_get_title (pack), ==, "A minimal pack");
  g_assert_cmpstr (fw_pack_get_language (pack), ==, "en");
  g_assert_null (fw_pack_get_description (pack));
  g_assert_cmpuint (g_strv_length ((char **) fw_pack_get_authors (pack)), ==, 0);
  g_assert_cmpuint (fw_pack_get_n_pieces (pack), ==, 1);
  g_assert_cmpuint (fw_pack_get_n_exercises (pack), ==, 0);

  /* A piece that says nothing of its provenance has none, and the
   * confidence of what is missing is "not stated". */
  piece = fw_pack_get_piece (pack, 0);
  g_assert_cmpstr (fw_piece_get_text (piece), ==, "The sham elections were held.");
  g_assert_cmpuint (fw_piece_get_contributors (piece)->len, ==, 0);
  g_assert_null (fw_piece_dup_author_names (piece));
  g_assert_null (fw_piece_get_outlet (piece));
  g_assert_null (fw_piece_get_published (piece));
  g_assert_cmpint (fw_piece_get_published_confidence (piece), ==, FW_CONFIDENCE_NOT_STATED);
  g_assert_null (fw_piece_get_image_credit (piece));
  g_assert_cmpint (fw_piece_get_image_credit_confidence (piece), ==, FW_CONFIDENCE_NOT_STATED);
  g_assert_cmpuint (fw_piece_get_annotations (piece)->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&pack));
}

static void
assert_annotation (const FwAnnotation *a,
                   FwAnnotationKind    kind,
                   guint               start,
                   guint               end,
                   const char         *category)
{
  g_assert_cmpint (a->kind, ==, kind);
  g_assert_cmpint (a->source, ==, FW_SOURCE_PACK);
  g_assert_cmpuint (a->start, ==, start);
  g_assert_cmpuint (a->end, ==, end);
  g_assert_cmpstr (a->category, ==, category);
}

static void
test_valid_full_provenance (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autofree char *authors = NULL;
  const char * const *pack_authors;
  const FwContributor *c;
  const FwOutlet *outlet;
  FwPiece *piece;

  pack = load_named ("valid-full.fwpack", &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (fw_pack_get_language (pack), ==, "en-GB");
  g_assert_cmpstr (fw_pack_get_audience (pack), ==, "Students aged 15–18");
  g_assert_cmpstr (fw_pack_get_license (pack), ==, "CC BY-SA 4.0");
  g_assert_cmpstr (fw_pack_get_teacher_notes (pack), ==, "Only teachers see this.");
  pack_authors = fw_pack_get_authors (pack);
  g_assert_cmpuint (g_strv_length ((char **) pack_authors), ==, 2);
  g_assert_cmpstr (pack_authors[1], ==, "Błażej Próbny");
  g_assert_cmpuint (fw_pack_get_frames (pack)->len, ==, 2);
  g_assert_cmpstr (fw_pack_find_frame (pack, "humanitarian")->label, ==, "Humanitarian duty");
  g_assert_null (fw_pack_find_frame (pack, "economy"));
  g_assert_cmpuint (fw_pack_get_lexicons (pack)->len, ==, 1);
  g_assert_cmpuint (fw_lexicon_get_n_entries (g_ptr_array_index (fw_pack_get_lexicons (pack), 0)),
                    ==, 1);

  piece = fw_pack_find_piece (pack, "karabakh");
  g_assert_true (piece == fw_pack_get_piece (pack, 0));
  g_assert_null (fw_pack_find_piece (pack, "ghost"));

  /* Two paragraphs joined by one line feed; lengths in code points. */
  g_assert_cmpuint (fw_piece_get_n_paragraphs (piece), ==, 2);
  g_assert_cmpuint (fw_piece_get_paragraph_start (piece, 1), ==, 58);
  g_assert_cmpuint (fw_piece_get_length (piece), ==, 121);
  g_assert_cmpuint (g_utf8_strlen (fw_piece_get_text (piece), -1), ==, 121);

  g_assert_cmpuint (fw_piece_get_contributors (piece)->len, ==, 2);
  c = g_ptr_array_index (fw_piece_get_contributors (piece), 0);
  g_assert_cmpstr (c->name, ==, "Anna Kowalska");
  g_assert_cmpint (c->role, ==, FW_ROLE_AUTHOR);
  g_assert_cmpint (c->confidence, ==, FW_CONFIDENCE_CONFIRMED);
  g_assert_cmpstr (c->affiliation, ==, "Łódź University");
  g_assert_cmpint (c->affiliation_confidence, ==, FW_CONFIDENCE_UNCONFIRMED);
  g_assert_cmpstr (c->source, ==, "https://example.org/kowalska");
  c = g_ptr_array_index (fw_piece_get_contributors (piece), 1);
  g_assert_null (c->name);
  g_assert_cmpint (c->role, ==, FW_ROLE_TRANSLATOR);
  g_assert_cmpint (c->confidence, ==, FW_CONFIDENCE_NOT_STATED);

  /* Only authors with a name make the one-line summary. */
  authors = fw_piece_dup_author_names (piece);
  g_assert_cmpstr (authors, ==, "Anna Kowalska");

  outlet = fw_piece_get_outlet (piece);
  g_assert_nonnull (outlet);
  g_assert_cmpstr (outlet->name, ==, "Example Weekly");
  g_assert_cmpstr (outlet->kind, ==, "weekly news magazine");
  g_assert_cmpint (outlet->confidence, ==, FW_CONFIDENCE_CONFIRMED);
  g_assert_cmpstr (fw_piece_get_published (piece), ==, "2023-09-21");
  g_assert_cmpint (fw_piece_get_published_confidence (piece), ==, FW_CONFIDENCE_CONFIRMED);
  g_assert_cmpstr (fw_piece_get_image_credit (piece), ==, "Photo: Ministry of Defence");
  g_assert_cmpint (fw_piece_get_image_credit_confidence (piece), ==, FW_CONFIDENCE_CONFIRMED);
  g_assert_cmpstr (fw_piece_get_perspective_note (piece), ==, "Argues from one side.");
  g_assert_cmpstr (fw_piece_get_teacher_note (piece), ==, "Compare with the second piece.");

  /* A month-precise date is shown as a month; an image credit given
   * without a confidence is unconfirmed. */
  piece = fw_pack_get_piece (pack, 1);
  g_assert_cmpstr (fw_piece_get_published (piece), ==, "2023-09");
  g_assert_cmpint (fw_piece_get_published_confidence (piece), ==, FW_CONFIDENCE_CONFIRMED);
  {
    g_autofree char *date = fw_piece_format_published (piece);

    g_assert_cmpstr (date, ==, "September 2023");
  }
  {
    g_autofree char *date = fw_piece_format_published (fw_pack_get_piece (pack, 0));

    g_assert_cmpstr (date, ==, "21 September 2023");
  }

  g_assert_finalize_object (g_steal_pointer (&pack));
}

static void
test_valid_full_annotations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  GPtrArray *annotations;
  FwPiece *piece;
  const FwAnnotation *a;

  pack = load_named ("valid-full.fwpack", NULL, &error);
  g_assert_no_error (error);
  piece = fw_pack_get_piece (pack, 0);
  annotations = fw_piece_get_annotations (piece);
  g_assert_cmpuint (annotations->len, ==, 4);

  /* Sorted by start. Offsets are code points: "Xankəndi" is 8 of them
   * although "ə" takes two bytes, and the curly quotes one each. */
  assert_annotation (g_ptr_array_index (annotations, 0), FW_ANNOTATION_CONTESTED_NAME, 0, 8,
                     "contested name");
  a = g_ptr_array_index (annotations, 1);
  assert_annotation (a, FW_ANNOTATION_LOADED_TERM, 27, 40, "euphemism");
  g_assert_cmpstr (a->neutral, ==, "military operation");
  g_assert_cmpstr (a->frame, ==, "sovereignty");
  /* Position and quote together. */
  assert_annotation (g_ptr_array_index (annotations, 2), FW_ANNOTATION_ATTRIBUTION, 58, 72,
                     "vague source");
  /* The prefix and suffix pick the second of two "separatists". */
  assert_annotation (g_ptr_array_index (annotations, 3), FW_ANNOTATION_LOADED_TERM, 99, 110,
                     "name-calling");

  for (guint i = 0; i < annotations->len; i++)
    {
      g_autofree char *span = NULL;

      a = g_ptr_array_index (annotations, i);
      span = fw_piece_dup_span_text (piece, a->start, a->end);
      if (i == 0)
        g_assert_cmpstr (span, ==, "Xankəndi");
      else if (i == 1)
        g_assert_cmpstr (span, ==, "“anti-terror”");
    }

  annotations = fw_piece_get_annotations (fw_pack_get_piece (pack, 1));
  g_assert_cmpuint (annotations->len, ==, 1);
  assert_annotation (g_ptr_array_index (annotations, 0), FW_ANNOTATION_UNSUPPORTED_ASSERTION,
                     41, 76, "unsourced claim");
}

static void
test_valid_full_exercise (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  const FwExerciseStep *step;
  const FwChoiceOption *option;
  const FwStepSentence *sentence;
  FwExercise *exercise;

  pack = load_named ("valid-full.fwpack", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_pack_get_n_exercises (pack), ==, 1);
  exercise = fw_pack_find_exercise (pack, "all-kinds");
  g_assert_true (exercise == fw_pack_get_exercise (pack, 0));
  g_assert_cmpstr (fw_exercise_get_description (exercise), ==, "One step of each kind.");
  g_assert_cmpuint (fw_exercise_get_n_steps (exercise), ==, 6);

  step = fw_exercise_get_step (exercise, 0);
  g_assert_cmpint (step->kind, ==, FW_STEP_READ);
  g_assert_cmpstr (step->hint, ==, "Start with the byline.");
  g_assert_cmpuint (g_strv_length (step->pieces), ==, 2);
  g_assert_cmpstr (step->focus, ==, "Who is speaking?");

  step = fw_exercise_get_step (exercise, 1);
  g_assert_cmpint (step->kind, ==, FW_STEP_CHOICE);
  g_assert_false (step->multiple);
  g_assert_cmpuint (step->options->len, ==, 2);
  option = g_ptr_array_index (step->options, 0);
  g_assert_true (option->correct);
  option = g_ptr_array_index (step->options, 1);
  g_assert_false (option->correct);
  g_assert_cmpstr (option->feedback, ==, "The byline names her.");

  step = fw_exercise_get_step (exercise, 2);
  g_assert_cmpint (step->kind, ==, FW_STEP_FIND_SPANS);
  g_assert_cmpstr (step->piece, ==, "karabakh");
  g_assert_cmpuint (step->key_kinds, ==,
                    (1u << FW_ANNOTATION_LOADED_TERM) | (1u << FW_ANNOTATION_CONTESTED_NAME));
  g_assert_cmpfloat_with_epsilon (step->pass_f1, 0.6, 1e-9);

  step = fw_exercise_get_step (exercise, 3);
  g_assert_cmpint (step->kind, ==, FW_STEP_CLASSIFY_SENTENCES);
  g_assert_cmpuint (step->categories->len, ==, 2);
  g_assert_cmpuint (step->sentences->len, ==, 2);
  sentence = g_ptr_array_index (step->sentences, 0);
  g_assert_cmpstr (sentence->piece, ==, "refugees");
  g_assert_cmpuint (sentence->start, ==, 0);
  g_assert_cmpuint (sentence->end, ==, 40);
  g_assert_cmpstr (sentence->answer, ==, "humanitarian");
  sentence = g_ptr_array_index (step->sentences, 1);
  g_assert_cmpuint (sentence->start, ==, 77);
  g_assert_cmpuint (sentence->end, ==, 88);
  g_assert_null (sentence->feedback);

  step = fw_exercise_get_step (exercise, 4);
  g_assert_cmpint (step->kind, ==, FW_STEP_COMPARE_FRAMES);
  g_assert_cmpstr (step->frames[0], ==, "sovereignty");
  g_assert_cmpstr (step->frames[1], ==, "humanitarian");
  g_assert_null (step->frames[2]);

  step = fw_exercise_get_step (exercise, 5);
  g_assert_cmpint (step->kind, ==, FW_STEP_REFLECT);
  g_assert_cmpstr (step->prompt, ==, "What did the bylines tell you?");
  g_assert_cmpuint (g_strv_length (step->questions), ==, 2);
  g_assert_cmpuint (step->min_words, ==, 40);
}

static void
test_broken_not_json (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  /* The trailing comma of line 11 follows "Zażółć gęślą jaźń.", whose
   * non-ASCII letters take two bytes each: the column counts them once.
   * The error is placed at the "]" that the comma leaves without an
   * element, the token that cannot be read. */
  pack = load_named ("not-json.fwpack", &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_SYNTAX);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "",
                     "A comma before “]” must be followed by another element; remove the comma",
                     11, 44);
  /* No parser's own byte position is repeated in the message. */
  g_assert_null (strstr (error->message, "<data>"));

  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_error (&error);
  pack = load_text ("", 0, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_SYNTAX);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "", "empty", 0, 0);
}

static void
test_broken_not_object (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = load_named ("not-object.fwpack", &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_A_PACK);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "", "one JSON object", 1, 1);
}

static void
test_broken_wrong_format (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = load_named ("wrong-format.fwpack", &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_A_PACK);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/format", "“framewise-lexicon”", 2, 13);
  /* Nothing else is checked in a file that is not a pack. */
  g_assert_cmpuint (diagnostics->len, ==, 1);
}

static void
test_broken_newer_version (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = load_named ("newer-version.fwpack", &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_assert_nonnull (strstr (error->message, "newer Framewise"));
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/version", "version 2", 3, 14);
}

/* Broken packs with one defect each: the pack's name in tests/packs/ (and
 * its test's), the JSON Pointer of its one error, a part of the error's
 * message, and the error's line and column. */
typedef struct
{
  const char *name;
  const char *path;
  const char *message_part;
  guint line;
  guint column;
} OneDefect;

static const OneDefect one_defect_packs[] = {
  /* A missing member is placed at the object that lacks it. */
  { "missing-title", "",
    "“title” is missing", 1, 1 },
  { "bad-date", "/pieces/0/published",
    "“2023-02-30” is not an ISO 8601 date", 11, 20 },
  /* An en dash where the text has a hyphen. */
  { "quote-not-found", "/pieces/0/annotations/0/exact",
    "““anti–terror”” does not occur", 17, 20 },
  { "quote-ambiguous", "/pieces/0/annotations/0/exact",
    "“separatists” occurs 2 times; add a “prefix” or “suffix”", 20, 20 },
  /* The second use is the mistake. */
  { "duplicate-piece-ids", "/pieces/1/id",
    "“same” is used more than once", 14, 13 },
  { "exercise-unknown-piece", "/exercises/0/steps/0/pieces/1",
    "No piece has the id “ghost”", 22, 30 },
  { "choice-without-correct", "/exercises/0/steps/0/options",
    "No option is marked “correct”", 23, 22 },
};

static void
test_broken_one_defect (gconstpointer data)
{
  const OneDefect *defect = data;
  g_autofree char *file = g_strconcat (defect->name, ".fwpack", NULL);
  g_autoptr(GPtrArray) diagnostics = load_invalid (file, 1);

  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, defect->path, defect->message_part,
                     defect->line, defect->column);
}

static void
test_broken_missing_pieces (void)
{
  g_autoptr(GPtrArray) diagnostics = load_invalid ("missing-pieces.fwpack", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  const char *empty =
    "{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"x\", \"language\": \"en\",\n"
    " \"pieces\": []}";

  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "", "“pieces” is missing", 1, 1);

  /* An empty list is reported at the list, even next to another error
   * (here the missing title). */
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  pack = load_text (empty, strlen (empty), &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 2);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces", "at least one piece", 2, 12);
}

static void
test_broken_piece_without_paragraphs (void)
{
  g_autoptr(GPtrArray) diagnostics = load_invalid ("piece-without-paragraphs.fwpack", 2);

  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/paragraphs",
                     "at least one paragraph", 11, 21);
  /* Reported once, although two readers look at the field. */
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/1", "“paragraphs” is missing",
                     13, 5);
}

/* An exercise that refers to a piece which failed to parse refers to a
 * piece that exists: the only error is the piece's own. */
static void
test_broken_piece_referred_to (void)
{
  static const char text[] =
    "{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"p\", \"title\": \"P\",\n"
    " \"language\": \"en\",\n"
    " \"pieces\": [{\"id\": \"borders\", \"title\": \"Borders\"},\n"
    "            {\"id\": \"other\", \"title\": \"Other\", \"paragraphs\": [\"Text.\"]}],\n"
    " \"exercises\": [{\"id\": \"e\", \"title\": \"E\", \"steps\": [\n"
    "   {\"kind\": \"read\", \"title\": \"Read\", \"pieces\": [\"borders\", \"other\"]},\n"
    "   {\"kind\": \"read\", \"title\": \"Read again\", \"pieces\": [\"borders\"]}]}]}\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = load_text (text, strlen (text), &diagnostics, &error);

  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 1);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0", "“paragraphs” is missing", 3,
                     13);
}

static void
test_broken_named_not_stated (void)
{
  g_autoptr(GPtrArray) diagnostics = load_invalid ("named-not-stated.fwpack", 2);

  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/contributors/0/name",
                     "cannot have a name", 13, 19);
  /* The opposite mistake: a confirmed byline without a name. */
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/contributors/1",
                     "needs a “name”", 17, 9);
}

static void
test_broken_bad_confidence (void)
{
  g_autoptr(GPtrArray) diagnostics = load_invalid ("bad-confidence.fwpack", 1);
  const FwDiagnostic *d;

  d = assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/contributors/0/confidence",
                         "“probably” is not a valid value", 15, 25);
  /* The message lists what would be accepted. */
  g_assert_nonnull (strstr (d->message, "confirmed, unconfirmed, not-stated"));
}

static void
test_dates (void)
{
  static const char * const valid[] = {
    "2023", "2023-09", "2023-09-21", "2024-02-29", "0001-01-01",
  };
  static const char * const invalid[] = {
    "2023-02-30", "2023-02-29", "2023-13", "2023-00", "2023-09-00", "2023-1-", "20-3-09",
    "2023-9-1", "2023/09/21", "September 2023", "0000", "23", "2023-09-21T10:00",
    "+2023-09", "２０２３",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid) + G_N_ELEMENTS (invalid); i++)
    {
      gboolean ok = i < G_N_ELEMENTS (valid);
      const char *date = ok ? valid[i] : invalid[i - G_N_ELEMENTS (valid)];
      g_autofree char *json = NULL;
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FwPack) pack = NULL;

      json = g_strdup_printf ("{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"d\","
                              " \"title\": \"D\", \"language\": \"en\", \"pieces\": [{"
                              "\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"Text.\"],"
                              " \"published\": \"%s\"}]}",
                              date);
      pack = load_text (json, strlen (json), &diagnostics, &error);
      g_test_message ("date “%s”", date);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (fw_piece_get_published (fw_pack_get_piece (pack, 0)), ==, date);
        }
      else
        {
          g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
          assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/published",
                             "not an ISO 8601 date", 0, 0);
        }
    }
}

static void
test_unknown_field_warns (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  const FwDiagnostic *first, *second;

  pack = load_named ("unknown-field.fwpack", &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_WARNING), ==, 2);

  first = assert_diagnostic (diagnostics, FW_SEVERITY_WARNING, "/pieces/0/contributers",
                             "Unknown field “contributers”", 11, 23);
  /* A "/" in a member name is escaped as RFC 6901 says. */
  second = assert_diagnostic (diagnostics, FW_SEVERITY_WARNING, "/pieces/0/notes~12023",
                              "Unknown field “notes/2023”", 13, 21);
  /* Warnings come in the order of the file. */
  g_assert_true (g_ptr_array_index (diagnostics, 0) == first);
  g_assert_true (g_ptr_array_index (diagnostics, 1) == second);
}

static void
test_broken_invalid_utf8 (void)
{
  /* "Łódź " takes 8 bytes and 5 code points; 0xFF can start no UTF-8
   * character. The byte offset counts from the start of the file. */
  static const char text[] = "{\n  \"title\": \"Łódź \xff\"\n}\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = load_text (text, sizeof text - 1, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID_UTF8);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "",
                     "the byte at offset 22 (line 2, column 18)", 2, 18);
}

static void
test_broken_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\n  \"deep\": ");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* The object is level 1; the 64th bracket is level 65, one too many. It
   * starts at column 11 + 63 of line 2. Brackets inside strings do not
   * count. */
  for (guint i = 0; i < FW_MAX_NESTING; i++)
    g_string_append (text, "[\"[[\", ");
  for (guint i = 0; i < FW_MAX_NESTING; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "\n}\n");

  pack = load_text (text->str, text->len, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_DEEP);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "", "more than 64 levels", 2,
                     11 + 7 * (FW_MAX_NESTING - 1));

  /* Exactly the limit is accepted. */
  g_string_assign (text, "{\"a\": ");
  for (guint i = 0; i < FW_MAX_NESTING - 1; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < FW_MAX_NESTING - 1; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  bytes = g_bytes_new (text->str, text->len);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_error (&error);
  root = fw_pack_loader_parse_json (bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_every_problem_reported (void)
{
  /* Three errors and a warning in one file: all four are listed. */
  static const char text[] =
    "{\n"
    "  \"format\": \"framewise-pack\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"many\",\n"
    "  \"language\": \"en\",\n"
    "  \"pieces\": [\n"
    "    {\n"
    "      \"id\": \"p\", \"title\": \"P\", \"published\": \"yesterday\",\n"
    "      \"paragraphs\": [\"Text.\"], \"colour\": \"red\",\n"
    "      \"annotations\": [{\"kind\": \"loaded-term\", \"category\": \"c\", \"note\": \"n\","
    " \"exact\": \"Texts\"}]\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = load_text (text, sizeof text - 1, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The pack has 3 errors");
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 3);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_WARNING), ==, 1);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "", "“title” is missing", 1, 1);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/published", "“yesterday”", 8, 45);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/annotations/0/exact", "“Texts”",
                     10, 86);
  assert_diagnostic (diagnostics, FW_SEVERITY_WARNING, "/pieces/0/colour", "“colour”", 9, 42);
}

static void
test_byte_order_mark (void)
{
  static const char text[] =
    "\xEF\xBB\xBF{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"bom\",\n"
    "\"title\": \"T\", \"language\": \"en\", \"extra\": 1,\n"
    "\"pieces\": [{\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"Text.\"]}]}\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  /* A UTF-8 byte-order mark is skipped and does not shift columns. */
  pack = load_text (text, sizeof text - 1, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  assert_diagnostic (diagnostics, FW_SEVERITY_WARNING, "/extra", "“extra”", 2, 42);
}

static void
test_diagnostic_to_string (void)
{
  g_autoptr(FwDiagnostic) d = fw_diagnostic_new (FW_SEVERITY_ERROR, "/pieces/2/id", "Bad id");
  g_autoptr(FwDiagnostic) copy = NULL;
  g_autofree char *with_position = NULL;
  g_autofree char *without_position = NULL;
  g_autofree char *root = NULL;

  without_position = fw_diagnostic_to_string (d);
  g_assert_cmpstr (without_position, ==, "error: /pieces/2/id: Bad id");

  d->line = 12;
  d->column = 7;
  copy = fw_diagnostic_copy (d);
  with_position = fw_diagnostic_to_string (copy);
  g_assert_cmpstr (with_position, ==, "12:7: error: /pieces/2/id: Bad id");

  g_clear_pointer (&d, fw_diagnostic_free);
  d = fw_diagnostic_new (FW_SEVERITY_WARNING, NULL, "Odd");
  root = fw_diagnostic_to_string (d);
  /* The whole document has no path to show. */
  g_assert_cmpstr (root, ==, "warning: Odd");
}

/* A valid pack whose pieces array holds @pieces (JSON text). */
static GBytes *
pack_with_pieces (const char *pieces)
{
  char *text = g_strdup_printf ("{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"t\", "
                                "\"title\": \"T\", \"language\": \"en\", \"pieces\": [%s]}",
                                pieces);

  return g_bytes_new_take (text, strlen (text));
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

  pack = load_bytes (ok_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_pack_get_n_pieces (pack), ==, 500);

  refused = load_bytes (over_bytes, &diagnostics, &error);
  g_assert_null (refused);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces",
                     "Too many entries: 501, the limit is 500", 0, 0);
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

  pack = load_bytes (ok_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_piece_get_annotations (fw_pack_get_piece (pack, 0))->len, ==, 5000);

  refused = load_bytes (over_bytes, &diagnostics, &error);
  g_assert_null (refused);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/annotations",
                     "Too many entries: 5001, the limit is 5000", 0, 0);
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
  g_autoptr(GBytes) over_bytes = pack_with_paragraph_of (FW_MAX_STRING_LENGTH + 3);
  g_autoptr(GBytes) one_over_bytes = pack_with_paragraph_of (FW_MAX_STRING_LENGTH + 1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) one_over_diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwPack) refused = NULL;
  g_autoptr(FwPack) refused_too = NULL;
  const FwDiagnostic *d;

  pack = load_bytes (ok_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_piece_get_length (fw_pack_get_piece (pack, 0)), ==, 1024 * 1024);

  /* A few bytes over the limit is 1.00 MiB in MiB; the message counts
   * bytes, so that it says how much to cut. */
  refused = load_bytes (over_bytes, &diagnostics, &error);
  g_assert_null (refused);
  g_clear_error (&error);
  d = assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/paragraphs/0",
                         "This text is 1048579 bytes long, 3 bytes over the limit of 1048576 "
                         "bytes (1 MiB)", 0, 0);
  g_assert_cmpuint (d->line, ==, 1);

  refused_too = load_bytes (one_over_bytes, &one_over_diagnostics, &error);
  g_assert_null (refused_too);
  assert_diagnostic (one_over_diagnostics, FW_SEVERITY_ERROR, "/pieces/0/paragraphs/0",
                     "This text is 1048577 bytes long, 1 byte over the limit", 0, 0);
}

/* A position selector is reported at the member to change: a start
 * without an end, an end past the text, and a start that is no number,
 * each once, not again as a selector that does not resolve. */
static void
test_selector_members (void)
{
  static const struct
  {
    const char *selector;
    const char *path;
    const char *message;
  } cases[] = {
    { "\"start\": 2", "/pieces/0/annotations/0/start", "“start” needs an “end”" },
    { "\"end\": 2", "/pieces/0/annotations/0/end", "“end” needs a “start”" },
    { "\"start\": 2, \"end\": 99", "/pieces/0/annotations/0/end",
      "The position 2–99 does not fit the text, which has 11 characters" },
    { "\"start\": 5, \"end\": 2", "/pieces/0/annotations/0/start",
      "The position 5–2 does not fit the text" },
    { "\"exact\": \"sham\", \"start\": \"two\", \"end\": 6", "/pieces/0/annotations/0/start",
      "Expected a whole number here, found a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *piece = g_strdup_printf ("{\"id\": \"p\", \"title\": \"P\", "
                                                "\"paragraphs\": [\"A sham vote\"], "
                                                "\"annotations\": [{\"kind\": \"loaded-term\", "
                                                "\"category\": \"c\", \"note\": \"n\", %s}]}",
                                                cases[i].selector);
      g_autoptr(GBytes) bytes = pack_with_pieces (piece);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FwPack) pack = NULL;

      g_test_message ("%s", cases[i].selector);
      pack = load_bytes (bytes, &diagnostics, &error);
      g_assert_null (pack);
      g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
      g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 1);
      assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, cases[i].path, cases[i].message, 0, 0);
    }
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

  pack = load_bytes (ok_bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  refused = load_bytes (over_bytes, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_DEEP);
  g_assert_null (refused);
  g_clear_error (&error);

  /* A million brackets must not reach the parser's recursion. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (brackets, '[');
  hostile = g_string_free_to_bytes (brackets);
  refused_too = load_bytes (hostile, NULL, &error);
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
  pack = load_bytes (bytes, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_TOO_LARGE);
  g_assert_null (pack);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "", "packs may be at most 16 MiB", 0, 0);
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

  pack = load_bytes (bytes, &diagnostics, &error);
  g_assert_null (pack);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/pieces/0/annotations/4096",
                     "stopped checking quotes here", 0, 0);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 1);
}

/* Positions are checked where they point, so many of them cost no search:
 * the 4,100 annotations that overrun the budget as quotes alone (above)
 * all resolve when each also gives its position. */
static void
test_limit_search_positions (void)
{
  g_autoptr(GString) piece = g_string_new ("{\"id\": \"p\", \"title\": \"P\", "
                                           "\"paragraphs\": [\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  guint n = 4100;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (piece, "x%04u ", i);
  while (piece->len < FW_MAX_STRING_LENGTH)
    g_string_append_c (piece, 'a');
  g_string_append (piece, "\"], \"annotations\": [");
  /* Quote i is "x%04u " at code point 6 * i. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (piece, "%s{\"kind\": \"frame-cue\", \"category\": \"c\", "
                            "\"note\": \"n\", \"exact\": \"x%04u \", \"start\": %u, "
                            "\"end\": %u}",
                            i > 0 ? "," : "", i, 6 * i, 6 * i + 6);
  g_string_append (piece, "]}");
  bytes = pack_with_pieces (piece->str);

  pack = load_bytes (bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (fw_piece_get_annotations (fw_pack_get_piece (pack, 0))->len, ==, n);
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

  pack = load_bytes (bytes, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID_UTF8);
  g_assert_null (pack);
  /* The byte position counts from 0: '{' is byte 0, 0xC3 byte 14. */
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "",
                     "the byte at offset 14 (line 1, column 15)", 1, 15);
  g_clear_error (&error);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  with_nul = load_bytes (nul, &diagnostics, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID_UTF8);
  g_assert_null (with_nul);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "", "NUL byte at byte offset 4", 1, 5);
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

  /* The byte-order mark is accepted and does not shift columns. */
  pack = load_bytes (bytes, &diagnostics, &error);
  g_assert_null (pack);
  assert_diagnostic (diagnostics, FW_SEVERITY_ERROR, "/language", "is not a BCP 47 language tag",
                     4, 15);
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
  pack = load_bytes (bytes, &diagnostics, &error);
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
  g_autofree char *missing_path = pack_path ("no-such.fwpack");
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
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
  g_clear_error (&error);

  /* A file that is not there is one error in the list too. */
  pack = fw_pack_load_file (missing, NULL, &diagnostics, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (pack);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 1);
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
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  FwPiece *piece;

  /* Markup, entities, controls, overrides and zero-width characters are
   * data: the model keeps them byte for byte. */
  pack = load_named ("hostile-text.fwpack", NULL, &error);
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

  g_test_add_func ("/pack-loader/valid/minimal", test_valid_minimal);
  g_test_add_func ("/pack-loader/valid/full/provenance", test_valid_full_provenance);
  g_test_add_func ("/pack-loader/valid/full/annotations", test_valid_full_annotations);
  g_test_add_func ("/pack-loader/valid/full/exercise", test_valid_full_exercise);
  g_test_add_func ("/pack-loader/valid/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/pack-loader/valid/dates", test_dates);
  g_test_add_func ("/pack-loader/warning/unknown-field", test_unknown_field_warns);
  g_test_add_func ("/pack-loader/broken/not-json", test_broken_not_json);
  g_test_add_func ("/pack-loader/broken/not-object", test_broken_not_object);
  g_test_add_func ("/pack-loader/broken/wrong-format", test_broken_wrong_format);
  g_test_add_func ("/pack-loader/broken/newer-version", test_broken_newer_version);
  for (guint i = 0; i < G_N_ELEMENTS (one_defect_packs); i++)
    {
      g_autofree char *test = g_strconcat ("/pack-loader/broken/", one_defect_packs[i].name,
                                           NULL);

      g_test_add_data_func (test, &one_defect_packs[i], test_broken_one_defect);
    }
  g_test_add_func ("/pack-loader/broken/missing-pieces", test_broken_missing_pieces);
  g_test_add_func ("/pack-loader/broken/piece-without-paragraphs",
                   test_broken_piece_without_paragraphs);
  g_test_add_func ("/pack-loader/broken/piece-referred-to", test_broken_piece_referred_to);
  g_test_add_func ("/pack-loader/broken/named-not-stated", test_broken_named_not_stated);
  g_test_add_func ("/pack-loader/broken/bad-confidence", test_broken_bad_confidence);
  g_test_add_func ("/pack-loader/broken/invalid-utf8", test_broken_invalid_utf8);
  g_test_add_func ("/pack-loader/broken/too-deep", test_broken_too_deep);
  g_test_add_func ("/pack-loader/broken/every-problem", test_every_problem_reported);
  g_test_add_func ("/pack-loader/limit/pieces", test_limit_pieces);
  g_test_add_func ("/pack-loader/limit/annotations", test_limit_annotations);
  g_test_add_func ("/pack-loader/limit/string-length", test_limit_string_length);
  g_test_add_func ("/pack-loader/selector-members", test_selector_members);
  g_test_add_func ("/pack-loader/limit/nesting", test_limit_nesting);
  g_test_add_func ("/pack-loader/limit/file-size", test_limit_file_size);
  g_test_add_func ("/pack-loader/limit/diagnostics", test_diagnostics_capped);
  g_test_add_func ("/pack-loader/limit/search", test_limit_search);
  g_test_add_func ("/pack-loader/limit/search-positions", test_limit_search_positions);
  g_test_add_func ("/pack-loader/utf8/invalid", test_utf8_invalid);
  g_test_add_func ("/pack-loader/utf8/bom", test_utf8_bom);
  g_test_add_func ("/pack-loader/file-kinds", test_file_kinds);
  g_test_add_func ("/pack-loader/bundled-and-example", test_bundled_and_example_valid);
  g_test_add_func ("/pack-loader/hostile-text", test_hostile_text_kept);
  g_test_add_func ("/pack-loader/diagnostic/to-string", test_diagnostic_to_string);

  return g_test_run ();
}
