/* test-class-summary.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fw-class-summary.h"
#include "fw-pack-loader.h"
#include "fw-work-store.h"

#define CHOICE 1
#define FIND 3

static char *
hand_in (FwPack     *pack,
         const char *dir,
         const char *student,
         const FwSpan *spans,
         guint       n_spans,
         int         choice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkStore) store = fw_work_store_open (dir, pack, student, &error);
  FwExerciseSession *s;
  char *data;

  g_assert_no_error (error);
  s = fw_work_store_get_session (store, fw_pack_get_exercise (pack, 0));
  for (guint i = 0; i < n_spans; i++)
    fw_exercise_session_add_span (s, FIND, spans[i].start, spans[i].end);
  fw_exercise_session_check (s, FIND);
  if (choice >= 0)
    {
      fw_exercise_session_set_choice (s, CHOICE, 1u << choice);
      fw_exercise_session_check (s, CHOICE);
    }

  data = fw_work_store_to_data (store, NULL);
  g_unlink (fw_work_store_get_path (store));
  {
    g_autofree char *backup = g_strconcat (fw_work_store_get_path (store), ".bak", NULL);

    g_unlink (backup);
  }
  return data;
}

static const FwSummaryStep *
find_step (FwClassSummary *summary,
           guint           index)
{
  GPtrArray *steps = fw_class_summary_get_steps (summary);

  for (guint i = 0; i < steps->len; i++)
    if (((FwSummaryStep *) steps->pdata[i])->index == index)
      return steps->pdata[i];

  g_assert_not_reached ();
}

static void
test_three_hand_ins (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "data", "mini.fwpack", NULL);
  g_autoptr(GFile) pack_file = g_file_new_for_path (pack_path);
  g_autoptr(FwPack) pack = fw_pack_load_file (pack_file, NULL, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("fw-summary-XXXXXX", &error);
  g_autoptr(FwClassSummary) summary = fw_class_summary_new ();
  const FwSpan separatist[] = { { 4, 14 } };
  const FwSpan both[] = { { 4, 14 }, { 27, 31 } };
  const FwSpan regime[] = { { 15, 21 } };
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(GString) other = NULL;
  const FwSummaryStep *find, *choice, *read;
  const FwMissedSpan *first, *second;

  g_assert_no_error (error);
  /* A: F1 2/3, misses "sham", right choice. B: only "regime", outside the
   * key (an empty answer cannot be checked), F1 0, misses both, wrong
   * choice. C: both, F1 1, no choice checked. */
  a = hand_in (pack, dir, "Ana", separatist, 1, 0);
  b = hand_in (pack, dir, "Ben", regime, 1, 1);
  c = hand_in (pack, dir, "Cleo", both, 2, -1);

  g_assert_true (fw_class_summary_add_data (summary, a, strlen (a), &error));
  g_assert_true (fw_class_summary_add_data (summary, b, strlen (b), &error));
  g_assert_true (fw_class_summary_add_data (summary, c, strlen (c), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fw_class_summary_get_n_students (summary), ==, 3);
  g_assert_cmpstr (fw_class_summary_get_student (summary, 2), ==, "Cleo");
  g_assert_cmpstr (fw_class_summary_get_pack_title (summary), ==, "Mini pack for tests");
  g_assert_cmpuint (fw_class_summary_get_steps (summary)->len, ==, 7);

  find = find_step (summary, FIND);
  g_assert_cmpstr (find->kind, ==, "find-spans");
  g_assert_cmpuint (find->n_checked, ==, 3);
  g_assert_cmpfloat_with_epsilon (find->mean_score, (2.0 / 3.0 + 0.0 + 1.0) / 3.0, 1e-9);
  g_assert_cmpuint (find->missed->len, ==, 2);
  first = find->missed->pdata[0];
  second = find->missed->pdata[1];
  g_assert_cmpstr (first->text, ==, "sham");
  g_assert_cmpuint (first->count, ==, 2);
  g_assert_cmpstr (first->reason, ==, "Calls the vote fake without evidence.");
  g_assert_cmpstr (second->text, ==, "separatist");
  g_assert_cmpuint (second->count, ==, 1);

  choice = find_step (summary, CHOICE);
  g_assert_cmpuint (choice->n_checked, ==, 2);
  g_assert_cmpfloat_with_epsilon (choice->mean_score, 0.5, 1e-9);

  read = find_step (summary, 0);
  g_assert_cmpuint (read->n_checked, ==, 0);
  g_assert_cmpfloat (read->mean_score, <, 0.0);

  /* The same student twice, another pack, and a file that is not a
   * hand-in are refused and change nothing. */
  g_assert_false (fw_class_summary_add_data (summary, a, strlen (a), &error));
  g_assert_error (error, FW_CLASS_SUMMARY_ERROR, FW_CLASS_SUMMARY_ERROR_DUPLICATE);
  g_clear_error (&error);

  other = g_string_new (a);
  g_string_replace (other, "\"id\" : \"mini\"", "\"id\" : \"another\"", 1);
  g_string_replace (other, "\"Ana\"", "\"Dan\"", 1);
  g_assert_false (fw_class_summary_add_data (summary, other->str, other->len, &error));
  g_assert_error (error, FW_CLASS_SUMMARY_ERROR, FW_CLASS_SUMMARY_ERROR_OTHER_PACK);
  g_clear_error (&error);

  g_assert_false (fw_class_summary_add_data (summary, "{\"a\": 1}", 8, &error));
  g_assert_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED);
  g_assert_cmpuint (fw_class_summary_get_n_students (summary), ==, 3);
  g_assert_cmpuint (find->n_checked, ==, 3);

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/class-summary/three-hand-ins", test_three_hand_ins);

  return g_test_run ();
}
