/* fw-class-summary-window.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-class-summary-window.h"

/* A teacher's summary of several JSON hand-ins: per exercise and step the
 * mean score and how many answered, and for find-spans steps the key
 * spans missed most often. Hand-ins that cannot be added are listed with
 * the reason. */

#define MAX_MISSED_SHOWN 5

struct _FwClassSummaryWindow
{
  AdwWindow parent_instance;

  FwClassSummary *summary;
  GPtrArray *problems;

  AdwWindowTitle *window_title;
  GtkBox *content;
};

G_DEFINE_FINAL_TYPE (FwClassSummaryWindow, fw_class_summary_window, ADW_TYPE_WINDOW)

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
rebuild (FwClassSummaryWindow *self)
{
  GPtrArray *steps = fw_class_summary_get_steps (self->summary);
  guint n = fw_class_summary_get_n_students (self->summary);
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hand-in",
                                                            "%u hand-ins", n), n);
  const char *exercise = NULL;
  GtkWidget *list = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint i = 0; i < self->problems->len; i++)
    gtk_box_append (self->content, plain_label (g_ptr_array_index (self->problems, i), "error"));

  if (n == 0)
    {
      gtk_box_append (self->content, plain_label (_("No hand-in could be read."), "dim-label"));
      return;
    }

  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < n; i++)
      {
        if (i > 0)
          /* TRANSLATORS: separates students' names in a list, e.g. "A. B., C. D." */
          g_string_append (names, _(", "));
        g_string_append (names, fw_class_summary_get_student (self->summary, i));
      }
    gtk_box_append (self->content, plain_label (fw_class_summary_get_pack_title (self->summary),
                                                "title-2"));
    gtk_box_append (self->content, plain_label (names->str, "dim-label"));
  }

  for (guint i = 0; i < steps->len; i++)
    {
      const FwSummaryStep *s = g_ptr_array_index (steps, i);
      g_autofree char *title = g_strdup_printf (_("Step %u: %s"), s->index + 1, s->title);
      g_autofree char *detail = NULL;
      GtkWidget *row;

      if (g_strcmp0 (exercise, s->exercise_id) != 0)
        {
          exercise = s->exercise_id;
          gtk_box_append (self->content, plain_label (s->exercise_title, "heading"));
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_box_append (self->content, list);
        }

      if (s->mean_score >= 0.0)
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Mean score %.0f%% · %u of %u student answered",
                                               "Mean score %.0f%% · %u of %u students answered",
                                               n),
                                  100.0 * s->mean_score, s->n_checked, n);
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Not scored · %u of %u student done",
                                               "Not scored · %u of %u students done", n),
                                  s->n_checked, n);

      if (s->missed->len > 0)
        {
          row = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), detail);
          for (guint k = 0; k < s->missed->len && k < MAX_MISSED_SHOWN; k++)
            {
              const FwMissedSpan *m = g_ptr_array_index (s->missed, k);
              g_autofree char *missed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                      "“%s” — missed by %u",
                                                                      "“%s” — missed by %u",
                                                                      m->count),
                                                         m->text, m->count);
              GtkWidget *sub = adw_action_row_new ();

              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (sub), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sub), missed);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (sub), m->reason ? m->reason : "");
              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (sub), 0);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);
            }
        }
      else
        {
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
fw_class_summary_window_dispose (GObject *object)
{
  FwClassSummaryWindow *self = FW_CLASS_SUMMARY_WINDOW (object);

  g_clear_object (&self->summary);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_CLASS_SUMMARY_WINDOW);

  G_OBJECT_CLASS (fw_class_summary_window_parent_class)->dispose (object);
}

static void
fw_class_summary_window_class_init (FwClassSummaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_class_summary_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-class-summary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwClassSummaryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FwClassSummaryWindow, content);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fw_class_summary_window_init (FwClassSummaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->summary = fw_class_summary_new ();
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/**
 * fw_class_summary_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer full): a new, empty class summary window
 */
GtkWidget *
fw_class_summary_window_new (GtkWindow *parent)
{
  return g_object_new (FW_TYPE_CLASS_SUMMARY_WINDOW, "transient-for", parent, NULL);
}

/**
 * fw_class_summary_window_add_files:
 * @self: the window
 * @files: (element-type GFile): JSON hand-ins
 *
 * Reads the hand-ins and shows the summary, listing any that could not be
 * added with the reason.
 */
void
fw_class_summary_window_add_files (FwClassSummaryWindow *self,
                                   GListModel           *files)
{
  g_return_if_fail (FW_IS_CLASS_SUMMARY_WINDOW (self));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!fw_class_summary_add_file (self->summary, file, NULL, &error))
        g_ptr_array_add (self->problems, g_strdup (error->message));
    }

  rebuild (self);
}

/**
 * fw_class_summary_window_get_summary:
 * @self: the window
 *
 * Returns: (transfer none): the summary shown
 */
FwClassSummary *
fw_class_summary_window_get_summary (FwClassSummaryWindow *self)
{
  g_return_val_if_fail (FW_IS_CLASS_SUMMARY_WINDOW (self), NULL);
  return self->summary;
}
