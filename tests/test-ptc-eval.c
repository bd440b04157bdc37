/* test-ptc-eval.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-ptc-eval.h"

static FwPtcSpan
span (const char *article,
      const char *technique,
      guint       start,
      guint       end)
{
  FwPtcSpan s = { g_intern_string (article), g_intern_string (technique), start, end };

  return s;
}

static void
test_parse_labels (void)
{
  const char *tsv = "111\tLoaded_Language\t3\t9\n\n222\tName_Calling,Labeling\t0\t4\r\n";
  const char *bad = "111\tLoaded_Language\t3\t9\n111\tDoubt\tx\t9\n";
  const char *reversed = "111\tLoaded_Language\t9\t3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = fw_ptc_parse_labels (tsv, strlen (tsv), &error);
  g_autoptr(GArray) none = NULL;
  const FwPtcSpan *s;

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 2);
  s = &g_array_index (spans, FwPtcSpan, 1);
  g_assert_cmpstr (s->article, ==, "222");
  g_assert_true (s->technique == g_intern_string (FW_PTC_NAME_CALLING));
  g_assert_cmpuint (s->start, ==, 0);
  g_assert_cmpuint (s->end, ==, 4);

  none = fw_ptc_parse_labels (bad, strlen (bad), &error);
  g_assert_null (none);
  g_assert_error (error, FW_PTC_ERROR, FW_PTC_ERROR_INVALID_LABELS);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  none = fw_ptc_parse_labels (reversed, strlen (reversed), &error);
  g_assert_null (none);
  g_assert_error (error, FW_PTC_ERROR, FW_PTC_ERROR_INVALID_LABELS);
}

/* A tiny corpus scored by hand with the formula of SemEval-2020 Task 11:
 * P = Σs Σt |s∩t|/|s| / |S|, R = Σt Σs |s∩t|/|t| / |T|. */
static void
test_score_by_hand (void)
{
  static const char * const loaded[] = { FW_PTC_LOADED_LANGUAGE, NULL };
  static const char * const both[] = { FW_PTC_LOADED_LANGUAGE, FW_PTC_NAME_CALLING, NULL };
  const FwPtcSpan gold[] = {
    span ("A", FW_PTC_LOADED_LANGUAGE, 0, 10),
    span ("A", FW_PTC_LOADED_LANGUAGE, 20, 30),
    span ("A", FW_PTC_NAME_CALLING, 40, 50),
    span ("B", FW_PTC_LOADED_LANGUAGE, 0, 4),
    span ("A", "Doubt", 0, 50),
  };
  const FwPtcSpan predicted[] = {
    span ("A", FW_PTC_LOADED_LANGUAGE, 5, 15),
    span ("A", FW_PTC_LOADED_LANGUAGE, 20, 30),
    span ("A", FW_PTC_NAME_CALLING, 45, 50),
    span ("A", FW_PTC_LOADED_LANGUAGE, 40, 50),
    span ("C", FW_PTC_LOADED_LANGUAGE, 0, 5),
  };
  FwPtcScore score;

  /* Loaded_Language: S has 4 spans, T 3.
   * P = (5/10 + 10/10 + 0 + 0) / 4 = 0.375
   * R = (5/10 + 10/10 + 0) / 3 = 0.5
   * F1 = 2 · 0.375 · 0.5 / 0.875 = 3/7 */
  fw_ptc_score (predicted, G_N_ELEMENTS (predicted), gold, G_N_ELEMENTS (gold), loaded, TRUE,
                &score);
  g_assert_cmpuint (score.n_predicted, ==, 4);
  g_assert_cmpuint (score.n_gold, ==, 3);
  g_assert_cmpfloat_with_epsilon (score.precision, 0.375, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.recall, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.f1, 3.0 / 7.0, 1e-12);

  /* Both classes, classes must agree: the name-calling prediction [45,50)
   * earns 5/5 against [40,50), which earns 5/10 back; the loaded-language
   * prediction [40,50) earns nothing from the name-calling gold span.
   * P = (1.5 + 1) / 5 = 0.5, R = (1.5 + 0.5) / 4 = 0.5, F1 = 0.5 */
  fw_ptc_score (predicted, G_N_ELEMENTS (predicted), gold, G_N_ELEMENTS (gold), both, TRUE,
                &score);
  g_assert_cmpuint (score.n_predicted, ==, 5);
  g_assert_cmpuint (score.n_gold, ==, 4);
  g_assert_cmpfloat_with_epsilon (score.precision, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.recall, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.f1, 0.5, 1e-12);

  /* Both classes as one: [40,50) now earns 10/10, and the gold [40,50)
   * earns 10/10 + 5/10.
   * P = (0.5 + 1 + 1 + 1 + 0) / 5 = 0.7, R = (0.5 + 1 + 0 + 1.5) / 4 = 0.75,
   * F1 = 2 · 0.7 · 0.75 / 1.45 = 21/29 */
  fw_ptc_score (predicted, G_N_ELEMENTS (predicted), gold, G_N_ELEMENTS (gold), both, FALSE,
                &score);
  g_assert_cmpfloat_with_epsilon (score.precision, 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.recall, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.f1, 21.0 / 29.0, 1e-12);

  /* Nothing predicted: precision, recall and F1 are 0. */
  fw_ptc_score (NULL, 0, gold, G_N_ELEMENTS (gold), loaded, TRUE, &score);
  g_assert_cmpfloat (score.precision, ==, 0.0);
  g_assert_cmpfloat (score.recall, ==, 0.0);
  g_assert_cmpfloat (score.f1, ==, 0.0);
}

