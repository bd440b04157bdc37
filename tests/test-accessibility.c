/* test-accessibility.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a keyboard or screen-reader user gets, checked with GTK's
 * accessibility test API on a headless display: roles, names,
 * descriptions and relations on the reading page and in the exercises,
 * the keyboard's path through the reading page, the text alternative of
 * the frame charts, the shortcuts window against the application's
 * accelerators, and the About window. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fw-application.h"
#include "fw-byline-card.h"
#include "fw-compare-view.h"
#include "fw-compat.h"
#include "fw-exercise-page-private.h"
#include "fw-frame-chart.h"
#include "fw-highlight-popover.h"
#include "fw-reader-page.h"
#include "fw-test-ui.h"
#include "fw-window.h"

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

static FwWindow *
open_window (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  fw_test_spin ();
  g_assert_nonnull (fw_window_get_pack (window));

  return window;
}

static void
close_window (FwWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_finalize_object (window);
}

static FwReaderPage *
reader_page (FwWindow *window)
{
  return FW_READER_PAGE (fw_test_find_descendant (GTK_WIDGET (window), FW_TYPE_READER_PAGE));
}

/* Reading page ---------------------------------------------------------- */

static void
test_reader_names (void)
{
  FwWindow *window = open_window ();
  FwReaderPage *page = reader_page (window);
  GtkWidget *card = fw_reader_page_get_byline_card (page);
  GtkTextView *view = fw_reader_page_get_text_view (page);
  const char *description;

  fw_window_show_piece (window, 3);
  fw_test_spin ();

  /* The text is a read-only text box named for what it is. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Piece text");

  /* The byline is one group named "Byline" whose description is the whole
   * byline: a screen reader gets it in one go from one keyboard stop. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Byline");
  description = fw_byline_card_get_description (FW_BYLINE_CARD (card));
  g_test_message ("%s", description);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_true (g_str_has_prefix (description,
                                   "Ending the Nagorno-Karabakh Siege, lessons from Syria\n"));
  fw_test_assert_contains (description, "\nAuthor: David Akopyan (Confirmed).\n");
  fw_test_assert_contains (description,
                           "\nAffiliation: Former Country Director, UNDP Syria (Unconfirmed).\n");
  /* Pack text is wrapped in Unicode isolates (U+2068 … U+2069) so that
   * bidirectional text in one part cannot reorder the rest. */
  fw_test_assert_contains (description,
                           "\nOutlet: \u200E\u2068CivilNet\u2069 (\u2068online news outlet\u2069) "
                           "(Confirmed).\n");
  fw_test_assert_contains (description, "\nImage: Not stated (Not stated).");
  /* Where each thing comes from, as the pack gives it: where each name was
   * checked, the outlet's home page and where the piece was found. */
  fw_test_assert_contains (description, "\nAuthor: David Akopyan (Confirmed).\n");
  fw_test_assert_contains (description,
                           "\nChecked at: \u2068https://www.tufs.ac.jp/english/NEWS/trend/"
                           "190618_1.html\u2069\nAffiliation: ");
  fw_test_assert_contains (description, "\nHome page: \u2068https://www.civilnet.am\u2069\n");
  fw_test_assert_contains (description,
                           "\nFound at: \u2068https://www.civilnet.am/en/news/750052/"
                           "ending-the-nagorno-karabakh-siege-lessons-from-syria/\u2069\n"
                           "Published: ");

  /* Another piece replaces the description rather than adding to it. */
  fw_window_show_piece (window, 0);
  fw_test_spin ();
  description = fw_byline_card_get_description (FW_BYLINE_CARD (card));
  g_assert_null (strstr (description, "Akopyan"));
  fw_test_assert_contains (description, "\nAuthor: Not stated (Not stated).\n");
  fw_test_assert_contains (description, "\nPerspective: Argues from Azerbaijan's side.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  close_window (window);
}

/* Tabs through the window from @start until the focus comes back round,
 * and returns the widgets that had the focus, in order. */
static GPtrArray *
tab_chain (FwWindow  *window,
           GtkWidget *start)
{
  GPtrArray *chain = g_ptr_array_new ();

  g_assert_true (gtk_widget_grab_focus (start));
  g_ptr_array_add (chain, start);
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;

      /* At the end of the chain GTK leaves the focus nowhere; the next Tab
       * starts over. */
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == start)
        return chain;
      g_assert_nonnull (focus);
      g_ptr_array_add (chain, focus);
    }

  g_error ("the Tab key never came back to where it started");
}

