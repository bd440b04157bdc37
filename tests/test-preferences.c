/* test-preferences.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "fw-preferences-window.h"
#include "fw-test-ui.h"

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      collect (child, type, out);
    }
}

static GtkSwitch *
switch_of_row (GtkWidget  *preferences,
               const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (preferences, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return GTK_SWITCH (fw_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_SWITCH));
    }

  g_error ("no row titled “%s”", title);
}

/* Every control is bound to its key, in both directions, and the
 * preferences come up in the container libadwaita offers. */
static void
test_preferences_bound (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *preferences = fw_preferences_window_new (settings);
  GtkSwitch *dyslexia, *teacher;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  g_assert_nonnull (preferences);
#if ADW_CHECK_VERSION (1, 5, 0)
  g_object_ref_sink (preferences);
#endif

  dyslexia = switch_of_row (preferences, "_Dyslexia-friendly text");
  teacher = switch_of_row (preferences, "_Teacher mode");

  g_settings_set_boolean (settings, "dyslexia-friendly", TRUE);
  g_assert_true (gtk_switch_get_active (dyslexia));
  gtk_switch_set_active (dyslexia, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "dyslexia-friendly"));

  gtk_switch_set_active (teacher, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "teacher-mode"));
  g_settings_reset (settings, "teacher-mode");
  g_assert_false (gtk_switch_get_active (teacher));

  collect (preferences, GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 2);
  g_settings_set_int (settings, "text-size", 150);
  g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 0)), ==, 150.0);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 2.0);
  g_assert_cmpfloat (g_settings_get_double (settings, "line-spacing"), ==, 2.0);

#if ADW_CHECK_VERSION (1, 5, 0)
  g_object_unref (preferences);
#else
  gtk_window_destroy (GTK_WINDOW (preferences));
#endif
  fw_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  fw_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/preferences/bound", test_preferences_bound);

  return g_test_run ();
}
