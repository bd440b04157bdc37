/* test-exercise-session.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-exercise-session.h"
#include "fw-pack-loader.h"

enum { READ, CHOICE, MULTIPLE, FIND, SORT, COMPARE, REFLECT };

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

static FwExerciseSession *
new_session (FwPack *pack)
{
  return fw_exercise_session_new (pack, fw_pack_find_exercise (pack, "all-kinds"));
}

static void
count_cb (FwExerciseSession *session,
          guint              step,
          guint             *n)
{
  (*n)++;
}

static void
test_read (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  const FwStepResult *r = fw_exercise_session_get_result (s, READ);

  g_assert_false (r->checked);
  g_assert_true (fw_exercise_session_can_check (s, READ));
  g_assert_true (fw_exercise_session_check (s, READ));
  g_assert_true (r->checked);
  g_assert_false (r->scored);
  g_assert_true (r->passed);
  g_assert_cmpuint (fw_exercise_session_get_n_checked (s), ==, 1);
}

static void
test_choice (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  const FwStepResult *r;
  guint n_changed = 0;

  g_signal_connect (s, "step-changed", G_CALLBACK (count_cb), &n_changed);

  g_assert_false (fw_exercise_session_can_check (s, CHOICE));
  g_assert_false (fw_exercise_session_check (s, CHOICE));

  /* A single-answer step keeps only one choice. */
  fw_exercise_session_set_choice (s, CHOICE, 0x3);
  g_assert_cmpuint (fw_exercise_session_get_answer (s, CHOICE)->chosen, ==, 0x1);
  g_assert_cmpuint (n_changed, ==, 1);
  fw_exercise_session_set_choice (s, CHOICE, 0x2);
  g_assert_true (fw_exercise_session_check (s, CHOICE));
  r = fw_exercise_session_get_result (s, CHOICE);
  g_assert_cmpfloat (r->score, ==, 0.0);
  g_assert_false (r->passed);
  g_assert_false (g_array_index (r->correct, gboolean, 0));
  g_assert_false (g_array_index (r->correct, gboolean, 1));

  fw_exercise_session_retry (s, CHOICE);
  g_assert_false (r->checked);
  fw_exercise_session_set_choice (s, CHOICE, 0x1);
  g_assert_true (fw_exercise_session_check (s, CHOICE));
  g_assert_cmpfloat (r->score, ==, 1.0);
  g_assert_true (r->passed);
  g_assert_cmpuint (r->attempts, ==, 2);

  /* Several answers: Jaccard index of chosen {A, C} and correct {A, B}
   * is 1/3. */
  fw_exercise_session_set_choice (s, MULTIPLE, 0x5);
  g_assert_true (fw_exercise_session_check (s, MULTIPLE));
  r = fw_exercise_session_get_result (s, MULTIPLE);
  g_assert_cmpfloat_with_epsilon (r->score, 1.0 / 3.0, 1e-9);
  g_assert_false (r->passed);
  /* Changing a checked answer updates its result at once. */
  fw_exercise_session_set_choice (s, MULTIPLE, 0x3);
  g_assert_cmpfloat (r->score, ==, 1.0);
  g_assert_true (r->passed);
}

