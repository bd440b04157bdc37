/* test-pack-writer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-pack-loader.h"
#include "fw-pack-writer.h"

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static FwPack *
write_and_load (FwPackWriter  *writer,
                GPtrArray    **diagnostics)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fw_pack_writer_to_bytes (writer, &error);
  FwPack *pack;

  g_assert_no_error (error);
  pack = fw_pack_load_bytes (bytes, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static void
test_writer_split (void)
{
  g_auto(GStrv) blocks = fw_pack_writer_split_paragraphs ("  Title line  \r\n\r\nOne\nwrapped\r\n"
                                                          "line.\n \t\nTwo.\n\n\n");
  g_auto(GStrv) lines = fw_pack_writer_split_paragraphs ("First paragraph.\nSecond one.\r"
                                                         "Third.\n");
  g_auto(GStrv) none = fw_pack_writer_split_paragraphs (" \n\t\n");

  /* Blank lines separate paragraphs, and wrapped lines are joined. */
  g_assert_cmpuint (g_strv_length (blocks), ==, 3);
  g_assert_cmpstr (blocks[0], ==, "Title line");
  g_assert_cmpstr (blocks[1], ==, "One wrapped line.");
  g_assert_cmpstr (blocks[2], ==, "Two.");

  /* Without blank lines, each line is a paragraph. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[1], ==, "Second one.");

  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_writer_skeleton (void)
{
  g_autoptr(FwPackWriter) writer = fw_pack_writer_new ("Łódź & <Friends>: a test", "pl");
  g_autoptr(GBytes) first = text_bytes ("\xEF\xBB\xBF" "Headline of the piece\n\n"
                                        "Body <b>one</b>.\n\nBody two.\n");
  g_autoptr(GBytes) second = text_bytes ("Just one paragraph, ending in a full stop.\n");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  const FwContributor *contributor;
  FwPiece *piece;

  g_assert_true (fw_pack_writer_add_text (writer, "Op-Ed 1.txt", first, &error));
  g_assert_true (fw_pack_writer_add_text (writer, "Op-Ed 1.md", second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fw_pack_writer_get_n_pieces (writer), ==, 2);

  pack = write_and_load (writer, &diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (fw_pack_get_id (pack), ==, "lodz-friends-a-test");
  g_assert_cmpstr (fw_pack_get_title (pack), ==, "Łódź & <Friends>: a test");
  g_assert_cmpstr (fw_pack_get_language (pack), ==, "pl");

  /* A short first line is the title; ids come from the file names. */
  piece = fw_pack_get_piece (pack, 0);
  g_assert_cmpstr (fw_piece_get_id (piece), ==, "op-ed-1");
  g_assert_cmpstr (fw_piece_get_title (piece), ==, "Headline of the piece");
  g_assert_cmpuint (fw_piece_get_n_paragraphs (piece), ==, 2);
  g_assert_cmpstr (fw_piece_get_paragraph (piece, 0), ==, "Body <b>one</b>.");

  /* Provenance is present and marked not stated. */
  g_assert_cmpuint (fw_piece_get_contributors (piece)->len, ==, 1);
  contributor = g_ptr_array_index (fw_piece_get_contributors (piece), 0);
  g_assert_null (contributor->name);
  g_assert_cmpint (contributor->confidence, ==, FW_CONFIDENCE_NOT_STATED);
  g_assert_nonnull (fw_piece_get_outlet (piece));
  g_assert_null (fw_piece_get_outlet (piece)->name);
  g_assert_cmpint (fw_piece_get_outlet (piece)->confidence, ==, FW_CONFIDENCE_NOT_STATED);
  g_assert_cmpint (fw_piece_get_published_confidence (piece), ==, FW_CONFIDENCE_NOT_STATED);
  g_assert_cmpint (fw_piece_get_image_credit_confidence (piece), ==, FW_CONFIDENCE_NOT_STATED);

  /* A single paragraph keeps the file name as its title; the id is unique. */
  piece = fw_pack_get_piece (pack, 1);
  g_assert_cmpstr (fw_piece_get_id (piece), ==, "op-ed-1-2");
  g_assert_cmpstr (fw_piece_get_title (piece), ==, "Op-Ed 1");
}

