/* test-file-dialogs.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The file dialogs of the baseline (GTK 4.8: GtkFileChooserNative through
 * fw-compat.c), driven end to end the way a person's choice ends them: the
 * file set on the chooser the window shows, then the Accept response.
 * Open (Ctrl+O) opens the pack, Export writes the hand-in, "Open Hand-Ins"
 * shows the class summary, and a hand-in that cannot be written says so.
 * GTK 4.10 and later show a GtkFileDialog, which cannot be driven from
 * here: the tests are skipped there. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fw-class-summary-window.h"
#include "fw-compat.h"
#include "fw-exercise-page-private.h"
#include "fw-test-ui.h"
#include "fw-window.h"

static gboolean
skip_without_chooser (void)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_test_skip ("GTK 4.10 and later show a GtkFileDialog, which a test cannot answer");
  return TRUE;
#else
  return FALSE;
#endif
}

/* The chooser takes @file once it has read the file's folder. */
static void
wait_for_choice (GtkFileChooser *chooser,
                 GFile          *file)
{
  /* Not blocking: the folder may be read before the first wait. */
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (chooser);
      g_autoptr(GFile) chosen = g_list_model_get_n_items (files) > 0
                                ? g_list_model_get_item (files, 0) : NULL;

      if (chosen != NULL && g_file_equal (chosen, file))
        return;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_not_reached ();
}

/* Sets @file as the person's choice: a file to open is selected in its
 * folder, a file to save is a folder and a name. */
static void
set_choice (GtkFileChooser *chooser,
            GFile          *file)
{
  g_autoptr(GError) error = NULL;

  if (gtk_file_chooser_get_action (chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    {
      g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
    }
  g_assert_no_error (error);
  wait_for_choice (chooser, file);
}

/* Chooses @file in the chooser shown over @window and accepts it. */
static void
choose (FwWindow *window,
        GFile    *file)
{
  GtkFileChooser *chooser = fw_compat_file_chooser_find (GTK_WINDOW (window));

  g_assert_nonnull (chooser);
  set_choice (chooser, file);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  fw_test_spin ();
  g_assert_null (fw_compat_file_chooser_find (GTK_WINDOW (window)));
}

static void
test_open (void)
{
  FwWindow *window;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "valid-base.fwpack", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (skip_without_chooser ())
    return;

  window = g_object_new (FW_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  fw_test_spin ();
  choose (window, file);
  while (fw_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (fw_pack_get_title (fw_window_get_pack (window)), ==, "Base pack");
  g_assert_true (g_file_equal (fw_window_get_file (window), file));

  /* Cancelling opens nothing and changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  fw_test_spin ();
  g_signal_emit_by_name (fw_compat_file_chooser_find (GTK_WINDOW (window)), "response",
                         GTK_RESPONSE_CANCEL);
  fw_test_spin ();
  g_assert_true (g_file_equal (fw_window_get_file (window), file));

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

/* Starts exercise 0 of the bundled pack as @student. */
static FwExercisePage *
start_exercise (FwWindow   *window,
                const char *student)
{
  FwExercisePage *page = fw_window_get_exercise_page (window);

  fw_window_show_exercise (window, 0);
  fw_test_spin ();
  gtk_editable_set_text (GTK_EDITABLE (page->name_entry), student);
  g_signal_emit_by_name (page->name_entry, "activate");
  fw_test_spin ();
  g_assert_nonnull (fw_exercise_page_get_session (page));
  return page;
}

static void
test_export_and_class_summary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-dialogs-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "hand-in.json", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  FwWindow *window;
  FwExercisePage *page;
  GListModel *toplevels;
  GtkWidget *summary = NULL;

  if (skip_without_chooser ())
    return;

  window = g_object_new (FW_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  page = start_exercise (window, "Dialog Student");

  /* The test's home folder (isolated by GLib) exists, as a person's does. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.export-json", NULL));
  fw_test_spin ();
  /* The chooser starts in Documents, or the home folder without one, not
   * in the folder the program was started from. */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) expected = g_file_new_for_path (documents != NULL
                                                     && g_file_test (documents,
                                                                     G_FILE_TEST_IS_DIR)
                                                     ? documents : g_get_home_dir ());
    g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (
      fw_compat_file_chooser_find (GTK_WINDOW (window)));

    g_assert_nonnull (folder);
    g_assert_true (g_file_equal (folder, expected));
  }
  choose (window, json_file);
  g_assert_true (g_file_get_contents (json_path, &contents, &length, NULL));
  fw_test_assert_contains (contents, "Dialog Student");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.export-pdf", NULL));
  fw_test_spin ();
  choose (window, pdf_file);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_null (fw_compat_alert_find (GTK_WINDOW (window)));

  /* The hand-in just written opens in the class summary. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.class-summary", NULL));
  fw_test_spin ();
  choose (window, json_file);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (FW_IS_CLASS_SUMMARY_WINDOW (toplevel))
        summary = toplevel;
    }
  g_assert_nonnull (summary);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (summary)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (summary));

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  g_unlink (json_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
}

static void
test_export_failure_is_shown (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-dialogs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hand-in.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FwWindow *window;
  FwExercisePage *page;
  GtkWidget *alert;

  if (skip_without_chooser ())
    return;

  window = g_object_new (FW_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  page = start_exercise (window, "Dialog Student");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.export-json", NULL));
  fw_test_spin ();
  /* The folder goes away after it was chosen: the write fails. */
  choose (window, file);
  g_remove (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.export-json", NULL));
  fw_test_spin ();
  {
    GtkFileChooser *chooser = fw_compat_file_chooser_find (GTK_WINDOW (window));

    set_choice (chooser, file);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
    g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
    fw_test_spin ();
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  alert = fw_compat_alert_find (GTK_WINDOW (window));
  g_assert_nonnull (alert);
  fw_compat_alert_respond (alert, "close");
  fw_test_spin ();

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  fw_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/file-dialogs/open", test_open);
  g_test_add_func ("/file-dialogs/export-and-class-summary", test_export_and_class_summary);
  g_test_add_func ("/file-dialogs/export-failure-is-shown", test_export_failure_is_shown);

  return g_test_run ();
}