static void
test_find_spans (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  g_autoptr(GPtrArray) key = fw_exercise_session_get_key (s, FIND);
  const FwStepResult *r = fw_exercise_session_get_result (s, FIND);
  g_auto(GStrv) lines = NULL;
  g_autofree char *formatted = NULL;

  /* Only the two loaded terms form the key, not the assertion. */
  g_assert_cmpuint (key->len, ==, 2);
  g_assert_cmpuint (((FwAnnotation *) key->pdata[0])->start, ==, 4);
  g_assert_cmpuint (((FwAnnotation *) key->pdata[1])->start, ==, 27);

  /* "separatist" exactly: P = 1, R = 1/2, F1 = 2/3 < pass 0.7. */
  g_assert_true (fw_exercise_session_add_span (s, FIND, 4, 14));
  g_assert_false (fw_exercise_session_add_span (s, FIND, 4, 14));
  g_assert_true (fw_exercise_session_check (s, FIND));
  g_assert_cmpfloat_with_epsilon (r->spans.precision, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->spans.recall, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->score, 2.0 / 3.0, 1e-9);
  g_assert_false (r->passed);
  g_assert_cmpuint (r->missed->len, ==, 1);
  g_assert_cmpstr (((FwAnnotation *) r->missed->pdata[0])->note, ==,
                   "Calls the vote fake without evidence.");
  g_assert_cmpuint (r->extra->len, ==, 0);

  /* Add "held sham" [22,31) and "regime" [15,21):
   * P = (1 + 4/9 + 0)/3 = 13/27, R = 1, F1 = 2·(13/27)/(40/27) = 13/20.
   * "regime" overlaps no key span and "held sham" lies mostly (5 of 9)
   * outside one: both are extra. */
  fw_exercise_session_retry (s, FIND);
  fw_exercise_session_add_span (s, FIND, 22, 31);
  fw_exercise_session_add_span (s, FIND, 15, 21);
  g_assert_true (fw_exercise_session_check (s, FIND));
  g_assert_cmpfloat_with_epsilon (r->spans.precision, 13.0 / 27.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->spans.recall, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->spans.f1, 0.65, 1e-9);
  g_assert_cmpuint (r->missed->len, ==, 0);
  g_assert_cmpuint (r->extra->len, ==, 2);
  g_assert_cmpuint (g_array_index (r->extra, FwSpan, 0).start, ==, 15);
  g_assert_cmpuint (g_array_index (r->extra, FwSpan, 1).start, ==, 22);

  /* Remove "regime", second in text order: P = (1 + 4/9)/2 = 13/18,
   * F1 = (26/18)/(31/18) = 26/31. */
  fw_exercise_session_remove_span (s, FIND, 1);
  g_assert_cmpfloat_with_epsilon (r->spans.f1, 26.0 / 31.0, 1e-9);
  g_assert_true (r->passed);

  lines = fw_exercise_session_describe_answer (s, FIND);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[1], "held sham"));
  formatted = fw_exercise_session_format_score (s, FIND);
  g_assert_nonnull (strstr (formatted, "84%"));

  /* An empty answer is an answer: F1 0. */
  fw_exercise_session_remove_span (s, FIND, 0);
  fw_exercise_session_remove_span (s, FIND, 0);
  g_assert_cmpfloat (r->spans.f1, ==, 0.0);
  g_assert_cmpuint (r->missed->len, ==, 2);
}

static void
test_classify (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  const FwStepResult *r = fw_exercise_session_get_result (s, SORT);

  fw_exercise_session_set_category (s, SORT, 0, "humanitarian");
  g_assert_false (fw_exercise_session_can_check (s, SORT));
  fw_exercise_session_set_category (s, SORT, 1, "neither");
  g_assert_true (fw_exercise_session_check (s, SORT));
  g_assert_cmpfloat (r->score, ==, 0.5);
  g_assert_true (g_array_index (r->correct, gboolean, 0));
  g_assert_false (g_array_index (r->correct, gboolean, 1));

  fw_exercise_session_set_category (s, SORT, 1, "sovereignty");
  g_assert_cmpfloat (r->score, ==, 1.0);
}