static void
test_writer_suggestions (void)
{
  g_autoptr(FwPackWriter) writer = fw_pack_writer_new ("Suggestions", "en");
  g_autoptr(GBytes) text = text_bytes ("Heading\n\nThe sham vote and the sham count.\n\n"
                                       "A unique regime word.\n");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwAnnotation) unique = NULL;
  g_autoptr(FwAnnotation) second_sham = NULL;
  g_autoptr(FwAnnotation) everywhere = NULL;
  GPtrArray *annotations;
  FwPiece *piece;

  g_assert_true (fw_pack_writer_add_text (writer, "piece.txt", text, &error));
  piece = fw_pack_writer_get_piece (writer, 0);
  g_assert_cmpstr (fw_piece_get_text (piece), ==,
                   "The sham vote and the sham count.\nA unique regime word.");

  /* What the automatic analysis would find: a unique term, a repeated one
   * (needs context) and a single letter that occurs everywhere. */
  unique = fw_annotation_new (FW_ANNOTATION_LOADED_TERM, FW_SOURCE_LEXICON, 43, 49,
                              "delegitimising label", "“Regime” implies illegitimacy.");
  unique->neutral = g_strdup ("government");
  second_sham = fw_annotation_new (FW_ANNOTATION_LOADED_TERM, FW_SOURCE_LEXICON, 22, 26,
                                   "scare word", "Calls it fake.");
  everywhere = fw_annotation_new (FW_ANNOTATION_FRAME_CUE, FW_SOURCE_DETECTOR, 1, 2,
                                  "test", "One letter.");
  fw_pack_writer_add_suggestion (writer, 0, unique);
  fw_pack_writer_add_suggestion (writer, 0, second_sham);
  fw_pack_writer_add_suggestion (writer, 0, everywhere);

  pack = write_and_load (writer, &diagnostics);

  /* Each suggestion resolves to the same span and warns until reviewed. */
  annotations = fw_piece_get_annotations (fw_pack_get_piece (pack, 0));
  g_assert_cmpuint (annotations->len, ==, 3);
  g_assert_cmpuint (((FwAnnotation *) g_ptr_array_index (annotations, 0))->start, ==, 1);
  g_assert_cmpuint (((FwAnnotation *) g_ptr_array_index (annotations, 1))->start, ==, 22);
  g_assert_cmpuint (((FwAnnotation *) g_ptr_array_index (annotations, 1))->end, ==, 26);
  g_assert_cmpuint (((FwAnnotation *) g_ptr_array_index (annotations, 2))->start, ==, 43);
  g_assert_cmpstr (((FwAnnotation *) g_ptr_array_index (annotations, 2))->neutral, ==,
                   "government");
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_WARNING), ==, 3);
  g_assert_cmpstr (((FwDiagnostic *) g_ptr_array_index (diagnostics, 0))->path, ==,
                   "/pieces/0/annotations/0/status");
}

