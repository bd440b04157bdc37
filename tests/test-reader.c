/* test-reader.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reading page on a headless display: the main window opens on the
 * bundled pack, and for each piece the byline says what the pack says,
 * the highlights are in the text, a highlight explains itself, and the
 * legend hides and shows highlights and remembers that in GSettings.
 * Automatic flags join the pack's annotations once the analysis, which
 * runs in a worker thread, is in; switching pieces quickly never shows
 * one piece's flags on another. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fw-analyzer.h"
#include "fw-byline-card.h"
#include "fw-compat.h"
#include "fw-frame-chart.h"
#include "fw-highlight-popover.h"
#include "fw-piece-summary.h"
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
  GSettings *settings;
} Fixture;

/* Runs the main loop until @scrolled has stopped scrolling: the text view
 * animates its scrolling over several frames. */
static void
wait_for_scroll (GtkWidget *scrolled)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double last = -1.0;
  guint still = 0;

  for (guint frames = 0; still < 3 && frames < 600; frames++)
    {
      double value;

      fw_test_wait_for_frame (scrolled);
      value = gtk_adjustment_get_value (adjustment);
      still = value == last ? still + 1 : 0;
      last = value;
    }
  g_assert_cmpuint (still, ==, 3);
}

/* Runs the main loop until the page has its piece's analysis and every
 * highlight is applied. */
static void
wait_until_idle (FwReaderPage *page)
{
  while (fw_reader_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  fw_test_spin ();
}

static GtkWidget *
find_toggle (FwReaderPage *page,
             const char   *label)
{
  GtkWidget *toggle = fw_test_find_toggle (GTK_WIDGET (page), label);

  if (toggle == NULL)
    g_error ("no legend toggle “%s”", label);

  return toggle;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "show-loaded-terms");
  g_settings_reset (fixture->settings, "show-unsupported-assertions");
  g_settings_reset (fixture->settings, "show-contested-names");
  g_settings_reset (fixture->settings, "show-attributions");
  g_settings_reset (fixture->settings, "show-automatic");
  g_settings_reset (fixture->settings, "window-width");
  g_settings_reset (fixture->settings, "window-height");
  g_settings_reset (fixture->settings, "window-maximized");

  /* The window opens the bundled pack by itself. */
  fixture->window = g_object_new (FW_TYPE_WINDOW, NULL);
  g_object_ref_sink (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  fw_test_spin ();

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
  g_clear_object (&fixture->settings);
}

static FwPiece *
show_piece (Fixture *fixture,
            guint    index)
{
  FwPiece *piece = fw_pack_get_piece (fw_window_get_pack (fixture->window), index);

  fw_window_show_piece (fixture->window, index);
  wait_until_idle (fixture->page);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (fw_reader_page_get_piece (fixture->page) == piece);

  return piece;
}

static char *
dup_byline (Fixture *fixture)
{
  return fw_byline_card_dup_text (FW_BYLINE_CARD (fw_reader_page_get_byline_card (fixture->page)));
}

static void
test_reader_first_piece_shown (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fw_reader_page_get_text_view (fixture->page));
  FwPiece *first = fw_pack_get_piece (fw_window_get_pack (fixture->window), 0);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  /* The first piece is shown without anyone choosing it, as plain text
   * identical to the piece, after the header anchored at the top. */
  g_assert_true (fw_reader_page_get_piece (fixture->page) == first);
  fw_reader_page_get_iter_at_offset (fixture->page, &start, 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, fw_piece_get_text (first));
  g_assert_false (gtk_text_view_get_editable (fw_reader_page_get_text_view (fixture->page)));

  /* The text view is the scrolled window's own child, so that GTK lays
   * out only what is in view, and the byline scrolls with the text. */
  g_assert_true (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (
                   fw_test_find_descendant (GTK_WIDGET (fixture->page), GTK_TYPE_SCROLLED_WINDOW)))
                 == GTK_WIDGET (fw_reader_page_get_text_view (fixture->page)));
  g_assert_true (gtk_widget_is_ancestor (fw_reader_page_get_byline_card (fixture->page),
                                         GTK_WIDGET (fw_reader_page_get_text_view (
                                                       fixture->page))));
}

static void
test_reader_bylines (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *byline = NULL;

  /* No author named: the byline says so, with why that matters. */
  show_piece (fixture, 0);
  byline = dup_byline (fixture);
  g_test_message ("%s", byline);
  fw_test_assert_contains (byline, "The agreement was reached to stop the Azerbaijan's Anti-Terror "
                                   "Operation in Karabakh: quo vadis?\n");
  fw_test_assert_contains (byline, "Author\nNot stated\nNot stated\nNo author is named");
  fw_test_assert_contains (byline, "Outlet\n\u200E" ISOLATED ("links-newsandtimes.com") " ("
                                   ISOLATED ("re-posting site") ")\nUnconfirmed\n");
  fw_test_assert_contains (byline, "Published\n21 September 2023\nUnconfirmed\n");
  fw_test_assert_contains (byline,
                           "Image\nImage source: Azerbaijan Ministry of Defence\nUnconfirmed\n");
  fw_test_assert_contains (byline, "Perspective\nArgues from Azerbaijan's side.");
  /* Where it was found and the outlet's home page, as the pack gives them. */
  fw_test_assert_contains (byline, "published it.\nHome page\nhttps://links-newsandtimes.com\n"
                                   "Found at\nhttps://links-newsandtimes.com/the-agreement-was-"
                                   "reached-to-stop-the-azerbaijans-anti-terroroperation-in-"
                                   "karabakh-quo-vadis\nPublished\n");
  g_clear_pointer (&byline, g_free);

  show_piece (fixture, 1);
  byline = dup_byline (fixture);
  fw_test_assert_contains (byline, "Author\nNot stated\nNot stated\n");
  fw_test_assert_contains (byline, "Outlet\n\u200E" ISOLATED ("Modern Diplomacy") " ("
                                   ISOLATED ("online opinion magazine") ")\nConfirmed\n");
  fw_test_assert_contains (byline, "Published\n17 September 2023\nConfirmed\n");
  fw_test_assert_contains (byline, "Image\nphoto: © UNICEF/Vincent Tremeau\nUnconfirmed\n");
  g_clear_pointer (&byline, g_free);

  show_piece (fixture, 2);
  byline = dup_byline (fixture);
  fw_test_assert_contains (byline, "Author\nNot stated\nNot stated\n");
  fw_test_assert_contains (byline, "Outlet\n\u200E" ISOLATED ("AIR Center (Center of Analysis of "
                                                       "International Relations, Baku)")
                                   " (" ISOLATED ("state-founded think tank") ")\nUnconfirmed\n");
  fw_test_assert_contains (byline, "Published\n18 September 2023\nUnconfirmed\n");
  fw_test_assert_contains (byline, "Image\nImage source: azernews\nUnconfirmed\n");
  g_clear_pointer (&byline, g_free);

  /* Two named authors, each with an affiliation whose confidence differs
   * from that of the name; no image credit. */
  show_piece (fixture, 3);
  byline = dup_byline (fixture);
  g_test_message ("%s", byline);
  fw_test_assert_contains (byline, "Author\nDavid Akopyan\nConfirmed\n");
  fw_test_assert_contains (byline,
                           "Affiliation\nFormer Country Director, UNDP Syria\nUnconfirmed\n");
  fw_test_assert_contains (byline, "Author\nHrair Balian\nConfirmed\n");
  /* Where each name was checked, under the name. */
  fw_test_assert_contains (byline, "not confirmed.\nChecked at\n"
                                   "https://www.tufs.ac.jp/english/NEWS/trend/190618_1.html\n"
                                   "Affiliation\nFormer Country Director");
  fw_test_assert_contains (byline, "Checked at\nhttps://www.cartercenter.org/peace/"
                                   "conflict_resolution/program_staff.html\nAffiliation\n");
  fw_test_assert_contains (byline, "Home page\nhttps://www.civilnet.am\n");
  fw_test_assert_contains (byline, "Found at\nhttps://www.civilnet.am/en/news/750052/"
                                   "ending-the-nagorno-karabakh-siege-lessons-from-syria/\n");
  fw_test_assert_contains (byline, "Outlet\n\u200E" ISOLATED ("CivilNet") " ("
                                   ISOLATED ("online news outlet") ")\nConfirmed\n");
  fw_test_assert_contains (byline, "Published\nSeptember 2023\nUnconfirmed\n");
  fw_test_assert_contains (byline, "Image\nNot stated\nNot stated\n");
  g_assert_null (strstr (byline, "Author\nNot stated"));
}

