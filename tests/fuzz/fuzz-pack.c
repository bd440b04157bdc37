/* fuzz-pack.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer harness over everything Framewise does with a pack file it
 * has just been given: the strict JSON check, json-glib's parse, the
 * validator with its selectors and locator, and the model a valid pack
 * becomes. Built with clang -fsanitize=fuzzer,address,undefined by
 * tests/fuzz/run-fuzz.sh; see tests/fuzz/README.md.
 *
 * Besides crashes and sanitizer reports, the harness aborts on any GLib
 * warning or critical (a failed precondition is a bug too) and on these
 * properties:
 * - text the strict checker accepts, json-glib parses;
 * - a pack that loads has no error among its diagnostics, one that does
 *   not load has at least one, and no diagnostic points past the file's
 *   last line;
 * - every message, and every line --validate prints, is valid UTF-8;
 * - every annotation lies inside its piece's text;
 * - the automatic analysis of every piece of a valid pack (with the
 *   built-in data for the pack's language, and with the pack's own
 *   lexicons and frames) succeeds, and every highlight, sentence, cue and
 *   frame hit it finds lies inside the piece's text, before and after
 *   merging with the pack's own annotations.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdint.h>
#include <string.h>

#include "fw-analyzer.h"
#include "fw-json-syntax.h"
#include "fw-pack-loader.h"
#include "fw-plain-text.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_syntax_agrees_with_json_glib (const char *text,
                                    gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_utf8_validate_len (text, length, NULL)
      || !fw_json_syntax_check (text, length, FW_MAX_NESTING, NULL, NULL, NULL, NULL))
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) length, &error))
    g_error ("The strict check passed text json-glib refuses: %s", error->message);
}

static guint
count_lines (const char *text,
             gsize       length)
{
  guint lines = 1;

  for (gsize i = 0; i < length; i++)
    lines += text[i] == '\n';

  return lines;
}

/* The analyzer with the built-in data for a primary language subtag, made
 * once: reading and compiling the built-in lexicon for every input would
 * make the fuzzer many times slower. The cache stays reachable until the
 * process ends. */
static FwAnalyzer *
builtin_analyzer (const char *language)
{
  static GHashTable *cache;
  g_autofree char *primary = g_ascii_strdown (language, -1);
  char *dash = strchr (primary, '-');
  FwAnalyzer *analyzer;

  if (dash != NULL)
    *dash = '\0';

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  analyzer = g_hash_table_lookup (cache, primary);
  if (analyzer == NULL)
    {
      g_autoptr(GError) error = NULL;

      analyzer = fw_analyzer_new (primary, &error);
      if (analyzer == NULL)
        {
          /* Only a language without built-in data may lack an analyzer. */
          g_assert (g_error_matches (error, FW_ANALYZER_ERROR,
                                     FW_ANALYZER_ERROR_UNSUPPORTED_LANGUAGE));
          return NULL;
        }
      g_hash_table_insert (cache, g_steal_pointer (&primary), analyzer);
    }

  return analyzer;
}

static void
assert_annotations_inside (GPtrArray *annotations,
                           guint      length)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);

      g_assert (a->start < a->end && a->end <= length);
      g_assert (a->note != NULL && g_utf8_validate (a->note, -1, NULL));
    }
}

/* Runs every stage of the automatic analysis on @piece, the way the
 * reader does, and checks that what it finds lies inside the text. */
