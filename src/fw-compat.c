/* fw-compat.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* This file alone is built against the installed GTK, libadwaita and GLib
 * rather than the baseline: it may use any API they have, and it is warned
 * about anything they deprecate. Everything else keeps the baseline fences
 * of meson.build, so new API used anywhere else still fails the build.
 * Each use of newer API sits behind GTK_CHECK_VERSION or ADW_CHECK_VERSION
 * with the baseline's way in the #else branch, so the baseline build
 * compiles exactly the baseline code. */
#undef GLIB_VERSION_MIN_REQUIRED
#undef GLIB_VERSION_MAX_ALLOWED
#undef GDK_VERSION_MIN_REQUIRED
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MIN_REQUIRED
#undef ADW_VERSION_MAX_ALLOWED
#define GLIB_VERSION_MIN_REQUIRED GLIB_VERSION_CUR_STABLE
#define GLIB_VERSION_MAX_ALLOWED GLIB_VERSION_CUR_STABLE
#define GDK_VERSION_MIN_REQUIRED GDK_VERSION_CUR_STABLE
#define GDK_VERSION_MAX_ALLOWED GDK_VERSION_CUR_STABLE
#define ADW_VERSION_MIN_REQUIRED ADW_ENCODE_VERSION (ADW_MAJOR_VERSION, ADW_MINOR_VERSION, 0)
#define ADW_VERSION_MAX_ALLOWED ADW_ENCODE_VERSION (ADW_MAJOR_VERSION, ADW_MINOR_VERSION, 0)

#include "config.h"

#include <glib/gi18n.h>

#include "fw-compat.h"

/* GtkFileDialog replaces GtkFileChooserNative in GTK 4.10; AdwAlertDialog
 * and AdwAboutDialog replace AdwMessageDialog and AdwAboutWindow in
 * libadwaita 1.5 (deprecated in 1.6); gtk_widget_compute_point() replaces
 * gtk_widget_translate_coordinates() in GTK 4.12; gtk_widget_get_color()
 * replaces gtk_style_context_get_color() in GTK 4.10. */
#define FW_HAVE_FILE_DIALOG GTK_CHECK_VERSION (4, 10, 0)
#define FW_HAVE_ADW_DIALOG ADW_CHECK_VERSION (1, 5, 0)

/* File dialogs ---------------------------------------------------------- */

#if FW_HAVE_FILE_DIALOG

static GtkFileDialog *
file_dialog_new (const char *title,
                 GListModel *filters)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filters != NULL && g_list_model_get_n_items (filters) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

      gtk_file_dialog_set_filters (dialog, filters);
      gtk_file_dialog_set_default_filter (dialog, first);
    }

  return dialog;
}

static void
open_one_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  GListStore *files;

  if (file == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  files = g_list_store_new (G_TYPE_FILE);
  g_list_store_append (files, file);
  g_task_return_pointer (task, files, g_object_unref);
}

static void
open_many_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GListModel *files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result,
                                                            &error);

  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, files, g_object_unref);
}

static void
save_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

#else

static void
add_filters (GtkFileChooser *chooser,
             GListModel     *filters)
{
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (chooser, filter);
    }
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response != GTK_RESPONSE_ACCEPT)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("No file was chosen"));
  else if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    g_task_return_pointer (task, gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native)),
                           g_object_unref);

  /* The dialog is gone: tests no longer find it over its window. */
  if (g_task_get_source_object (task) != NULL)
    g_object_set_data (g_task_get_source_object (task), "fw-file-chooser", NULL);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* Creates the baseline's file chooser for @task, with its filters and its
 * response handled; the caller sets what is particular to it and shows it.
 * The chooser is also left on @parent for tests to find. */
static GtkFileChooserNative *
native_chooser_new (GTask                *task,
                    GtkWindow            *parent,
                    const char           *title,
                    GtkFileChooserAction  action,
                    const char           *accept_label,
                    GListModel           *filters)
{
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, parent, action,
                                                              accept_label, _("_Cancel"));

  add_filters (GTK_FILE_CHOOSER (native), filters);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), task);
  if (parent != NULL)
    g_object_set_data (G_OBJECT (parent), "fw-file-chooser", native);

  return native;
}

#endif

/* Whether @result is the task of @source_tag. The task's source object is
 * the dialog's parent window, which the callback receives as its source;
 * g_task_is_valid() is given that same object, since it checks that the
 * source objects match. */
static gboolean
is_task_of (GAsyncResult *result,
            gpointer      source_tag)
{
  return G_IS_TASK (result)
         && g_task_is_valid (result, g_task_get_source_object (G_TASK (result)))
         && g_task_get_source_tag (G_TASK (result)) == source_tag;
}

