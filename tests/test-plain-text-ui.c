/* test-plain-text-ui.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pack text on screen is plain text. A pack full of markup, entities,
 * control characters, bidirectional overrides and zero-width characters
 * is opened in a real window on the headless display, and every widget
 * that shows its text must hold exactly the characters of the file. The
 * same goes for the problem list of a pack that cannot be opened, and for
 * a file name that looks like markup. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fw-byline-card.h"
#include "fw-highlight-popover.h"
#include "fw-pack-loader.h"
#include "fw-reader-page.h"
#include "fw-test-ui.h"
#include "fw-window.h"

static FwApplication *app;

static void
wait_for_load (FwWindow *window)
{
  while (fw_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
}

static char *
test_pack_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "packs", name, NULL);
}

/* Collects the labels under @widget. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* A label that shows @text exactly, parsing nothing. */
static GtkLabel *
find_label_showing (GtkWidget  *widget,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (widget, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_str_equal (gtk_label_get_text (label), text))
        {
          g_assert_false (gtk_label_get_use_markup (label));
          g_assert_cmpstr (gtk_label_get_label (label), ==, text);
          return label;
        }
    }

  for (guint i = 0; i < labels->len; i++)
    g_test_message ("label: %s", gtk_label_get_text (g_ptr_array_index (labels, i)));
  g_error ("No label shows “%s”", text);
}

static FwWindow *
open_hostile_pack (void)
{
  g_autofree char *path = test_pack_path ("hostile-text.fwpack");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FwWindow *window = fw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  fw_window_open_file (window, file);
  wait_for_load (window);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "pack");

  return window;
}

