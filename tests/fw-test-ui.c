/* fw-test-ui.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers the UI tests and the reader benchmark share: running the main
 * loop until the display has caught up, and finding widgets by type. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fw-test-ui.h"

/**
 * fw_test_init:
 * @argc: (inout): the address of main()'s argc
 * @argv: (inout) (array length=argc): the address of main()'s argv
 *
 * Initializes a UI test as gtk_test_init() does, and runs each test case
 * in XDG directories and a home of its own (%G_TEST_OPTION_ISOLATE_DIRS).
 * gtk_test_init() passes none of its options on to g_test_init(), so a
 * test that named the option there ran in the real home: it read and
 * wrote the user's pack library and saved work, and two tests running
 * side by side (or a test and the app) changed each other's files.
 *
 * The isolated system data directories hold no MIME database, without
 * which GdkPixbuf recognises no SVG icon: the MIME database of the system
 * stays in use, as g_content_type_set_mime_dirs() lets tests choose.
 */
void
fw_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  /* Read before g_test_init(), which points the directories elsewhere. */
  for (const char * const *d = g_get_system_data_dirs (); *d != NULL; d++)
    g_ptr_array_add (mime_dirs, g_build_filename (*d, "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "en_US.UTF-8");
  gtk_init ();
}

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