/**
 * fw_compat_open_files:
 * @parent: (nullable): the window the dialog belongs to
 * @title: the dialog's title
 * @filters: (nullable) (element-type GtkFileFilter): the file filters
 *   offered, the first one chosen at first
 * @multiple: whether more than one file may be chosen
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the person has chosen or cancelled
 * @user_data: data for @callback
 *
 * Asks for one or more files to open, through the desktop's file chooser
 * portal where there is one (GtkFileDialog from GTK 4.10,
 * GtkFileChooserNative before). Finish with fw_compat_open_files_finish().
 */
void
fw_compat_open_files (GtkWindow           *parent,
                      const char          *title,
                      GListModel          *filters,
                      gboolean             multiple,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, fw_compat_open_files);

#if FW_HAVE_FILE_DIALOG
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, filters);

    gtk_file_dialog_set_accept_label (dialog, _("_Open"));
    if (multiple)
      gtk_file_dialog_open_multiple (dialog, parent, cancellable, open_many_ready_cb, task);
    else
      gtk_file_dialog_open (dialog, parent, cancellable, open_one_ready_cb, task);
  }
#else
  {
    GtkFileChooserNative *native = native_chooser_new (task, parent, title,
                                                       GTK_FILE_CHOOSER_ACTION_OPEN,
                                                       _("_Open"), filters);

    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), multiple);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * fw_compat_open_files_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable) (element-type GFile): the files
 *   chosen, or %NULL with @error set: %G_IO_ERROR_CANCELLED (or GTK's
 *   %GTK_DIALOG_ERROR_DISMISSED) when the person cancelled
 */
GListModel *
fw_compat_open_files_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (is_task_of (result, fw_compat_open_files), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fw_compat_save_file:
 * @parent: (nullable): the window the dialog belongs to
 * @title: the dialog's title
 * @accept_label: the label of the button that saves, with a mnemonic
 * @initial_name: (nullable): the file name suggested
 * @filters: (nullable) (element-type GtkFileFilter): the file filters
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the person has chosen or cancelled
 * @user_data: data for @callback
 *
 * Asks where to save a file, starting in the person's Documents folder (or
 * their home folder when there is none), not in whatever folder Framewise
 * was started from. Finish with fw_compat_save_file_finish().
 */
void
fw_compat_save_file (GtkWindow           *parent,
                     const char          *title,
                     const char          *accept_label,
                     const char          *initial_name,
                     GListModel          *filters,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = g_file_new_for_path (documents != NULL
                                                 && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                 ? documents : g_get_home_dir ());

  g_task_set_source_tag (task, fw_compat_save_file);

#if FW_HAVE_FILE_DIALOG
  {
    g_autoptr(GtkFileDialog) dialog = file_dialog_new (title, filters);

    gtk_file_dialog_set_accept_label (dialog, accept_label);
    gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_set_initial_name (dialog, initial_name);
    gtk_file_dialog_save (dialog, parent, cancellable, save_ready_cb, task);
  }
#else
  {
    GtkFileChooserNative *native = native_chooser_new (task, parent, title,
                                                       GTK_FILE_CHOOSER_ACTION_SAVE,
                                                       accept_label, filters);

    /* A folder that cannot be set leaves GTK's own choice. */
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    if (initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * fw_compat_save_file_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the file to save to, or %NULL with
 *   @error set as for fw_compat_open_files_finish()
 */
GFile *
fw_compat_save_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (is_task_of (result, fw_compat_save_file), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fw_compat_file_error_is_cancel:
 * @error: an error from fw_compat_open_files_finish() or
 *   fw_compat_save_file_finish()
 *
 * Returns: whether @error only says that the person cancelled or
 *   dismissed the dialog (%G_IO_ERROR_CANCELLED, or GTK's
 *   %GTK_DIALOG_ERROR_CANCELLED and %GTK_DIALOG_ERROR_DISMISSED from GTK
 *   4.10), which is no failure to report
 */
gboolean
fw_compat_file_error_is_cancel (const GError *error)
{
#if FW_HAVE_FILE_DIALOG
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED)
      || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return TRUE;
#endif
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/**
 * fw_compat_file_chooser_find:
 * @parent: the window given to fw_compat_open_files() or
 *   fw_compat_save_file()
 *
 * Finds the file chooser shown over @parent on GTK before 4.10, where it
 * is a #GtkFileChooserNative. A test sets its file with
 * gtk_file_chooser_set_file() and emits #GtkNativeDialog::response with
 * %GTK_RESPONSE_ACCEPT, as the person's choice does. GtkFileDialog, from
 * GTK 4.10, has no such object. For tests.
 *
 * Returns: (transfer none) (nullable): the file chooser, or %NULL when
 *   none is shown or GTK has GtkFileDialog
 */
GtkFileChooser *
fw_compat_file_chooser_find (GtkWindow *parent)
{
#if FW_HAVE_FILE_DIALOG
  (void) parent;
  return NULL;
#else
  gpointer native = g_object_get_data (G_OBJECT (parent), "fw-file-chooser");

  return native != NULL ? GTK_FILE_CHOOSER (native) : NULL;
#endif
}

/* Alerts ---------------------------------------------------------------- */

/**
 * fw_compat_alert_new:
 * @heading: the question or what happened, in title case
 * @body: (nullable): what it means and what to do
 *
 * Creates an alert: an #AdwAlertDialog from libadwaita 1.5, an
 * #AdwMessageDialog before. Both emit #AdwAlertDialog::response /
 * #AdwMessageDialog::response with the response id as a string. Show it
 * with fw_compat_present().
 *
 * Returns: (transfer floating): the alert
 */
GtkWidget *
fw_compat_alert_new (const char *heading,
                     const char *body)
{
#if FW_HAVE_ADW_DIALOG
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

/**
 * fw_compat_alert_add_response:
 * @alert: an alert from fw_compat_alert_new()
 * @id: the response id
 * @label: the button's label, with a mnemonic
 * @destructive: whether the response destroys something, shown in red
 *
 * Adds a response. The first response added is the default one, taken
 * when Enter is pressed.
 */
void
fw_compat_alert_add_response (GtkWidget  *alert,
                              const char *id,
                              const char *label,
                              gboolean    destructive)
{
  gboolean first = g_object_get_data (G_OBJECT (alert), "fw-has-response") == NULL;

  g_object_set_data (G_OBJECT (alert), "fw-has-response", GINT_TO_POINTER (TRUE));
#if FW_HAVE_ADW_DIALOG
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), id, label);
  if (destructive)
    adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), id,
                                              ADW_RESPONSE_DESTRUCTIVE);
  if (first)
    adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), id, label);
  if (destructive)
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), id,
                                                ADW_RESPONSE_DESTRUCTIVE);
  if (first)
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

