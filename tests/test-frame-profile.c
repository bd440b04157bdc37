/* test-frame-profile.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-analyzer.h"
#include "fw-pack-loader.h"

static FwFrame *
make_frame (const char         *id,
            const char * const *cues)
{
  FwFrame *frame = fw_frame_new (id, id);

  g_strfreev (frame->cues);
  frame->cues = g_strdupv ((char **) cues);
  return frame;
}

static FwAnalysis *
analyze_with_frames (const char *input,
                     GPtrArray  *frames)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new_custom ("en", NULL, frames, NULL);
  g_autoptr(FwText) text = fw_text_new_plain (input, -1, &error);
  FwAnalysis *analysis;

  g_assert_no_error (error);
  analysis = fw_analyzer_analyze (analyzer, text, FW_ANALYSIS_ALL, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static void
test_counts_and_density (void)
{
  const char *input = "Sovereignty matters. Refugees need aid.\n\nAid and borders.";
  const char *sovereignty[] = { "sovereignty", "borders", NULL };
  const char *humanitarian[] = { "refugees", "aid", NULL };
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_frame_free);
  g_autoptr(FwAnalysis) analysis = NULL;
  FwFrameProfile *profile;
  const FwFrameHit *hits;
  guint n_hits;

  g_ptr_array_add (frames, make_frame ("sovereignty", sovereignty));
  g_ptr_array_add (frames, make_frame ("humanitarian", humanitarian));
  analysis = analyze_with_frames (input, frames);
  profile = fw_analysis_get_frame_profile (analysis);

  g_assert_nonnull (profile);
  g_assert_cmpuint (fw_frame_profile_get_n_frames (profile), ==, 2);
  g_assert_cmpint (fw_frame_profile_find_frame (profile, "humanitarian"), ==, 1);
  g_assert_cmpint (fw_frame_profile_find_frame (profile, "economic"), ==, -1);

  /* Five words, then three. */
  g_assert_cmpuint (fw_frame_profile_get_n_words (profile), ==, 8);
  g_assert_cmpuint (fw_frame_profile_get_n_paragraphs (profile), ==, 2);
  g_assert_cmpuint (fw_frame_profile_get_paragraph_words (profile, 0), ==, 5);
  g_assert_cmpuint (fw_frame_profile_get_paragraph_words (profile, 1), ==, 3);

  g_assert_cmpuint (fw_frame_profile_get_count (profile, 0), ==, 2);
  g_assert_cmpuint (fw_frame_profile_get_count (profile, 1), ==, 3);
  g_assert_cmpfloat_with_epsilon (fw_frame_profile_get_density (profile, 0), 250.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fw_frame_profile_get_density (profile, 1), 375.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fw_frame_profile_get_share (profile, 0), 0.4, 1e-9);

  g_assert_cmpuint (fw_frame_profile_get_paragraph_count (profile, 0, 0), ==, 1);
  g_assert_cmpuint (fw_frame_profile_get_paragraph_count (profile, 0, 1), ==, 1);
  g_assert_cmpuint (fw_frame_profile_get_paragraph_count (profile, 1, 0), ==, 2);
  g_assert_cmpuint (fw_frame_profile_get_paragraph_count (profile, 1, 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (fw_frame_profile_get_paragraph_density (profile, 1, 0), 400.0,
                                  1e-9);

  hits = fw_frame_profile_get_evidence (profile, 1, &n_hits);
  g_assert_cmpuint (n_hits, ==, 3);
  g_assert_cmpuint (hits[0].start, ==, 21);
  g_assert_cmpuint (hits[0].end, ==, 29);
  g_assert_cmpuint (hits[2].start, ==, 41);

  /* Each cue is also a frame-cue annotation naming its frame. */
  g_assert_cmpuint (fw_analysis_get_annotations (analysis)->len, ==, 5);
  g_assert_cmpstr (((FwAnnotation *) fw_analysis_get_annotations (analysis)->pdata[0])->frame, ==,
                   "sovereignty");
}

static void
test_shared_cue (void)
{
  const char *legality[] = { "international law", "court", NULL };
  const char *sovereignty[] = { "international law", "border", NULL };
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_frame_free);
  g_autoptr(FwAnalysis) analysis = NULL;
  FwFrameProfile *profile;

  g_ptr_array_add (frames, make_frame ("legality", legality));
  g_ptr_array_add (frames, make_frame ("sovereignty", sovereignty));
  analysis = analyze_with_frames ("It broke international law.", frames);
  profile = fw_analysis_get_frame_profile (analysis);

  /* A cue two frames list counts for both. */
  g_assert_cmpuint (fw_frame_profile_get_count (profile, 0), ==, 1);
  g_assert_cmpuint (fw_frame_profile_get_count (profile, 1), ==, 1);
}

static double
density (FwAnalyzer *analyzer,
         FwPack     *pack,
         const char *piece,
         const char *frame)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalysis) analysis = NULL;
  FwFrameProfile *profile;
  int index;

  analysis = fw_analyzer_analyze_piece (analyzer, fw_pack_find_piece (pack, piece),
                                        FW_ANALYSIS_FRAMES, NULL, &error);
  g_assert_no_error (error);
  profile = fw_analysis_get_frame_profile (analysis);
  index = fw_frame_profile_find_frame (profile, frame);
  g_assert_cmpint (index, >=, 0);

  g_test_message ("%s: %s %.1f per 1,000 words", piece, frame,
                  fw_frame_profile_get_density (profile, index));
  return fw_frame_profile_get_density (profile, index);
}