static guint
count_in_chain (GPtrArray *chain,
                GtkWidget *widget)
{
  guint n = 0;

  for (guint i = 0; i < chain->len; i++)
    if (g_ptr_array_index (chain, i) == widget)
      n++;

  return n;
}

/* Scrolls the reading page to the end of its text and lets it draw. */
static void
scroll_to_end (FwReaderPage *page)
{
  GtkWidget *scrolled = fw_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  fw_test_wait_for_frame (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  fw_test_wait_for_frame (scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

/* Fails unless @widget lies wholly within what @view shows. */
static void
assert_shown_in_view (GtkWidget *widget,
                      GtkWidget *view)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, view, &bounds));
  g_assert_cmpfloat (graphene_rect_get_y (&bounds), >=, 0);
  g_assert_cmpfloat (graphene_rect_get_y (&bounds) + graphene_rect_get_height (&bounds), <=,
                     gtk_widget_get_height (view));
}

/* The sidebar of pieces and exercises: the list in the window's flap. */
static GtkWidget *
find_sidebar (FwWindow *window)
{
  GtkWidget *flap = fw_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_FLAP);

  g_assert_nonnull (flap);
  return fw_test_find_descendant (adw_flap_get_flap (ADW_FLAP (flap)), GTK_TYPE_LIST_BOX);
}

static void
test_reader_tab_order (void)
{
  FwWindow *window = open_window ();
  FwReaderPage *page = reader_page (window);
  GtkWidget *card = fw_reader_page_get_byline_card (page);
  GtkWidget *view = GTK_WIDGET (fw_reader_page_get_text_view (page));
  GtkWidget *sidebar;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autoptr(GPtrArray) chain = NULL;
  GtkListBox *list;
  GtkWidget *row;
  guint card_at, view_at;
  guint n_addresses = 0;

  fw_window_show_piece (window, 3);
  fw_test_spin ();

  /* No label of the byline takes the focus, and only addresses take a
   * selection, with the mouse: the keyboard copies an address with the
   * Copy button beside it. */
  collect_descendants (card, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 10);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      gboolean address = gtk_widget_has_css_class (label, "byline-address");

      g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)) == address);
      g_assert_false (gtk_widget_get_focusable (label));
      if (address)
        n_addresses++;
    }
  g_assert_cmpuint (n_addresses, ==, 4);
  g_assert_true (gtk_widget_get_focusable (card));

  /* From the selected row of the sidebar, Tab goes through the page in
   * reading order: the byline and each legend toggle, which live in the
   * header anchored at the top of the text, then the text, once each, and
   * never a label. The page starts scrolled to its end: the header's
   * widgets scroll into view as they get the focus. */
  sidebar = find_sidebar (window);
  list = GTK_LIST_BOX (sidebar);
  g_assert_nonnull (gtk_list_box_get_selected_row (list));
  scroll_to_end (page);
  row = GTK_WIDGET (gtk_list_box_get_selected_row (list));
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == card);
  fw_test_wait_for_frame (GTK_WIDGET (window));
  assert_shown_in_view (card, view);
  chain = tab_chain (window, row);
  for (guint i = 0; i < chain->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (chain, i);

      g_test_message ("Tab stop %u: %s", i, G_OBJECT_TYPE_NAME (w));
      g_assert_false (GTK_IS_LABEL (w));
    }
  g_assert_cmpuint (count_in_chain (chain, card), ==, 1);
  g_assert_cmpuint (count_in_chain (chain, view), ==, 1);
  g_assert_true (g_ptr_array_find (chain, card, &card_at));
  g_assert_true (g_ptr_array_find (chain, view, &view_at));
  g_assert_cmpuint (card_at, <, view_at);

  collect_descendants (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, toggles);
  g_assert_cmpuint (toggles->len, ==, 5);
  for (guint i = 0; i < toggles->len; i++)
    {
      guint at;

      g_assert_true (g_ptr_array_find (chain, g_ptr_array_index (toggles, i), &at));
      g_assert_cmpuint (card_at, <, at);
      g_assert_cmpuint (at, <, view_at);
    }

  /* The page's stops follow each other: the header's, then the text. */
  for (guint i = card_at; i < view_at; i++)
    g_assert_true (gtk_widget_is_ancestor (g_ptr_array_index (chain, i), GTK_WIDGET (page)));

  /* Shift+Tab walks the same path back: from the text to the header's
   * last stop, from the byline out of the page, and into the page from
   * after it, at the text. */
  g_assert_true (gtk_widget_grab_focus (view));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == g_ptr_array_index (chain, view_at - 1));
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == g_ptr_array_index (chain, card_at - 1));
  if (view_at + 1 < chain->len)
    {
      g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (chain, view_at + 1)));
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == view);
    }

  /* Each address's Copy button is a stop, after the byline and before the
   * legend. */
  for (guint i = card_at + 1; i <= card_at + n_addresses; i++)
    {
      GtkWidget *w = g_ptr_array_index (chain, i);

      g_assert_true (GTK_IS_BUTTON (w) && gtk_widget_is_ancestor (w, card));
    }

  /* The header bar, the sidebar row and the reading page: a short round. */
  g_assert_cmpuint (chain->len, <=, 12 + n_addresses);

  close_window (window);
}

