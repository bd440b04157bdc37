/* fw-preferences-window.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-compat.h"
#include "fw-preferences-window.h"

/* The preferences are two AdwPreferencesPage objects described in
 * resources/ui/fw-preferences-window.ui, placed in an AdwPreferencesDialog
 * where libadwaita has one (1.5 on) and in an AdwPreferencesWindow on the
 * Debian 12 baseline; fw-compat.c makes that choice. Every control is bound
 * to a GSettings key here, in one place. */

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

static void
bind (GSettings  *settings,
      GtkBuilder *builder,
      const char *key,
      const char *id,
      const char *property)
{
  GObject *object = gtk_builder_get_object (builder, id);

  if (GTK_IS_SPIN_BUTTON (object))
    object = G_OBJECT (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (object)));

  g_settings_bind (settings, key, object, property, G_SETTINGS_BIND_DEFAULT);
}

/**
 * fw_preferences_window_new:
 * @settings: the application's settings
 *
 * Creates the preferences: text size, line spacing, dyslexia-friendly
 * text, which highlight kinds show, style and teacher mode. Every control
 * is bound to a key of @settings, so changes apply at once and survive
 * restarts. Show the result with fw_compat_present().
 *
 * Returns: (transfer floating): an #AdwPreferencesDialog on libadwaita 1.5
 *   and later, an #AdwPreferencesWindow before
 */
GtkWidget *
fw_preferences_window_new (GSettings *settings)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *preferences;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/ui/fw-preferences-window.ui", NULL);

  preferences = fw_compat_preferences_new (_("Preferences"));
  fw_compat_preferences_add (preferences,
                             ADW_PREFERENCES_PAGE (gtk_builder_get_object (builder,
                                                                           "reading_page")));
  fw_compat_preferences_add (preferences,
                             ADW_PREFERENCES_PAGE (gtk_builder_get_object (builder,
                                                                           "general_page")));

  bind (settings, builder, "text-size", "text_size_spin", "value");
  bind (settings, builder, "line-spacing", "line_spacing_spin", "value");
  bind (settings, builder, "dyslexia-friendly", "dyslexia_switch", "active");
  bind (settings, builder, "show-loaded-terms", "loaded_switch", "active");
  bind (settings, builder, "show-unsupported-assertions", "assertion_switch", "active");
  bind (settings, builder, "show-contested-names", "contested_switch", "active");
  bind (settings, builder, "show-attributions", "attribution_switch", "active");
  bind (settings, builder, "show-automatic", "automatic_switch", "active");
  bind (settings, builder, "teacher-mode", "teacher_switch", "active");
  g_settings_bind_with_mapping (settings, "color-scheme",
                                gtk_builder_get_object (builder, "color_scheme_row"), "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_selected, selected_to_scheme,
                                NULL, NULL);

  return preferences;
}