static void
test_reader_byline_accessible (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *card = fw_reader_page_get_byline_card (fixture->page);
  GtkWidget *title = fw_test_find_descendant (card, GTK_TYPE_LABEL);

  show_piece (fixture, 3);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP);
  /* The title is the first label and a heading for screen readers. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==,
                   "Ending the Nagorno-Karabakh Siege, lessons from Syria");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_ROLE_HEADING);
  /* Pack text is never read as markup. */
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title)));
}

static void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, out);
}

static void
copied_cb (GObject      *clipboard,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_reader_byline_addresses (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *card = fw_reader_page_get_byline_card (fixture->page);
  FwPiece *piece = show_piece (fixture, 3);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *copied = NULL;
  GtkWidget *found_at = NULL;
  GtkWidget *copy = NULL;
  guint n_addresses = 0;
  guint n_home = 0, n_sources = 0;

  /* The addresses are shown as selectable plain text, never as links:
   * Framewise does not open them. */
  collect_descendants (card, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      g_assert_false (gtk_label_get_use_markup (label));
      if (!gtk_widget_has_css_class (GTK_WIDGET (label), "byline-address"))
        continue;
      n_addresses++;
      g_assert_true (gtk_label_get_selectable (label));
      g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "https://"));
      if (g_strcmp0 (gtk_label_get_text (label), fw_piece_get_url (piece)) == 0)
        found_at = GTK_WIDGET (label);

      /* Each Copy button says which address it copies, for the eye and
       * for the ear. */
      {
        GtkWidget *button = gtk_widget_get_next_sibling (GTK_WIDGET (label));
        const char *text = gtk_label_get_text (label);
        const FwOutlet *outlet = fw_piece_get_outlet (piece);
        const char *name = "Copy the address of the source";

        if (g_strcmp0 (text, fw_piece_get_url (piece)) == 0)
          name = "Copy the piece’s address";
        else if (g_strcmp0 (text, outlet->url) == 0)
          name = "Copy the home page address";
        g_assert_true (GTK_IS_BUTTON (button));
        g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, name);
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, name);
        n_home += g_str_equal (name, "Copy the home page address");
        n_sources += g_str_equal (name, "Copy the address of the source");
      }
    }
  g_assert_cmpuint (n_addresses, ==, 4);
  /* The home page once, the piece's address once, two sources. */
  g_assert_cmpuint (n_home, ==, 1);
  g_assert_cmpuint (n_sources, ==, 2);
  g_assert_nonnull (found_at);
  collect_descendants (card, GTK_TYPE_LINK_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 0);

  /* A long address is shortened in the middle instead of widening the
   * card; the whole of it is in its tooltip. */
  g_assert_cmpint (gtk_widget_get_width (card), <=,
                   gtk_widget_get_width (GTK_WIDGET (fw_reader_page_get_text_view (
                                                       fixture->page))));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (found_at)), ==, PANGO_ELLIPSIZE_MIDDLE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (found_at), ==, fw_piece_get_url (piece));

  /* Its Copy button puts the whole address on the clipboard. */
  copy = gtk_widget_get_next_sibling (found_at);
  g_assert_true (GTK_IS_BUTTON (copy));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Copy the piece’s address");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       fw_piece_get_url (piece));
  g_signal_emit_by_name (copy, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (copy), NULL, copied_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copied, ==, fw_piece_get_url (piece));
}

/* How many separate runs of text the annotations of @kind cover: spans
 * that overlap or touch share one run of the kind's tag. */
static guint
count_runs (FwPiece          *piece,
            FwAnnotationKind  kind)
{
  GPtrArray *annotations = fw_piece_get_annotations (piece);
  guint runs = 0;
  guint run_end = 0;
  gboolean in_run = FALSE;

  /* Annotations are sorted by start. */
  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);

      if (a->kind != kind)
        continue;

      if (!in_run || a->start > run_end)
        {
          runs++;
          run_end = a->end;
          in_run = TRUE;
        }
      else
        {
          run_end = MAX (run_end, a->end);
        }
    }

  return runs;
}

static const FwAnnotation *
find_annotation (FwPiece          *piece,
                 FwAnnotationKind  kind,
                 const char       *quote)
{
  GPtrArray *annotations = fw_piece_get_annotations (piece);

  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);
      g_autofree char *span = fw_piece_dup_span_text (piece, a->start, a->end);

      if (a->kind == kind && g_str_equal (span, quote))
        return a;
    }

  g_error ("no annotation on “%s”", quote);
}

static gboolean
has_tag_at (FwReaderPage *page,
            const char   *tag_name,
            guint         offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fw_reader_page_get_text_view (page));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  fw_reader_page_get_iter_at_offset (page, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
test_reader_highlights (Fixture       *fixture,
                        gconstpointer  data)
{
  for (guint i = 0; i < 4; i++)
    {
      FwPiece *piece = show_piece (fixture, i);
      guint loaded = count_runs (piece, FW_ANNOTATION_LOADED_TERM);
      guint assertions = count_runs (piece, FW_ANNOTATION_UNSUPPORTED_ASSERTION);
      guint names = count_runs (piece, FW_ANNOTATION_CONTESTED_NAME);

      g_assert_cmpuint (loaded, >=, 15);
      g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_LOADED_TERM),
                        ==, loaded);
      g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page,
                                                     FW_ANNOTATION_UNSUPPORTED_ASSERTION),
                        ==, assertions);
      g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_CONTESTED_NAME),
                        ==, names);
      /* Attributions are off by default, frame cues are not highlighted
       * in the reader. */
      g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_ATTRIBUTION),
                        ==, 0);
      g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_FRAME_CUE),
                        ==, 0);
    }
}

static void
test_reader_popover (Fixture       *fixture,
                     gconstpointer  data)
{
  FwPiece *piece = show_piece (fixture, 2);
  GtkWidget *popover = fw_reader_page_get_popover (fixture->page);
  const FwAnnotation *illegal = find_annotation (piece, FW_ANNOTATION_LOADED_TERM,
                                                 "Illegal elections");
  g_autofree char *text = NULL;
  g_autofree char *expected_note = NULL;
  g_autofree char *description = NULL;

  g_assert_nonnull (illegal->neutral);
  g_assert_true (has_tag_at (fixture->page, "loaded-term", illegal->start));
  g_assert_false (gtk_widget_get_visible (popover));

  /* Activating the middle of the word opens the explanation. */
  g_assert_true (fw_reader_page_open_highlight_at (fixture->page, illegal->start + 2));
  fw_test_spin ();
  g_assert_true (gtk_widget_get_visible (popover));

  text = fw_highlight_popover_dup_text (FW_HIGHLIGHT_POPOVER (popover));
  g_test_message ("%s", text);
  fw_test_assert_contains (text, "Loaded term\n“Illegal elections”\nDelegitimising qualifier\n");
  expected_note = g_strdup_printf ("\n%s\n", illegal->note);
  fw_test_assert_contains (text, expected_note);
  fw_test_assert_contains (text, illegal->neutral);
  fw_test_assert_contains (text, "Annotated by the lesson pack’s authors\n");

  /* Screen readers get the kind as the popover's name and the reason as
   * its description. */
  description = fw_highlight_describe (illegal);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Loaded term");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  gtk_popover_popdown (GTK_POPOVER (popover));
  fw_test_spin ();

  /* Outside every highlight there is nothing to explain. */
  g_assert_null (fw_reader_page_get_annotation_at (fixture->page, fw_piece_get_length (piece)));
}

/* Scrolls the text so that the line of @offset, a piece offset, is
 * @from_top pixels below the top of the view, and lets it draw. */