static void
test_sidebar_keyboard (void)
{
  FwWindow *window = open_window ();
  FwExercisePage *exercises = fw_window_get_exercise_page (window);
  GtkListBox *sidebar = GTK_LIST_BOX (find_sidebar (window));
  GtkListBoxRow *first = gtk_list_box_get_selected_row (sidebar);
  GtkListBoxRow *row = NULL;

  /* Section headers are no keyboard stops; item rows are named by their
   * title and subtitle. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sidebar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Pieces and exercises");
  g_assert_false (gtk_widget_get_can_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar,
                                                                                      0))));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (first)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "The agreement was reached to stop the Azerbaijan's "
                                       "Anti-Terror Operation in Karabakh: quo vadis?. "
                                       "\u200E\u2068links-newsandtimes.com\u2069 · "
                                       "\u2068Author not stated\u2069");

  /* Browsing: selecting the rows of two exercises in turn, as the arrow
   * keys do, shows them but leaves the focus in the sidebar. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (first)));
  for (guint e = 0; e < 2; e++)
    {
      fw_window_show_exercise (window, e);
      fw_test_spin ();
      row = gtk_list_box_get_selected_row (sidebar);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      fw_test_spin ();
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (row));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (exercises)));
    }

  /* Enter on the row goes into the page: to the name field. */
  g_signal_emit_by_name (sidebar, "row-activated", row);
  fw_test_spin ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (exercises->name_entry))
                 || gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (exercises->name_entry));

  /* And on a piece, to its byline. */
  fw_window_show_piece (window, 1);
  fw_test_spin ();
  g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_selected_row (sidebar));
  fw_test_spin ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window))
                 == fw_reader_page_get_byline_card (reader_page (window)));

  close_window (window);
}

static void
test_reader_highlight_keyboard (void)
{
  FwWindow *window = open_window ();
  FwReaderPage *page = reader_page (window);
  GtkTextView *view = fw_reader_page_get_text_view (page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkWidget *popover = fw_reader_page_get_popover (page);
  const FwAnnotation *annotation;
  g_autofree char *description = NULL;
  GtkTextIter cursor, text_start;
  guint offset;

  fw_window_show_piece (window, 2);
  fw_test_wait_for_frame (GTK_WIDGET (window));

  /* The window's next-highlight action (F8, Alt+Down) puts the cursor on
   * the first highlight and gives it the focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-highlight", NULL));
  fw_test_spin ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  /* Piece offsets count from the start of the text, below the header
   * anchored at the top of the buffer. */
  fw_reader_page_get_iter_at_offset (page, &text_start, 0);
  offset = (guint) (gtk_text_iter_get_offset (&cursor) - gtk_text_iter_get_offset (&text_start));
  annotation = fw_reader_page_get_annotation_at (page, offset);
  g_assert_nonnull (annotation);
  g_assert_cmpuint (annotation->start, ==, offset);

  /* A screen reader hears its kind, category and reason. */
  description = fw_highlight_describe (annotation);
  g_test_message ("%s", description);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  fw_test_assert_contains (description, fw_annotation_kind_to_label (annotation->kind));
  {
    g_autofree char *category = fw_annotation_dup_category_label (annotation);

    fw_test_assert_contains (description, category);
  }
  fw_test_assert_contains (description, annotation->note);

  /* Enter at the cursor opens the popover for this highlight. test-reader
   * pops it up; here it is only filled, since popping it up while other
   * test programs share the Xvfb display sometimes finds no monitor in
   * GTK 4.8. It carries the same description. */
  g_assert_true (fw_reader_page_get_annotation_at (page, offset) == annotation);
  fw_highlight_popover_set_annotation (FW_HIGHLIGHT_POPOVER (popover), annotation, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* The previous-highlight action (Shift+F8, Alt+Up) goes back no further
   * than the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-highlight",
                                             NULL));
  fw_test_spin ();
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpuint (gtk_text_iter_get_offset (&cursor) - gtk_text_iter_get_offset (&text_start),
                    ==, offset);

  close_window (window);
}

