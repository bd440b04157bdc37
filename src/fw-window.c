/* fw-window.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-class-summary-window.h"
#include "fw-exercise-page.h"
#include "fw-pack-loader.h"
#include "fw-reader-page.h"
#include "fw-window.h"

struct _FwWindow
{
  AdwApplicationWindow parent_instance;

  FwPack *pack;
  GCancellable *cancellable;
  GSettings *settings;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GtkStack *content_stack;
  GtkListBox *sidebar;
  FwReaderPage *reader_page;
  FwExercisePage *exercise_page;
  AdwStatusPage *invalid_page;
  GtkListBox *problem_list;
};

G_DEFINE_FINAL_TYPE (FwWindow, fw_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_section_header (const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_can_focus (row, FALSE);

  return row;
}

static GtkWidget *
create_item_row (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);
  g_autofree char *accessible = g_strdup_printf ("%s. %s", title, subtitle);

  /* Pack text is plain text: GtkLabel does not parse markup unless asked. */
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title_label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_add_css_class (subtitle_label, "caption");

  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static void
rebuild_sidebar (FwWindow *self)
{
  GtkWidget *child;
  GtkListBoxRow *first = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  if (self->pack == NULL)
    return;

  gtk_list_box_append (self->sidebar, create_section_header (_("Pieces")));
  for (guint i = 0; i < fw_pack_get_n_pieces (self->pack); i++)
    {
      FwPiece *piece = fw_pack_get_piece (self->pack, i);
      const FwOutlet *outlet = fw_piece_get_outlet (piece);
      g_autofree char *authors = fw_piece_dup_author_names (piece);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      subtitle = g_strdup_printf ("%s · %s",
                                  outlet != NULL ? outlet->name : _("Outlet not stated"),
                                  authors != NULL ? authors : _("Author not stated"));
      row = create_item_row (fw_piece_get_title (piece), subtitle);
      g_object_set_data (G_OBJECT (row), "piece-index", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->sidebar, row);
      if (first == NULL)
        first = GTK_LIST_BOX_ROW (row);
    }

  if (fw_pack_get_n_exercises (self->pack) > 0)
    {
      gtk_list_box_append (self->sidebar, create_section_header (_("Exercises")));
      for (guint i = 0; i < fw_pack_get_n_exercises (self->pack); i++)
        {
          FwExercise *exercise = fw_pack_get_exercise (self->pack, i);
          guint n = fw_exercise_get_n_steps (exercise);
          g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step",
                                                                 "%u steps", n), n);
          GtkWidget *row = create_item_row (fw_exercise_get_title (exercise), steps);

          g_object_set_data (G_OBJECT (row), "exercise-index", GUINT_TO_POINTER (i + 1));
          gtk_list_box_append (self->sidebar, row);
        }
    }

  if (first != NULL)
    gtk_list_box_select_row (self->sidebar, first);
}

static void
sidebar_row_selected_cb (FwWindow      *self,
                         GtkListBoxRow *row)
{
  guint piece_index, exercise_index;

  if (row == NULL || self->pack == NULL)
    return;

  piece_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "piece-index"));
  exercise_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "exercise-index"));

  if (piece_index > 0)
    {
      fw_reader_page_set_piece (self->reader_page, fw_pack_get_piece (self->pack, piece_index - 1));
      gtk_stack_set_visible_child_name (self->content_stack, "reader");
    }
  else if (exercise_index > 0)
    {
      fw_exercise_page_set_exercise (self->exercise_page,
                                     fw_pack_get_exercise (self->pack, exercise_index - 1));
      gtk_stack_set_visible_child_name (self->content_stack, "exercise");
    }
}

/**
 * fw_window_show_piece:
 * @self: the window
 * @index: 0-based index of a piece of the open pack
 *
 * Selects piece @index in the sidebar and shows it in the reader.
 */
void
fw_window_show_piece (FwWindow *self,
                      guint     index)
{
  GtkWidget *child;

  g_return_if_fail (FW_IS_WINDOW (self));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "piece-index")) == index + 1)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

/**
 * fw_window_set_pack:
 * @self: the window
 * @pack: (transfer none): a valid pack
 *
 * Shows @pack: its pieces and exercises in the sidebar, its first piece in
 * the reader.
 */
void
fw_window_set_pack (FwWindow *self,
                    FwPack   *pack)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (FW_IS_PACK (pack));

  g_set_object (&self->pack, pack);
  adw_window_title_set_subtitle (self->window_title, fw_pack_get_title (pack));
  fw_reader_page_set_pack (self->reader_page, pack);
  fw_exercise_page_set_pack (self->exercise_page, pack);
  rebuild_sidebar (self);
  gtk_stack_set_visible_child_name (self->main_stack, "pack");

  /* Reopen where the student left off. */
  {
    const char *resume = fw_exercise_page_get_resume_exercise (self->exercise_page);

    for (guint i = 0; resume != NULL && i < fw_pack_get_n_exercises (pack); i++)
      if (g_strcmp0 (fw_exercise_get_id (fw_pack_get_exercise (pack, i)), resume) == 0)
        fw_window_show_exercise (self, i);
  }
}

/**
 * fw_window_show_exercise:
 * @self: the window
 * @index: 0-based index of an exercise of the open pack
 *
 * Selects exercise @index in the sidebar and shows it.
 */