static void
scroll_line_to (Fixture *fixture,
                guint    offset,
                int      from_top)
{
  GtkTextView *view = fw_reader_page_get_text_view (fixture->page);
  GtkWidget *scrolled = fw_test_find_descendant (GTK_WIDGET (fixture->page),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkTextIter iter;
  GdkRectangle rect;

  fw_reader_page_get_iter_at_offset (fixture->page, &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_adjustment_set_value (adjustment, rect.y - from_top);
  fw_test_wait_for_frame (scrolled);
  fw_test_wait_for_frame (scrolled);
}

/* Fails unless the popover's content got at least the height it needs
 * for the width it got: otherwise its last lines are cut off. */
static void
assert_popover_not_cut (GtkWidget *popover)
{
  GtkWidget *content = gtk_popover_get_child (GTK_POPOVER (popover));
  int width = gtk_widget_get_width (content);
  int needed;

  /* Measuring counts the margins, the allocated size does not. */
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL,
                      width + gtk_widget_get_margin_start (content)
                      + gtk_widget_get_margin_end (content),
                      NULL, &needed, NULL, NULL);
  needed -= gtk_widget_get_margin_top (content) + gtk_widget_get_margin_bottom (content);
  g_test_message ("popover content %d×%d, needs %d", width, gtk_widget_get_height (content),
                  needed);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (gtk_widget_get_height (content), >=, needed);
}

static void
test_reader_popover_placement (Fixture       *fixture,
                               gconstpointer  data)
{
  FwPiece *piece = show_piece (fixture, 0);
  GtkWidget *popover = fw_reader_page_get_popover (fixture->page);
  GtkWidget *view = GTK_WIDGET (fw_reader_page_get_text_view (fixture->page));
  const FwAnnotation *term = find_annotation (piece, FW_ANNOTATION_LOADED_TERM,
                                              "legitimate military targets");
  GPtrArray *annotations = fw_reader_page_get_highlights (fixture->page);
  int height = gtk_widget_get_height (view);
  guint n_checked = 0;

  g_assert_cmpint (height, >, 400);

  /* Every explanation shows all of its lines: each wraps differently, and
   * the popover must be as tall as its text at the width it gets. Forty
   * explanations, with the automatic ones, are enough to meet a wrap
   * that GTK 4.8 alone gets wrong. */
  for (guint i = 0; i < annotations->len && n_checked < 40; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);

      if (!fw_reader_page_open_highlight_at (fixture->page, a->start))
        continue;
      fw_test_wait_for_frame (popover);
      fw_test_wait_for_frame (popover);
      assert_popover_not_cut (popover);
      gtk_popover_popdown (GTK_POPOVER (popover));
      fw_test_spin ();
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 40);

  /* Near the top of the view the explanation opens below the highlight. */
  scroll_line_to (fixture, term->start, 40);
  g_assert_true (fw_reader_page_open_highlight_at (fixture->page, term->start));
  fw_test_wait_for_frame (popover);
  fw_test_wait_for_frame (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpint (gtk_popover_get_position (GTK_POPOVER (popover)), ==, GTK_POS_BOTTOM);
  gtk_popover_popdown (GTK_POPOVER (popover));
  fw_test_spin ();

  /* Near the bottom there is no room below, and it opens above, with all
   * of its lines. */
  scroll_line_to (fixture, term->start, height - 60);
  g_assert_true (fw_reader_page_open_highlight_at (fixture->page, term->start));
  fw_test_wait_for_frame (popover);
  fw_test_wait_for_frame (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpint (gtk_popover_get_position (GTK_POPOVER (popover)), ==, GTK_POS_TOP);
  assert_popover_not_cut (popover);
  gtk_popover_popdown (GTK_POPOVER (popover));
  fw_test_spin ();
}

/* A long category, or any long line, wraps: the popover keeps a width
 * that fits beside a highlight on a small screen instead of growing with
 * its text and being placed partly off the screen. */
static void
test_reader_popover_width (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *popover = fw_reader_page_get_popover (fixture->page);
  g_autoptr(GString) category = g_string_new ("a category ");
  g_autoptr(GString) word = g_string_new ("unbroken");
  FwAnnotation *annotation;
  int minimum, natural;

  show_piece (fixture, 0);
  for (guint i = 0; i < 20; i++)
    {
      g_string_append (category, "that goes on and on ");
      g_string_append (word, "-and-on");
    }

  for (guint i = 0; i < 2; i++)
    {
      annotation = fw_annotation_new (FW_ANNOTATION_LOADED_TERM, FW_SOURCE_PACK, 0, 4,
                                       i == 0 ? category->str : word->str,
                                       i == 0 ? word->str : category->str);
      fw_highlight_popover_set_annotation (FW_HIGHLIGHT_POPOVER (popover), annotation,
                                           i == 0 ? category->str : word->str);
      gtk_popover_popup (GTK_POPOVER (popover));
      fw_test_spin ();
      gtk_widget_measure (popover, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                          NULL, NULL);
      g_test_message ("popover with a long category: %d pixels wide", natural);
      g_assert_cmpint (natural, <=, 560);
      g_assert_cmpint (natural, >=, 280);
      g_assert_cmpint (gtk_widget_get_width (popover), <=, 560);
      gtk_popover_popdown (GTK_POPOVER (popover));
      fw_test_spin ();
      fw_annotation_free (annotation);
    }
}

/* The popover's text for the visible highlight @a, opened at its start. */
static char *
dup_popover_text (Fixture            *fixture,
                  const FwAnnotation *a)
{
  GtkWidget *popover = fw_reader_page_get_popover (fixture->page);
  char *text;

  g_assert_true (fw_reader_page_open_highlight_at (fixture->page, a->start));
  fw_test_spin ();
  text = fw_highlight_popover_dup_text (FW_HIGHLIGHT_POPOVER (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  fw_test_spin ();

  return text;
}

static void
test_reader_category_labels (Fixture       *fixture,
                             gconstpointer  data)
{
  GPtrArray *shown;
  const FwAnnotation *from_pack = NULL;
  const FwAnnotation *automatic = NULL;
  g_autofree char *pack_text = NULL;
  g_autofree char *automatic_text = NULL;
  g_autofree char *description = NULL;

  /* A euphemism the pack's authors marked and one the built-in lexicon
   * found: the popover names the category in one way for both. */
  show_piece (fixture, 0);
  shown = fw_reader_page_get_highlights (fixture->page);
  for (guint i = 0; i < shown->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (shown, i);

      if (a->kind != FW_ANNOTATION_LOADED_TERM
          || fw_reader_page_get_annotation_at (fixture->page, a->start) != a)
        continue;
      if (a->source == FW_SOURCE_PACK && g_strcmp0 (a->category, "euphemism") == 0)
        from_pack = from_pack != NULL ? from_pack : a;
      else if (a->source == FW_SOURCE_LEXICON && strstr (a->category, "euphemism") != NULL)
        automatic = automatic != NULL ? automatic : a;
    }
  g_assert_nonnull (from_pack);
  g_assert_nonnull (automatic);
  g_assert_cmpstr (automatic->category, ==, from_pack->category);

  pack_text = dup_popover_text (fixture, from_pack);
  automatic_text = dup_popover_text (fixture, automatic);
  g_test_message ("%s\n%s", pack_text, automatic_text);
  fw_test_assert_contains (pack_text, "”\nEuphemism\n");
  fw_test_assert_contains (automatic_text, "”\nEuphemism\n");

  /* Screen readers hear the same. */
  description = fw_highlight_describe (automatic);
  fw_test_assert_contains (description, ", Euphemism: ");
}

static void
test_reader_innermost_highlight (Fixture       *fixture,
                                 gconstpointer  data)
{
  FwPiece *piece = show_piece (fixture, 0);
  GPtrArray *annotations = fw_piece_get_annotations (piece);
  guint n_nested = 0;

  /* Where a loaded term lies inside an unsupported assertion, activating
   * the term explains the term. */
  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *outer = g_ptr_array_index (annotations, i);

      if (outer->kind != FW_ANNOTATION_UNSUPPORTED_ASSERTION)
        continue;

      for (guint j = 0; j < annotations->len; j++)
        {
          const FwAnnotation *inner = g_ptr_array_index (annotations, j);

          if (inner->kind != FW_ANNOTATION_LOADED_TERM || inner->start < outer->start
              || inner->end > outer->end)
            continue;

          g_assert_true (fw_reader_page_get_annotation_at (fixture->page, inner->start) == inner);
          n_nested++;
        }
    }

  g_assert_cmpuint (n_nested, >, 0);
}

static void
test_reader_legend (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *loaded = find_toggle (fixture->page, "Loaded terms");
  GtkWidget *attributions = find_toggle (fixture->page, "Attributions");
  FwPiece *piece = show_piece (fixture, 1);
  const FwAnnotation *altruism = find_annotation (piece, FW_ANNOTATION_LOADED_TERM, "altruism");
  guint n_assertions = fw_reader_page_count_tagged (fixture->page,
                                                    FW_ANNOTATION_UNSUPPORTED_ASSERTION);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (loaded), fw_compat_toggle_button_role ());
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (loaded), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (gtk_widget_get_ancestor (loaded,
                                                                           GTK_TYPE_FLOW_BOX)),
                                   GTK_ACCESSIBLE_ROLE_TOOLBAR);

  /* Tab goes from toggle to toggle, not through the cells that wrap
   * them on narrow windows. */
  g_assert_true (gtk_widget_grab_focus (loaded));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window))
                 == find_toggle (fixture->page, "Unsupported assertions"));
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_LOADED_TERM), >, 0);

  /* Off: the tags go, the other kinds stay, and the setting is saved. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (loaded), FALSE);
  fw_test_spin ();
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_LOADED_TERM), ==, 0);
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page,
                                                 FW_ANNOTATION_UNSUPPORTED_ASSERTION),
                    ==, n_assertions);
  g_assert_false (g_settings_get_boolean (fixture->settings, "show-loaded-terms"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (loaded), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  /* A hidden highlight does not explain itself either. */
  g_assert_true (fw_reader_page_get_annotation_at (fixture->page, altruism->start) != altruism);

  /* It stays off for the next piece. */
  show_piece (fixture, 3);
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_LOADED_TERM), ==, 0);

  /* The setting drives the toggle and the highlights the other way too. */
  g_settings_set_boolean (fixture->settings, "show-loaded-terms", TRUE);
  fw_test_spin ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (loaded)));
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_LOADED_TERM), ==,
                    count_runs (fw_reader_page_get_piece (fixture->page),
                                FW_ANNOTATION_LOADED_TERM));

  /* Attributions, off by default, come on. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (attributions), TRUE);
  fw_test_spin ();
  g_assert_true (g_settings_get_boolean (fixture->settings, "show-attributions"));
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_ATTRIBUTION), ==,
                    count_runs (fw_reader_page_get_piece (fixture->page),
                                FW_ANNOTATION_ATTRIBUTION));
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_ATTRIBUTION), >, 0);
}

static void
test_reader_keyboard (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkTextView *view = fw_reader_page_get_text_view (fixture->page);
  FwPiece *piece = show_piece (fixture, 3);
  GPtrArray *annotations = fw_piece_get_annotations (piece);
  const FwAnnotation *first = NULL, *second = NULL;
  g_autofree char *first_description = NULL;
  g_autofree char *second_description = NULL;

  /* The pack's annotations only: /reader/automatic-keyboard covers the
   * automatic flags. */
  g_settings_set_boolean (fixture->settings, "show-automatic", FALSE);
  fw_test_spin ();

  /* The first two visible highlights in reading order. */
  for (guint i = 0; i < annotations->len && second == NULL; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);

      if (a->kind == FW_ANNOTATION_ATTRIBUTION || a->kind == FW_ANNOTATION_FRAME_CUE)
        continue;
      if (first == NULL)
        first = a;
      else if (a->start > first->start)
        second = a;
    }
  g_assert_nonnull (second);
  first_description = fw_highlight_describe (first);
  second_description = fw_highlight_describe (second);

  /* F8 moves to the next highlight and tells screen readers what it is;
   * Shift+F8 goes back. */
  g_assert_true (fw_reader_page_focus_highlight (fixture->page, 1));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       first_description);
  g_assert_true (fw_reader_page_focus_highlight (fixture->page, 1));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       second_description);
  g_assert_true (has_tag_at (fixture->page, "current-highlight", second->start));
  g_assert_false (has_tag_at (fixture->page, "current-highlight", first->start));
  g_assert_true (fw_reader_page_focus_highlight (fixture->page, -1));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       first_description);
  g_assert_false (fw_reader_page_focus_highlight (fixture->page, -1));
}