/* Exercises ------------------------------------------------------------- */

static FwExercisePage *
start_exercise (FwWindow   *window,
                const char *id)
{
  FwExercisePage *page = fw_window_get_exercise_page (window);
  FwPack *pack = fw_window_get_pack (window);

  for (guint i = 0; i < fw_pack_get_n_exercises (pack); i++)
    if (g_str_equal (fw_exercise_get_id (fw_pack_get_exercise (pack, i)), id))
      fw_window_show_exercise (window, i);
  fw_test_spin ();

  if (g_strcmp0 (gtk_stack_get_visible_child_name (page->page_stack), "name") == 0)
    {
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->name_entry),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Your name or initials");
      gtk_editable_set_text (GTK_EDITABLE (page->name_entry), "Keyboard Student");
      g_signal_emit_by_name (page->name_entry, "activate");
      fw_test_spin ();
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "steps");
  g_assert_cmpstr (fw_exercise_get_id (fw_exercise_session_get_exercise (
                                         fw_exercise_page_get_session (page))), ==, id);

  return page;
}

static void
go_to_step (FwExercisePage *page,
            guint           step)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.review", NULL));
  for (guint i = 0; i < step; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.next", NULL));
  fw_test_spin ();
  g_assert_cmpuint (fw_exercise_session_get_current_step (fw_exercise_page_get_session (page)),
                    ==, step);
}

/* The label that a group is labelled by must say @text. */
static void
assert_group_labelled (GtkWidget  *group,
                       GtkWidget  *label,
                       const char *text)
{
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (group),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
}