static void
test_compare (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  const FwStepResult *r = fw_exercise_session_get_result (s, COMPARE);
  const char *pieces[] = { "p1", "p2", NULL };
  const char *frames[] = { "humanitarian", "sovereignty", NULL };
  g_autoptr(FwFrameComparison) given = fw_frame_comparison_new (pieces, frames);

  /* From the pack's cues: p1 leans more on sovereignty, p2 on
   * humanitarian duty (see test-frame-comparison). */
  fw_exercise_session_set_prediction (s, COMPARE, 0, 1);
  g_assert_false (fw_exercise_session_can_check (s, COMPARE));
  fw_exercise_session_set_prediction (s, COMPARE, 1, 1);
  g_assert_true (fw_exercise_session_check (s, COMPARE));
  g_assert_cmpfloat (r->score, ==, 0.5);
  g_assert_false (g_array_index (r->correct, gboolean, 0));
  g_assert_true (g_array_index (r->correct, gboolean, 1));

  /* Profiles given by the caller are what counts; frames are found by id
   * whatever their order. */
  fw_frame_comparison_set_profile (given, 1, 1, 3, 30.0);
  fw_frame_comparison_set_profile (given, 0, 0, 3, 30.0);
  fw_exercise_session_set_comparison (s, COMPARE, given);
  g_assert_cmpfloat (r->score, ==, 0.5);
  g_assert_true (g_array_index (r->correct, gboolean, 0));
  g_assert_false (g_array_index (r->correct, gboolean, 1));
}

static void
test_reflect (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  const FwStepResult *r = fw_exercise_session_get_result (s, REFLECT);

  fw_exercise_session_set_text (s, REFLECT, "Too short, four words.");
  g_assert_false (fw_exercise_session_can_check (s, REFLECT));
  g_assert_false (fw_exercise_session_check (s, REFLECT));
  fw_exercise_session_set_text (s, REFLECT, "Now it has — at last — seven words.");
  g_assert_true (fw_exercise_session_check (s, REFLECT));
  g_assert_cmpuint (r->words, ==, 7);
  g_assert_true (r->passed);
  g_assert_false (r->scored);
}

static void
answer_everything (FwExerciseSession *s)
{
  fw_exercise_session_check (s, READ);
  fw_exercise_session_set_choice (s, CHOICE, 0x1);
  fw_exercise_session_check (s, CHOICE);
  fw_exercise_session_set_choice (s, MULTIPLE, 0x1);
  fw_exercise_session_check (s, MULTIPLE);
  fw_exercise_session_add_span (s, FIND, 4, 14);
  fw_exercise_session_add_span (s, FIND, 15, 21);
  fw_exercise_session_check (s, FIND);
  fw_exercise_session_set_category (s, SORT, 0, "humanitarian");
  fw_exercise_session_set_category (s, SORT, 1, "sovereignty");
  fw_exercise_session_check (s, SORT);
  fw_exercise_session_set_prediction (s, COMPARE, 0, 0);
  fw_exercise_session_set_prediction (s, COMPARE, 1, 1);
  fw_exercise_session_check (s, COMPARE);
  fw_exercise_session_set_text (s, REFLECT, "One two three four five six.");
  fw_exercise_session_set_current_step (s, 99);
}

static void
test_summary_and_json (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  g_autoptr(FwExerciseSession) t = new_session (pack);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  JsonObject *step3;

  answer_everything (s);
  g_assert_cmpuint (fw_exercise_session_get_current_step (s), ==, 7);
  g_assert_false (fw_exercise_session_is_complete (s));
  g_assert_cmpuint (fw_exercise_session_get_n_checked (s), ==, 6);
  /* Scored: choice 1, multiple 1/2, find F1 (P 1/2, R 1/2) 1/2, sort 1,
   * compare 1: mean 4/5. */
  g_assert_cmpfloat_with_epsilon (fw_exercise_session_get_mean_score (s), 0.8, 1e-9);

  node = fw_exercise_session_to_json (s);
  step3 = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node),
                                                                       "steps"), FIND);
  g_assert_cmpstr (json_object_get_string_member (step3, "kind"), ==, "find-spans");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (step3, "result"), "missed")), ==, 1);

  g_assert_true (fw_exercise_session_restore (t, json_node_get_object (node), &error));
  g_assert_no_error (error);
  again = fw_exercise_session_to_json (t);
  a = json_to_string (node, FALSE);
  b = json_to_string (again, FALSE);
  g_assert_cmpstr (a, ==, b);

  fw_exercise_session_reset (t);
  g_assert_cmpuint (fw_exercise_session_get_n_checked (t), ==, 0);
  g_assert_cmpuint (fw_exercise_session_get_current_step (t), ==, 0);
  g_assert_null (fw_exercise_session_get_answer (t, REFLECT)->text);
}