/**
 * fw_compat_alert_set_close_response:
 * @alert: an alert from fw_compat_alert_new()
 * @id: the response id that Escape and closing give
 */
void
fw_compat_alert_set_close_response (GtkWidget  *alert,
                                    const char *id)
{
#if FW_HAVE_ADW_DIALOG
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

/**
 * fw_compat_alert_respond:
 * @alert: an alert from fw_compat_alert_new()
 * @id: a response id
 *
 * Gives the response @id and closes the alert, as a click on its button
 * does. For tests.
 */
void
fw_compat_alert_respond (GtkWidget  *alert,
                         const char *id)
{
#if FW_HAVE_ADW_DIALOG
  g_object_ref (alert);
  g_signal_emit_by_name (alert, "response", id);
  adw_dialog_force_close (ADW_DIALOG (alert));
  g_object_unref (alert);
#else
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (alert), id);
  gtk_window_close (GTK_WINDOW (alert));
#endif
}

/**
 * fw_compat_alert_find:
 * @window: a window
 *
 * Returns: (transfer none) (nullable): the alert shown over @window, if
 *   any. For tests.
 */
GtkWidget *
fw_compat_alert_find (GtkWindow *window)
{
#if FW_HAVE_ADW_DIALOG
  AdwDialog *dialog = NULL;

  if (ADW_IS_APPLICATION_WINDOW (window))
    dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  else if (ADW_IS_WINDOW (window))
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));

  return ADW_IS_ALERT_DIALOG (dialog) ? GTK_WIDGET (dialog) : NULL;
#else
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == window)
        return GTK_WIDGET (toplevel);
    }

  return NULL;
#endif
}

/* About ----------------------------------------------------------------- */

/**
 * fw_compat_about_new:
 *
 * Creates an empty About window (#AdwAboutWindow) or, from libadwaita
 * 1.5, an About dialog (#AdwAboutDialog). Both have the same properties
 * ("application-name", "version", "license-type", …), to be set with
 * g_object_set(). Show it with fw_compat_present().
 *
 * Returns: (transfer floating): the About window or dialog
 */
GtkWidget *
fw_compat_about_new (void)
{
#if FW_HAVE_ADW_DIALOG
  return GTK_WIDGET (adw_about_dialog_new ());
#else
  return adw_about_window_new ();
#endif
}

/**
 * fw_compat_about_add_credit_section:
 * @about: from fw_compat_about_new()
 * @name: the section's heading
 * @people: (array zero-terminated=1): one entry each, a name optionally
 *   followed by a URL or an e-mail address in angle brackets
 */
void
fw_compat_about_add_credit_section (GtkWidget   *about,
                                    const char  *name,
                                    const char **people)
{
#if FW_HAVE_ADW_DIALOG
  adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), name, people);
