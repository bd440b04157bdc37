/* test-open-packs.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every way a pack reaches the window: the command line (through
 * g_application_run, as `framewise FILE…` does), the library page, a drop
 * of files on the window, the recent list and "Add to Library". Runs in
 * isolated XDG directories, so the library starts empty. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fw-pack-library.h"
#include "fw-test-ui.h"
#include "fw-pack-loader.h"
#include "fw-window.h"
#include "fw-window-private.h"

static void
wait_for_load (FwWindow *window)
{
  while (fw_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_library (FwLibraryPage *page)
{
  while (fw_library_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
}

static char *
test_pack_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "packs", name, NULL);
}

static FwApplication *
new_application (void)
{
  static guint n;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++n);

  /* Each test has an application of its own (an application's D-Bus
   * object stays exported as long as the process lives), and tests run
   * side by side: no single instance on the session bus. */
  return g_object_new (FW_TYPE_APPLICATION,
                       "application-id", id,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

static void
close_windows (FwApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

typedef struct
{
  guint n_loaded;
  guint n_expected;
  GPtrArray *titles;
} CommandLine;

static void
load_finished_cb (FwWindow    *window,
                  gboolean     success,
                  CommandLine *run)
{
  FwPack *pack = fw_window_get_pack (window);

  g_assert_true (success);
  g_ptr_array_add (run->titles, g_strdup (fw_pack_get_title (pack)));
  if (++run->n_loaded == run->n_expected)
    g_application_quit (g_application_get_default ());
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 CommandLine    *run)
{
  g_signal_connect (window, "load-finished", G_CALLBACK (load_finished_cb), run);
}

static void
test_open_command_line (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *first = test_pack_path ("valid-base.fwpack");
  g_autofree char *second = test_pack_path ("hostile-text.fwpack");
  char *argv[] = { (char *) "framewise", first, second, NULL };
  CommandLine run = { 0, 2, g_ptr_array_new_with_free_func (g_free) };
  int status;

  /* `framewise FILE FILE`: the first pack in the first window, the second
   * in a window of its own. */
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &run);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (run.n_loaded, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (run.titles, "Base pack", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (run.titles, "<b>Bold</b> &amp; \u202Eevil",
                                                   g_str_equal, NULL));
  g_ptr_array_unref (run.titles);
  close_windows (app);
}

static void
test_open_command_line_validate (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *broken = test_pack_path ("broken/bad-date.fwpack");
  char *argv[] = { (char *) "framewise", (char *) "--validate", broken, NULL };

  /* --validate runs in the calling process and opens no window. */
  g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, 1);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static FwWindow *
new_window (FwApplication *app)
{
  g_autoptr(GError) error = NULL;
  FwWindow *window;

  if (!g_application_get_is_registered (G_APPLICATION (app)))
    {
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  window = fw_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_open_library_page (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *user_dir = fw_pack_library_dup_user_dir ();
  g_autofree char *source = test_pack_path ("valid-base.fwpack");
  g_autofree char *target = g_build_filename (user_dir, "base.fwpack", NULL);
  g_autofree char *contents = NULL;
  FwWindow *window = new_window (app);
  FwLibraryPage *page = fw_window_get_library_page (window);
  GPtrArray *entries;
  gint user_index = -1;
  gint bundled_index = -1;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, -1, NULL));

  fw_window_show_library (window);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "library");
  wait_for_library (page);

  entries = fw_library_page_get_entries (page);
  for (guint i = 0; i < entries->len; i++)
    {
      const FwPackLibraryEntry *e = g_ptr_array_index (entries, i);

      if (e->location == FW_PACK_LOCATION_USER)
        user_index = (gint) i;
      if (e->location == FW_PACK_LOCATION_BUNDLED)
        bundled_index = (gint) i;
    }
  g_assert_cmpint (user_index, >=, 0);
  g_assert_cmpint (bundled_index, >, user_index);
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (fw_library_page_get_row (page, (guint) user_index))),
                   ==, "Base pack");

  /* Activating the row opens the pack and leaves the library. */
  gtk_widget_activate (fw_library_page_get_row (page, (guint) user_index));
  wait_for_load (window);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "pack");
  g_assert_cmpstr (fw_pack_get_title (fw_window_get_pack (window)), ==, "Base pack");
  g_assert_cmpstr (g_file_peek_path (fw_window_get_file (window)), ==, target);

  /* The bundled pack opens from its row too. */
  fw_window_show_library (window);
  wait_for_library (page);
  gtk_widget_activate (fw_library_page_get_row (page, (guint) bundled_index));
  g_assert_null (fw_window_get_file (window));
  g_assert_cmpstr (fw_pack_get_id (fw_window_get_pack (window)), ==, "karabakh-poland");

  g_unlink (target);
  close_windows (app);
}