static void
test_restore_mismatch (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (
    "{\"id\": \"all-kinds\", \"current_step\": 2, \"steps\": ["
    " {\"index\": 1, \"kind\": \"choice\", \"checked\": true, \"answer\": {\"options\": [7]}},"
    " {\"index\": 2, \"kind\": \"choice\", \"checked\": true, \"answer\": {\"options\": [1]}},"
    " {\"index\": 3, \"kind\": \"reflect\", \"answer\": {\"text\": \"x\"}},"
    " {\"index\": 4, \"kind\": \"classify-sentences\", \"answer\": {\"sentences\": 5}},"
    " \"garbage\"]}", NULL);

  g_assert_false (fw_exercise_session_restore (s, json_node_get_object (node), &error));
  g_assert_error (error, FW_SESSION_ERROR, FW_SESSION_ERROR_MISMATCH);
  /* What fits is restored all the same. */
  g_assert_cmpuint (fw_exercise_session_get_answer (s, MULTIPLE)->chosen, ==, 0x2);
  g_assert_true (fw_exercise_session_get_result (s, MULTIPLE)->checked);
  g_assert_cmpuint (fw_exercise_session_get_answer (s, CHOICE)->chosen, ==, 0);
  g_assert_cmpuint (fw_exercise_session_get_current_step (s), ==, 2);
}

/* A saved step that is not a step of the exercise (a damaged or edited
 * file) resumes at the first step not done, not at the summary as if the
 * work were finished; so does the summary when answers were dropped. */
static void
test_restore_current_step (void)
{
  static const char * const currents[] = { "99999", "-3", "7", "\"two\"" };

  for (guint i = 0; i < G_N_ELEMENTS (currents); i++)
    {
      g_autoptr(FwPack) pack = load_mini ();
      g_autoptr(FwExerciseSession) s = new_session (pack);
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"all-kinds\", \"current_step\": %s, \"steps\": ["
        " {\"index\": 0, \"kind\": \"read\", \"checked\": true, \"answer\": {}},"
        " {\"index\": 3, \"kind\": \"find-spans\", \"checked\": true,"
        "  \"answer\": {\"spans\": [{\"start\": 4, \"end\": 999999}]}}]}", currents[i]);
      g_autoptr(JsonNode) node = json_from_string (json, NULL);
      gboolean restored = fw_exercise_session_restore (s, json_node_get_object (node), &error);

      g_test_message ("current_step %s", currents[i]);
      g_assert_false (restored);
      g_assert_error (error, FW_SESSION_ERROR, FW_SESSION_ERROR_MISMATCH);
      g_assert_true (g_str_has_suffix (error->message, "."));
      g_assert_true (fw_exercise_session_get_result (s, READ)->checked);
      g_assert_cmpuint (fw_exercise_session_get_answer (s, FIND)->spans->len, ==, 0);
      g_assert_cmpuint (fw_exercise_session_get_current_step (s), ==, CHOICE);
    }

  /* A summary saved with every answer fitting stays the summary. */
  {
    g_autoptr(FwPack) pack = load_mini ();
    g_autoptr(FwExerciseSession) s = new_session (pack);
    g_autoptr(JsonNode) node = json_from_string (
      "{\"id\": \"all-kinds\", \"current_step\": 7, \"steps\": []}", NULL);

    g_assert_true (fw_exercise_session_restore (s, json_node_get_object (node), NULL));
    g_assert_cmpuint (fw_exercise_session_get_current_step (s), ==, 7);
  }
}

/* The bundled pack's exercises all run in the engine: answering every step
 * from its key gives full marks, and every compare-frames step has a
 * clear answer for every frame. */
