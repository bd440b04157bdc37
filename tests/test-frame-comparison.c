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

static void
test_cues (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  const char *pieces[] = { "p1", "p2", NULL };
  const char *frames[] = { "sovereignty", "humanitarian", NULL };
  g_autoptr(FwFrameComparison) c = fw_frame_comparison_new_from_cues (pack, pieces, frames);
  GArray *evidence = fw_frame_comparison_get_evidence (c);
  FwPiece *p2 = fw_pack_find_piece (pack, "p2");
  guint n_drinking = 0;

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

  g_test_add_func ("/frame-comparison/cues", test_cues);
  g_test_add_func ("/frame-comparison/filled-by-caller", test_filled_by_caller);

  return g_test_run ();
}