static void
test_open_drop (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *first = test_pack_path ("valid-base.fwpack");
  g_autofree char *second = test_pack_path ("broken/bad-date.fwpack");
  GSList *list = NULL;
  GdkFileList *files;
  FwWindow *window = new_window (app);
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GList *windows;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (gtk_drop_target_get_gtypes (target, NULL)[0], GDK_TYPE_FILE_LIST));

  /* Dropping two files: the first opens here, the second in a new window
   * (where it shows its problems). */
  list = g_slist_append (list, g_file_new_for_path (first));
  list = g_slist_append (list, g_file_new_for_path (second));
  files = gdk_file_list_new_from_list (list);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free_full (list, g_object_unref);
  g_assert_true (accepted);

  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  for (GList *l = windows; l != NULL; l = l->next)
    wait_for_load (l->data);

  g_assert_cmpstr (fw_pack_get_title (fw_window_get_pack (window)), ==, "Base pack");
  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != window)
      g_assert_cmpstr (fw_window_get_visible_page (l->data), ==, "invalid");

  close_windows (app);
}

static void
test_open_recent_and_add (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *dir = g_dir_make_tmp ("fw-open-XXXXXX", NULL);
  g_autofree char *source = test_pack_path ("valid-base.fwpack");
  g_autofree char *path = g_build_filename (dir, "from-usb.fwpack", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *user_dir = fw_pack_library_dup_user_dir ();
  g_autofree char *copy = g_build_filename (user_dir, "broken-base.fwpack", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) recent = NULL;
  FwWindow *window = new_window (app);

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);

  /* The bundled pack has no file to add. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-library", NULL)
                  && g_file_test (copy, G_FILE_TEST_EXISTS));

  fw_window_open_file (window, file);
  wait_for_load (window);
  recent = g_settings_get_strv (settings, "recent-packs");
  g_assert_cmpstr (recent[0], ==, uri);

  /* The file then changes on the stick; the library gets what was
   * validated. */
  g_assert_true (g_file_set_contents (path, "changed", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-library", NULL));
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copy, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"framewise-pack\""));
  g_assert_cmpstr (g_file_peek_path (fw_window_get_file (window)), ==, copy);

  g_unlink (path);
  g_unlink (copy);
  g_rmdir (dir);
  close_windows (app);
}

/* While the page of a broken pack shows, the window's subtitle names the
 * broken file, not the pack shown before; back at that pack, its title. */
static void
test_open_invalid_subtitle (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *valid = test_pack_path ("valid-base.fwpack");
  g_autofree char *broken = test_pack_path ("quote-not-found.fwpack");
  g_autoptr(GFile) valid_file = g_file_new_for_path (valid);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  FwWindow *window = new_window (app);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (fw_test_find_descendant (GTK_WIDGET (window),
                                                                      ADW_TYPE_WINDOW_TITLE));

  fw_window_open_file (window, valid_file);
  wait_for_load (window);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Base pack");

  fw_window_open_file (window, broken_file);
  wait_for_load (window);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "invalid");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "quote-not-found.fwpack");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pack", NULL));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Base pack");

  close_windows (app);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        g_ptr_array_add (rows, child);
      collect_rows (child, rows);
    }
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      collect_buttons (child, buttons);
    }
}

/* The rows of the problems shown for a pack that cannot be opened. */
static GPtrArray *
problem_rows (FwWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *page = fw_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);

  while (page != NULL
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (page)),
                       "This Lesson Pack Cannot Be Opened") != 0)
    page = fw_test_find_descendant (gtk_widget_get_next_sibling (page), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  collect_rows (page, rows);

  return rows;
}

/* The status page that lists a pack's problems. */
static AdwStatusPage *
problem_page (FwWindow *window)
{
  g_autoptr(GPtrArray) rows = problem_rows (window);
  GtkWidget *w = g_ptr_array_index (rows, 0);

  while (w != NULL && !ADW_IS_STATUS_PAGE (w))
    w = gtk_widget_get_parent (w);
  g_assert_nonnull (w);
  return ADW_STATUS_PAGE (w);
}

/* A problem with the whole file has no field to point at: its row says
 * the line when the file has one, and no meaningless "/". */
static void
test_open_invalid_whole_file (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *dir = g_dir_make_tmp ("fw-open-XXXXXX", NULL);
  g_autofree char *not_json = test_pack_path ("not-json.fwpack");
  g_autofree char *first_message = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) syntax = g_file_new_for_path (not_json);
  g_autoptr(GPtrArray) rows = NULL;
  FwWindow *window = new_window (app);
  AdwActionRow *row;

  /* A folder: one problem, and nothing to say where. */
  fw_window_open_file (window, folder);
  wait_for_load (window);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "invalid");
  rows = problem_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  first_message = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  fw_test_assert_contains (first_message, "folder");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Broken JSON: the line and column, and no field. */
  fw_window_open_file (window, syntax);
  wait_for_load (window);
  rows = problem_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Line 11, column 44");

  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A file that is not there: a plain sentence, and the system's own
   * words under it. */
  {
    g_autofree char *gone_path = g_build_filename (dir, "gone.fwpack", NULL);
    g_autoptr(GFile) gone = g_file_new_for_path (gone_path);

    fw_window_open_file (window, gone);
    wait_for_load (window);
    rows = problem_rows (window);
    g_assert_cmpuint (rows->len, ==, 1);
    row = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "The file could not be read: it does not exist");
    fw_test_assert_contains (adw_action_row_get_subtitle (row), "gone.fwpack");
    fw_test_assert_contains (adw_status_page_get_description (problem_page (window)),
                             "gone.fwpack");
  }

  g_rmdir (dir);
  close_windows (app);
}