static void
test_writer_frames (void)
{
  g_autoptr(FwPackWriter) writer = fw_pack_writer_new ("Frames", "en");
  g_autoptr(GBytes) text = text_bytes ("The border and the refugees.\n");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwFrame) sovereignty = fw_frame_new ("sovereignty", "Sovereignty");
  g_autoptr(FwFrame) again = fw_frame_new ("sovereignty", "Another label");
  g_autoptr(FwAnnotation) cue = NULL;
  const FwFrame *written;

  g_assert_true (fw_pack_writer_add_text (writer, "piece.txt", text, &error));
  sovereignty->description = g_strdup ("Who rules a territory.");
  g_strfreev (sovereignty->cues);
  sovereignty->cues = g_strsplit ("border|borders", "|", -1);
  g_strfreev (again->cues);
  again->cues = g_strsplit ("annexation", "|", -1);
  cue = fw_annotation_new (FW_ANNOTATION_FRAME_CUE, FW_SOURCE_DETECTOR, 4, 10, "Sovereignty",
                           "A frame cue.");
  cue->frame = g_strdup ("sovereignty");
  fw_pack_writer_add_suggestion (writer, 0, cue);
  g_assert_cmpuint (fw_pack_writer_get_n_suggestions (writer, 0), ==, 1);

  /* The frame that a suggestion names is written with its cues, once: a
   * second frame with the same id is not added. */
  fw_pack_writer_add_frame (writer, sovereignty);
  fw_pack_writer_add_frame (writer, again);
  pack = write_and_load (writer, &diagnostics);
  g_assert_cmpuint (fw_pack_get_frames (pack)->len, ==, 1);
  written = fw_pack_find_frame (pack, "sovereignty");
  g_assert_nonnull (written);
  g_assert_cmpstr (written->label, ==, "Sovereignty");
  g_assert_cmpstr (written->description, ==, "Who rules a territory.");
  g_assert_cmpuint (g_strv_length (written->cues), ==, 2);
  g_assert_cmpstr (written->cues[1], ==, "borders");

  /* The only warning is the suggestion's, not an unknown frame. */
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpstr (((FwDiagnostic *) g_ptr_array_index (diagnostics, 0))->path, ==,
                   "/pieces/0/annotations/0/status");
}

static void
test_writer_errors (void)
{
  g_autoptr(FwPackWriter) writer = fw_pack_writer_new ("Errors", NULL);
  g_autoptr(GBytes) latin1 = g_bytes_new_static ("caf\xE9\n", 5);
  g_autoptr(GBytes) blank = text_bytes ("\n \n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;

  g_assert_false (fw_pack_writer_add_text (writer, "latin1.txt", latin1, &error));
  g_assert_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte at offset 3"));
  g_clear_error (&error);

  g_assert_false (fw_pack_writer_add_text (writer, "blank.txt", blank, &error));
  g_assert_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_EMPTY);
  g_clear_error (&error);

  out = fw_pack_writer_to_bytes (writer, &error);
  g_assert_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_EMPTY);
  g_assert_null (out);
}

static void
test_writer_limits (void)
{
  g_autoptr(FwPackWriter) writer = fw_pack_writer_new ("Limits", "und");
  g_autoptr(GBytes) small = text_bytes ("x\n");
  g_autofree char *long_text = g_malloc (FW_MAX_STRING_LENGTH + 2);
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(GError) error = NULL;

  memset (long_text, 'a', FW_MAX_STRING_LENGTH + 1);
  long_text[FW_MAX_STRING_LENGTH + 1] = '\0';
  huge = text_bytes (long_text);
  g_assert_false (fw_pack_writer_add_text (writer, "huge.txt", huge, &error));
  g_assert_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_LIMIT);
  g_clear_error (&error);

  for (guint i = 0; i < FW_MAX_PIECES; i++)
    g_assert_true (fw_pack_writer_add_text (writer, "same.txt", small, NULL));
  g_assert_false (fw_pack_writer_add_text (writer, "one-too-many.txt", small, &error));
  g_assert_error (error, FW_PACK_WRITER_ERROR, FW_PACK_WRITER_ERROR_LIMIT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-writer/split", test_writer_split);
  g_test_add_func ("/pack-writer/skeleton", test_writer_skeleton);
  g_test_add_func ("/pack-writer/suggestions", test_writer_suggestions);
  g_test_add_func ("/pack-writer/frames", test_writer_frames);
  g_test_add_func ("/pack-writer/errors", test_writer_errors);
  g_test_add_func ("/pack-writer/limits", test_writer_limits);

  return g_test_run ();
}
