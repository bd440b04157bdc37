/* fw-library-page.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-library-page.h"

/* The library page lists the packs that FwPackLibrary finds, in groups by
 * where they are, each with whether it can be opened. Scanning validates
 * every file, so it runs in a worker thread; activating a row emits
 * "pack-activated", for a pack that cannot be opened too (the window then
 * lists its problems). Pack titles and file names are shown as plain text. */

struct _FwLibraryPage
{
  GtkWidget parent_instance;

  GCancellable *cancellable;
  GPtrArray *entries;
  GPtrArray *rows;
  gboolean loading;

  AdwPreferencesPage *page;
  AdwPreferencesGroup *recent_group;
  AdwPreferencesGroup *user_group;
  AdwPreferencesGroup *system_group;
  AdwPreferencesGroup *bundled_group;
};

G_DEFINE_FINAL_TYPE (FwLibraryPage, fw_library_page, GTK_TYPE_WIDGET)

enum {
  PACK_ACTIVATED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwPreferencesGroup *
group_for (FwLibraryPage  *self,
           FwPackLocation  location)
{
  switch (location)
    {
    case FW_PACK_LOCATION_RECENT: return self->recent_group;
    case FW_PACK_LOCATION_USER: return self->user_group;
    case FW_PACK_LOCATION_SYSTEM: return self->system_group;
    case FW_PACK_LOCATION_BUNDLED: return self->bundled_group;
    default: g_return_val_if_reached (self->bundled_group);
    }
}

static void
row_activated_cb (FwLibraryPage *self,
                  AdwActionRow  *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "entry-index"));
  const FwPackLibraryEntry *entry;

  if (self->entries == NULL || index == 0 || index > self->entries->len)
    return;

  entry = g_ptr_array_index (self->entries, index - 1);
  g_signal_emit (self, signals[PACK_ACTIVATED], 0, entry->file);
}

static GtkWidget *
create_row (FwLibraryPage            *self,
            const FwPackLibraryEntry *entry,
            guint                     index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = entry->file != NULL ? g_file_get_basename (entry->file) : NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *icon;

  if (entry->title != NULL)
    {
      /* TRANSLATORS: shown instead of a file name for the pack built into
       * Framewise, after its piece count: "4 pieces · Comes with Framewise" */
      const char *where = name != NULL ? name : _("Comes with Framewise");

      /* TRANSLATORS: a pack's piece count and file name, in the library */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u piece · %s",
                                               "%u pieces · %s", entry->n_pieces),
                                  entry->n_pieces, where);
    }
  else
    {
      /* TRANSLATORS: why a pack in the library cannot be opened */
      subtitle = g_strdup_printf (_("Cannot be opened: %s"), entry->problem);
    }

  /* Titles and file names come from outside: never read them as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 entry->title != NULL ? entry->title : name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* A pack that cannot be opened is marked, and its row opens like any
   * other: to the window's list of its problems. */
  if (entry->title == NULL)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cannot be opened"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_tooltip_text (row, _("Show what is wrong with this pack"));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data (G_OBJECT (row), "entry-index", GUINT_TO_POINTER (index + 1));
  g_signal_connect_swapped (row, "activated", G_CALLBACK (row_activated_cb), self);

  return row;
}

static void
add_placeholder (FwLibraryPage       *self,
                 AdwPreferencesGroup *group,
                 const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (FwLibraryPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_entries (FwLibraryPage *self)
{
  gboolean has[FW_PACK_LOCATION_BUNDLED + 1] = { FALSE };

  clear_rows (self);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const FwPackLibraryEntry *entry = g_ptr_array_index (self->entries, i);
      GtkWidget *row = create_row (self, entry, i);

      adw_preferences_group_add (group_for (self, entry->location), row);
      g_ptr_array_add (self->rows, row);
      has[entry->location] = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), has[FW_PACK_LOCATION_RECENT]);
  gtk_widget_set_visible (GTK_WIDGET (self->system_group), has[FW_PACK_LOCATION_SYSTEM]);
  if (!has[FW_PACK_LOCATION_USER])
    add_placeholder (self, self->user_group,
                     _("No packs yet: open a pack, then choose “Add to Library” in the menu"));
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, fw_pack_library_scan (task_data, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
scan_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FwLibraryPage *self = FW_LIBRARY_PAGE (object);
  GPtrArray *entries = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Only the latest scan counts; an earlier one was cancelled. */
  if (entries == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&entries, g_ptr_array_unref);
      return;
    }

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;
  self->loading = FALSE;
  show_entries (self);
  g_signal_emit (self, signals[LOADED], 0);
}