static void
test_bundled_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bundled (NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fw_pack_get_n_exercises (pack), ==, 4);

  for (guint e = 0; e < fw_pack_get_n_exercises (pack); e++)
    {
      FwExercise *exercise = fw_pack_get_exercise (pack, e);
      g_autoptr(FwExerciseSession) s = fw_exercise_session_new (pack, exercise);

      for (guint i = 0; i < fw_exercise_get_n_steps (exercise); i++)
        {
          const FwExerciseStep *step = fw_exercise_get_step (exercise, i);
          const FwStepResult *r;

          switch (step->kind)
            {
            case FW_STEP_READ:
              break;

            case FW_STEP_CHOICE:
              {
                guint32 mask = 0;

                for (guint k = 0; k < step->options->len; k++)
                  if (((FwChoiceOption *) step->options->pdata[k])->correct)
                    mask |= 1u << k;
                fw_exercise_session_set_choice (s, i, mask);
              }
              break;

            case FW_STEP_FIND_SPANS:
              {
                g_autoptr(GPtrArray) key = fw_exercise_session_get_key (s, i);

                g_assert_cmpuint (key->len, >, 0);
                for (guint k = 0; k < key->len; k++)
                  fw_exercise_session_add_span (s, i, ((FwAnnotation *) key->pdata[k])->start,
                                                ((FwAnnotation *) key->pdata[k])->end);
              }
              break;

            case FW_STEP_CLASSIFY_SENTENCES:
              for (guint k = 0; k < step->sentences->len; k++)
                fw_exercise_session_set_category (s, i, k, ((FwStepSentence *)
                                                            step->sentences->pdata[k])->answer);
              break;

            case FW_STEP_COMPARE_FRAMES:
              {
                FwFrameComparison *c = fw_exercise_session_get_comparison (s, i);

                for (guint f = 0; step->frames[f] != NULL; f++)
                  {
                    int leaning = fw_frame_comparison_get_leaning (c, f);

                    g_test_message ("%s: %s — %s %.1f, %s %.1f per 1,000 words",
                                    fw_exercise_get_id (exercise), step->frames[f],
                                    step->pieces[0], fw_frame_comparison_get_density (c, 0, f),
                                    step->pieces[1], fw_frame_comparison_get_density (c, 1, f));
                    g_assert_cmpint (leaning, >=, 0);
                    fw_exercise_session_set_prediction (s, i, f, leaning);
                  }
              }
              break;

            case FW_STEP_REFLECT:
              {
                g_autoptr(GString) text = g_string_new (NULL);

                for (guint k = 0; k < step->min_words; k++)
                  g_string_append_printf (text, "word%c%c ", 'a' + (char) (k % 26),
                                          'a' + (char) (k / 26 % 26));
                fw_exercise_session_set_text (s, i, text->str);
              }
              break;

            default:
              g_assert_not_reached ();
            }

          g_assert_true (fw_exercise_session_check (s, i));
          r = fw_exercise_session_get_result (s, i);
          g_assert_true (r->passed);
          if (r->scored)
            g_assert_cmpfloat (r->score, ==, 1.0);
        }

      g_assert_true (fw_exercise_session_is_complete (s));
    }
}