/* A pack in the library that cannot be opened opens to the list of all
 * its problems, with a way back to the library. */
static void
test_open_library_broken (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *user_dir = fw_pack_library_dup_user_dir ();
  g_autofree char *source = test_pack_path ("broken/duplicate-piece-id.fwpack");
  g_autofree char *target = g_build_filename (user_dir, "duplicates.fwpack", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FwWindow *window = new_window (app);
  FwLibraryPage *page = fw_window_get_library_page (window);
  const FwPackLibraryEntry *broken = NULL;
  GtkWidget *back = NULL;
  GPtrArray *entries;
  guint broken_index = 0;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, -1, NULL));

  fw_window_show_library (window);
  wait_for_library (page);
  entries = fw_library_page_get_entries (page);
  for (guint i = 0; i < entries->len && broken == NULL; i++)
    {
      const FwPackLibraryEntry *e = g_ptr_array_index (entries, i);

      if (e->location == FW_PACK_LOCATION_USER)
        {
          broken = e;
          broken_index = i;
        }
    }
  g_assert_nonnull (broken);
  g_assert_null (broken->title);
  g_assert_cmpuint (broken->n_errors, >, 1);
  g_assert_true (gtk_list_box_row_get_activatable (
                   GTK_LIST_BOX_ROW (fw_library_page_get_row (page, broken_index))));

  /* Its row shows every problem, not only their count. */
  g_assert_true (gtk_widget_activate (fw_library_page_get_row (page, broken_index)));
  wait_for_load (window);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "invalid");
  rows = problem_rows (window);
  g_assert_cmpuint (rows->len, ==, broken->n_errors + broken->n_warnings);

  /* A button goes back to the library. */
  for (GtkWidget *w = g_ptr_array_index (rows, 0); w != NULL && back == NULL;
       w = gtk_widget_get_parent (w))
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      collect_buttons (w, buttons);
      for (guint i = 0; i < buttons->len && back == NULL; i++)
        if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)),
                       "Back to the Library") == 0)
          back = g_ptr_array_index (buttons, i);
    }
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (back));
  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "library");
  wait_for_library (page);

  /* Opened otherwise, the same pack offers no way to a library it did not
   * come from. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (target);

    fw_window_open_file (window, file);
    wait_for_load (window);
    g_assert_cmpstr (fw_window_get_visible_page (window), ==, "invalid");
    g_assert_false (gtk_widget_get_visible (back));
  }

  g_unlink (target);
  close_windows (app);
}

/* A bundled pack that does not load shows the same problem page as any
 * other pack, not an empty window. */
static void
test_open_bundled_failure (void)
{
  g_autoptr(FwApplication) app = new_application ();
  g_autofree char *source = test_pack_path ("broken/duplicate-piece-id.fwpack");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GError) missing = NULL;
  g_autoptr(FwPack) pack = NULL;
  FwWindow *window = new_window (app);
  gsize length;

  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "pack");

  /* Contents that do not check: every problem is listed, with the
   * count. */
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  pack = fw_pack_load_bytes (bytes, &diagnostics, &invalid);
  g_assert_null (pack);
  g_assert_error (invalid, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  fw_window_show_bundled_failure (window, bytes, invalid);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "invalid");
  rows = problem_rows (window);
  g_assert_cmpuint (rows->len, ==, diagnostics->len);
  g_assert_cmpuint (rows->len, >, 1);
  fw_test_assert_contains (adw_status_page_get_description (problem_page (window)),
                           invalid->message);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* No contents at all: the error is the one problem. */
  g_set_error_literal (&missing, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND,
                       "The resource is not there");
  fw_window_show_bundled_failure (window, NULL, missing);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "invalid");
  rows = problem_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "The resource is not there");

  close_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  fw_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/open-packs/command-line", test_open_command_line);
  g_test_add_func ("/open-packs/command-line-validate", test_open_command_line_validate);
  g_test_add_func ("/open-packs/library-page", test_open_library_page);
  g_test_add_func ("/open-packs/drop", test_open_drop);
  g_test_add_func ("/open-packs/recent-and-add", test_open_recent_and_add);
  g_test_add_func ("/open-packs/invalid-subtitle", test_open_invalid_subtitle);
  g_test_add_func ("/open-packs/invalid-whole-file", test_open_invalid_whole_file);
  g_test_add_func ("/open-packs/library-broken", test_open_library_broken);
  g_test_add_func ("/open-packs/bundled-failure", test_open_bundled_failure);

  return g_test_run ();
}