/**
 * fw_library_page_reload:
 * @self: the library page
 * @recent_uris: (nullable) (array zero-terminated=1): recently opened
 *   packs, newest first
 *
 * Lists the library again, scanning and validating in a worker thread;
 * the page emits #FwLibraryPage::loaded when the list is shown.
 */
void
fw_library_page_reload (FwLibraryPage      *self,
                        const char * const *recent_uris)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FW_IS_LIBRARY_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  task = g_task_new (self, self->cancellable, scan_ready_cb, NULL);
  g_task_set_task_data (task, g_strdupv ((char **) recent_uris), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, scan_thread);
}

/**
 * fw_library_page_is_loading:
 * @self: the library page
 *
 * Returns: %TRUE while a scan started by fw_library_page_reload() runs
 */
gboolean
fw_library_page_is_loading (FwLibraryPage *self)
{
  g_return_val_if_fail (FW_IS_LIBRARY_PAGE (self), FALSE);
  return self->loading;
}

/**
 * fw_library_page_get_entries:
 * @self: the library page
 *
 * Returns: (transfer none) (nullable) (element-type FwPackLibraryEntry):
 *   the packs listed, in the order shown, or %NULL before the first scan
 */
GPtrArray *
fw_library_page_get_entries (FwLibraryPage *self)
{
  g_return_val_if_fail (FW_IS_LIBRARY_PAGE (self), NULL);
  return self->entries;
}

/**
 * fw_library_page_get_row:
 * @self: the library page
 * @index: index into fw_library_page_get_entries()
 *
 * Returns: (transfer none): the row that shows entry @index
 */
GtkWidget *
fw_library_page_get_row (FwLibraryPage *self,
                         guint          index)
{
  g_return_val_if_fail (FW_IS_LIBRARY_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "entry-index")) == index + 1)
        return row;
    }

  g_return_val_if_reached (NULL);
}

/**
 * fw_library_page_new:
 *
 * Returns: (transfer full): a new, empty library page
 */
GtkWidget *
fw_library_page_new (void)
{
  return g_object_new (FW_TYPE_LIBRARY_PAGE, NULL);
}

static void
fw_library_page_dispose (GObject *object)
{
  FwLibraryPage *self = FW_LIBRARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_LIBRARY_PAGE);

  G_OBJECT_CLASS (fw_library_page_parent_class)->dispose (object);
}

static void
fw_library_page_class_init (FwLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_library_page_dispose;

  /**
   * FwLibraryPage::pack-activated:
   * @self: the library page
   * @file: (nullable): the pack file, or %NULL for the bundled pack
   *
   * Emitted when a pack's row is activated.
   */
  signals[PACK_ACTIVATED] = g_signal_new ("pack-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * FwLibraryPage::loaded:
   * @self: the library page
   *
   * Emitted when a scan has finished and its list is shown.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FwLibraryPage, page);
  gtk_widget_class_bind_template_child (widget_class, FwLibraryPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, FwLibraryPage, user_group);
  gtk_widget_class_bind_template_child (widget_class, FwLibraryPage, system_group);
  gtk_widget_class_bind_template_child (widget_class, FwLibraryPage, bundled_group);
}

static void
fw_library_page_init (FwLibraryPage *self)
{
  g_autofree char *user_dir = fw_pack_library_dup_user_dir ();
  g_autofree char *escaped = NULL;
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();

  /* The group description is markup; the folder name is escaped. */
  escaped = g_markup_escape_text (user_dir, -1);
  /* TRANSLATORS: %s is a folder. The text is shown as Pango markup: write
   * no “&” or “<” of your own (use “&amp;” and “&lt;”). */
  description = g_strdup_printf (_("Packs you added, kept in %s"), escaped);
  adw_preferences_group_set_description (self->user_group, description);
}
