/* test-exercise-page.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fw-compare-view.h"
#include "fw-compat.h"
#include "fw-exercise-page-private.h"
#include "fw-frame-chart.h"
#include "fw-test-ui.h"
#include "fw-window.h"

/* Completes exercise (b), "Sovereignty or humanitarian duty?", of the
 * bundled pack through the page's widgets on the headless display, the way
 * a student does with the keyboard: name, read, choose, sort, predict and
 * compare, write, summary. */

static void
activate (FwExercisePage *page,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  fw_test_spin ();
}

static void
test_complete_sovereignty_or_humanitarian (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
  FwExercisePage *page = fw_window_get_exercise_page (window);
  FwPack *pack = fw_window_get_pack (window);
  FwExercise *exercise = fw_pack_find_exercise (pack, "sovereignty-or-humanitarian");
  FwExerciseSession *session;
  const FwExerciseStep *step;
  g_autoptr(GString) reflection = g_string_new (NULL);
  g_autoptr(FwWorkStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *compare;
  GtkListBox *evidence;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *dialog;
  guint index = G_MAXUINT;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();

  for (guint i = 0; i < fw_pack_get_n_exercises (pack); i++)
    if (fw_pack_get_exercise (pack, i) == exercise)
      index = i;
  g_assert_cmpuint (index, ==, 1);

  /* No work yet: the page asks for a name, and Start waits for one. */
  fw_window_show_exercise (window, index);
  fw_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "name");
  g_assert_false (gtk_widget_get_sensitive (page->start_button));
  gtk_editable_set_text (GTK_EDITABLE (page->name_entry), "Test Student");
  g_assert_true (gtk_widget_get_sensitive (page->start_button));
  g_signal_emit_by_name (page->name_entry, "activate");
  fw_test_spin ();

  session = fw_exercise_page_get_session (page);
  g_assert_nonnull (session);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "steps");
  g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==, "Step 1 of 5 · Read");

  /* 1. Read: Next marks it read. */
  activate (page, "exercise.next");
  g_assert_true (fw_exercise_session_get_result (session, 0)->checked);
  g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==, "Step 2 of 5 · Choose");
  /* The bar and the label agree: step 2 of 5 is 40% of the way. */
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (page->progress_bar), 0.4, 1e-9);

  /* 2. Choice: nothing chosen, nothing to check; then the right option. */
  g_assert_false (gtk_widget_is_sensitive (page->check_button));
  step = fw_exercise_get_step (exercise, 1);
  for (guint i = 0; i < step->options->len; i++)
    if (((FwChoiceOption *) step->options->pdata[i])->correct)
      gtk_check_button_set_active (g_ptr_array_index (page->inputs, i), TRUE);
  fw_test_spin ();
  g_assert_true (gtk_widget_is_sensitive (page->check_button));
  activate (page, "exercise.check");
  g_assert_true (fw_exercise_session_get_result (session, 1)->passed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->feedback_box)));
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (page->inputs, 0)));
  activate (page, "exercise.next");

  /* 3. Sort the sentences with the drop-downs. */
  step = fw_exercise_get_step (exercise, 2);
  g_assert_cmpuint (page->inputs->len, ==, step->sentences->len);
  for (guint i = 0; i < step->sentences->len; i++)
    {
      const FwStepSentence *sentence = step->sentences->pdata[i];

      for (guint k = 0; k < step->categories->len; k++)
        if (g_str_equal (((FwStepCategory *) step->categories->pdata[k])->id, sentence->answer))
          gtk_drop_down_set_selected (g_ptr_array_index (page->inputs, i), k + 1);
    }
  fw_test_spin ();
  activate (page, "exercise.check");
  g_assert_cmpfloat (fw_exercise_session_get_result (session, 2)->score, ==, 1.0);
  activate (page, "exercise.next");

  /* 4. Predict, then see the profiles: two radio buttons per frame. */
  step = fw_exercise_get_step (exercise, 3);
  g_assert_cmpuint (page->inputs->len, ==, 2 * g_strv_length (step->frames));
  for (guint f = 0; step->frames[f] != NULL; f++)
    {
      FwFrameComparison *c = fw_exercise_session_get_comparison (session, 3);
      int leaning = fw_frame_comparison_get_leaning (c, f);

      gtk_check_button_set_active (g_ptr_array_index (page->inputs, 2 * f + leaning), TRUE);
    }
  fw_test_spin ();
  activate (page, "exercise.check");
  g_assert_cmpfloat (fw_exercise_session_get_result (session, 3)->score, ==, 1.0);

  compare = fw_test_find_descendant (GTK_WIDGET (page->feedback_box), FW_TYPE_COMPARE_VIEW);
  g_assert_nonnull (compare);
  g_assert_nonnull (strstr (fw_frame_chart_get_text_alternative (
                              FW_FRAME_CHART (fw_compare_view_get_chart (FW_COMPARE_VIEW (compare),
                                                                         0))),
                            "Humanitarian duty: "));
  /* An evidence row shows its sentence in its piece. */
  evidence = fw_compare_view_get_evidence_list (FW_COMPARE_VIEW (compare));
  g_signal_emit_by_name (evidence, "row-activated", gtk_list_box_get_row_at_index (evidence, 0));
  fw_test_spin ();
  view = fw_compare_view_get_text_view (FW_COMPARE_VIEW (compare), 0);
  buffer = gtk_text_view_get_buffer (view);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  {
    const FwFrameEvidence *e = &g_array_index (fw_frame_comparison_get_evidence (
                                                 fw_exercise_session_get_comparison (session, 3)),
                                               FwFrameEvidence, 0);

    g_assert_cmpint (gtk_text_iter_get_offset (&start), <=, (int) e->start);
    g_assert_cmpint (gtk_text_iter_get_offset (&end), >=, (int) e->end);
  }
  activate (page, "exercise.next");

  /* 5. Reflect: the check waits for the minimum number of words. */
  step = fw_exercise_get_step (exercise, 4);
  buffer = gtk_text_view_get_buffer (page->text_view);
  gtk_text_buffer_set_text (buffer, "Too short.", -1);
  fw_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (page->check_button));
  /* Enough words, but one word over and over is not a reflection. */
  for (guint i = 0; i < step->min_words; i++)
    g_string_append (reflection, i % 10 == 9 ? "state. " : "people ");
  gtk_text_buffer_set_text (buffer, reflection->str, -1);
  fw_test_spin ();
  g_assert_false (gtk_widget_is_sensitive (page->check_button));
  g_string_truncate (reflection, 0);
  for (guint i = 0; i < step->min_words; i++)
    g_string_append_printf (reflection, "%s%c%c ", i % 10 == 9 ? "state" : "people",
                            'a' + (char) (i % 26), 'a' + (char) (i / 26 % 26));
  gtk_text_buffer_set_text (buffer, reflection->str, -1);
  fw_test_spin ();
  g_assert_true (gtk_widget_is_sensitive (page->check_button));
  activate (page, "exercise.check");
  g_assert_true (fw_exercise_session_get_result (session, 4)->passed);
  activate (page, "exercise.next");

  /* The summary, with a row per step. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "summary");
  g_assert_true (fw_exercise_session_is_complete (session));
  g_assert_nonnull (gtk_list_box_get_row_at_index (page->summary_list, 4));
  g_assert_null (gtk_list_box_get_row_at_index (page->summary_list, 5));
  g_assert_cmpfloat (fw_exercise_session_get_mean_score (session), ==, 1.0);

  /* Every answer is on disk. */
  reopened = fw_work_store_open (NULL, pack, "Test Student", &error);
  g_assert_no_error (error);
  g_assert_true (fw_exercise_session_is_complete (fw_work_store_get_session (reopened,
                                                                             exercise)));
  g_assert_cmpstr (fw_exercise_session_get_answer (fw_work_store_get_session (reopened, exercise),
                                                   4)->text, ==, reflection->str);
  g_assert_cmpstr (fw_work_store_get_current_exercise (reopened), ==,
                   "sovereignty-or-humanitarian");

  /* Teacher mode shows the pack's teacher notes. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    activate (page, "exercise.review");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->teacher_notes)));
    g_settings_set_boolean (settings, "teacher-mode", TRUE);
    fw_test_spin ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->teacher_notes)));
    g_settings_set_boolean (settings, "teacher-mode", FALSE);
    fw_test_spin ();
  }

  /* Start over asks first; cancelling keeps everything. */
  activate (page, "exercise.start-over");
  dialog = fw_compat_alert_find (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fw_exercise_session_get_n_checked (session), ==, 5);
  fw_compat_alert_respond (dialog, "cancel");
  fw_test_spin ();
  g_assert_cmpuint (fw_exercise_session_get_n_checked (session), ==, 5);
  activate (page, "exercise.start-over");
  dialog = fw_compat_alert_find (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  fw_compat_alert_respond (dialog, "start-over");
  fw_test_spin ();
  g_assert_cmpuint (fw_exercise_session_get_n_checked (session), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==, "Step 1 of 5 · Read");

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

static void
connect_button_activate (GtkWidget *widget,
                         gboolean  *flag)
{
  if (GTK_IS_BUTTON (widget))
    g_signal_connect_swapped (widget, "activate", G_CALLBACK (fw_test_set_true_cb), flag);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    connect_button_activate (child, flag);
}

/* Enter in the name field starts the exercise and does nothing else: the
 * name page hides as the entry activates, and GTK must not then activate
 * whatever took the focus (the header's Start Over button once did, and
 * asked whether to clear the answers). The focus lands on the first
 * control of the step. */
static void
test_enter_in_name_starts (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
  FwExercisePage *page = fw_window_get_exercise_page (window);
  GtkWidget *text = fw_test_find_descendant (GTK_WIDGET (page->name_entry), GTK_TYPE_TEXT);
  GtkWidget *focus;
  gboolean button_activated = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  fw_window_show_exercise (window, 0);
  fw_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "name");

  /* Any button activated from the keyboard says so at once, though GTK
   * clicks it only after showing it pressed for a moment. */
  connect_button_activate (GTK_WIDGET (window), &button_activated);

  /* Enter as the keyboard gives it: to the entry's text, which the entry
   * passes on. */
  gtk_widget_grab_focus (GTK_WIDGET (page->name_entry));
  gtk_editable_set_text (GTK_EDITABLE (page->name_entry), "Enter Student");
  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  g_assert_false (button_activated);
  fw_test_spin ();
  g_assert_false (button_activated);

  g_assert_nonnull (fw_exercise_page_get_session (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "steps");
  g_assert_null (fw_compat_alert_find (GTK_WINDOW (window)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page->step_box)));

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

static void
append_labels (GString   *out,
               GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else
        append_labels (out, child);
    }
}