#else
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), name, people);
#endif
}

/**
 * fw_compat_about_add_legal_section:
 * @about: from fw_compat_about_new()
 * @title: the section's heading
 * @copyright: (nullable): a copyright line
 * @license_type: a licence, or %GTK_LICENSE_CUSTOM with @license
 * @license: (nullable): the licence text for %GTK_LICENSE_CUSTOM
 */
void
fw_compat_about_add_legal_section (GtkWidget  *about,
                                   const char *title,
                                   const char *copyright,
                                   GtkLicense  license_type,
                                   const char *license)
{
#if FW_HAVE_ADW_DIALOG
  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about), title, copyright, license_type,
                                      license);
#else
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), title, copyright, license_type,
                                      license);
#endif
}

/**
 * fw_compat_is_about:
 * @widget: a widget
 *
 * Returns: whether @widget is an About window or dialog. For tests.
 */
gboolean
fw_compat_is_about (GtkWidget *widget)
{
#if FW_HAVE_ADW_DIALOG
  return ADW_IS_ABOUT_DIALOG (widget);
#else
  return ADW_IS_ABOUT_WINDOW (widget);
#endif
}

/* Presenting ------------------------------------------------------------ */

/**
 * fw_compat_present:
 * @dialog: an alert, an About window or dialog, or any window
 * @parent: (nullable): the widget it belongs to
 *
 * Shows @dialog over @parent's window: an #AdwDialog inside it, a window
 * as a modal window on top of it.
 */
void
fw_compat_present (GtkWidget *dialog,
                   GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

#if FW_HAVE_ADW_DIALOG
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_present (ADW_DIALOG (dialog), parent);
      return;
    }
#endif

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * fw_compat_preferences_new:
 * @title: the title of the preferences
 *
 * Creates an empty preferences container: an #AdwPreferencesDialog from
 * libadwaita 1.5, which deprecates #AdwPreferencesWindow in 1.6, and an
 * #AdwPreferencesWindow before. Add pages with fw_compat_preferences_add()
 * and show it with fw_compat_present().
 *
 * Returns: (transfer floating): the preferences dialog or window
 */
GtkWidget *
fw_compat_preferences_new (const char *title)
{
#if FW_HAVE_ADW_DIALOG
  return g_object_new (ADW_TYPE_PREFERENCES_DIALOG,
                       "title", title,
                       "search-enabled", FALSE,
                       NULL);
#else
  return g_object_new (ADW_TYPE_PREFERENCES_WINDOW,
                       "title", title,
                       "search-enabled", FALSE,
                       "default-width", 560,
                       "default-height", 640,
                       NULL);
#endif
}

/**
 * fw_compat_preferences_add:
 * @preferences: a container from fw_compat_preferences_new()
 * @page: (transfer none): a page to add
 *
 * Adds @page to @preferences.
 */
void
fw_compat_preferences_add (GtkWidget          *preferences,
                           AdwPreferencesPage *page)
{
#if FW_HAVE_ADW_DIALOG
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (preferences), page);
#else
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), page);
#endif
}

/* Widgets --------------------------------------------------------------- */

/**
 * fw_compat_translate_point:
 * @widget: a widget
 * @target: a widget with a common ancestor
 * @x: x in @widget's coordinates, in pixels
 * @y: y in @widget's coordinates, in pixels
 * @out_x: (out): x in @target's coordinates
 * @out_y: (out): y in @target's coordinates
 *
 * Translates a point from @widget's coordinates to @target's.
 *
 * Returns: %FALSE when the widgets share no ancestor or are not laid out
 */
gboolean
fw_compat_translate_point (GtkWidget *widget,
                           GtkWidget *target,
                           double     x,
                           double     y,
                           double    *out_x,
                           double    *out_y)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  graphene_point_t point;

  if (!gtk_widget_compute_point (widget, target, &GRAPHENE_POINT_INIT ((float) x, (float) y),
                                 &point))
    return FALSE;

  *out_x = point.x;
  *out_y = point.y;
  return TRUE;
#else
  return gtk_widget_translate_coordinates (widget, target, x, y, out_x, out_y);
#endif
}

/**
 * fw_compat_get_color:
 * @widget: a widget
 * @color: (out): its current foreground colour from CSS
 */
void
fw_compat_get_color (GtkWidget *widget,
                     GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/**
 * fw_compat_toggle_button_role:
 *
 * Returns: the accessible role GTK gives a #GtkToggleButton: its own
 *   toggle-button role from GTK 4.10, the button role before. For tests.
 */
GtkAccessibleRole
fw_compat_toggle_button_role (void)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  return GTK_ACCESSIBLE_ROLE_TOGGLE_BUTTON;
#else
  return GTK_ACCESSIBLE_ROLE_BUTTON;
#endif
}