static void
test_technique_mapping (void)
{
  g_assert_cmpstr (fw_ptc_technique_for (FW_ANNOTATION_LOADED_TERM, "name-calling"), ==,
                   FW_PTC_NAME_CALLING);
  g_assert_cmpstr (fw_ptc_technique_for (FW_ANNOTATION_LOADED_TERM, "emotive"), ==,
                   FW_PTC_LOADED_LANGUAGE);
  g_assert_cmpstr (fw_ptc_technique_for (FW_ANNOTATION_LOADED_TERM, "dehumanising"), ==,
                   FW_PTC_LOADED_LANGUAGE);
  g_assert_cmpstr (fw_ptc_technique_for (FW_ANNOTATION_LOADED_TERM, "delegitimising"), ==,
                   FW_PTC_LOADED_LANGUAGE);
  g_assert_cmpstr (fw_ptc_technique_for (FW_ANNOTATION_LOADED_TERM, "euphemism"), ==,
                   FW_PTC_LOADED_LANGUAGE);
  g_assert_null (fw_ptc_technique_for (FW_ANNOTATION_LOADED_TERM, "booster"));
  g_assert_null (fw_ptc_technique_for (FW_ANNOTATION_CONTESTED_NAME, "emotive"));
}

static void
test_predict_directory (void)
{
  const char *lexicon_json =
    "{\"id\":\"t\",\"language\":\"en\",\"entries\":["
    "{\"term\":\"thug\",\"category\":\"name-calling\",\"explanation\":\"A label.\"},"
    "{\"term\":\"brutal\",\"category\":\"emotive\",\"explanation\":\"A feeling.\"},"
    "{\"term\":\"clearly\",\"category\":\"booster\",\"explanation\":\"Certainty.\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (lexicon_json, strlen (lexicon_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(FwLexicon) lexicon = fw_lexicon_new_from_bytes (bytes, &error);
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new ();
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fw-ptc-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "article7.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(GHashTable) articles = NULL;
  g_autoptr(GArray) predicted = NULL;
  const FwPtcSpan *s;

  g_assert_no_error (error);
  g_ptr_array_add (lexicons, lexicon);
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);

  /* A byte-order mark counts as one code point, as in the corpus's own
   * offsets; “Łódź” is four code points. */
  g_assert_true (g_file_set_contents (a, "\xEF\xBB\xBFŁódź: brutal\n\nClearly a thug.", -1, NULL));
  g_assert_true (g_file_set_contents (b, "brutal", -1, NULL));

  predicted = fw_ptc_predict_directory (analyzer, directory, &articles, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (articles), ==, 1);
  g_assert_true (g_hash_table_contains (articles, g_intern_string ("7")));

  /* "clearly" is a booster: not a PTC class. */
  g_assert_cmpuint (predicted->len, ==, 2);
  s = &g_array_index (predicted, FwPtcSpan, 0);
  g_assert_cmpstr (s->article, ==, "7");
  g_assert_cmpstr (s->technique, ==, FW_PTC_LOADED_LANGUAGE);
  g_assert_cmpuint (s->start, ==, 7);
  g_assert_cmpuint (s->end, ==, 13);
  s = &g_array_index (predicted, FwPtcSpan, 1);
  g_assert_cmpstr (s->technique, ==, FW_PTC_NAME_CALLING);
  g_assert_cmpuint (s->start, ==, 25);

  g_remove (a);
  g_remove (b);
  g_rmdir (dir);

  g_clear_pointer (&predicted, g_array_unref);
  predicted = fw_ptc_predict_directory (analyzer, directory, NULL, NULL, &error);
  g_assert_null (predicted);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ptc-eval/parse-labels", test_parse_labels);
  g_test_add_func ("/ptc-eval/score-by-hand", test_score_by_hand);
  g_test_add_func ("/ptc-eval/technique-mapping", test_technique_mapping);
  g_test_add_func ("/ptc-eval/predict-directory", test_predict_directory);

  return g_test_run ();
}