void
fw_window_show_exercise (FwWindow *self,
                         guint     index)
{
  GtkWidget *child;

  g_return_if_fail (FW_IS_WINDOW (self));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "exercise-index")) == index + 1)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

/**
 * fw_window_get_exercise_page:
 * @self: the window
 *
 * Returns: (transfer none): the exercise page
 */
FwExercisePage *
fw_window_get_exercise_page (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->exercise_page;
}

/**
 * fw_window_get_pack:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the open pack
 */
FwPack *
fw_window_get_pack (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->pack;
}

static void
show_problems (FwWindow   *self,
               GFile      *file,
               GPtrArray  *diagnostics,
               const char *summary)
{
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      g_autofree char *where = NULL;

      if (d->line > 0)
        where = g_strdup_printf (_("Line %u, column %u · %s"), d->line, d->column,
                                 d->path[0] ? d->path : "/");
      else
        where = g_strdup (d->path[0] ? d->path : "/");

      /* The message quotes pack text: never let it be read as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (d->severity == FW_SEVERITY_ERROR
                                           ? "dialog-error-symbolic"
                                           : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      d->severity == FW_SEVERITY_ERROR ? _("Error") : _("Warning"),
                                      -1);
      gtk_widget_add_css_class (icon, d->severity == FW_SEVERITY_ERROR ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->problem_list, row);
    }

  adw_status_page_set_description (self->invalid_page, NULL);
  {
    g_autofree char *description = g_strdup_printf ("%s: %s", basename, summary);

    adw_status_page_set_description (self->invalid_page, description);
  }
  gtk_stack_set_visible_child_name (self->main_stack, "invalid");
}

typedef struct
{
  FwPack *pack;
  GPtrArray *diagnostics;
  GError *error;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->pack);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->pack = fw_pack_load_file (task_data, cancellable, &result->diagnostics, &result->error);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (object);
  GFile *file = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL)
    {
      g_object_unref (file);
      return;
    }

  if (result->pack != NULL)
    {
      guint n_warnings = fw_diagnostics_count (result->diagnostics, FW_SEVERITY_WARNING);

      fw_window_set_pack (self, result->pack);
      if (n_warnings > 0)
        {
          g_autofree char *title =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The pack opened with %u warning",
                                          "The pack opened with %u warnings", n_warnings),
                             n_warnings);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
    }
  else
    {
      show_problems (self, file, result->diagnostics, result->error->message);
    }

  load_result_free (result);
  g_object_unref (file);
}

/**
 * fw_window_open_file:
 * @self: the window
 * @file: a lesson pack file
 *
 * Loads @file in a worker thread. A valid pack replaces the open one; an
 * invalid one shows the full list of problems and leaves the open pack
 * as it was.
 */
void
fw_window_open_file (FwWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, load_ready_cb, g_object_ref (file));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  FwWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      fw_window_open_file (self, file);
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) packs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Lesson Pack"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (packs, _("Lesson packs"));
  gtk_file_filter_add_mime_type (packs, "application/x-framewise-pack");
  gtk_file_filter_add_suffix (packs, "fwpack");
  gtk_file_filter_add_suffix (packs, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), packs);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
show_pack_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "pack");
}

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  fw_reader_page_focus_highlight (self->reader_page,
                                  g_str_equal (action_name, "win.next-highlight") ? 1 : -1);
}

static void
class_summary_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           gpointer         user_data)
{
  FwWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GtkWidget *window = fw_class_summary_window_new (GTK_WINDOW (self));

      fw_class_summary_window_add_files (FW_CLASS_SUMMARY_WINDOW (window), files);
      gtk_window_present (GTK_WINDOW (window));
    }

  g_object_unref (dialog);
}

static void
class_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Hand-Ins"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_filter_set_name (filter, _("JSON hand-ins"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (class_summary_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
fw_window_dispose (GObject *object)
{
  FwWindow *self = FW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pack);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_WINDOW);

  G_OBJECT_CLASS (fw_window_parent_class)->dispose (object);
}

static void
fw_window_class_init (FwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_window_dispose;

  g_type_ensure (FW_TYPE_READER_PAGE);
  g_type_ensure (FW_TYPE_EXERCISE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, reader_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, exercise_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, invalid_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, problem_list);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.show-pack", NULL, show_pack_action);
  gtk_widget_class_install_action (widget_class, "win.class-summary", NULL,
                                   class_summary_action);
  gtk_widget_class_install_action (widget_class, "win.next-highlight", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "win.previous-highlight", NULL,
                                   highlight_action);
}

static void
fw_window_init (FwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* The window's size and state are kept in GSettings, bound here in one
   * place: GTK updates the default size as the window is resized. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  fw_reader_page_bind_settings (self->reader_page, self->settings);

  pack = fw_pack_load_bundled (&error);
  if (pack != NULL)
    fw_window_set_pack (self, pack);
  else
    g_warning ("The bundled lesson pack does not load: %s", error->message);
}

/**
 * fw_window_new:
 * @application: the application
 *
 * Creates a main window showing the bundled lesson pack.
 *
 * Returns: (transfer full): a new window
 */
FwWindow *
fw_window_new (FwApplication *application)
{
  return g_object_new (FW_TYPE_WINDOW, "application", application, NULL);
}