static void
test_exercise_steps (void)
{
  FwWindow *window = open_window ();
  FwExercisePage *page = start_exercise (window, "sovereignty-or-humanitarian");
  FwExerciseSession *session = fw_exercise_page_get_session (page);
  FwExercise *exercise = fw_exercise_session_get_exercise (session);
  const FwExerciseStep *step;
  GtkWidget *group;
  GtkWidget *compare;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->progress_bar),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Progress through the exercise");

  /* Choice: the options are a group named by the question. */
  go_to_step (page, 1);
  step = fw_exercise_get_step (exercise, 1);
  g_assert_nonnull (step->question);
  group = gtk_widget_get_parent (gtk_widget_get_parent (g_ptr_array_index (page->inputs, 0)));
  assert_group_labelled (group, gtk_widget_get_prev_sibling (gtk_widget_get_prev_sibling (group)),
                         step->question);
  for (guint i = 0; i < page->inputs->len; i++)
    {
      GtkWidget *option = g_ptr_array_index (page->inputs, i);
      GtkAccessibleRole role = step->multiple ? GTK_ACCESSIBLE_ROLE_CHECKBOX
                                              : GTK_ACCESSIBLE_ROLE_RADIO;

      g_assert_true (gtk_widget_get_focusable (option));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (option), role);
    }

  /* Classify: each drop-down is named by its sentence's number and piece,
   * described by the sentence, inside a group with the same name. */
  go_to_step (page, 2);
  step = fw_exercise_get_step (exercise, 2);
  for (guint i = 0; i < page->inputs->len; i++)
    {
      GtkWidget *dropdown = g_ptr_array_index (page->inputs, i);
      const FwStepSentence *sentence = g_ptr_array_index (step->sentences, i);
      GtkWidget *card = gtk_widget_get_parent (dropdown);
      GtkWidget *number = gtk_widget_get_first_child (card);
      const char *name = gtk_label_get_text (GTK_LABEL (number));
      g_autofree char *prefix = g_strdup_printf ("Sentence %u of %u, from “", i + 1,
                                                 step->sentences->len);

      g_assert_true (g_str_has_prefix (name, prefix));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dropdown),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dropdown),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence->text);
      assert_group_labelled (card, number, name);
      g_assert_true (gtk_widget_get_focusable (gtk_widget_get_first_child (dropdown)));
    }

  /* Compare frames: each pair of predictions is a radio group named by its
   * question, so a piece title read alone says which frame it is for. */
  go_to_step (page, 3);
  step = fw_exercise_get_step (exercise, 3);
  for (guint f = 0; step->frames[f] != NULL; f++)
    {
      GtkWidget *first = g_ptr_array_index (page->inputs, 2 * f);
      GtkWidget *second = g_ptr_array_index (page->inputs, 2 * f + 1);
      GtkWidget *box = gtk_widget_get_parent (first);
      GtkWidget *question = gtk_widget_get_first_child (box);

      g_assert_true (gtk_widget_get_parent (second) == box);
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (question)),
                                       "Which piece leans more on “"));
      assert_group_labelled (box, question, gtk_label_get_text (GTK_LABEL (question)));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_ROLE_RADIO);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);
    }
  fw_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exercise.check", NULL));
  fw_test_spin ();

  /* The frame charts are images with a text alternative: a sentence per
   * frame with its density and count. */
  compare = fw_test_find_descendant (GTK_WIDGET (page->feedback_box), FW_TYPE_COMPARE_VIEW);
  g_assert_nonnull (compare);
  for (guint p = 0; p < 2; p++)
    {
      GtkWidget *chart = fw_compare_view_get_chart (FW_COMPARE_VIEW (compare), p);
      const char *text = fw_frame_chart_get_text_alternative (FW_FRAME_CHART (chart));
      g_autofree char *name = NULL;
      const char *title = fw_piece_get_title (fw_pack_find_piece (fw_window_get_pack (window),
                                                                  step->pieces[p]));

      g_test_message ("%s", text);
      name = g_strdup_printf ("Frame profile of “%s”", title);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           name);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
      fw_test_assert_contains (text, "Humanitarian duty: ");
      fw_test_assert_contains (text, " per 1,000 words (");
    }
  /* The evidence list is named, and its rows open with Enter. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fw_compare_view_get_evidence_list (
                                                         FW_COMPARE_VIEW (compare))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Evidence for the frame profiles");
  g_assert_true (gtk_list_box_row_get_activatable (
                   gtk_list_box_get_row_at_index (fw_compare_view_get_evidence_list (
                                                    FW_COMPARE_VIEW (compare)), 0)));

  /* Reflect: the answer is named, and Tab leaves it instead of typing a
   * tab character. */
  go_to_step (page, 4);
  g_assert_nonnull (page->text_view);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->text_view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Your answer");
  g_assert_true (gtk_text_view_get_editable (page->text_view));
  g_assert_false (gtk_text_view_get_accepts_tab (page->text_view));

  /* Back and Next say their shortcuts. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->back_button), ==,
                   "Previous step (Alt+Left)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->next_button), ==,
                   "Next step (Alt+Right)");

  close_window (window);
}

static void
test_exercise_find_spans (void)
{
  FwWindow *window = open_window ();
  FwExercisePage *page = start_exercise (window, "spot-loaded-terms");
  GtkListBoxRow *row;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *remove;
  g_autofree char *span = NULL;
  g_autofree char *name = NULL;

  go_to_step (page, 1);
  g_assert_nonnull (page->text_view);
  g_assert_nonnull (page->span_list);
  buffer = gtk_text_view_get_buffer (page->text_view);

  /* The text tells how to mark with the keyboard. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->text_view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Select a word or phrase and press Enter to add it as an "
                                       "answer");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->span_list),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Your answers");

  /* Nothing marked: the placeholder row is no keyboard stop. */
  row = gtk_list_box_get_row_at_index (page->span_list, 0);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (row)));
  g_assert_false (gtk_widget_get_sensitive (page->add_span_button));

  /* Select the first word, as Shift+Ctrl+Right does, and add it. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_word_end (&end);
  /* No main loop turn between selecting and adding: other test programs
   * on the same X display take the PRIMARY selection, and a text buffer
   * that loses it drops its selection. */
  gtk_text_buffer_select_range (buffer, &start, &end);
  span = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (gtk_widget_get_sensitive (page->add_span_button));
  g_signal_emit_by_name (page->add_span_button, "clicked");
  fw_test_spin ();

  /* Its row's remove button is the stop, named after the span. */
  row = gtk_list_box_get_row_at_index (page->span_list, 0);
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (row)));
  remove = fw_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_get_focusable (remove));
  name = g_strdup_printf ("Remove “%s”", span);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       name);
  g_signal_emit_by_name (remove, "clicked");
  fw_test_spin ();
  g_assert_cmpuint (fw_exercise_session_get_answer (fw_exercise_page_get_session (page),
                                                    1)->spans->len, ==, 0);

  close_window (window);
}