/* Where the highlight starting at @offset is, in the coordinates of the
 * page's scrolled window: visible when 0 ≤ y < the window's height. */
static double
visible_y (FwReaderPage *page,
           guint         offset)
{
  GtkTextView *view = fw_reader_page_get_text_view (page);
  GtkWidget *scrolled = fw_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW);
  GtkTextIter iter;
  GdkRectangle rect;
  double x, y;
  int wx, wy;

  fw_reader_page_get_iter_at_offset (page, &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  g_assert_true (fw_compat_translate_point (GTK_WIDGET (view), scrolled, wx, wy, &x, &y));

  return y;
}

static void
test_reader_keyboard_scrolls (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *scrolled = fw_test_find_descendant (GTK_WIDGET (fixture->page),
                                                  GTK_TYPE_SCROLLED_WINDOW);
  GtkTextView *view = fw_reader_page_get_text_view (fixture->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  FwPiece *piece = show_piece (fixture, 0);
  int height = gtk_widget_get_height (scrolled);
  const FwAnnotation *first = NULL, *last = NULL;
  GPtrArray *annotations = fw_piece_get_annotations (piece);
  GtkTextIter end;
  double y;

  /* The pack's annotations only, of the kinds visible by default;
   * annotations are sorted by start. */
  g_settings_set_boolean (fixture->settings, "show-automatic", FALSE);
  fw_test_spin ();
  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);

      if (a->kind == FW_ANNOTATION_LOADED_TERM || a->kind == FW_ANNOTATION_UNSUPPORTED_ASSERTION
          || a->kind == FW_ANNOTATION_CONTESTED_NAME)
        {
          if (first == NULL)
            first = a;
          last = a;
        }
    }

  /* The last highlight of a long piece starts out of sight. */
  g_assert_cmpint (height, >, 0);
  g_assert_cmpfloat (visible_y (fixture->page, last->start), >, height);

  /* Shift+F8 from the end of the text brings it into view. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (fw_reader_page_focus_highlight (fixture->page, -1));
  wait_for_scroll (scrolled);
  y = visible_y (fixture->page, last->start);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y, <, height);

  /* Going back to the first one brings it back into view. */
  while (fw_reader_page_focus_highlight (fixture->page, -1))
    ;
  wait_for_scroll (scrolled);
  y = visible_y (fixture->page, first->start);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y, <, height);
}

/* How far the sixth character of the line that @line_start starts lies
 * from its first, in pixels, as the text view has the line laid out: the
 * width of the line's first characters. -1 when the line is shorter or
 * wraps before it. */
static int
line_start_width (GtkTextView       *view,
                  const GtkTextIter *line_start)
{
  GtkTextIter sixth = *line_start;
  GdkRectangle first_rect, sixth_rect;

  if (!gtk_text_iter_forward_chars (&sixth, 6)
      || gtk_text_iter_get_line (&sixth) != gtk_text_iter_get_line (line_start))
    return -1;

  gtk_text_view_get_iter_location (view, line_start, &first_rect);
  gtk_text_view_get_iter_location (view, &sixth, &sixth_rect);
  if (sixth_rect.y != first_rect.y)
    return -1;

  return sixth_rect.x - first_rect.x;
}

/* line_start_width() of every line of the piece, in order. */
static GArray *
line_start_widths (FwReaderPage *page)
{
  GtkTextView *view = fw_reader_page_get_text_view (page);
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (int));
  GtkTextIter iter;

  fw_reader_page_get_iter_at_offset (page, &iter, 0);
  do
    {
      int width = line_start_width (view, &iter);

      g_array_append_val (widths, width);
    }
  while (gtk_text_iter_forward_line (&iter));

  return widths;
}

/* Every line of the buffer, the header's included, ends in the body style
 * alone, and every line of the piece starts in it: a highlight at the
 * start of a line starts there rather than going on from the line
 * before. */
