/* fw-window.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-bundled-pack.h"
#include "fw-class-summary-window.h"
#include "fw-compat.h"
#include "fw-exercise-page.h"
#include "fw-library-page.h"
#include "fw-pack-library.h"
#include "fw-pack-loader.h"
#include "fw-plain-text.h"
#include "fw-reader-page.h"
#include "fw-window.h"
#include "fw-window-private.h"
#include "fw-work-store.h"

struct _FwWindow
{
  AdwApplicationWindow parent_instance;

  FwPack *pack;
  GFile *file;
  GBytes *bytes;
  GCancellable *cancellable;
  GSettings *settings;
  char *return_page;
  guint n_loading;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GtkStack *content_stack;
  AdwFlap *flap;
  GtkToggleButton *sidebar_button;
  guint sync_sidebar_id;
  GtkRevealer *teacher_banner;
  GtkListBox *sidebar;
  FwReaderPage *reader_page;
  FwExercisePage *exercise_page;
  AdwStatusPage *invalid_page;
  GtkListBox *problem_list;
  GtkWidget *back_to_library_button;
  GFile *library_file;
  GtkToggleButton *library_button;
  FwLibraryPage *library_page;
};

G_DEFINE_FINAL_TYPE (FwWindow, fw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  LOAD_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
      g_autofree char *line = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      g_autofree char *outlet_name = NULL;
      g_autofree char *author_names = NULL;

      /* Each part is isolated, so that a direction override inside an
       * outlet's name cannot reorder the authors' names after it. */
      outlet_name = fw_plain_text_isolate (outlet != NULL && outlet->name != NULL
                                           ? outlet->name : _("Outlet not stated"));
      author_names = fw_plain_text_isolate (authors != NULL ? authors : _("Author not stated"));
      /* TRANSLATORS: a piece's outlet and its authors, in the sidebar */
      line = g_strdup_printf (_("%s · %s"), outlet_name, author_names);
      /* The line reads in the window's direction, whatever the outlet's
       * name starts with. */
      subtitle = fw_plain_text_set_direction (line, gtk_widget_get_direction (GTK_WIDGET (self))
                                                    == GTK_TEXT_DIR_RTL);
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

/* The exercise page is a large template that the first frame of the
 * reading page does not show: it is built the first time it is needed. */
static FwExercisePage *
ensure_exercise_page (FwWindow *self)
{
  if (self->exercise_page == NULL)
    {
      self->exercise_page = g_object_new (FW_TYPE_EXERCISE_PAGE, NULL);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->exercise_page), "exercise");
      if (self->pack != NULL)
        fw_exercise_page_set_pack (self->exercise_page, self->pack);
    }

  return self->exercise_page;
}

static void library_pack_activated_cb (FwWindow      *self,
                                       GFile         *file,
                                       FwLibraryPage *page);

/* The library page lists the packs on this computer only when it is
 * shown; it is built the first time it is needed. */
static FwLibraryPage *
ensure_library_page (FwWindow *self)
{
  if (self->library_page == NULL)
    {
      self->library_page = FW_LIBRARY_PAGE (fw_library_page_new ());
      g_signal_connect_object (self->library_page, "pack-activated",
                               G_CALLBACK (library_pack_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->library_page), "library");
    }

  return self->library_page;
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
      fw_exercise_page_set_exercise (ensure_exercise_page (self),
                                     fw_pack_get_exercise (self->pack, exercise_index - 1));
      gtk_stack_set_visible_child_name (self->content_stack, "exercise");
    }
}

/* Arrow keys browse the sidebar and show each piece or exercise without
 * leaving it; Enter or a click on a row goes into the page shown, to its
 * first control (the byline, or the name field of an exercise). */