/* A reading step gives each piece's byline with how sure the pack is of
 * each part, in the words of the reader's byline card: the outlet of
 * "Illegal elections…" is unconfirmed and its author not stated. */
static void
test_read_byline (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
  FwExercisePage *page = fw_window_get_exercise_page (window);
  FwPack *pack = fw_window_get_pack (window);
  FwPiece *piece = fw_pack_find_piece (pack, "sham-elections");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *outlet = NULL;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  fw_window_show_exercise (window, 0);
  fw_test_spin ();
  gtk_editable_set_text (GTK_EDITABLE (page->name_entry), "Byline Student");
  g_signal_emit_by_name (page->name_entry, "activate");
  fw_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==, "Step 1 of 3 · Read");

  g_assert_cmpint (fw_piece_get_outlet (piece)->confidence, ==, FW_CONFIDENCE_UNCONFIRMED);
  append_labels (text, GTK_WIDGET (page->step_box));
  g_test_message ("%s", text->str);
  outlet = g_strdup_printf ("Outlet: %s\nUnconfirmed\n", fw_piece_get_outlet (piece)->name);
  fw_test_assert_contains (text->str, "Author: Not stated\nNot stated\n");
  fw_test_assert_contains (text->str, outlet);

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

/* Waits for the alert the page presents from an idle callback, for as
 * long as the suite's timeout allows. */
