/* fw-preferences-window.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-preferences-window.h"

struct _FwPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  GtkSpinButton *text_size_spin;
  GtkSpinButton *line_spacing_spin;
  GtkSwitch *dyslexia_switch;
  GtkSwitch *loaded_switch;
  GtkSwitch *assertion_switch;
  GtkSwitch *contested_switch;
  GtkSwitch *attribution_switch;
  GtkSwitch *automatic_switch;
  AdwComboRow *color_scheme_row;
  GtkSwitch *teacher_switch;
};

G_DEFINE_FINAL_TYPE (FwPreferencesWindow, fw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the schema's choices in this order. */
static const char * const color_schemes[] = { "follow", "light", "dark" };

static gboolean
scheme_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (scheme, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

/**
 * fw_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @settings: the application's settings
 *
 * Creates the preferences window. Every control is bound to a key of
 * @settings, so changes apply at once and survive restarts.
 *
 * Returns: (transfer full): a new preferences window
 */
GtkWidget *
fw_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  FwPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "text-size",
                   gtk_spin_button_get_adjustment (self->text_size_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "line-spacing",
                   gtk_spin_button_get_adjustment (self->line_spacing_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "dyslexia-friendly", self->dyslexia_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-loaded-terms", self->loaded_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-unsupported-assertions", self->assertion_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-contested-names", self->contested_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-attributions", self->attribution_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-automatic", self->automatic_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "teacher-mode", self->teacher_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme", self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_selected, selected_to_scheme,
                                NULL, NULL);

  return GTK_WIDGET (self);
}

static void
fw_preferences_window_dispose (GObject *object)
{
  FwPreferencesWindow *self = FW_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (fw_preferences_window_parent_class)->dispose (object);
}

static void
fw_preferences_window_class_init (FwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, text_size_spin);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, line_spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, dyslexia_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, loaded_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, assertion_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, contested_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, attribution_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, teacher_switch);
}

static void
fw_preferences_window_init (FwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