static void
sidebar_row_activated_cb (FwWindow      *self,
                          GtkListBoxRow *row)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  /* A sidebar folded over the page gives the page back once a piece or
   * an exercise is chosen. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  /* A piece is read from its top, whatever had the focus in it before. */
  if (page == GTK_WIDGET (self->reader_page))
    gtk_widget_grab_focus (fw_reader_page_get_byline_card (self->reader_page));
  else if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* The sidebar button shows a folded sidebar, and only then: an unfolded
 * sidebar is always shown, and the other pages have no sidebar. A folded
 * sidebar that opens takes the focus to its selected row, so that the arrow
 * keys browse it at once; one that closes with the focus inside gives it to
 * the page. */
static gboolean
sync_sidebar_cb (gpointer user_data)
{
  FwWindow *self = FW_WINDOW (user_data);
  gboolean folded = adw_flap_get_folded (self->flap);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_in_sidebar = focus != NULL
                              && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar));

  self->sync_sidebar_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button),
                          folded
                          && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                        "pack") == 0);

  if (folded && adw_flap_get_reveal_flap (self->flap) && !focus_in_sidebar)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      else
        gtk_widget_child_focus (GTK_WIDGET (self->sidebar), GTK_DIR_TAB_FORWARD);
    }
  else if (folded && !adw_flap_get_reveal_flap (self->flap) && focus_in_sidebar)
    {
      gtk_widget_child_focus (gtk_stack_get_visible_child (self->content_stack),
                              GTK_DIR_TAB_FORWARD);
    }

  return G_SOURCE_REMOVE;
}

/* The flap folds and unfolds while the window is laid out, and the header
 * was laid out already: the header and the focus change once the frame is
 * done. */
static void
queue_sync_sidebar (FwWindow *self)
{
  /* The template's children are gone once the window is disposed of. */
  if (self->flap == NULL)
    return;

  if (self->sync_sidebar_id == 0)
    self->sync_sidebar_id = g_idle_add (sync_sidebar_cb, self);
}

/* Selects the sidebar row whose @key (`piece-index` or `exercise-index`,
 * set by rebuild_sidebar() one above the index) names @index; selecting it
 * shows its page. */
static void
select_sidebar_row (FwWindow   *self,
                    const char *key,
                    guint       index)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), key)) == index + 1)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
          return;
        }
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
  g_return_if_fail (FW_IS_WINDOW (self));

  select_sidebar_row (self, "piece-index", index);
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
  if (self->exercise_page != NULL)
    fw_exercise_page_set_pack (self->exercise_page, pack);
  rebuild_sidebar (self);
  gtk_stack_set_visible_child_name (self->main_stack, "pack");

  /* Reopen where the student left off. The exercise page is built only
   * when there is saved work to reopen or an exercise is shown. */
  if (self->exercise_page == NULL && fw_pack_get_n_exercises (pack) > 0)
    {
      g_autofree char *student = fw_work_store_find_latest_student (NULL, fw_pack_get_id (pack));

      if (student != NULL)
        ensure_exercise_page (self);
    }
  if (self->exercise_page != NULL)
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
  g_return_if_fail (FW_IS_WINDOW (self));

  select_sidebar_row (self, "exercise-index", index);
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
  return ensure_exercise_page (self);
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
update_actions (FwWindow *self)
{
  gboolean can_add = self->pack != NULL && self->file != NULL && self->bytes != NULL
                     && !fw_pack_library_contains (self->file);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-library", can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-pack", self->pack != NULL);
}

/* Leaves the library for the page a pack was just opened on. */
static void
close_library (FwWindow *self)
{
  g_clear_pointer (&self->return_page, g_free);
  gtk_toggle_button_set_active (self->library_button, FALSE);
}

static void
remember_recent (FwWindow *self,
                 GFile    *file)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-packs");
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) updated = fw_pack_library_push_recent ((const char * const *) recent, uri);

  g_settings_set_strv (self->settings, "recent-packs", (const char * const *) updated);
}

/* Shows the problems of a pack that cannot be opened. @name is the file
 * name, or what stands for it, shown as plain text; @detail (nullable),
 * the system's own words, goes under a lone problem that has no place in
 * the file to show. */