static void
test_find_spans_rules (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  const FwStepAnswer *answer = fw_exercise_session_get_answer (s, FIND);
  const FwStepResult *r = fw_exercise_session_get_result (s, FIND);
  FwPiece *piece = fw_pack_find_piece (pack, fw_exercise_get_step (fw_exercise_session_get_exercise (s),
                                                                   FIND)->piece);
  guint length = fw_piece_get_length (piece);
  g_autofree char *described = NULL;

  /* Checking nothing would only reveal the key. */
  g_assert_false (fw_exercise_session_can_check (s, FIND));
  g_assert_false (fw_exercise_session_check (s, FIND));
  g_assert_false (r->checked);

  /* An overlapping answer is merged into the one it overlaps; one inside
   * an answer changes nothing. */
  g_assert_true (fw_exercise_session_add_span (s, FIND, 4, 14));
  g_assert_true (fw_exercise_session_add_span (s, FIND, 22, 31));
  g_assert_false (fw_exercise_session_add_span (s, FIND, 5, 9));
  g_assert_true (fw_exercise_session_add_span (s, FIND, 10, 24));
  g_assert_cmpuint (answer->spans->len, ==, 1);
  g_assert_cmpuint (g_array_index (answer->spans, FwSpan, 0).start, ==, 4);
  g_assert_cmpuint (g_array_index (answer->spans, FwSpan, 0).end, ==, 31);

  /* Answers are kept in text order, whatever order they come in. */
  g_assert_true (fw_exercise_session_add_span (s, FIND, 40, 44));
  g_assert_true (fw_exercise_session_add_span (s, FIND, 0, 2));
  g_assert_cmpuint (answer->spans->len, ==, 3);
  for (guint i = 0; i + 1 < answer->spans->len; i++)
    g_assert_cmpuint (g_array_index (answer->spans, FwSpan, i).end, <=,
                      g_array_index (answer->spans, FwSpan, i + 1).start);
  fw_exercise_session_remove_span (s, FIND, 2);
  fw_exercise_session_remove_span (s, FIND, 0);
  g_assert_cmpuint (g_array_index (answer->spans, FwSpan, 0).start, ==, 4);

  /* The whole text: recall 1 but the answer is mostly outside the key, so
   * it is listed as extra, and the student text says so. */
  fw_exercise_session_remove_span (s, FIND, 0);
  g_assert_true (fw_exercise_session_add_span (s, FIND, 0, length));
  g_assert_true (fw_exercise_session_check (s, FIND));
  g_assert_cmpfloat (r->spans.recall, ==, 1.0);
  g_assert_cmpfloat (r->spans.precision, <, 0.5);
  g_assert_cmpuint (r->missed->len, ==, 0);
  g_assert_cmpuint (r->extra->len, ==, 1);
  g_assert_false (r->passed);
  described = fw_exercise_session_describe_score (s, FIND);
  g_assert_nonnull (strstr (described, "your marks cover every passage of the key"));
  g_assert_null (strstr (described, "precision"));
}

static void
test_reflect_words (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  guint min = fw_exercise_get_step (fw_exercise_session_get_exercise (s), REFLECT)->min_words;
  g_autoptr(GString) letters = g_string_new (NULL);
  g_autoptr(GString) same = g_string_new (NULL);

  g_assert_cmpuint (min, >, 2);
  for (guint i = 0; i < 4 * min; i++)
    g_string_append (letters, "a ");
  for (guint i = 0; i < 2 * min; i++)
    g_string_append (same, "word ");

  /* Single letters are not words; one word repeated is one different word. */
  g_assert_cmpuint (fw_exercise_session_count_words (s, letters->str), ==, 0);
  g_assert_cmpuint (fw_exercise_session_count_words (s, same->str), ==, 2 * min);
  g_assert_cmpuint (fw_exercise_session_count_distinct_words (s, same->str), ==, 1);
  g_assert_cmpuint (fw_exercise_session_count_distinct_words (s, "Word word WORD other"), ==, 2);
  g_assert_cmpuint (fw_exercise_session_get_min_distinct (s, REFLECT), ==, (min + 1) / 2);

  fw_exercise_session_set_text (s, REFLECT, letters->str);
  g_assert_false (fw_exercise_session_can_check (s, REFLECT));
  fw_exercise_session_set_text (s, REFLECT, same->str);
  g_assert_false (fw_exercise_session_can_check (s, REFLECT));
  fw_exercise_session_set_text (s, REFLECT, "Now it has — at last — seven words.");
  g_assert_true (fw_exercise_session_can_check (s, REFLECT));
}

