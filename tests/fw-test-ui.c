/* fw-test-ui.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers the UI tests and the reader benchmark share: running the main
 * loop until the display has caught up, and finding widgets by type. */

#include "config.h"

#include <string.h>

#include "fw-test-ui.h"

/**
 * fw_test_spin:
 *
 * Runs the default main context until it has nothing more to dispatch,
 * without blocking.
 */
void
fw_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * fw_test_set_true_cb:
 * @flag: (out): the flag to set
 *
 * Sets @flag to %TRUE: a callback for g_signal_connect_swapped() with the
 * flag as its data, for a test that waits until a signal has come.
 */
void
fw_test_set_true_cb (gboolean *flag)
{
  *flag = TRUE;
}

/**
 * fw_test_wait_for_frame:
 * @widget: a realized widget
 *
 * Runs the main loop until @widget's window has laid out and painted a
 * frame, so that it has a place on the monitor and its allocations and
 * scroll positions are current, then dispatches what the frame queued.
 */
void
fw_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (fw_test_set_true_cb),
                                      &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  fw_test_spin ();
}

/**
 * fw_test_find_descendant:
 * @root: the widget to search from
 * @type: the type to look for
 *
 * Finds the first widget of @type, depth first in child order, among
 * @root and its descendants.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL when there is
 *   none
 */
GtkWidget *
fw_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fw_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * fw_test_find_toggle:
 * @root: the widget to search under
 * @label: the text of the toggle's label
 *
 * Finds the first toggle button among the descendants of @root, depth
 * first in child order, whose child is a label showing @label, such as a
 * legend toggle of the reading page.
 *
 * Returns: (transfer none) (nullable): the toggle button, or %NULL when
 *   there is none
 */
GtkWidget *
fw_test_find_toggle (GtkWidget  *root,
                     const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button_child = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child))
                                                      : NULL;
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child) && GTK_IS_LABEL (button_child)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (button_child)), label) == 0)
        return child;

      found = fw_test_find_toggle (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * fw_test_assert_contains:
 * @haystack: the text to search
 * @needle: the text it must contain
 *
 * Fails the test, showing @haystack, unless @needle occurs in it.
 */
void
fw_test_assert_contains (const char *haystack,
                         const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}