static void
show_problems (FwWindow   *self,
               const char *name,
               GPtrArray  *diagnostics,
               const char *summary,
               const char *detail)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      g_autofree char *where = NULL;

      /* The path holds the pack's field names: isolated, an override in one
       * cannot reorder the line. A problem with the whole document (no
       * such file, not JSON, a folder) has an empty path, and no field to
       * name: the line says where in the file, when there is one. */
      g_autofree char *path = d->path[0] ? fw_plain_text_isolate (d->path) : NULL;

      if (d->line > 0 && path != NULL)
        where = g_strdup_printf (_("Line %u, column %u · %s"), d->line, d->column, path);
      else if (d->line > 0)
        /* TRANSLATORS: where in a pack file a problem is */
        where = g_strdup_printf (_("Line %u, column %u"), d->line, d->column);
      else
        where = g_steal_pointer (&path);

      /* The message quotes pack text: never let it be read as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->message);
      if (where == NULL && detail != NULL && diagnostics->len == 1)
        where = g_strdup (detail);
      if (where != NULL)
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

  /* The status page's description is Pango markup, and a file name may
   * hold any character: escape both parts. */
  {
    g_autofree char *escaped = g_markup_escape_text (name, -1);
    g_autofree char *reason = summary != NULL ? g_markup_escape_text (summary, -1) : NULL;
    /* TRANSLATORS: a file name and what is wrong with it */
    g_autofree char *description = reason != NULL ? g_strdup_printf (_("%s: %s"), escaped, reason)
                                                  : g_steal_pointer (&escaped);

    adw_status_page_set_description (self->invalid_page, description);
  }
  /* The title names the broken file, not the pack shown before it
   * (AdwWindowTitle shows plain text). */
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_stack_set_visible_child_name (self->main_stack, "invalid");
}

/* A plain sentence for a file that could not be read, or %NULL when the
 * error's message is one already: the system's messages ("Error when
 * getting information for file …") are written for programmers. */
static const char *
describe_read_error (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return NULL;

  switch (error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      return _("The file could not be read: it does not exist");
    case G_IO_ERROR_PERMISSION_DENIED:
      return _("The file could not be read: permission was denied");
    /* The loader's own messages, written for people. */
    case G_IO_ERROR_IS_DIRECTORY:
    case G_IO_ERROR_NOT_REGULAR_FILE:
    case G_IO_ERROR_NOT_SUPPORTED:
      return NULL;
    default:
      return _("The file could not be read");
    }
}

/* Shows why a pack did not load: @diagnostics, when the loader gave
 * them, else @error as the one problem. */
static void
show_load_error (FwWindow     *self,
                 const char   *name,
                 GPtrArray    *diagnostics,
                 const GError *error)
{
  g_autoptr(GPtrArray) own = NULL;
  const char *plain = NULL;
  /* A count of errors, or why the file is no pack at all, adds to the
   * list; any other failure is the list's one line already. */
  gboolean summarise = g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID)
                       || g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_A_PACK);

  if (diagnostics == NULL || diagnostics->len == 0)
    {
      plain = describe_read_error (error);
      own = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
      g_ptr_array_add (own, fw_diagnostic_new (FW_SEVERITY_ERROR, "",
                                               plain != NULL ? plain : error->message));
      diagnostics = own;
      summarise = FALSE;
    }
  show_problems (self, name, diagnostics, summarise ? error->message : NULL,
                 plain != NULL ? error->message : NULL);
}

/**
 * fw_window_show_bundled_failure:
 * @self: the window
 * @bytes: (nullable): the bundled pack's contents, when they could be read
 * @error: why the bundled pack did not load
 *
 * Shows the problem page for the bundled lesson pack, as for any pack
 * that cannot be opened, instead of an empty window. When @bytes are
 * given they are checked again to list every problem, not only the
 * count in @error.
 */
void
fw_window_show_bundled_failure (FwWindow     *self,
                                GBytes       *bytes,
                                const GError *error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(FwPack) pack = NULL;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* The bundled pack is parsed without keeping its diagnostics, to start
   * fast; a failure is rare enough to pay for a second reading. */
  if (bytes != NULL)
    pack = fw_pack_load_bytes (bytes, &diagnostics, NULL);
  gtk_widget_set_visible (self->back_to_library_button, FALSE);
  show_load_error (self, _("Comes with Framewise"), diagnostics, error);
}