static void
assert_lines_in_body_style (FwReaderPage *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fw_reader_page_get_text_view (page));
  GtkTextTag *body = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "body");
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      GtkTextIter line_end = iter;
      g_autoptr(GSList) end_tags = NULL;
      g_autoptr(GSList) start_tags = NULL;

      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      if (gtk_text_iter_is_end (&line_end))
        break;

      end_tags = gtk_text_iter_get_tags (&line_end);
      if (g_slist_length (end_tags) != 1 || end_tags->data != body)
        g_error ("line %d ends in %u tags, not the body tag alone",
                 gtk_text_iter_get_line (&iter), g_slist_length (end_tags));

      if (gtk_text_iter_get_offset (&iter) == 0)
        continue;

      g_assert_true (gtk_text_iter_has_tag (&iter, body));
      start_tags = gtk_text_iter_get_tags (&iter);
      for (GSList *l = start_tags; l != NULL; l = l->next)
        if (l->data != body && !gtk_text_iter_starts_tag (&iter, l->data))
          {
            g_autofree char *name = NULL;

            g_object_get (l->data, "name", &name, NULL);
            g_error ("tag “%s” goes on from line %d into line %d", name,
                     gtk_text_iter_get_line (&iter) - 1, gtk_text_iter_get_line (&iter));
          }
    }
  while (gtk_text_iter_forward_line (&iter));
}

static void
test_reader_reading_size_at_line_starts (Fixture       *fixture,
                                         gconstpointer  data)
{
  GtkTextView *view = fw_reader_page_get_text_view (fixture->page);
  guint n_compared = 0;

  /* Tall enough to show the header and the first paragraphs together. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 1600);

  for (guint i = 0; i < 4; i++)
    {
      show_piece (fixture, i);
      assert_lines_in_body_style (fixture->page);

      /* Moving from highlight to highlight lays out the lines of the
       * current highlight again, and a new size of the header lays out
       * the header's line again, in the same frame. Every line must look
       * as it does when the whole text is laid out afresh: the start of a
       * paragraph in the reading size, not in the view's smaller one. */
      for (guint k = 0; k < 12 && fw_reader_page_focus_highlight (fixture->page, 1); k++)
        {
          g_autoptr(GArray) drawn = NULL;
          g_autoptr(GArray) afresh = NULL;
          int margin = gtk_text_view_get_left_margin (view);

          gtk_widget_queue_resize (GTK_WIDGET (view));
          fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
          drawn = line_start_widths (fixture->page);

          /* A new default style lays out every line again. */
          gtk_text_view_set_left_margin (view, margin + 1);
          gtk_text_view_set_left_margin (view, margin);
          afresh = line_start_widths (fixture->page);

          g_assert_cmpuint (drawn->len, ==, afresh->len);
          for (guint line = 0; line < drawn->len; line++)
            if (g_array_index (drawn, int, line) != g_array_index (afresh, int, line))
              g_error ("piece %u, after highlight %u: line %u of the piece starts %d pixels "
                       "wide, %d when laid out afresh", i, k, line,
                       g_array_index (drawn, int, line), g_array_index (afresh, int, line));
          n_compared++;
        }

      assert_lines_in_body_style (fixture->page);
    }

  g_assert_cmpuint (n_compared, >, 20);
}

static void
test_reader_narrow_window (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *legend = gtk_widget_get_ancestor (find_toggle (fixture->page, "Loaded terms"),
                                               GTK_TYPE_FLOW_BOX);
  GtkWidget *view = GTK_WIDGET (fw_reader_page_get_text_view (fixture->page));
  graphene_rect_t bounds;
  int minimum = 0;

  /* Half of a 1366-pixel school laptop screen: the window fits, and the
   * text is never wider than the part of the page that shows it. */
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 683);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 683, 700);
  show_piece (fixture, 0);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 683);

  /* The page ends inside the window rather than being cut off by it. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (fixture->page),
                                            GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture->window)));
  g_assert_cmpint (gtk_widget_get_width (view), <=,
                   gtk_widget_get_width (GTK_WIDGET (fixture->page)));
  /* The legend wraps instead of pushing the page wider. */
  g_assert_cmpint (gtk_widget_get_width (legend), <=,
                   gtk_widget_get_width (GTK_WIDGET (fixture->page)));
}

/* The header's toggle button whose tooltip is @tooltip. */
static GtkToggleButton *
find_header_toggle (Fixture    *fixture,
                    const char *tooltip)
{
  GtkWidget *header = fw_test_find_descendant (GTK_WIDGET (fixture->window),
                                               ADW_TYPE_HEADER_BAR);
  GtkWidget *child = header;

  /* Depth first through the header bar, in child order. */
  while (child != NULL)
    {
      if (GTK_IS_TOGGLE_BUTTON (child)
          && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return GTK_TOGGLE_BUTTON (child);

      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != header && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child == header ? NULL : gtk_widget_get_next_sibling (child);
        }
    }

  g_error ("no header toggle “%s”", tooltip);
}

/* Runs frames until the flap has finished folding or unfolding and showing
 * or hiding its sidebar. */
static void
wait_for_flap (Fixture *fixture,
               AdwFlap *flap,
               gboolean folded,
               gboolean revealed)
{
  for (guint frames = 0; frames < 600; frames++)
    {
      if (adw_flap_get_folded (flap) == folded
          && adw_flap_get_reveal_progress (flap) == (revealed ? 1.0 : 0.0))
        return;
      fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
    }
  g_error ("the sidebar did not settle");
}

/* A window too narrow for the sidebar beside a readable page folds the
 * sidebar away: the page gets the window's width, and a header button
 * shows the sidebar over it until a piece is chosen. */
static void
test_reader_fold_sidebar (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwFlap *flap = ADW_FLAP (fw_test_find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_FLAP));
  GtkListBox *sidebar = GTK_LIST_BOX (fw_test_find_descendant (adw_flap_get_flap (flap),
                                                                GTK_TYPE_LIST_BOX));
  GtkToggleButton *button = find_header_toggle (fixture, "Show Pieces and Exercises");
  FwPiece *third = fw_pack_get_piece (fw_window_get_pack (fixture->window), 2);
  GtkListBoxRow *row = NULL;
  int window_width;

  /* Wide, the sidebar stays beside the page, and needs no button. */
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  wait_for_flap (fixture, flap, FALSE, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));

  /* A phone-sized window: the sidebar folds away, and the page has nearly
   * the whole width. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 600);
  wait_for_flap (fixture, flap, TRUE, FALSE);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  /* The header bar sets the narrowest width: here with GTK's own window
   * buttons, minimize, maximize and close. */
  window_width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  g_assert_cmpint (window_width, <=, 420);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), >=, window_width - 20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_false (gtk_toggle_button_get_active (button));

  /* The button shows the sidebar over the page, with the focus on the
   * piece shown. */
  gtk_toggle_button_set_active (button, TRUE);
  wait_for_flap (fixture, flap, TRUE, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window))
                 == GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));

  /* Choosing a piece shows it and folds the sidebar away again. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (sidebar));
       child != NULL && row == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "piece-index")) == 3)
      row = GTK_LIST_BOX_ROW (child);
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  wait_until_idle (fixture->page);
  wait_for_flap (fixture, flap, TRUE, FALSE);
  g_assert_true (fw_reader_page_get_piece (fixture->page) == third);
  g_assert_false (gtk_toggle_button_get_active (button));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
  g_assert_true (gtk_widget_get_mapped (fw_reader_page_get_byline_card (fixture->page)));

  /* Wide again, the sidebar comes back beside the page. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  wait_for_flap (fixture, flap, FALSE, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
}

/* What the analyzer finds in @piece that the reader should show besides the
 * pack's annotations: the automatic annotations the merge keeps. */
static GPtrArray *
expected_automatic (Fixture *fixture,
                    FwPiece *piece)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new_for_pack (fw_window_get_pack (fixture->window),
                                                             &error);
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  GPtrArray *automatic = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_annotation_free);

  g_assert_no_error (error);
  analysis = fw_analyzer_analyze_piece (analyzer, piece, FW_ANALYSIS_ALL, NULL, &error);
  g_assert_no_error (error);
  merged = fw_analysis_merge_annotations (analysis, fw_piece_get_annotations (piece));
  for (guint i = 0; i < merged->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (merged, i);

      if (a->source != FW_SOURCE_PACK)
        g_ptr_array_add (automatic, fw_annotation_copy (a));
    }

  return automatic;
}