static void
test_complete_needs_passes (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  guint n = fw_exercise_session_get_n_steps (s);
  g_autoptr(JsonNode) node = NULL;

  answer_everything (s);
  g_assert_true (fw_exercise_session_check (s, REFLECT));
  /* Every step checked, but the multiple choice and find-spans failed. */
  g_assert_cmpuint (fw_exercise_session_get_n_checked (s), ==, n);
  g_assert_false (fw_exercise_session_get_result (s, MULTIPLE)->passed);
  g_assert_cmpuint (fw_exercise_session_get_n_passed (s), ==, n - 2);
  g_assert_false (fw_exercise_session_is_complete (s));
  node = fw_exercise_session_to_json (s);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "complete"));
}

static void
test_option_order (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  guint n = fw_exercise_get_step (fw_exercise_session_get_exercise (s), MULTIPLE)->options->len;
  g_autoptr(GArray) first = fw_exercise_session_get_option_order (s, MULTIPLE, "Ana");
  g_autoptr(GArray) again = fw_exercise_session_get_option_order (s, MULTIPLE, "Ana");
  gboolean some_not_first = FALSE;

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (first->len, ==, n);
  g_assert_cmpmem (first->data, n * sizeof (guint), again->data, n * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n; j++)
        found |= g_array_index (first, guint, j) == i;
      g_assert_true (found);
    }

  /* Across students the first option is not always the pack's first. */
  for (guint k = 0; k < 20 && !some_not_first; k++)
    {
      g_autofree char *name = g_strdup_printf ("Student %u", k);
      g_autoptr(GArray) order = fw_exercise_session_get_option_order (s, MULTIPLE, name);

      some_not_first = g_array_index (order, guint, 0) != 0;
    }
  g_assert_true (some_not_first);
}

static void
test_file_name (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autoptr(FwExerciseSession) s = new_session (pack);
  g_autofree char *name = fw_exercise_session_suggest_file_name (s, "Ana <A/B>: \"x\"|?* . ",
                                                                 "json");
  const char *title = fw_exercise_get_title (fw_exercise_session_get_exercise (s));

  g_autofree char *tagged = fw_exercise_session_suggest_file_name (s, "-<b>Zoë</b> & Co-",
                                                                   "pdf");
  g_autofree char *empty = fw_exercise_session_suggest_file_name (s, "?*", "pdf");

  g_assert_true (g_str_has_prefix (name, "Ana A B x - "));
  g_assert_true (g_str_has_suffix (name, ".json"));
  g_assert_null (strpbrk (name, "<>:\"/\\|?*"));
  g_assert_nonnull (strstr (name, title));
  /* Letters of any script and inner punctuation kept; no leading dash. */
  g_assert_true (g_str_has_prefix (tagged, "b Zoë b & Co - "));
  g_assert_true (g_str_has_prefix (empty, "Mini pack for tests - "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exercise-session/read", test_read);
  g_test_add_func ("/exercise-session/choice", test_choice);
  g_test_add_func ("/exercise-session/find-spans", test_find_spans);
  g_test_add_func ("/exercise-session/classify-sentences", test_classify);
  g_test_add_func ("/exercise-session/compare-frames", test_compare);
  g_test_add_func ("/exercise-session/reflect", test_reflect);
  g_test_add_func ("/exercise-session/summary-and-json", test_summary_and_json);
  g_test_add_func ("/exercise-session/restore-mismatch", test_restore_mismatch);
  g_test_add_func ("/exercise-session/restore-current-step", test_restore_current_step);
  g_test_add_func ("/exercise-session/bundled-pack", test_bundled_pack);
  g_test_add_func ("/exercise-session/find-spans-rules", test_find_spans_rules);
  g_test_add_func ("/exercise-session/reflect-words", test_reflect_words);
  g_test_add_func ("/exercise-session/complete-needs-passes", test_complete_needs_passes);
  g_test_add_func ("/exercise-session/option-order", test_option_order);
  g_test_add_func ("/exercise-session/file-name", test_file_name);

  return g_test_run ();
}
