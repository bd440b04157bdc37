/* test-i18n.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reading page in Polish, and mirrored for a right-to-left language.
 *
 * The test runs with LC_ALL=C.UTF-8 and LANGUAGE=pl: glibc's gettext
 * honours LANGUAGE with any locale but plain "C", so no Polish locale has
 * to be installed. The message catalogues come from the build tree
 * (FW_LOCALEDIR, set by tests/meson.build), where the build writes
 * po/LANG/LC_MESSAGES/framewise.mo. Month names come from the C library's
 * locale data instead, so the date test runs only where pl_PL.UTF-8 is
 * installed. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "fw-byline-card.h"
#include "fw-reader-page.h"
#include "fw-test-ui.h"
#include "fw-window.h"

/* Pack text that the byline places inside a longer string is wrapped in a
 * Unicode bidirectional isolate (fw_plain_text_isolate()). */
#define ISOLATED(text) "\u2068" text "\u2069"

typedef struct
{
  FwWindow *window;
  FwReaderPage *page;
} Fixture;

/* Every label's text under @root, one a line, in widget order. */
static void
append_label_text (GString   *out,
                   GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else
        append_label_text (out, child);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gtk_widget_set_default_direction ((GtkTextDirection) GPOINTER_TO_INT (data));

  /* The window opens the bundled pack by itself. */
  fixture->window = g_object_new (FW_TYPE_WINDOW, NULL);
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));

  fixture->page = FW_READER_PAGE (fw_test_find_descendant (GTK_WIDGET (fixture->window),
                                                           FW_TYPE_READER_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_nonnull (fw_window_get_pack (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fw_test_spin ();
  g_assert_finalize_object (fixture->window);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
show_piece (Fixture *fixture,
            guint    index)
{
  fw_window_show_piece (fixture->window, index);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static char *
dup_byline (Fixture *fixture)
{
  return fw_byline_card_dup_text (FW_BYLINE_CARD (fw_reader_page_get_byline_card (fixture->page)));
}

static graphene_rect_t
bounds_in_window (Fixture   *fixture,
                  GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0.0);
  return bounds;
}

static void
test_polish_reading_page (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(GString) window_text = g_string_new (NULL);
  g_autofree char *byline = NULL;

  /* The catalogue is the build's own, not a stale installed one. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Loaded terms"), ==, "Słowa nacechowane");

  /* The legend toggles are labelled in Polish, and none in English. */
  g_assert_nonnull (fw_test_find_toggle (page, "Słowa nacechowane"));
  g_assert_nonnull (fw_test_find_toggle (page, "Twierdzenia bez poparcia"));
  g_assert_nonnull (fw_test_find_toggle (page, "Sporne nazwy"));
  g_assert_nonnull (fw_test_find_toggle (page, "Wskazania źródeł"));
  g_assert_null (fw_test_find_toggle (page, "Loaded terms"));
  g_assert_null (fw_test_find_toggle (page, "Attributions"));

  /* The byline's headings and confidence badges are Polish; the pack's
   * own text (names, outlet kinds) stays as the pack wrote it. */
  show_piece (fixture, 0);
  byline = dup_byline (fixture);
  g_test_message ("%s", byline);
  fw_test_assert_contains (byline, "Autor\nNie podano\nNie podano\n");
  fw_test_assert_contains (byline, "Medium\n\u200E" ISOLATED ("links-newsandtimes.com") " ("
                                   ISOLATED ("re-posting site") ")\nNie potwierdzono\n");
  fw_test_assert_contains (byline, "Opublikowano\n");
  fw_test_assert_contains (byline, "Ilustracja\n");
  fw_test_assert_contains (byline, "Perspektywa\n");
  g_assert_null (strstr (byline, "Outlet\n"));
  g_clear_pointer (&byline, g_free);

  show_piece (fixture, 3);
  byline = dup_byline (fixture);
  fw_test_assert_contains (byline, "Autor\nDavid Akopyan\nPotwierdzono\n");
  fw_test_assert_contains (byline,
                           "Afiliacja\nFormer Country Director, UNDP Syria\nNie potwierdzono\n");
  fw_test_assert_contains (byline, "Ilustracja\nNie podano\nNie podano\n");

  /* The sidebar's headers, and the step counts with Polish plurals: 3 and
   * 7 take different forms ("kroki", "kroków"). */
  append_label_text (window_text, GTK_WIDGET (fixture->window));
  fw_test_assert_contains (window_text->str, "Teksty\n");
  fw_test_assert_contains (window_text->str, "Ćwiczenia\n");
  fw_test_assert_contains (window_text->str, "\n3 kroki\n");
  fw_test_assert_contains (window_text->str, "\n5 kroków\n");
  fw_test_assert_contains (window_text->str, "\n7 kroków\n");
}

static void
test_polish_narrow_window (Fixture       *fixture,
                           gconstpointer  data)
{
  int minimum = 0;

  /* Polish labels are longer than English ones; the window must still fit
   * half of a 1366-pixel school laptop screen, as test-reader checks for
   * English. The exercise page shares the content stack, so its action
   * bar counts too. */
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_test_message ("minimum width in Polish: %d", minimum);
  g_assert_cmpint (minimum, <=, 683);
}

static void
test_polish_dates (Fixture       *fixture,
                   gconstpointer  data)
{
  FwPack *pack = fw_window_get_pack (fixture->window);
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;

  if (setlocale (LC_TIME, "pl_PL.UTF-8") == NULL)
    {
      g_test_skip ("the pl_PL.UTF-8 locale is not installed");
      return;
    }

  /* A day takes the genitive month (%B), a month alone the nominative
   * (%OB). */
  day = fw_piece_format_published (fw_pack_get_piece (pack, 0));
  month = fw_piece_format_published (fw_pack_get_piece (pack, 3));
  setlocale (LC_TIME, "");
  g_assert_cmpstr (day, ==, "21 września 2023");
  g_assert_cmpstr (month, ==, "wrzesień 2023");
}

static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *flap = fw_test_find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_FLAP);
  GtkWidget *sidebar = fw_test_find_descendant (adw_flap_get_flap (ADW_FLAP (flap)),
                                                GTK_TYPE_LIST_BOX);
  GtkWidget *card = fw_reader_page_get_byline_card (fixture->page);
  GtkWidget *grid = fw_test_find_descendant (card, GTK_TYPE_GRID);
  GtkWidget *first_toggle = fw_test_find_toggle (GTK_WIDGET (fixture->page), "Słowa nacechowane");
  GtkWidget *second_toggle = fw_test_find_toggle (GTK_WIDGET (fixture->page),
                                                  "Twierdzenia bez poparcia");
  graphene_rect_t sidebar_bounds, page_bounds, first_bounds, second_bounds;
  guint rows = 0;

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_nonnull (sidebar);
  g_assert_nonnull (grid);
  g_assert_nonnull (first_toggle);
  g_assert_nonnull (second_toggle);

  show_piece (fixture, 3);

  /* The sidebar, which leads the window, is on the right of the page. */
  sidebar_bounds = bounds_in_window (fixture, sidebar);
  page_bounds = bounds_in_window (fixture, GTK_WIDGET (fixture->page));
  g_assert_cmpfloat (sidebar_bounds.origin.x, >=, page_bounds.origin.x + page_bounds.size.width);

  /* The legend reads from right to left: its first toggle is right of the
   * second. */
  first_bounds = bounds_in_window (fixture, first_toggle);
  second_bounds = bounds_in_window (fixture, second_toggle);
  g_assert_cmpfloat (first_bounds.origin.y, ==, second_bounds.origin.y);
  g_assert_cmpfloat (first_bounds.origin.x, >=, second_bounds.origin.x + second_bounds.size.width);

  /* Each byline heading is right of its value. */
  for (int row = 0; gtk_grid_get_child_at (GTK_GRID (grid), 0, row) != NULL; row++)
    {
      GtkWidget *heading = gtk_grid_get_child_at (GTK_GRID (grid), 0, row);
      GtkWidget *value = gtk_grid_get_child_at (GTK_GRID (grid), 1, row);
      graphene_rect_t heading_bounds, value_bounds;

      g_assert_nonnull (value);
      heading_bounds = bounds_in_window (fixture, heading);
      value_bounds = bounds_in_window (fixture, value);
      g_assert_cmpfloat (heading_bounds.origin.x, >=,
                         value_bounds.origin.x + value_bounds.size.width);
      rows++;
    }
  /* Two authors, two affiliations, outlet, date and image. */
  g_assert_cmpuint (rows, >=, 7);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("FW_LOCALEDIR");

  /* Before GTK sets the locale and reads any message. */
  g_setenv ("LANGUAGE", "pl", TRUE);
  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* The templates are translated in the default domain, as in main.c. */
  textdomain (GETTEXT_PACKAGE);

  fw_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/i18n/polish-reading-page", Fixture, GINT_TO_POINTER (GTK_TEXT_DIR_LTR),
              fixture_set_up, test_polish_reading_page, fixture_tear_down);
  g_test_add ("/i18n/polish-narrow-window", Fixture, GINT_TO_POINTER (GTK_TEXT_DIR_LTR),
              fixture_set_up, test_polish_narrow_window, fixture_tear_down);
  g_test_add ("/i18n/polish-dates", Fixture, GINT_TO_POINTER (GTK_TEXT_DIR_LTR),
              fixture_set_up, test_polish_dates, fixture_tear_down);
  g_test_add ("/i18n/right-to-left", Fixture, GINT_TO_POINTER (GTK_TEXT_DIR_RTL),
              fixture_set_up, test_right_to_left, fixture_tear_down);

  return g_test_run ();
}