static void
test_reader_text_literal (void)
{
  FwWindow *window = open_hostile_pack ();
  FwReaderPage *reader = fw_window_get_reader_page (window);
  FwPiece *piece = fw_reader_page_get_piece (reader);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fw_reader_page_get_text_view (reader));
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  /* The piece's text starts below the header anchored at the top. */
  fw_reader_page_get_iter_at_offset (reader, &start, 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  /* Character for character what the file holds. */
  g_assert_cmpstr (shown, ==,
                   "A <b>bold</b> claim &amp; an entity &#x41; and a tag <u>here</u>.\n"
                   "Override: \u202Eabc\u202C done; isolate \u2067xyz\u2069; marks \u200E\u200F.\n"
                   "Zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFbom and a line\u2028separator.\n"
                   "Control \x01\x07\x7F\xC2\x85 characters.");
  g_assert_cmpstr (shown, ==, fw_piece_get_text (piece));

  /* Highlights fall on the characters the pack names. */
  g_assert_cmpuint (fw_reader_page_count_tagged (reader, FW_ANNOTATION_LOADED_TERM), ==, 1);
  g_assert_cmpuint (fw_reader_page_count_tagged (reader, FW_ANNOTATION_UNSUPPORTED_ASSERTION),
                    ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_byline_and_title_literal (void)
{
  FwWindow *window = open_hostile_pack ();
  FwReaderPage *reader = fw_window_get_reader_page (window);
  GtkWidget *card = fw_reader_page_get_byline_card (reader);
  g_autofree char *card_text = fw_byline_card_dup_text (FW_BYLINE_CARD (card));

  find_label_showing (card, "<span foreground=\"red\">Red</span> & <i>italic");
  find_label_showing (card, "<b>Ann</b> \u202ERevo");
  find_label_showing (card, "&lt;Institute&gt; \u200Bzero\u200Dwidth\uFEFF");
  find_label_showing (card, "<a href=\"https://example.org\">link</a>");
  find_label_showing (card, "Bell\x07 escape\x1B[31m red");

  /* The outlet's name and kind share a line; each is isolated, so the
   * override in the kind cannot reorder the name, and the line starts
   * with a mark of the window's direction. */
  find_label_showing (card,
                      "\u200E\u2068<i>Outlet</i> &amp;\u2069 (\u2068\u202Ereversed kind\u2069)");
  g_assert_nonnull (strstr (card_text, "<b>Ann</b>"));

  /* The window title and the sidebar show the titles as written. */
  find_label_showing (GTK_WIDGET (window), "<b>Bold</b> &amp; \u202Eevil");
  find_label_showing (GTK_WIDGET (window), "<span foreground=\"red\">Red</span> & <i>italic");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The x position, in Pango units, at which @label draws the character at
 * byte @index of its text. */
static int
x_of_index (GtkLabel *label,
            int       index)
{
  PangoRectangle pos;

  pango_layout_index_to_pos (gtk_label_get_layout (label), index, &pos);
  return MIN (pos.x, pos.x + pos.width);
}

/* A line that puts pack text with an unclosed override (U+202E) at its
 * start next to other text shows its parts in the window's order: the
 * outlet before the authors in the sidebar, the name before the kind on
 * the byline card. Each part is drawn reversed, as its text asks. */
static void
test_override_keeps_order (void)
{
  static const char json[] =
    "{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"bidi\","
    " \"title\": \"Bidi\", \"language\": \"en\", \"pieces\": [{\"id\": \"one\","
    " \"title\": \"One\", \"paragraphs\": [\"Text.\"],"
    " \"contributors\": [{\"name\": \"\u202EMara Ilic\", \"role\": \"author\","
    " \"confidence\": \"confirmed\"}],"
    " \"outlet\": {\"name\": \"\u202ECapital Herald\", \"kind\": \"\u202Edaily\"}}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bytes (bytes, NULL, &error);
  FwWindow *window = fw_window_new (app);
  GtkWidget *card;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *subtitle = NULL, *outlet = NULL;
  const char *text;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  fw_window_set_pack (window, pack);
  fw_test_wait_for_frame (GTK_WIDGET (window));
  card = fw_reader_page_get_byline_card (fw_window_get_reader_page (window));

  collect_labels (GTK_WIDGET (window), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      text = gtk_label_get_text (label);
      if (strstr (text, "Capital Herald") != NULL && strstr (text, "Mara Ilic") != NULL)
        subtitle = label;
      else if (strstr (text, "Capital Herald") != NULL && strstr (text, "daily") != NULL
               && gtk_widget_is_ancestor (GTK_WIDGET (label), card))
        outlet = label;
    }
  g_assert_nonnull (subtitle);
  g_assert_nonnull (outlet);

  text = gtk_label_get_text (subtitle);
  g_assert_cmpint (x_of_index (subtitle, strstr (text, "·") - text), <,
                   x_of_index (subtitle, strstr (text, "Mara") - text));
  g_assert_cmpint (x_of_index (subtitle, strstr (text, "Capital") - text), <,
                   x_of_index (subtitle, strstr (text, "·") - text));

  text = gtk_label_get_text (outlet);
  g_assert_cmpint (x_of_index (outlet, strstr (text, "Capital") - text), <,
                   x_of_index (outlet, strstr (text, "(") - text));
  g_assert_cmpint (x_of_index (outlet, strstr (text, "(") - text), <,
                   x_of_index (outlet, strstr (text, "daily") - text));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_popover_literal (void)
{
  FwWindow *window = open_hostile_pack ();
  FwReaderPage *reader = fw_window_get_reader_page (window);
  GtkWidget *popover = fw_reader_page_get_popover (reader);
  g_autofree char *text = NULL;

  /* "<b>bold</b>" starts at code point 2 of the piece. */
  g_assert_true (fw_reader_page_open_highlight_at (reader, 3));
  text = fw_highlight_popover_dup_text (FW_HIGHLIGHT_POPOVER (popover));
  g_assert_cmpstr (text, ==,
                   "Loaded term\n"
                   "“<b>bold</b>”\n"
                   "<b>category</b>\n"
                   "&amp; <i>note</i>\n"
                   "More neutral: <s>neutral</s>\n"
                   "Annotated by the lesson pack’s authors\n");
  find_label_showing (popover, "&amp; <i>note</i>");
  gtk_popover_popdown (GTK_POPOVER (popover));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_problem_list_literal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fw-ui-XXXXXX", NULL);
  /* A file name that is valid markup, and a quote that is too. */
  g_autofree char *path = g_build_filename (dir, "<b>&amp; broken<b>.fwpack", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FwWindow *window = fw_window_new (app);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  static const char pack[] =
    "{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"x\", \"title\": \"T\",\n"
    " \"language\": \"en\", \"pieces\": [{\"id\": \"p\", \"title\": \"P\",\n"
    " \"paragraphs\": [\"text\"], \"annotations\": [{\"kind\": \"loaded-term\",\n"
    " \"category\": \"c\", \"note\": \"n\", \"exact\": \"<i>missing</i> \\u202E\"}]}]}\n";
  gboolean found_description = FALSE;

  g_assert_true (g_file_set_contents (path, pack, -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  fw_window_open_file (window, file);
  wait_for_load (window);
  g_assert_cmpstr (fw_window_get_visible_page (window), ==, "invalid");

  /* The problem's row shows the message as text, with the invisible
   * character named. */
  find_label_showing (GTK_WIDGET (window),
                      "The quote “<i>missing</i> [U+202E]” does not occur in the piece; check "
                      "spelling, quotes and dashes");
  find_label_showing (GTK_WIDGET (window),
                      "Line 4, column 41 · \u2068/pieces/0/annotations/0/exact\u2069");

  /* The status page's description is markup, so the file name was
   * escaped: it shows as written. */
  collect_labels (GTK_WIDGET (window), labels);
  for (guint i = 0; i < labels->len; i++)
    found_description |= g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)),
                                      "<b>&amp; broken<b>.fwpack: The pack has 1 error");
  g_assert_true (found_description);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  fw_test_init (&argc, &argv);
  adw_init ();

  app = fw_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN
                                                | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/plain-text-ui/reader", test_reader_text_literal);
  g_test_add_func ("/plain-text-ui/byline-and-titles", test_byline_and_title_literal);
  g_test_add_func ("/plain-text-ui/popover", test_popover_literal);
  g_test_add_func ("/plain-text-ui/override-keeps-order", test_override_keeps_order);
  g_test_add_func ("/plain-text-ui/problem-list", test_problem_list_literal);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