typedef struct
{
  guint start;
  guint end;
} Run;

/* The runs of text the spans of @kind in @annotations cover, spans that
 * overlap or touch making one run, in piece offsets. */
static GArray *
runs_of (GPtrArray        *annotations,
         FwAnnotationKind  kind)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));

  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);
      Run *last = runs->len > 0 ? &g_array_index (runs, Run, runs->len - 1) : NULL;

      if (a->kind != kind)
        continue;
      if (last != NULL && a->start <= last->end)
        last->end = MAX (last->end, a->end);
      else
        g_array_append_val (runs, ((Run) { a->start, a->end }));
    }

  return runs;
}

/* The runs of text that carry the tag @tag_name, in piece offsets. */
static GArray *
tagged_runs (FwReaderPage *page,
             const char   *tag_name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fw_reader_page_get_text_view (page));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  GtkTextIter iter, piece_start;
  int base;

  g_assert_nonnull (tag);
  fw_reader_page_get_iter_at_offset (page, &piece_start, 0);
  base = gtk_text_iter_get_offset (&piece_start);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      Run run;

      g_assert_true (gtk_text_iter_starts_tag (&iter, tag));
      g_assert_cmpint (gtk_text_iter_get_offset (&iter), >=, base);
      run.start = (guint) (gtk_text_iter_get_offset (&iter) - base);
      g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
      run.end = (guint) (gtk_text_iter_get_offset (&iter) - base);
      g_array_append_val (runs, run);
    }

  return runs;
}

static void
assert_same_runs (GArray     *expected,
                  GArray     *actual,
                  const char *what)
{
  if (expected->len != actual->len
      || (expected->len > 0
          && memcmp (expected->data, actual->data, expected->len * sizeof (Run)) != 0))
    g_error ("%s: %u runs expected, %u tagged", what, expected->len, actual->len);
}

static const FwAnnotationKind shown_kinds[] = {
  FW_ANNOTATION_LOADED_TERM, FW_ANNOTATION_UNSUPPORTED_ASSERTION, FW_ANNOTATION_CONTESTED_NAME,
};

/* The automatic highlights on the page are exactly @piece's, no more and
 * no fewer, for each kind shown by default. */
static void
assert_automatic_of (Fixture *fixture,
                     FwPiece *piece)
{
  g_autoptr(GPtrArray) expected = expected_automatic (fixture, piece);
  GPtrArray *shown = fw_reader_page_get_highlights (fixture->page);
  guint n_automatic = 0;

  g_assert_true (fw_reader_page_get_piece (fixture->page) == piece);
  for (guint i = 0; i < shown->len; i++)
    n_automatic += ((const FwAnnotation *) g_ptr_array_index (shown, i))->source != FW_SOURCE_PACK;
  g_assert_cmpuint (n_automatic, ==, expected->len);

  for (guint k = 0; k < G_N_ELEMENTS (shown_kinds); k++)
    {
      g_autoptr(GArray) runs = runs_of (expected, shown_kinds[k]);
      g_autofree char *tag_name = g_strdup_printf ("%s-automatic",
                                                   fw_annotation_kind_to_nick (shown_kinds[k]));
      g_autoptr(GArray) tagged = tagged_runs (fixture->page, tag_name);

      assert_same_runs (runs, tagged, tag_name);
    }
}

static void
test_reader_automatic (Fixture       *fixture,
                       gconstpointer  data)
{
  FwPiece *piece = show_piece (fixture, 0);
  GPtrArray *highlights = fw_reader_page_get_highlights (fixture->page);
  GPtrArray *teacher = fw_piece_get_annotations (piece);
  GtkWidget *popover = fw_reader_page_get_popover (fixture->page);
  GtkWidget *automatic_toggle = find_toggle (fixture->page, "Automatic flags");
  const FwAnnotation *flag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *description = NULL;
  guint loaded;

  assert_automatic_of (fixture, piece);

  /* Where the pack and the analyzer flag the same passage as the same
   * kind, the pack's annotation is the one shown. */
  for (guint i = 0; i < highlights->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (highlights, i);

      if (a->source == FW_SOURCE_PACK)
        continue;
      for (guint j = 0; j < teacher->len; j++)
        {
          const FwAnnotation *t = g_ptr_array_index (teacher, j);

          g_assert_false (t->kind == a->kind && fw_annotation_overlaps (t, a));
        }
      if (flag == NULL && a->kind == FW_ANNOTATION_LOADED_TERM
          && fw_reader_page_get_annotation_at (fixture->page, a->start) == a)
        flag = a;
    }
  g_assert_nonnull (flag);

  /* An automatic flag has a shape of its own and says it is automatic. */
  g_assert_true (has_tag_at (fixture->page, "loaded-term-automatic", flag->start));
  g_assert_false (has_tag_at (fixture->page, "loaded-term", flag->start));
  g_assert_true (fw_reader_page_open_highlight_at (fixture->page, flag->start));
  fw_test_spin ();
  text = fw_highlight_popover_dup_text (FW_HIGHLIGHT_POPOVER (popover));
  g_test_message ("%s", text);
  note = g_strdup_printf ("Flagged automatically because: %s\n", flag->note);
  fw_test_assert_contains (text, note);
  fw_test_assert_contains (text, "Automatic flags can be wrong");
  description = fw_highlight_describe (flag);
  g_assert_true (g_str_has_prefix (description, "Automatic flag: "));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The legend hides them all, keeps the pack's, and remembers it. */
  loaded = fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_LOADED_TERM);
  g_assert_cmpuint (fw_reader_page_count_tagged_automatic (fixture->page,
                                                           FW_ANNOTATION_LOADED_TERM), >, 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (automatic_toggle), FALSE);
  fw_test_spin ();
  g_assert_false (g_settings_get_boolean (fixture->settings, "show-automatic"));
  for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
    g_assert_cmpuint (fw_reader_page_count_tagged_automatic (fixture->page, k), ==, 0);
  g_assert_cmpuint (fw_reader_page_count_tagged (fixture->page, FW_ANNOTATION_LOADED_TERM), ==,
                    loaded);
  g_assert_true (fw_reader_page_get_annotation_at (fixture->page, flag->start) != flag);

  /* And shows them again. */
  g_settings_set_boolean (fixture->settings, "show-automatic", TRUE);
  wait_until_idle (fixture->page);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (automatic_toggle)));
  assert_automatic_of (fixture, piece);
}

