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
 * - every annotation lies inside its piece's text.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdint.h>
#include <string.h>

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

/* Walks what a valid pack holds, the way the reader and the exercises use
 * it. This is the extension point for the automatic analysis: when the
 * lexicon matcher, assertion detector and frame profiler are in the core,
 * call each of them here on every piece (with the pack's lexicons and
 * frames), so that every pack the fuzzer makes is analysed as well as
 * loaded. */
static void
exercise_pack (FwPack *pack)
{
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