typedef struct
{
  FwPack *pack;
  GBytes *bytes;
  GPtrArray *diagnostics;
  GError *error;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->pack);
  g_clear_pointer (&result->bytes, g_bytes_unref);
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

  /* The bytes that were validated are kept: "Add to Library" copies them,
   * not the file as it may be by then. */
  result->bytes = fw_pack_loader_read_file (task_data, cancellable, &result->error);
  if (result->bytes != NULL)
    result->pack = fw_pack_load_bytes (result->bytes, &result->diagnostics, &result->error);
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL)
    return;

  self->n_loading--;
  close_library (self);
  gtk_widget_set_visible (self->back_to_library_button,
                          self->library_file != NULL && g_file_equal (file, self->library_file));
  g_clear_object (&self->library_file);

  if (result->pack != NULL)
    {
      guint n_warnings = fw_diagnostics_count (result->diagnostics, FW_SEVERITY_WARNING);

      g_set_object (&self->file, file);
      g_clear_pointer (&self->bytes, g_bytes_unref);
      self->bytes = g_bytes_ref (result->bytes);
      fw_window_set_pack (self, result->pack);
      remember_recent (self, file);

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
      g_autofree char *basename = g_file_get_basename (file);

      show_load_error (self, basename, result->diagnostics, result->error);
    }

  update_actions (self);
  g_signal_emit (self, signals[LOAD_FINISHED], 0, result->pack != NULL);
  load_result_free (result);
}

/**
 * fw_window_open_file:
 * @self: the window
 * @file: a lesson pack file
 *
 * Loads @file in a worker thread. A valid pack replaces the open one and
 * is added to the recent packs; an invalid one shows the full list of
 * problems and leaves the open pack as it was. The window emits
 * #FwWindow::load-finished when done.
 */
