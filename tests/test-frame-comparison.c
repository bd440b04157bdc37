/* test-frame-comparison.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-frame-comparison.h"
#include "fw-pack-loader.h"

static FwPack *
load_mini (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini.fwpack", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwPack *pack = fw_pack_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return pack;
}

/* The comparison is the frame profiler's count, as the pack's frames
 * define it: the mini pack replaces the built-in frames "sovereignty" and
 * "humanitarian" with short cue lists. */
static void
test_profiler (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  const char *pieces[] = { "p1", "p2", NULL };
  const char *frames[] = { "sovereignty", "humanitarian", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(FwFrameComparison) c = fw_frame_comparison_new_for_pack (pack, NULL, pieces, frames,
                                                                     NULL, &error);
  GArray *evidence;
  FwPiece *p2 = fw_pack_find_piece (pack, "p2");
  guint n_drinking = 0;

  g_assert_no_error (error);
  evidence = fw_frame_comparison_get_evidence (c);

  /* p1: "The separatist regime held sham elections." (6 words) and
   * "Refugees need food and shelter." (5 words). */
  g_assert_cmpuint (fw_frame_comparison_get_words (c, 0), ==, 11);
  g_assert_cmpuint (fw_frame_comparison_get_count (c, 0, 0), ==, 1);
  g_assert_cmpuint (fw_frame_comparison_get_count (c, 0, 1), ==, 3);
  g_assert_cmpfloat_with_epsilon (fw_frame_comparison_get_density (c, 0, 0), 1000.0 / 11, 1e-9);
  g_assert_cmpfloat_with_epsilon (fw_frame_comparison_get_density (c, 0, 1), 3000.0 / 11, 1e-9);

  /* p2: 10 words and 7 words. "borderline" is not the cue "border";
   * "Aid" matches "aid" whatever its case; "drinking water" is one
   * occurrence of a two-word cue. */
  g_assert_cmpuint (fw_frame_comparison_get_words (c, 1), ==, 17);
  g_assert_cmpuint (fw_frame_comparison_get_count (c, 1, 0), ==, 1);
  g_assert_cmpuint (fw_frame_comparison_get_count (c, 1, 1), ==, 5);
  g_assert_cmpfloat_with_epsilon (fw_frame_comparison_get_density (c, 1, 1), 5000.0 / 17, 1e-9);

  g_assert_cmpint (fw_frame_comparison_get_leaning (c, 0), ==, 0);
  g_assert_cmpint (fw_frame_comparison_get_leaning (c, 1), ==, 1);

  g_assert_cmpuint (evidence->len, ==, 1 + 3 + 1 + 5);
  for (guint i = 0; i < evidence->len; i++)
    {
      const FwFrameEvidence *e = &g_array_index (evidence, FwFrameEvidence, i);

      if (e->piece == 1 && e->frame == 1 && e->end - e->start == 14)
        {
          g_autofree char *text = fw_piece_dup_span_text (p2, e->start, e->end);

          g_assert_cmpstr (text, ==, "drinking water");
          n_drinking++;
        }
    }
  g_assert_cmpuint (n_drinking, ==, 1);
}

/* A comparison holds exactly what the reader's summary shows: the profile
 * of each piece's analysis, frame by frame, with its evidence. */
static void
test_same_as_profile (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_dup_for_pack (pack, &error);
  g_autoptr(FwAnalyzer) again = fw_analyzer_dup_for_pack (pack, &error);
  const char *pieces[] = { "p2", "p1", NULL };
  const char *frames[] = { "humanitarian", "no-such-frame", "sovereignty", NULL };
  g_autoptr(FwFrameComparison) c = NULL;

  g_assert_no_error (error);
  /* One analyzer per pack, shared. */
  g_assert_true (analyzer == again);

  c = fw_frame_comparison_new_for_pack (pack, analyzer, pieces, frames, NULL, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(FwAnalysis) analysis =
        fw_analyzer_analyze_piece (analyzer, fw_pack_find_piece (pack, pieces[p]),
                                   FW_ANALYSIS_FRAMES, NULL, &error);
      FwFrameProfile *profile;
      guint n_evidence = 0;

      g_assert_no_error (error);
      profile = fw_analysis_get_frame_profile (analysis);
      g_assert_cmpuint (fw_frame_comparison_get_words (c, p), ==,
                        fw_frame_profile_get_n_words (profile));

      for (guint f = 0; frames[f] != NULL; f++)
        {
          int index = fw_frame_profile_find_frame (profile, frames[f]);
          GArray *evidence = fw_frame_comparison_get_evidence (c);
          const FwFrameHit *hits;
          guint n_hits = 0, k = 0;

          if (index < 0)
            {
              /* A frame the profiler does not know counts zero. */
              g_assert_cmpstr (frames[f], ==, "no-such-frame");
              g_assert_cmpuint (fw_frame_comparison_get_count (c, p, f), ==, 0);
              g_assert_cmpfloat (fw_frame_comparison_get_density (c, p, f), ==, 0.0);
              continue;
            }

          g_assert_cmpuint (fw_frame_comparison_get_count (c, p, f), ==,
                            fw_frame_profile_get_count (profile, (guint) index));
          g_assert_cmpfloat (fw_frame_comparison_get_density (c, p, f), ==,
                             fw_frame_profile_get_density (profile, (guint) index));

          hits = fw_frame_profile_get_evidence (profile, (guint) index, &n_hits);
          for (guint i = 0; i < evidence->len; i++)
            {
              const FwFrameEvidence *e = &g_array_index (evidence, FwFrameEvidence, i);

              if (e->piece != p || e->frame != f)
                continue;
              g_assert_cmpuint (k, <, n_hits);
              g_assert_cmpuint (e->start, ==, hits[k].start);
              g_assert_cmpuint (e->end, ==, hits[k].end);
              k++;
            }
          g_assert_cmpuint (k, ==, n_hits);
          n_evidence += n_hits;
        }
      g_assert_cmpuint (n_evidence, >, 0);
    }
}

static void
test_filled_by_caller (void)
{
  const char *pieces[] = { "a", "b", NULL };
  const char *frames[] = { "x", NULL };
  g_autoptr(FwFrameComparison) c = fw_frame_comparison_new (pieces, frames);

  g_assert_cmpint (fw_frame_comparison_get_leaning (c, 0), ==, -1);
  fw_frame_comparison_set_profile (c, 1, 0, 4, 2.5);
  g_assert_cmpint (fw_frame_comparison_get_leaning (c, 0), ==, 1);
  fw_frame_comparison_set_profile (c, 0, 0, 9, 7.0);
  g_assert_cmpint (fw_frame_comparison_get_leaning (c, 0), ==, 0);
  g_assert_cmpint (fw_frame_comparison_find_frame (c, "x"), ==, 0);
  g_assert_cmpint (fw_frame_comparison_find_frame (c, "y"), ==, -1);
  g_assert_cmpstr (fw_frame_comparison_get_piece_id (c, 1), ==, "b");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/frame-comparison/profiler", test_profiler);
  g_test_add_func ("/frame-comparison/same-as-profile", test_same_as_profile);
  g_test_add_func ("/frame-comparison/filled-by-caller", test_filled_by_caller);

  return g_test_run ();
}