/* The lesson's claim: the Karabakh pieces lean on sovereignty more than
 * the Poland piece, and the Poland and Syria pieces on humanitarian duty
 * more than the sham-elections piece. */
static void
test_bundled_pack_ordering (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bundled (NULL, &error);
  g_autoptr(FwAnalyzer) analyzer = NULL;

  g_assert_no_error (error);
  analyzer = fw_analyzer_new_for_pack (pack, &error);
  g_assert_no_error (error);

  g_assert_cmpfloat (density (analyzer, pack, "anti-terror-operation", "sovereignty"), >,
                     density (analyzer, pack, "poland-refugees", "sovereignty"));
  g_assert_cmpfloat (density (analyzer, pack, "sham-elections", "sovereignty"), >,
                     density (analyzer, pack, "poland-refugees", "sovereignty"));
  g_assert_cmpfloat (density (analyzer, pack, "poland-refugees", "humanitarian"), >,
                     density (analyzer, pack, "sham-elections", "humanitarian"));
  g_assert_cmpfloat (density (analyzer, pack, "siege-lessons-syria", "humanitarian"), >,
                     density (analyzer, pack, "sham-elections", "humanitarian"));
}

/* The same ordering holds with the built-in frames alone. */
static void
test_builtin_frames_ordering (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bundled (NULL, &error);
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (density (analyzer, pack, "anti-terror-operation", "sovereignty"), >,
                     density (analyzer, pack, "poland-refugees", "sovereignty"));
  g_assert_cmpfloat (density (analyzer, pack, "sham-elections", "sovereignty"), >,
                     density (analyzer, pack, "poland-refugees", "sovereignty"));
  g_assert_cmpfloat (density (analyzer, pack, "poland-refugees", "humanitarian"), >,
                     density (analyzer, pack, "sham-elections", "humanitarian"));
  g_assert_cmpfloat (density (analyzer, pack, "siege-lessons-syria", "humanitarian"), >,
                     density (analyzer, pack, "sham-elections", "humanitarian"));
}

static void
test_pack_frames_override (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bundled (NULL, &error);
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autoptr(GPtrArray) builtin = fw_frame_list_new_builtin ("en", &error);
  GPtrArray *frames;
  const FwFrame *from_pack = fw_pack_find_frame (pack, "sovereignty");

  g_assert_no_error (error);
  analyzer = fw_analyzer_new_for_pack (pack, &error);
  g_assert_no_error (error);
  frames = fw_analyzer_get_frames (analyzer);

  /* The pack's two frames replace the built-in ones with the same ids;
   * the other built-in frames stay, in their order. */
  g_assert_cmpuint (frames->len, ==, builtin->len);
  for (guint i = 0; i < frames->len; i++)
    {
      const FwFrame *frame = g_ptr_array_index (frames, i);
      const FwFrame *expected = fw_pack_find_frame (pack, frame->id);

      g_assert_cmpstr (frame->id, ==, ((FwFrame *) g_ptr_array_index (builtin, i))->id);
      if (expected == NULL)
        expected = g_ptr_array_index (builtin, i);
      g_assert_true (g_strv_equal ((const char * const *) frame->cues,
                                   (const char * const *) expected->cues));
    }
  g_assert_nonnull (from_pack);
}

static void
test_frames_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtin = fw_frame_list_new_builtin ("en-US", &error);
  const char *ids[] = { "sovereignty", "humanitarian", "security", "legality", "reputation",
                        "economic" };
  const char *newer = "{\"format\":\"framewise-frames\",\"version\":2,\"language\":\"en\","
                      "\"frames\":[]}";
  const char *wrong = "{\"format\":\"framewise-pack\",\"version\":1,\"language\":\"en\","
                      "\"frames\":[{\"id\":\"x\",\"label\":\"X\",\"cues\":[]}]}";
  g_autoptr(GBytes) newer_bytes = g_bytes_new_static (newer, strlen (newer));
  g_autoptr(GBytes) wrong_bytes = g_bytes_new_static (wrong, strlen (wrong));
  g_autoptr(GPtrArray) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (builtin->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const FwFrame *frame = g_ptr_array_index (builtin, i);

      g_assert_cmpstr (frame->id, ==, ids[i]);
      g_assert_cmpuint (g_strv_length (frame->cues), >=, 20);
    }

  none = fw_frame_list_new_from_bytes (newer_bytes, &error);
  g_assert_null (none);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_NEWER_VERSION);
  g_clear_error (&error);

  none = fw_frame_list_new_from_bytes (wrong_bytes, &error);
  g_assert_null (none);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_clear_error (&error);

  none = fw_frame_list_new_builtin ("pl", &error);
  g_assert_null (none);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/frame-profile/counts-and-density", test_counts_and_density);
  g_test_add_func ("/frame-profile/shared-cue", test_shared_cue);
  g_test_add_func ("/frame-profile/bundled-pack-ordering", test_bundled_pack_ordering);
  g_test_add_func ("/frame-profile/builtin-frames-ordering", test_builtin_frames_ordering);
  g_test_add_func ("/frame-profile/pack-frames-override", test_pack_frames_override);
  g_test_add_func ("/frame-profile/frames-file", test_frames_file);

  return g_test_run ();
}