static GtkWidget *
wait_for_alert (FwWindow *window)
{
  GtkWidget *alert;

  fw_test_spin ();
  while ((alert = fw_compat_alert_find (GTK_WINDOW (window))) == NULL)
    {
      g_usleep (1000);
      fw_test_spin ();
    }
  return alert;
}

static void
start_as (FwWindow   *window,
          const char *student)
{
  FwExercisePage *page = fw_window_get_exercise_page (window);

  fw_window_show_exercise (window, 0);
  fw_test_spin ();
  if (g_strcmp0 (gtk_stack_get_visible_child_name (page->page_stack), "name") == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (page->name_entry), student);
      g_signal_emit_by_name (page->name_entry, "activate");
      fw_test_spin ();
    }
}

/* Damaged saved work: answers that no longer fit are reported once, and
 * the student resumes at a step rather than at the hand-in; when nothing
 * can be read, the heading says so instead of "recovered". */
static void
test_damaged_work (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
  FwExercisePage *page = fw_window_get_exercise_page (window);
  FwPack *pack = fw_window_get_pack (window);
  FwExercise *exercise = fw_pack_get_exercise (pack, 0);
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GString) edited = NULL;
  GtkWidget *alert;

  /* Work with a span beyond the piece and a step beyond the exercise. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FwWorkStore) store = fw_work_store_open (NULL, pack, "Damaged", &error);
    FwExerciseSession *s;

    g_assert_no_error (error);
    s = fw_work_store_get_session (store, exercise);
    g_assert_cmpint (fw_exercise_get_step (exercise, 1)->kind, ==, FW_STEP_FIND_SPANS);
    g_assert_true (fw_exercise_session_add_span (s, 1, 0, 7));
    fw_exercise_session_set_current_step (s, 2);
    path = g_strdup (fw_work_store_get_path (store));
  }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"end\" : 7", "\"end\" : 99999999", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"current_step\" : 2", "\"current_step\" : 99999",
                                      0), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  start_as (window, "Damaged");
  alert = wait_for_alert (window);
  g_object_get (alert, "heading", &heading, NULL);
  g_assert_cmpstr (heading, ==, "Some Saved Answers Were Not Restored");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "steps");
  g_assert_cmpuint (fw_exercise_session_get_current_step (fw_exercise_page_get_session (page)),
                    <, fw_exercise_get_n_steps (exercise));
  fw_compat_alert_respond (alert, "close");
  fw_test_spin ();

  /* Told once: coming back to the exercise asks nothing. */
  fw_window_show_exercise (window, 1);
  fw_test_spin ();
  fw_window_show_exercise (window, 0);
  fw_test_spin ();
  g_assert_null (fw_compat_alert_find (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();

  /* Both the work and its previous version unreadable. */
  backup = g_strconcat (path, ".bak", NULL);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"framewise-work\",,", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "[", -1, NULL));
  window = g_object_new (FW_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  start_as (window, "Damaged");
  alert = wait_for_alert (window);
  g_clear_pointer (&heading, g_free);
  g_object_get (alert, "heading", &heading, NULL);
  g_assert_cmpstr (heading, ==, "Saved Work Could Not Be Read");
  fw_compat_alert_respond (alert, "close");
  fw_test_spin ();

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

/* Whether @widget is shown whole: inside the window and, within the step's
 * scrolled area, inside what it shows. */
static gboolean
shown_whole (FwExercisePage *page,
             GtkWidget      *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *scroller = GTK_WIDGET (page->step_scroller);
  double x, y;

  if (!gtk_widget_get_mapped (widget)
      || !gtk_widget_translate_coordinates (widget, root, 0, 0, &x, &y)
      || x < 0 || y < 0
      || x + gtk_widget_get_width (widget) > gtk_widget_get_width (root)
      || y + gtk_widget_get_height (widget) > gtk_widget_get_height (root))
    return FALSE;

  if (gtk_widget_is_ancestor (widget, scroller))
    {
      g_assert_true (gtk_widget_translate_coordinates (widget, scroller, 0, 0, &x, &y));
      return y >= 0 && y + gtk_widget_get_height (widget) <= gtk_widget_get_height (scroller);
    }

  return TRUE;
}

/* The wheel over the piece scrolls the piece, and once it can go no
 * further, scrolls the page on. */
static void
check_wheel_not_trapped (FwExercisePage *page)
{
  GtkWidget *inner = gtk_widget_get_ancestor (GTK_WIDGET (page->text_view),
                                              GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *text = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (inner));
  GtkAdjustment *outer = gtk_scrolled_window_get_vadjustment (page->step_scroller);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (inner);
  GtkEventController *wheel = NULL;
  gboolean handled = FALSE;
  double outer_value;

  g_assert_true (inner != GTK_WIDGET (page->step_scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (outer), >, gtk_adjustment_get_page_size (outer));
  g_assert_cmpfloat (gtk_adjustment_get_upper (text), >, gtk_adjustment_get_page_size (text));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      /* Not the scrolled window's own controller, which scrolls both ways. */
      if (GTK_IS_EVENT_CONTROLLER_SCROLL (c)
          && gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE
          && gtk_event_controller_scroll_get_flags (GTK_EVENT_CONTROLLER_SCROLL (c))
             == GTK_EVENT_CONTROLLER_SCROLL_VERTICAL)
        wheel = c;
    }
  g_assert_nonnull (wheel);

  /* Within the piece, the piece scrolls (the event goes on to it). */
  gtk_adjustment_set_value (outer, 0.0);
  gtk_adjustment_set_value (text, 0.0);
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_false (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (outer), ==, 0.0);

  /* At its end, the page scrolls on; back at its start, back up. */
  gtk_adjustment_set_value (text, gtk_adjustment_get_upper (text)
                                  - gtk_adjustment_get_page_size (text));
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  outer_value = gtk_adjustment_get_value (outer);
  g_assert_cmpfloat (outer_value, >, 0.0);
  gtk_adjustment_set_value (text, 0.0);
  g_signal_emit_by_name (wheel, "scroll", 0.0, -1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (outer), <, outer_value);
}

/* The find-and-mark step at the default window size and smaller: the
 * piece's box does not keep the mouse wheel from the page, and the button
 * that adds the selection is in full view wherever the student has
 * scrolled to. */
static void
test_find_spans_layout (void)
{
  static const int sizes[][2] = { { 1100, 760 }, { 900, 600 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
      FwExercisePage *page = fw_window_get_exercise_page (window);
      GtkAdjustment *adjustment;
      GtkTextBuffer *buffer;
      GtkTextIter start, end;

      g_test_message ("window %d × %d", sizes[i][0], sizes[i][1]);
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      gtk_window_present (GTK_WINDOW (window));
      fw_test_spin ();
      start_as (window, "Layout Student");
      /* The second window resumes where the first left off. */
      if (fw_exercise_session_get_current_step (fw_exercise_page_get_session (page)) == 0)
        activate (page, "exercise.next");
      g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==,
                       "Step 2 of 3 · Find and mark");
      fw_test_wait_for_frame (GTK_WIDGET (window));

      check_wheel_not_trapped (page);

      /* Select a word near the end of the piece, scrolled to. */
      buffer = gtk_text_view_get_buffer (page->text_view);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_iter_backward_word_start (&end);
      start = end;
      gtk_text_iter_backward_word_start (&start);
      gtk_text_buffer_select_range (buffer, &start, &end);
      /* Checked at once: the other tests of the suite share the display,
       * and a selection they make takes the primary selection from this
       * buffer, which then drops its own. */
      g_assert_true (gtk_widget_is_sensitive (page->add_span_button));
      adjustment = gtk_scrolled_window_get_vadjustment (page->step_scroller);
      for (guint j = 0; j < 2; j++)
        {
          gtk_adjustment_set_value (adjustment, j == 0 ? 0.0
                                    : gtk_adjustment_get_upper (adjustment)
                                      - gtk_adjustment_get_page_size (adjustment));
          fw_test_wait_for_frame (GTK_WIDGET (window));
          g_assert_true (shown_whole (page, page->add_span_button));
        }

      gtk_window_destroy (GTK_WINDOW (window));
      fw_test_spin ();
    }
}

/* When saves fail (here the work folder is replaced by a plain file), one
 * notice in the page says so in plain words, naming the folder, and no
 * dialog takes the focus; the notice goes once a save succeeds. */
static void
test_save_problem (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
  FwExercisePage *page = fw_window_get_exercise_page (window);
  g_autofree char *folder = NULL;
  g_autofree char *aside = NULL;
  const char *notice;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  start_as (window, "Saving Student");
  g_assert_false (gtk_revealer_get_reveal_child (page->save_notice));

  folder = g_path_get_dirname (fw_work_store_get_path (fw_exercise_page_get_store (page)));
  aside = g_strconcat (folder, ".aside", NULL);
  g_assert_cmpint (g_rename (folder, aside), ==, 0);
  g_assert_true (g_file_set_contents (folder, "", 0, NULL));

  for (guint i = 0; i < 2; i++)
    {
      activate (page, i == 0 ? "exercise.next" : "exercise.back");
      g_assert_null (fw_compat_alert_find (GTK_WINDOW (window)));
      g_assert_true (gtk_revealer_get_reveal_child (page->save_notice));
    }
  notice = gtk_label_get_text (page->save_notice_label);
  g_test_message ("%s", notice);
  fw_test_assert_contains (notice, folder);
  g_assert_null (strstr (notice, ".json"));
  g_assert_null (strstr (notice, "Not a directory"));

  g_assert_cmpint (g_unlink (folder), ==, 0);
  g_assert_cmpint (g_rename (aside, folder), ==, 0);
  activate (page, "exercise.next");
  g_assert_false (gtk_revealer_get_reveal_child (page->save_notice));
  g_assert_null (fw_compat_alert_find (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

/* Feedback on find-and-mark says what the measure is (coverage, not a
 * share of passages), and each passage missed says where it is. */
static void
test_find_spans_feedback (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
  FwExercisePage *page = fw_window_get_exercise_page (window);
  FwExerciseSession *session;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *described = NULL;
  const FwStepResult *r;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  start_as (window, "Feedback Student");
  session = fw_exercise_page_get_session (page);
  activate (page, "exercise.next");
  g_assert_cmpint (fw_exercise_get_step (fw_exercise_session_get_exercise (session), 1)->kind,
                   ==, FW_STEP_FIND_SPANS);
  g_assert_true (fw_exercise_session_add_span (session, 1, 0, 3));
  fw_test_spin ();
  activate (page, "exercise.check");
  r = fw_exercise_session_get_result (session, 1);
  g_assert_cmpuint (r->missed->len, >, 0);

  append_labels (text, GTK_WIDGET (page->feedback_box));
  g_test_message ("%s", text->str);
  fw_test_assert_contains (text->str, "\nParagraph ");
  g_assert_null (strstr (text->str, "Paragraph 0:"));

  described = fw_exercise_session_describe_score (session, 1);
  g_assert_null (strstr (described, "key’s spans"));
  fw_test_assert_contains (described, "of each key passage");

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

/* On a shared computer: the summary names the student, and Change
 * Student goes back to "Who Is Working?" without deleting anyone's work. */
static void
test_change_student (void)
{
  FwWindow *window = g_object_new (FW_TYPE_WINDOW, NULL);
  FwExercisePage *page = fw_window_get_exercise_page (window);
  FwExerciseSession *session;
  guint n;

  gtk_window_present (GTK_WINDOW (window));
  fw_test_spin ();
  start_as (window, "First Student");
  session = fw_exercise_page_get_session (page);
  n = fw_exercise_session_get_n_steps (session);
  for (guint i = 0; i < n; i++)
    activate (page, "exercise.next");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "summary");
  fw_test_assert_contains (gtk_label_get_text (page->summary_student), "First Student");

  activate (page, "exercise.change-student");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->name_entry)), ==, "");
  g_assert_null (fw_exercise_page_get_store (page));

  /* Someone else starts afresh. */
  start_as (window, "Second Student");
  session = fw_exercise_page_get_session (page);
  g_assert_cmpuint (fw_exercise_session_get_current_step (session), ==, 0);
  g_assert_false (fw_exercise_session_get_result (session, 0)->checked);

  /* The first student's work is all there. */
  activate (page, "exercise.change-student");
  start_as (window, "First Student");
  session = fw_exercise_page_get_session (page);
  g_assert_true (fw_exercise_session_get_result (session, 0)->checked);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->page_stack), ==, "summary");

  gtk_window_destroy (GTK_WINDOW (window));
  fw_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Student work goes to the private folders fw_test_init() gives each
   * test case. */
  fw_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/exercise-page/complete-sovereignty-or-humanitarian",
                   test_complete_sovereignty_or_humanitarian);
  g_test_add_func ("/exercise-page/enter-in-name-starts", test_enter_in_name_starts);
  g_test_add_func ("/exercise-page/read-byline", test_read_byline);
  g_test_add_func ("/exercise-page/damaged-work", test_damaged_work);
  g_test_add_func ("/exercise-page/find-spans-layout", test_find_spans_layout);
  g_test_add_func ("/exercise-page/save-problem", test_save_problem);
  g_test_add_func ("/exercise-page/find-spans-feedback", test_find_spans_feedback);
  g_test_add_func ("/exercise-page/change-student", test_change_student);

  status = g_test_run ();
  return status;
}