void
fw_window_open_file (FwWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->n_loading++;
  task = g_task_new (self, self->cancellable, load_ready_cb, g_object_ref (file));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * fw_window_open_files:
 * @self: the window
 * @files: (array length=n_files): lesson pack files
 * @n_files: how many
 *
 * Opens the first file in @self and each other one in a new window of the
 * same application, as for files given on the command line or dropped on
 * the window.
 */
void
fw_window_open_files (FwWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      FwWindow *window = self;

      if (i > 0)
        {
          window = fw_window_new (FW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
          gtk_window_present (GTK_WINDOW (window));
        }
      fw_window_open_file (window, files[i]);
    }
}

/**
 * fw_window_open_bundled:
 * @self: the window
 *
 * Shows the lesson pack that comes with Framewise.
 */
void
fw_window_open_bundled (FwWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (FW_IS_WINDOW (self));

  close_library (self);
  pack = fw_bundled_pack_load (&bytes, &error);
  if (pack == NULL)
    {
      g_message ("The bundled lesson pack does not load: %s", error->message);
      fw_window_show_bundled_failure (self, bytes, error);
      update_actions (self);
      return;
    }

  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_steal_pointer (&bytes);
  fw_window_set_pack (self, pack);
  update_actions (self);
}

/**
 * fw_window_is_loading:
 * @self: the window
 *
 * Returns: %TRUE while a pack is being loaded
 */
gboolean
fw_window_is_loading (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  return self->n_loading > 0;
}

/**
 * fw_window_get_file:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the file of the open pack, or %NULL
 *   for the bundled pack
 */
GFile *
fw_window_get_file (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * fw_window_get_visible_page:
 * @self: the window
 *
 * Returns: (transfer none): which page shows: `pack`, `invalid` or
 *   `library`
 */
const char *
fw_window_get_visible_page (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * fw_window_get_reader_page:
 * @self: the window
 *
 * Returns: (transfer none): the reader page
 */
FwReaderPage *
fw_window_get_reader_page (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return self->reader_page;
}

/**
 * fw_window_get_library_page:
 * @self: the window
 *
 * Returns: (transfer none): the library page
 */
FwLibraryPage *
fw_window_get_library_page (FwWindow *self)
{
  g_return_val_if_fail (FW_IS_WINDOW (self), NULL);
  return ensure_library_page (self);
}

/**
 * fw_window_show_library:
 * @self: the window
 *
 * Shows the library page and lists the library again.
 */
void
fw_window_show_library (FwWindow *self)
{
  g_return_if_fail (FW_IS_WINDOW (self));

  if (gtk_toggle_button_get_active (self->library_button))
    {
      g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-packs");

      fw_library_page_reload (ensure_library_page (self), (const char * const *) recent);
      return;
    }

  gtk_toggle_button_set_active (self->library_button, TRUE);
}

static void
library_toggled_cb (FwWindow        *self,
                    GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    {
      g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-packs");

      g_free (self->return_page);
      self->return_page = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
      fw_library_page_reload (ensure_library_page (self), (const char * const *) recent);
      gtk_stack_set_visible_child_name (self->main_stack, "library");
    }
  else if (self->return_page != NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, self->return_page);
      g_clear_pointer (&self->return_page, g_free);
    }
}

static void
library_pack_activated_cb (FwWindow      *self,
                           GFile         *file,
                           FwLibraryPage *page)
{
  if (file == NULL)
    {
      fw_window_open_bundled (self);
      /* As for any pack chosen in the library. */
      gtk_widget_set_visible (self->back_to_library_button,
                              g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                         "invalid") == 0);
    }
  else
    {
      /* A pack that cannot be opened shows its problems with a way back
       * to the library it was chosen in. */
      g_set_object (&self->library_file, file);
      fw_window_open_file (self, file);
    }
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FwWindow      *self)
{
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  fw_window_open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
add_to_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  FwPackLibraryAdded added = FW_PACK_LIBRARY_ADDED;
  g_autofree char *message = NULL;

  if (self->bytes == NULL || self->file == NULL)
    return;

  /* Toast titles are markup: these messages hold only escaped text. */
  copy = fw_pack_library_add (self->bytes, &added, NULL, &error);
  if (copy == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      return;
    }

  switch (added)
    {
    case FW_PACK_LIBRARY_ADDED:
      message = g_strdup (_("Added to your library"));
      break;
    case FW_PACK_LIBRARY_ALREADY_THERE:
      message = g_strdup (_("This pack is already in your library"));
      break;
    case FW_PACK_LIBRARY_ADDED_AS_NEW_NAME:
      {
        g_autofree char *name = g_file_get_basename (copy);
        g_autofree char *escaped = g_markup_escape_text (name, -1);

        /* Translators: %s is a file name such as my-lesson-2.fwpack. */
        message = g_strdup_printf (_("Your library has another pack with this id, which is kept: "
                                     "added as %s"), escaped);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_set_object (&self->file, copy);
  remember_recent (self, copy);
  update_actions (self);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  fw_window_show_library (FW_WINDOW (widget));
}

/* A file dialog that failed says why in a toast; a cancelled one says
 * nothing. */
static void
show_file_dialog_error (FwWindow     *self,
                        const GError *error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;

  if (error == NULL || fw_compat_file_error_is_cancel (error))
    return;

  escaped = g_markup_escape_text (error->message, -1);
  /* Translators: %s says why the file could not be chosen. */
  message = g_strdup_printf (_("The file could not be opened: %s"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
open_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = fw_compat_open_files_finish (result, &error);
  g_autoptr(GFile) file = NULL;

  if (files == NULL)
    {
      show_file_dialog_error (self, error);
      return;
    }
  if (g_list_model_get_n_items (files) == 0)
    return;

  file = g_list_model_get_item (files, 0);
  fw_window_open_file (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) packs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (packs, _("Lesson packs"));
  gtk_file_filter_add_mime_type (packs, "application/x-framewise-pack");
  gtk_file_filter_add_suffix (packs, "fwpack");
  gtk_file_filter_add_suffix (packs, "json");
  g_list_store_append (filters, packs);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);

  fw_compat_open_files (GTK_WINDOW (self), _("Open Lesson Pack"), G_LIST_MODEL (filters), FALSE,
                        self->cancellable, open_ready_cb, NULL);
}

static void
show_pack_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  close_library (self);
  if (self->pack != NULL)
    adw_window_title_set_subtitle (self->window_title, fw_pack_get_title (self->pack));
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
class_summary_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  FwWindow *self = FW_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = fw_compat_open_files_finish (result, &error);
  GtkWidget *window;

  if (files == NULL)
    {
      show_file_dialog_error (self, error);
      return;
    }
  if (g_list_model_get_n_items (files) == 0)
    return;

  window = fw_class_summary_window_new (GTK_WINDOW (self));
  fw_class_summary_window_add_files (FW_CLASS_SUMMARY_WINDOW (window), files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
class_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON hand-ins"));
  gtk_file_filter_add_suffix (filter, "json");
  g_list_store_append (filters, filter);
  fw_compat_open_files (GTK_WINDOW (self), _("Open Hand-Ins"), G_LIST_MODEL (filters), TRUE,
                        self->cancellable, class_summary_ready_cb, NULL);
}

/* The shortcuts window is built when it is first asked for. GtkApplication
 * would build a gtk/help-overlay.ui resource for every new window, which
 * took about 10 ms of processor time before the first frame
 * (tests/benchmark-reader.c, FW_BENCHMARK_QUIT_AT_FIRST_FRAME). Given to
 * the window as its help overlay, it shows the application's accelerators
 * and is destroyed with the window. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/fw-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static void
fw_window_dispose (GObject *object)
{
  FwWindow *self = FW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pack);
  g_clear_object (&self->file);
  g_clear_object (&self->library_file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->return_page, g_free);

  /* Disposing of the template folds the flap and changes the stack's
   * page, whose handlers queue the idle again: it is removed after. */
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_WINDOW);
  g_clear_handle_id (&self->sync_sidebar_id, g_source_remove);
  /* Built on demand into the stacks, which owned them. */
  self->exercise_page = NULL;
  self->library_page = NULL;

  G_OBJECT_CLASS (fw_window_parent_class)->dispose (object);
}

static void
fw_window_class_init (FwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_window_dispose;

  g_type_ensure (FW_TYPE_READER_PAGE);

  /**
   * FwWindow::load-finished:
   * @self: the window
   * @success: whether the pack opened; when not, the problems show
   *
   * Emitted when fw_window_open_file() has finished.
   */
  signals[LOAD_FINISHED] = g_signal_new ("load-finished", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, teacher_banner);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, reader_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, invalid_page);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, problem_list);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, back_to_library_button);
  gtk_widget_class_bind_template_child (widget_class, FwWindow, library_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, library_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, queue_sync_sidebar);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.show-pack", NULL, show_pack_action);
  gtk_widget_class_install_action (widget_class, "win.class-summary", NULL,
                                   class_summary_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-library", NULL,
                                   add_to_library_action);
  gtk_widget_class_install_action (widget_class, "win.next-highlight", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "win.previous-highlight", NULL,
                                   highlight_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
}

static void
fw_window_init (FwWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);

  /* The window's size and state are kept in GSettings, bound here in one
   * place: GTK updates the default size as the window is resized. */
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  /* Hidden, not only folded away: a folded revealer still measures its
   * wrapping label, for every width its parent asks about (hundreds of
   * text layouts before the first frame). */
  g_settings_bind (self->settings, "teacher-mode", self->teacher_banner, "visible",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "teacher-mode", self->teacher_banner, "reveal-child",
                   G_SETTINGS_BIND_GET);
  fw_reader_page_bind_settings (self->reader_page, self->settings);

  /* The sidebar button shows only with the pack's page. */
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (queue_sync_sidebar), self, G_CONNECT_SWAPPED);

  /* Pack files dropped anywhere on the window open as from the command
   * line. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  fw_window_open_bundled (self);
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