/* Shortcuts window and About ------------------------------------------- */

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *actions,
                   GPtrArray *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator,
                    "title", &title, NULL);
      g_assert_true (title != NULL && *title != '\0');
      g_assert_true (action != NULL || accelerator != NULL);
      if (action != NULL)
        g_ptr_array_add (actions, g_steal_pointer (&action));
      if (accelerator != NULL)
        {
          g_auto(GStrv) each = g_strsplit (accelerator, " ", -1);

          for (guint i = 0; each[i] != NULL; i++)
            {
              guint key;
              GdkModifierType mods;

              /* Every accelerator is one GTK can parse. */
              g_assert_true (gtk_accelerator_parse (each[i], &key, &mods));
              g_ptr_array_add (accelerators, gtk_accelerator_name (key, mods));
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, actions, accelerators);
}

static gboolean
str_in (GPtrArray  *array,
        const char *s)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), s))
      return TRUE;
  return FALSE;
}

/* One application for the tests that need its actions: a registered
 * application keeps its D-Bus object until the process ends. */
static GtkApplication *
get_application (void)
{
  static GtkApplication *app = NULL;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Not unique, so that the tests never meet another instance on the
       * bus. */
      app = g_object_new (FW_TYPE_APPLICATION,
                          "application-id", APPLICATION_ID,
                          "flags", G_APPLICATION_NON_UNIQUE,
                          "resource-base-path", RESOURCE_PREFIX,
                          NULL);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return app;
}

static guint
count_shortcuts_windows (GtkWindow **last)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      {
        n++;
        if (last != NULL)
          *last = l->data;
      }
  return n;
}

static GtkWidget *
find_shortcut_label (GtkWidget  *widget,
                     const char *accelerator)
{
  if (GTK_IS_SHORTCUT_LABEL (widget)
      && g_strcmp0 (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (widget)),
                    accelerator) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut_label (child, accelerator);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shortcuts window is built when first asked for, once per window,
 * shows the application's accelerators, and goes with its window. */
static void
test_shortcuts_window_on_demand (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, "application", get_application (), NULL);
  GtkWindow *shortcuts = NULL;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  g_assert_cmpuint (count_shortcuts_windows (NULL), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  fw_test_spin ();
  g_assert_cmpuint (count_shortcuts_windows (&shortcuts), ==, 1);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  /* "Open a lesson pack" shows Ctrl+O, which the application sets. */
  g_assert_nonnull (find_shortcut_label (GTK_WIDGET (shortcuts), "<Control>o"));

  /* Closing hides it; asking again shows the same window. */
  gtk_window_close (shortcuts);
  fw_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  fw_test_spin ();
  g_assert_cmpuint (count_shortcuts_windows (NULL), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  close_window (window);
  g_assert_cmpuint (count_shortcuts_windows (NULL), ==, 0);
}

static void
test_shortcuts_window_complete (void)
{
  GtkApplication *app = get_application ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX
                                                                  "/ui/fw-shortcuts-window.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts_window"));
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) accelerators = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) described = gtk_application_list_action_descriptions (app);
  static const char * const bindings[] = {
    "<Alt>Left", "<Alt>Right", "Return", "F10", "Escape"
  };

  g_assert_nonnull (overlay);
  collect_shortcuts (overlay, actions, accelerators);

  /* Every action the application gives an accelerator is listed... */
  g_assert_cmpuint (g_strv_length (described), >=, 7);
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, described[i]);
      g_autofree char *name = NULL;

      if (accels[0] == NULL)
        continue;
      /* The detailed name "win.open" is the action name for parameterless
       * actions. */
      name = g_strdup (described[i]);
      g_test_message ("%s: %s", name, accels[0]);
      if (!str_in (actions, name))
        g_error ("the shortcuts window does not list %s (%s)", name, accels[0]);
    }

  /* ...and every listed action has an accelerator to show. */
  for (guint i = 0; i < actions->len; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app,
                                                                    g_ptr_array_index (actions,
                                                                                       i));

      if (accels[0] == NULL)
        g_error ("%s is listed but has no accelerator", (char *) g_ptr_array_index (actions, i));
    }

  /* The widgets' own key bindings are listed by accelerator. */
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      guint key;
      GdkModifierType mods;
      g_autofree char *name = NULL;

      g_assert_true (gtk_accelerator_parse (bindings[i], &key, &mods));
      name = gtk_accelerator_name (key, mods);
      if (!str_in (accelerators, name))
        g_error ("the shortcuts window does not list %s", bindings[i]);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
  fw_test_spin ();
}

