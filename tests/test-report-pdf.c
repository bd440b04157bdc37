/* test-report-pdf.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fw-pack-loader.h"
#include "fw-report-pdf.h"
#include "fw-work-store.h"

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "data", "mini.fwpack", NULL);
  g_autoptr(GFile) pack_file = g_file_new_for_path (pack_path);
  g_autoptr(FwPack) pack = fw_pack_load_file (pack_file, NULL, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("fw-report-XXXXXX", &error);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(FwWorkStore) store = NULL;
  g_autoptr(JsonNode) work = NULL;
  g_autoptr(GString) reflection = g_string_new ("Zanzibar mangoes are my evidence. ");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages_line = NULL;
  FwExerciseSession *s;
  gsize length;
  guint64 pages = 0;

  g_assert_no_error (error);
  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    g_assert_nonnull (pdftotext);
  }

  store = fw_work_store_open (dir, pack, "Ada Lovelace", &error);
  g_assert_no_error (error);
  s = fw_work_store_get_session (store, fw_pack_get_exercise (pack, 0));
  fw_exercise_session_check (s, 0);
  fw_exercise_session_set_choice (s, 1, 0x1);
  fw_exercise_session_check (s, 1);
  fw_exercise_session_add_span (s, 3, 4, 14);
  fw_exercise_session_check (s, 3);
  /* Long enough to need several pages. */
  for (guint i = 0; i < 400; i++)
    g_string_append (reflection, "Another sentence of the reflection goes here. ");
  g_string_append (reflection, "Final words of Kilimanjaro.");
  fw_exercise_session_set_text (s, 6, reflection->str);
  fw_exercise_session_check (s, 6);

  work = fw_work_store_to_json (store);
  g_assert_true (fw_report_pdf_write (json_node_get_object (work), pdf, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* A complete PDF ends with its end-of-file marker. */
  {
    g_autofree char *tail = g_strndup (contents + length - 16, 16);

    g_assert_nonnull (strstr (tail, "%%EOF"));
  }

  text = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL });
  g_assert_nonnull (strstr (text, "Student: Ada Lovelace"));
  g_assert_nonnull (strstr (text, "Lesson pack: Mini pack for tests"));
  g_assert_nonnull (strstr (text, "Every kind of step"));
  g_assert_nonnull (strstr (text, "Chose: Right"));
  g_assert_nonnull (strstr (text, "Marked: “separatist”"));
  g_assert_nonnull (strstr (text, "Missed: “sham” — Calls the vote fake without evidence."));
  g_assert_nonnull (strstr (text, "Zanzibar mangoes are my evidence."));
  g_assert_nonnull (strstr (text, "Kilimanjaro"));
  g_assert_nonnull (strstr (text, "F1 67%"));

  info = run ((const char *[]) { "pdfinfo", pdf_path, NULL });
  pages_line = g_strdup (strstr (info, "Pages:"));
  g_assert_nonnull (pages_line);
  g_assert_true (g_ascii_string_to_unsigned (g_strstrip (strchr (g_strdelimit (pages_line, "\n",
                                                                               '\0'), ':') + 1),
                                             10, 1, 1000, &pages, NULL));
  g_assert_cmpuint (pages, >=, 3);
  g_test_message ("%" G_GUINT64_FORMAT " pages, %" G_GSIZE_FORMAT " bytes", pages, length);

  g_unlink (pdf_path);
  g_unlink (fw_work_store_get_path (store));
  {
    g_autofree char *backup = g_strconcat (fw_work_store_get_path (store), ".bak", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/report.pdf");
  g_autoptr(JsonNode) work = json_from_string ("{\"student\": \"A\", \"exercises\": []}", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (fw_report_pdf_write (json_node_get_object (work), file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-pdf/report", test_report);
  g_test_add_func ("/report-pdf/unwritable", test_unwritable);

  return g_test_run ();
}