static void
analyse_piece (FwAnalyzer *analyzer,
               FwPiece    *piece)
{
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GError) error = NULL;
  guint length = fw_piece_get_length (piece);
  FwFrameProfile *profile;

  analysis = fw_analyzer_analyze_piece (analyzer, piece, FW_ANALYSIS_ALL, NULL, &error);
  if (analysis == NULL)
    g_error ("The analysis of a valid pack's piece failed: %s", error->message);

  g_assert (fw_text_get_length (fw_analysis_get_text (analysis)) == length);
  assert_annotations_inside (fw_analysis_get_annotations (analysis), length);

  for (guint i = 0; i < fw_analysis_get_n_sentences (analysis); i++)
    {
      const FwSentence *sentence = fw_analysis_get_sentence (analysis, i);

      g_assert (sentence->start < sentence->end && sentence->end <= length);
      g_assert (sentence->paragraph < fw_piece_get_n_paragraphs (piece));
      for (guint j = 0; j < sentence->n_cues; j++)
        g_assert (sentence->cues[j].start < sentence->cues[j].end
                  && sentence->cues[j].end <= length);
    }

  profile = fw_analysis_get_frame_profile (analysis);
  for (guint f = 0; profile != NULL && f < fw_frame_profile_get_n_frames (profile); f++)
    {
      const FwFrameHit *hits;
      guint n_hits;

      hits = fw_frame_profile_get_evidence (profile, f, &n_hits);
      for (guint h = 0; h < n_hits; h++)
        g_assert (hits[h].start < hits[h].end && hits[h].end <= length);
    }

  /* The pack's own annotations win where both flag the same passage. */
  merged = fw_analysis_merge_annotations (analysis, fw_piece_get_annotations (piece));
  g_assert (merged->len >= fw_piece_get_annotations (piece)->len);
  assert_annotations_inside (merged, length);
}

/* Walks what a valid pack holds, the way the reader and the exercises use
 * it, and analyses every piece: with the built-in data for the pack's
 * language, and, when the pack brings lexicons or frames, with those
 * alone, so that the matcher also runs on the fuzzed lexicon entries. */
static void
exercise_pack (FwPack *pack)
{
  FwAnalyzer *builtin = builtin_analyzer (fw_pack_get_language (pack));
  g_autoptr(FwAnalyzer) own = NULL;

  if (fw_pack_get_lexicons (pack)->len > 0 || fw_pack_get_frames (pack)->len > 0)
    own = fw_analyzer_new_custom (fw_pack_get_language (pack), fw_pack_get_lexicons (pack),
                                  fw_pack_get_frames (pack), NULL);

  for (guint i = 0; i < fw_pack_get_n_pieces (pack); i++)
    {
      FwPiece *piece = fw_pack_get_piece (pack, i);
      GPtrArray *annotations = fw_piece_get_annotations (piece);
      guint length = fw_piece_get_length (piece);
      g_autofree char *authors = fw_piece_dup_author_names (piece);
      g_autofree char *published = fw_piece_format_published (piece);

      g_assert (g_utf8_strlen (fw_piece_get_text (piece), -1) == (glong) length);

      for (guint j = 0; j < annotations->len; j++)
        {
          const FwAnnotation *a = g_ptr_array_index (annotations, j);
          g_autofree char *span = NULL;
          g_autofree char *shown = NULL;

          g_assert (a->start < a->end && a->end <= length);
          span = fw_piece_dup_span_text (piece, a->start, a->end);
          shown = fw_plain_text_make_visible (span, 40);
          g_assert (g_utf8_validate (shown, -1, NULL));
        }

      if (builtin != NULL)
        analyse_piece (builtin, piece);
      if (own != NULL)
        analyse_piece (own, piece);
    }

  for (guint i = 0; i < fw_pack_get_n_exercises (pack); i++)
    {
      FwExercise *exercise = fw_pack_get_exercise (pack, i);

      for (guint j = 0; j < fw_exercise_get_n_steps (exercise); j++)
        g_assert (fw_exercise_get_step (exercise, j) != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  guint lines = count_lines ((const char *) data, size);

  check_syntax_agrees_with_json_glib ((const char *) data, size);

  pack = fw_pack_load_bytes (bytes, &diagnostics, &error);
  g_assert (diagnostics != NULL);

  if (pack != NULL)
    {
      g_assert (error == NULL);
      g_assert (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR) == 0);
      exercise_pack (pack);
    }
  else
    {
      g_assert (error != NULL);
      g_assert (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR) > 0);
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = fw_diagnostic_to_string (d);

      g_assert (d->line <= lines);
      g_assert (g_utf8_validate (d->message, -1, NULL));
      g_assert (g_utf8_validate (line, -1, NULL));
    }

  return 0;
}