/* The label under @root that shows @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);

  g_error ("no label “%s”", text);
}

/* Teacher mode shows answers: while it is on, a banner under the header
 * says so, in words a screen reader reads, says how to turn it off, and
 * turns it off. */
static void
test_teacher_mode_banner (void)
{
  GtkApplication *app = get_application ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  FwWindow *window;
  GtkWidget *label, *button;
  GtkRevealer *banner;

  g_settings_set_boolean (settings, "teacher-mode", FALSE);
  window = fw_window_new (FW_APPLICATION (app));
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_wait_for_frame (GTK_WIDGET (window));

  label = find_label (GTK_WIDGET (window), "Teacher Mode: answers and teacher notes are shown");
  banner = GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));
  button = gtk_widget_get_next_sibling (label);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_false (gtk_widget_get_mapped (label));

  /* On: the banner shows, above the page, and the button can turn it off. */
  g_settings_set_boolean (settings, "teacher-mode", TRUE);
  while (!gtk_revealer_get_child_revealed (banner))
    fw_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (label));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_ROLE_LABEL);
  fw_test_assert_contains (gtk_widget_get_tooltip_text (label), "main menu");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Turn Off");
  g_assert_true (gtk_widget_is_sensitive (button));

  /* The button turns teacher mode off, and the banner goes. */
  g_signal_emit_by_name (button, "clicked");
  fw_test_spin ();
  g_assert_false (g_settings_get_boolean (settings, "teacher-mode"));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  close_window (window);
}

static void
test_about (void)
{
  GtkApplication *app = get_application ();
  GtkWidget *about = fw_application_create_about (FW_APPLICATION (app));
  g_autofree char *version = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *name = NULL;
  GtkLicense license;

  g_object_ref_sink (about);
  g_assert_true (fw_compat_is_about (about));
  g_object_get (about, "application-name", &name, "version", &version,
                "application-icon", &icon, "license-type", &license, NULL);
  g_assert_cmpstr (name, ==, "Framewise");
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (icon, ==, APPLICATION_ID);
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);

  /* The action shows it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  fw_test_spin ();

  g_object_unref (about);
}

int
main (int   argc,
      char *argv[])
{
  /* Student work goes to the private folders fw_test_init() gives each
   * test case. */
  fw_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/accessibility/reader/names", test_reader_names);
  g_test_add_func ("/accessibility/reader/tab-order", test_reader_tab_order);
  g_test_add_func ("/accessibility/reader/highlight-keyboard", test_reader_highlight_keyboard);
  g_test_add_func ("/accessibility/sidebar/keyboard", test_sidebar_keyboard);
  g_test_add_func ("/accessibility/exercise/steps", test_exercise_steps);
  g_test_add_func ("/accessibility/exercise/find-spans", test_exercise_find_spans);
  g_test_add_func ("/accessibility/shortcuts-window", test_shortcuts_window_complete);
  g_test_add_func ("/accessibility/shortcuts-window/on-demand", test_shortcuts_window_on_demand);
  g_test_add_func ("/accessibility/about", test_about);
  g_test_add_func ("/accessibility/teacher-mode-banner", test_teacher_mode_banner);

  return g_test_run ();
}