static void
test_reader_automatic_keyboard (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkTextView *view = fw_reader_page_get_text_view (fixture->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GPtrArray *highlights;
  const FwAnnotation *flag = NULL;
  g_autofree char *description = NULL;
  GtkTextIter iter;

  show_piece (fixture, 0);
  highlights = fw_reader_page_get_highlights (fixture->page);

  /* An automatic flag that is the only visible highlight starting where
   * it starts. */
  for (guint i = 0; i < highlights->len && flag == NULL; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (highlights, i);
      gboolean alone = TRUE;

      if (a->source == FW_SOURCE_PACK || a->kind == FW_ANNOTATION_ATTRIBUTION
          || a->kind == FW_ANNOTATION_FRAME_CUE)
        continue;
      for (guint j = 0; j < highlights->len; j++)
        {
          const FwAnnotation *b = g_ptr_array_index (highlights, j);

          if (b != a && b->start == a->start && b->kind != FW_ANNOTATION_ATTRIBUTION
              && b->kind != FW_ANNOTATION_FRAME_CUE)
            alone = FALSE;
        }
      if (alone)
        flag = a;
    }
  g_assert_nonnull (flag);

  /* F8 stops at it and tells screen readers it is automatic. */
  fw_reader_page_get_iter_at_offset (fixture->page, &iter, flag->start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (fw_reader_page_focus_highlight (fixture->page, 1));
  description = fw_highlight_describe (flag);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  g_assert_true (g_str_has_prefix (description, "Automatic flag: "));
  g_assert_true (has_tag_at (fixture->page, "current-highlight", flag->start));
}

static void
test_reader_attribution_speaker (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *popover = fw_reader_page_get_popover (fixture->page);
  const FwAnnotation *attribution = NULL;
  guint offset = 0;
  g_autofree char *text = NULL;
  g_autofree char *speaker = NULL;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_toggle (fixture->page, "Attributions")),
                                TRUE);

  /* An automatic attribution that names who is quoted, and a character of
   * it where it is the innermost highlight. */
  for (guint p = 0; p < 4 && attribution == NULL; p++)
    {
      GPtrArray *highlights;

      show_piece (fixture, p);
      highlights = fw_reader_page_get_highlights (fixture->page);
      for (guint i = 0; i < highlights->len && attribution == NULL; i++)
        {
          const FwAnnotation *a = g_ptr_array_index (highlights, i);

          if (a->kind != FW_ANNOTATION_ATTRIBUTION || a->source == FW_SOURCE_PACK
              || a->speaker == NULL)
            continue;
          for (offset = a->start; offset < a->end; offset++)
            if (fw_reader_page_get_annotation_at (fixture->page, offset) == a)
              {
                attribution = a;
                break;
              }
        }
    }
  g_assert_nonnull (attribution);

  g_assert_true (has_tag_at (fixture->page, "attribution-automatic", offset));
  g_assert_true (fw_reader_page_open_highlight_at (fixture->page, offset));
  fw_test_spin ();
  text = fw_highlight_popover_dup_text (FW_HIGHLIGHT_POPOVER (popover));
  g_test_message ("%s", text);
  speaker = g_strdup_printf ("Quoted or cited: %s\n", attribution->speaker);
  fw_test_assert_contains (text, speaker);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_reader_summary (Fixture       *fixture,
                     gconstpointer  data)
{
  FwPiece *piece = show_piece (fixture, 3);
  FwPieceSummary *summary = FW_PIECE_SUMMARY (fw_reader_page_get_summary (fixture->page));
  GPtrArray *highlights = fw_reader_page_get_highlights (fixture->page);
  GPtrArray *teacher = fw_piece_get_annotations (piece);
  GtkExpander *expander = GTK_EXPANDER (fw_test_find_descendant (GTK_WIDGET (summary),
                                                                  GTK_TYPE_EXPANDER));
  FwFrameChart *chart;
  g_autofree char *text = fw_piece_summary_dup_text (summary);
  g_autofree char *loaded_line = NULL;
  g_autofree char *automatic_line = NULL;
  g_autofree char *title = NULL;
  g_autofree char *hidden = NULL;
  guint n_loaded = 0, n_automatic_loaded = 0, total = 0;

  for (guint i = 0; i < teacher->len; i++)
    n_loaded += ((const FwAnnotation *) g_ptr_array_index (teacher, i))->kind
                == FW_ANNOTATION_LOADED_TERM;
  for (guint i = 0; i < highlights->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (highlights, i);

      if (a->kind == FW_ANNOTATION_FRAME_CUE)
        continue;
      total++;
      n_automatic_loaded += a->kind == FW_ANNOTATION_LOADED_TERM && a->source != FW_SOURCE_PACK;
    }
  g_test_message ("%s", text);

  /* Counts by kind, from the pack and found automatically, in sentences
   * with the right plural; the total on the line that folds it away. */
  title = g_strdup_printf ("Summary: %u highlights\n", total);
  g_assert_true (g_str_has_prefix (text, title));
  loaded_line = g_strdup_printf ("\n%u loaded terms from the pack\n", n_loaded);
  fw_test_assert_contains (text, loaded_line);
  automatic_line = g_strdup_printf ("\n%u more loaded term%s found automatically\n",
                                    n_automatic_loaded, n_automatic_loaded == 1 ? "" : "s");
  fw_test_assert_contains (text, automatic_line);

  /* The frame profile, as a chart and as text, when the summary is
   * unfolded. */
  g_assert_false (gtk_expander_get_expanded (expander));
  gtk_expander_set_expanded (expander, TRUE);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  chart = FW_FRAME_CHART (fw_test_find_descendant (GTK_WIDGET (summary), FW_TYPE_FRAME_CHART));
  g_assert_nonnull (chart);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chart)));
  fw_test_assert_contains (fw_frame_chart_get_text_alternative (chart), "Humanitarian duty: ");
  fw_test_assert_contains (fw_frame_chart_get_text_alternative (chart),
                           "Sovereignty and territorial integrity: ");
  fw_test_assert_contains (text, fw_frame_chart_get_text_alternative (chart));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);

  /* Without automatic flags, their counts go. */
  g_settings_set_boolean (fixture->settings, "show-automatic", FALSE);
  fw_test_spin ();
  hidden = fw_piece_summary_dup_text (summary);
  g_assert_null (strstr (hidden, "found automatically"));
  fw_test_assert_contains (hidden, loaded_line);
}

/* Runs the main loop for a few iterations at most: some of the work queued
 * for a piece gets done, some not. */
static void
iterate_a_little (guint n)
{
  for (guint i = 0; i < n && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_reader_switch_cancels (Fixture       *fixture,
                            gconstpointer  data)
{
  FwPack *pack = fw_window_get_pack (fixture->window);
  static const guint order[] = { 1, 2, 0, 3, 3, 1, 2, 0, 1, 3, 2 };

  /* Pieces opened one after the other, with no time, a little time or
   * enough time for the analysis between them (and the same piece twice,
   * which leaves its analysis running): the last piece shows its own
   * automatic flags only. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      fw_reader_page_set_piece (fixture->page, fw_pack_get_piece (pack, order[i]));
      if (i % 3 == 1)
        iterate_a_little (i);
      else if (i % 3 == 2)
        g_usleep (20000);
    }
  wait_until_idle (fixture->page);
  assert_automatic_of (fixture, fw_pack_get_piece (pack, order[G_N_ELEMENTS (order) - 1]));

  /* The analysis of the piece before has finished, and its result waits
   * in the main loop, when the next piece opens: the result is dropped.
   * The analysis starts once the piece is painted. */
  fw_reader_page_set_piece (fixture->page, fw_pack_get_piece (pack, 0));
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
    gboolean painted = FALSE;
    gulong handler = g_signal_connect_swapped (clock, "after-paint",
                                               G_CALLBACK (fw_test_set_true_cb), &painted);

    while (!painted)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (clock, handler);
  }
  g_assert_true (fw_reader_page_get_busy (fixture->page));
  /* Half a second is ample for the worker on the bundled piece; on a
   * machine so slow that it is not, the switch below cancels a running
   * analysis instead, the case the loop above covers. */
  g_usleep (G_USEC_PER_SEC / 2);
  fw_reader_page_set_piece (fixture->page, fw_pack_get_piece (pack, 1));
  wait_until_idle (fixture->page);
  assert_automatic_of (fixture, fw_pack_get_piece (pack, 1));
}

static void
test_reader_teacher_note (Fixture       *fixture,
                          gconstpointer  data)
{
  FwPiece *piece = show_piece (fixture, 0);
  GtkWidget *note = fw_reader_page_get_teacher_note (fixture->page);
  GtkWidget *heading = gtk_widget_get_first_child (note);
  GtkWidget *text = gtk_widget_get_next_sibling (heading);

  g_assert_nonnull (fw_piece_get_teacher_note (piece));

  /* Students never see it. */
  g_settings_set_boolean (fixture->settings, "teacher-mode", FALSE);
  fw_test_spin ();
  g_assert_false (gtk_widget_get_visible (note));

  /* In teacher mode it says, in its heading and to screen readers, that it
   * is the teacher's and that students do not see it. */
  g_settings_set_boolean (fixture->settings, "teacher-mode", TRUE);
  fw_test_spin ();
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==,
                   "Teacher Note — Not Shown to Students");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Teacher note, not shown to students");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (text)), ==, fw_piece_get_teacher_note (piece));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (text)));

  g_settings_reset (fixture->settings, "teacher-mode");
}

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
test_reader_header_text_size (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *card = fw_reader_page_get_byline_card (fixture->page);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *widgets[4] = { NULL, };
  int before[4];

  /* One of each: the title (title-2), a note (smaller), the summary's
   * title (the header's own size) and a legend toggle's label. */
  show_piece (fixture, 0);
  collect_descendants (card, GTK_TYPE_LABEL, labels);
  widgets[0] = g_ptr_array_index (labels, 0);
  for (guint i = 0; i < labels->len && widgets[1] == NULL; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "byline-note"))
      widgets[1] = g_ptr_array_index (labels, i);
  widgets[2] = fw_test_find_descendant (fw_reader_page_get_summary (fixture->page),
                                        GTK_TYPE_LABEL);
  widgets[3] = gtk_button_get_child (GTK_BUTTON (find_toggle (fixture->page, "Loaded terms")));
  g_assert_true (gtk_widget_has_css_class (widgets[0], "title-2"));
  g_assert_nonnull (widgets[1]);

  g_settings_set_int (fixture->settings, "text-size", 100);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    before[i] = natural_width (widgets[i]);

  /* At 150% each is half as large again, give or take a pixel of rounding
   * per word. */
  g_settings_set_int (fixture->settings, "text-size", 150);
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      double ratio = natural_width (widgets[i]) / (double) before[i];

      g_test_message ("header label %u: %d → %d pixels", i, before[i],
                      natural_width (widgets[i]));
      g_assert_cmpfloat (ratio, >, 1.4);
      g_assert_cmpfloat (ratio, <, 1.6);
    }

  /* The pages of all windows share one style sheet on the display, which
   * stays while one of them needs it. */
  {
    FwWindow *second = g_object_new (FW_TYPE_WINDOW, NULL);
    FwReaderPage *other;
    GtkCssProvider *provider = fw_reader_page_get_header_css (fixture->page);

    gtk_window_present (GTK_WINDOW (second));
    other = fw_window_get_reader_page (second);
    g_assert_nonnull (provider);
    g_assert_true (fw_reader_page_get_header_css (other) == provider);
    gtk_window_destroy (GTK_WINDOW (second));
    fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
    g_assert_true (fw_reader_page_get_header_css (fixture->page) == provider);
    for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
      g_assert_cmpfloat (natural_width (widgets[i]) / (double) before[i], >, 1.4);
  }

  /* And back at the normal size, the normal size, and no style sheet. */
  g_settings_reset (fixture->settings, "text-size");
  fw_test_wait_for_frame (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_assert_cmpint (natural_width (widgets[i]), ==, before[i]);
  g_assert_null (fw_reader_page_get_header_css (fixture->page));
}

/* Showing the piece that is shown already, as the sidebar does when its
 * row gets the focus again, keeps the student's place and the byline. */
static void
test_reader_same_piece_stays (Fixture       *fixture,
                              gconstpointer  data)
{
  FwPiece *piece = show_piece (fixture, 3);
  GtkWidget *scrolled = fw_test_find_descendant (GTK_WIDGET (fixture->page),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *first_button = fw_test_find_descendant (fw_reader_page_get_byline_card (
                                                       fixture->page), GTK_TYPE_BUTTON);

  gtk_adjustment_set_value (adjustment, 500);
  fw_test_wait_for_frame (scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 500);

  fw_reader_page_set_piece (fixture->page, piece);
  fw_test_wait_for_frame (scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 500);
  g_assert_false (fw_reader_page_get_busy (fixture->page));
  g_assert_true (fw_test_find_descendant (fw_reader_page_get_byline_card (fixture->page),
                                          GTK_TYPE_BUTTON) == first_button);
}

/* A page that is not shown does not analyse its piece: the analysis waits
 * until the page is shown and has painted the piece (at start-up the
 * window is built before it is mapped). */
static void
test_reader_hidden_page_waits (Fixture       *fixture,
                               gconstpointer  data)
{
  FwPack *pack = fw_window_get_pack (fixture->window);
  FwPiece *piece = fw_pack_get_piece (pack, 1);
  GPtrArray *shown;
  gint64 until;
  guint n_automatic = 0;

  show_piece (fixture, 0);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  fw_test_spin ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));

  fw_reader_page_set_piece (fixture->page, piece);
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (fw_reader_page_get_busy (fixture->page));
  shown = fw_reader_page_get_highlights (fixture->page);
  for (guint i = 0; i < shown->len; i++)
    n_automatic += ((const FwAnnotation *) g_ptr_array_index (shown, i))->source != FW_SOURCE_PACK;
  g_assert_cmpuint (n_automatic, ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  wait_until_idle (fixture->page);
  assert_automatic_of (fixture, piece);
}

/* A page hidden after its analysis was set to start, but before it
 * painted the frame that starts it, waits again to be shown. */
static void
test_reader_hidden_before_first_frame (Fixture       *fixture,
                                       gconstpointer  data)
{
  FwPack *pack = fw_window_get_pack (fixture->window);
  FwPiece *piece = fw_pack_get_piece (pack, 1);
  GPtrArray *shown;
  gint64 until;
  guint n_automatic = 0;

  show_piece (fixture, 0);
  wait_until_idle (fixture->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));

  /* Mapped, the page waits for its next frame; hidden before it, it has
   * no frames to wait for. */
  fw_reader_page_set_piece (fixture->page, piece);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (fw_reader_page_get_busy (fixture->page));
  shown = fw_reader_page_get_highlights (fixture->page);
  for (guint i = 0; i < shown->len; i++)
    n_automatic += ((const FwAnnotation *) g_ptr_array_index (shown, i))->source != FW_SOURCE_PACK;
  g_assert_cmpuint (n_automatic, ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  wait_until_idle (fixture->page);
  assert_automatic_of (fixture, piece);
}

static void
test_window_size_in_settings (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  int width = 0, height = 0;

  /* The window opens at the size the settings hold, and a new size is
   * written back, to be restored at the next start. */
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (fixture->settings, "window-width"));
  g_assert_cmpint (height, ==, g_settings_get_int (fixture->settings, "window-height"));

  gtk_window_set_default_size (window, 900, 640);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 640);

  /* Maximizing needs a window manager, which the headless display lacks;
   * the width shows the binding works from settings to window too. */
  g_settings_set_int (fixture->settings, "window-width", 1000);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  fw_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reader/first-piece-shown", test_reader_first_piece_shown);
  ADD ("/reader/bylines", test_reader_bylines);
  ADD ("/reader/byline-accessible", test_reader_byline_accessible);
  ADD ("/reader/byline-addresses", test_reader_byline_addresses);
  ADD ("/reader/highlights", test_reader_highlights);
  ADD ("/reader/popover", test_reader_popover);
  ADD ("/reader/popover-placement", test_reader_popover_placement);
  ADD ("/reader/category-labels", test_reader_category_labels);
  ADD ("/reader/innermost-highlight", test_reader_innermost_highlight);
  ADD ("/reader/legend", test_reader_legend);
  ADD ("/reader/keyboard", test_reader_keyboard);
  ADD ("/reader/keyboard-scrolls", test_reader_keyboard_scrolls);
  ADD ("/reader/reading-size-at-line-starts", test_reader_reading_size_at_line_starts);
  ADD ("/reader/narrow-window", test_reader_narrow_window);
  ADD ("/reader/fold-sidebar", test_reader_fold_sidebar);
  ADD ("/reader/automatic", test_reader_automatic);
  ADD ("/reader/automatic-keyboard", test_reader_automatic_keyboard);
  ADD ("/reader/attribution-speaker", test_reader_attribution_speaker);
  ADD ("/reader/summary", test_reader_summary);
  ADD ("/reader/switch-cancels", test_reader_switch_cancels);
  ADD ("/reader/same-piece-stays", test_reader_same_piece_stays);
  ADD ("/reader/teacher-note", test_reader_teacher_note);
  ADD ("/reader/header-text-size", test_reader_header_text_size);
  ADD ("/reader/hidden-page-waits", test_reader_hidden_page_waits);
  ADD ("/reader/popover-width", test_reader_popover_width);
  ADD ("/reader/hidden-before-first-frame", test_reader_hidden_before_first_frame);
  ADD ("/window/size-in-settings", test_window_size_in_settings);

#undef ADD

  return g_test_run ();
}
