/* fw-exercise-page-steps.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-byline-card.h"
#include "fw-compare-view.h"
#include "fw-exercise-page-private.h"
#include "fw-plain-text.h"
#include "fw-reading-style.h"
#include "fw-tag-applier.h"

/* The content of each kind of step, and its feedback. Widgets here only
 * show the session's state and pass the student's input to it; scoring
 * is the session's. Pack text is shown as plain text throughout. */

#define REFLECT_SAVE_DELAY_MS 600

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A box that screen readers announce as a group named by @label, e.g. the
 * options of a question or the two predictions for one frame, so that an
 * option read on its own still says what it answers. */
static GtkWidget *
labelled_group (GtkWidget *label,
                int        spacing)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", spacing,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 NULL);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return box;
}

/* A check button; @radio for one of a group of which only one can be
 * chosen. GTK 4.8 keeps the checkbox role for grouped check buttons, so
 * screen readers would not hear that choosing one clears the others: the
 * role is given at construction, where GTK allows it. */
static GtkWidget *
choice_button (gboolean radio)
{
  return g_object_new (GTK_TYPE_CHECK_BUTTON,
                       "accessible-role", radio ? GTK_ACCESSIBLE_ROLE_RADIO
                                                : GTK_ACCESSIBLE_ROLE_CHECKBOX,
                       NULL);
}

static const FwExerciseStep *
shown_step (FwExercisePage *self)
{
  return fw_exercise_get_step (self->exercise, self->shown_step);
}

static gboolean
locked (FwExercisePage *self)
{
  return fw_exercise_session_get_result (self->session, self->shown_step)->checked;
}

/**
 * fw_exercise_page_restyle_text:
 * @self: the page
 *
 * Sets the text of the step shown (pieces and the reflection) as the
 * reading preferences say, as the reader does.
 */
void
fw_exercise_page_restyle_text (FwExercisePage *self)
{
  for (guint i = 0; i < self->reading_views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (self->reading_views, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextTag *body = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                    "body");
      GtkTextIter start, end;

      /* Typed text carries no tag until it is given one. */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_apply_tag (buffer, body, &start, &end);
      fw_reading_style_apply (view, body, self->settings);
    }
}

/* A text box scrolls inside the page's scrolled area. Once it has
 * scrolled as far as it goes, the wheel scrolls the page on, instead of
 * doing nothing while the pointer is over the text. */
static gboolean
text_scroll_cb (FwExercisePage           *self,
                double                    dx,
                double                    dy,
                GtkEventControllerScroll *controller)
{
  GtkWidget *scrolled = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *inner = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *outer = gtk_scrolled_window_get_vadjustment (self->step_scroller);
  double value = gtk_adjustment_get_value (inner);
  double step;

  if (dy == 0.0
      || (dy < 0.0 && value > gtk_adjustment_get_lower (inner))
      || (dy > 0.0 && value < gtk_adjustment_get_upper (inner)
                              - gtk_adjustment_get_page_size (inner)))
    return FALSE;

  /* As GtkScrolledWindow scrolls: wheel clicks by a step of the page size
   * to the power 2/3, smooth scrolling by pixels. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (outer), 2.0 / 3.0);
  else
    step = 1.0;
  gtk_adjustment_set_value (outer, gtk_adjustment_get_value (outer) + dy * step);
  return TRUE;
}

static GtkWidget *
piece_text_view (FwExercisePage *self,
                 FwPiece        *piece,
                 gboolean        editable,
                 int             height,
                 GtkWidget     **view_out)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *scroll;
  g_autofree char *accessible = NULL;

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "reader-text");
  /* Lowest priority: the answer and key tags draw over it. */
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "body", NULL);
  g_ptr_array_add (self->reading_views, view);
  if (piece != NULL)
    {
      /* Plain text: gtk_text_buffer_set_text() parses no markup. */
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                fw_piece_get_text (piece), -1);
      accessible = g_strdup_printf (_("Text of “%s”"), fw_piece_get_title (piece));
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (text_scroll_cb), self);
  gtk_widget_add_controller (scrolled, scroll);
  fw_exercise_page_restyle_text (self);

  if (view_out != NULL)
    *view_out = view;
  return scrolled;
}

static GtkWidget *
key_label (FwExercisePage *self,
           const char     *text)
{
  GtkWidget *label = plain_label (text, "teacher-key");

  gtk_widget_set_visible (label, fw_exercise_page_teacher_mode (self));
  return label;
}

static GtkWidget *
item_feedback_label (FwExercisePage *self)
{
  GtkWidget *label = plain_label ("", "item-feedback");

  gtk_widget_set_visible (label, FALSE);
  g_ptr_array_add (self->item_feedback, label);
  return label;
}

/* Read ------------------------------------------------------------------ */

/* One entry of a piece's byline as the reader's byline card shows it: a
 * heading, the value, and a badge saying how sure the pack is of it, in
 * the card's words and style. */
static GtkWidget *
byline_entry (const char   *heading,
              const char   *value,
              FwConfidence  confidence)
{
  /* TRANSLATORS: one entry of a piece's byline, "HEADING: VALUE", e.g.
   * "Outlet: CivilNet"; a badge such as "Confirmed" follows it */
  g_autofree char *text = g_strdup_printf (C_("byline entry", "%s: %s"), heading, value);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (line), plain_label (text, "dim-label"));
  gtk_box_append (GTK_BOX (line), fw_byline_card_new_confidence_badge (confidence));
  return line;
}

/* Who wrote a piece and where it appeared, each with its confidence: what
 * is unconfirmed or not stated says so here as it does in the reader. */
static GtkWidget *
byline_box (FwPiece *piece)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GPtrArray *contributors = fw_piece_get_contributors (piece);
  const FwOutlet *outlet = fw_piece_get_outlet (piece);
  gboolean any_author = FALSE;

  for (guint i = 0; i < contributors->len; i++)
    {
      const FwContributor *c = g_ptr_array_index (contributors, i);

      if (c->role != FW_ROLE_AUTHOR)
        continue;
      gtk_box_append (GTK_BOX (box),
                      byline_entry (fw_contributor_role_to_label (c->role),
                                    c->name != NULL ? c->name : _("Not stated"), c->confidence));
      any_author = TRUE;
    }
  if (!any_author)
    gtk_box_append (GTK_BOX (box),
                    byline_entry (fw_contributor_role_to_label (FW_ROLE_AUTHOR), _("Not stated"),
                                  FW_CONFIDENCE_NOT_STATED));

  if (outlet != NULL && outlet->name != NULL)
    gtk_box_append (GTK_BOX (box), byline_entry (_("Outlet"), outlet->name, outlet->confidence));
  else
    gtk_box_append (GTK_BOX (box),
                    byline_entry (_("Outlet"), _("Not stated"), FW_CONFIDENCE_NOT_STATED));

  return box;
}

static void
build_read (FwExercisePage       *self,
            const FwExerciseStep *step)
{
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  if (step->focus != NULL)
    {
      g_autofree char *focus = g_strdup_printf (_("Look for: %s"), step->focus);

      gtk_box_append (self->step_box, plain_label (focus, "focus"));
    }

  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  for (guint i = 0; step->pieces[i] != NULL; i++)
    {
      FwPiece *piece = fw_pack_find_piece (self->pack, step->pieces[i]);
      GtkWidget *column;

      if (piece == NULL)
        continue;
      column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_box_append (GTK_BOX (column), plain_label (fw_piece_get_title (piece), "heading"));
      gtk_box_append (GTK_BOX (column), byline_box (piece));
      gtk_box_append (GTK_BOX (column), piece_text_view (self, piece, FALSE, 460, NULL));
      gtk_box_append (GTK_BOX (columns), column);
    }
  gtk_box_append (self->step_box, columns);
}

/* Choice ---------------------------------------------------------------- */

static void
choice_toggled_cb (FwExercisePage *self)
{
  guint32 chosen = 0;

  if (self->updating)
    return;

  for (guint i = 0; i < self->inputs->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->inputs, i)))
      chosen |= 1u << i;

  fw_exercise_session_set_choice (self->session, self->shown_step, chosen);
}

static void
build_choice (FwExercisePage       *self,
              const FwExerciseStep *step)
{
  const FwStepAnswer *answer = fw_exercise_session_get_answer (self->session, self->shown_step);
  GtkWidget *how = plain_label (step->multiple ? _("Choose every answer that is right.")
                                               : _("Choose one answer."), "dim-label");
  GtkWidget *list;
  GtkCheckButton *group = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GPtrArray) boxes = NULL;

  /* The options are a group named by the question, described by how many
   * to choose. */
  if (step->question != NULL)
    {
      GtkWidget *question = plain_label (step->question, "title-4");

      gtk_box_append (self->step_box, question);
      list = labelled_group (question, 10);
    }
  else
    {
      list = labelled_group (how, 10);
    }
  gtk_box_append (self->step_box, how);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, how, NULL,
                                  -1);

  /* Widgets are made in the pack's option order, so that inputs and
   * feedback are indexed like the answer's bits, and shown in the
   * student's shuffled order. */
  order = fw_exercise_session_get_option_order (self->session, self->shown_step,
                                                fw_work_store_get_student (self->store));
  boxes = g_ptr_array_new ();
  for (guint i = 0; i < order->len; i++)
    {
      const FwChoiceOption *option = g_ptr_array_index (step->options, i);
      GtkWidget *button = choice_button (!step->multiple);
      GtkWidget *label = plain_label (option->text, NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *feedback;

      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), (answer->chosen >> i) & 1);
      gtk_widget_set_sensitive (button, !locked (self));
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
      g_ptr_array_add (self->inputs, button);

      gtk_box_append (GTK_BOX (box), button);
      if (option->correct)
        {
          GtkWidget *key = key_label (self, _("Key: a right answer"));

          gtk_widget_set_margin_start (key, 32);
          gtk_box_append (GTK_BOX (box), key);
        }
      feedback = item_feedback_label (self);
      gtk_widget_set_margin_start (feedback, 32);
      gtk_box_append (GTK_BOX (box), feedback);
      g_ptr_array_add (boxes, box);
    }

  for (guint j = 0; j < order->len; j++)
    {
      guint i = g_array_index (order, guint, j);
      GtkWidget *button = g_ptr_array_index (self->inputs, i);

      if (!step->multiple)
        {
          if (group != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
          else
            group = GTK_CHECK_BUTTON (button);
        }
      gtk_box_append (GTK_BOX (list), g_ptr_array_index (boxes, i));
    }
  gtk_box_append (self->step_box, list);
}

/* Find spans ------------------------------------------------------------ */

static void refresh_spans (FwExercisePage *self);

static void
remove_span_cb (FwExercisePage *self,
                GtkButton      *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  fw_exercise_session_remove_span (self->session, self->shown_step, index);
  refresh_spans (self);
}

static void
refresh_spans (FwExercisePage *self)
{
  const FwExerciseStep *step = shown_step (self);
  const FwStepAnswer *answer = fw_exercise_session_get_answer (self->session, self->shown_step);
  FwPiece *piece = fw_pack_find_piece (self->pack, step->piece);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *answer_tag = gtk_text_tag_table_lookup (table, "answer");
  GtkTextTag *key_tag = gtk_text_tag_table_lookup (table, "key");
  GtkTextIter start, end;
  GtkWidget *child;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, answer_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, key_tag, &start, &end);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->span_list))) != NULL)
    gtk_list_box_remove (self->span_list, child);

  for (guint i = 0; i < answer->spans->len; i++)
    {
      const FwSpan *span = &g_array_index (answer->spans, FwSpan, i);
      g_autofree char *text = fw_piece_dup_span_text (piece, span->start, span->end);
      g_autofree char *quoted = fw_plain_text_quote_span (text);
      g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), text);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) span->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) span->end);
      fw_tag_applier_apply_within_lines (buffer, answer_tag, &start, &end);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), quoted);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      gtk_widget_set_sensitive (remove, !locked (self));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_span_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      /* The remove button, named after the span, is the keyboard stop; the
       * row itself does nothing. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->span_list, row);
    }

  if (answer->spans->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No spans marked yet"));
      gtk_widget_add_css_class (row, "dim-label");
      /* Nothing to do here: no keyboard stop. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->span_list, row);
    }

  /* The key shows after checking, or all along in teacher mode. */
  if (locked (self) || fw_exercise_page_teacher_mode (self))
    {
      g_autoptr(GPtrArray) key = fw_exercise_session_get_key (self->session, self->shown_step);

      for (guint i = 0; i < key->len; i++)
        {
          const FwAnnotation *a = g_ptr_array_index (key, i);

          gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) a->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) a->end);
          fw_tag_applier_apply_within_lines (buffer, key_tag, &start, &end);
        }
    }
}

static void
show_span_message (FwExercisePage *self,
                   const char     *text)
{
  gtk_label_set_text (self->span_message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->span_message), text != NULL);
}

/**
 * fw_exercise_page_add_span:
 * @self: the page
 *
 * Adds the text selected in the find-and-mark step shown as an answer,
 * grown to whole words and trimmed of white space; says so when it runs
 * across paragraphs, joins an answer it overlaps, or is one already.
 * Does nothing on another step, once the step is checked, or without a
 * selection.
 */
void
fw_exercise_page_add_span (FwExercisePage *self)
{
  GtkTextBuffer *buffer;
  const FwStepAnswer *answer;
  g_autofree char *selected = NULL;
  GtkTextIter start, end;
  guint from, to;
  gboolean overlaps = FALSE;

  /* Only the find-and-mark step has a list of answers. */
  if (self->session == NULL || self->span_list == NULL || locked (self))
    return;
  buffer = gtk_text_view_get_buffer (self->text_view);
  answer = fw_exercise_session_get_answer (self->session, self->shown_step);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  /* A selection dragged a little too far should not count its spaces. */
  while (gtk_text_iter_compare (&start, &end) < 0
         && g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);
  while (gtk_text_iter_compare (&start, &end) < 0)
    {
      GtkTextIter last = end;

      gtk_text_iter_backward_char (&last);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        break;
      end = last;
    }

  if (gtk_text_iter_compare (&start, &end) >= 0)
    return;

  /* Answers are whole words: a selection that starts or ends inside a word
   * grows to take all of it (word boundaries are Pango's, UAX #29). */
  if (gtk_text_iter_inside_word (&start) && !gtk_text_iter_starts_word (&start))
    gtk_text_iter_backward_word_start (&start);
  if (!gtk_text_iter_ends_word (&end) && gtk_text_iter_inside_word (&end)
      && !gtk_text_iter_starts_word (&end))
    gtk_text_iter_forward_word_end (&end);

  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (strchr (selected, '\n') != NULL)
    {
      show_span_message (self, _("An answer cannot run across paragraphs: select a word or "
                                 "phrase within one paragraph, and add each part on its own."));
      return;
    }

  from = (guint) gtk_text_iter_get_offset (&start);
  to = (guint) gtk_text_iter_get_offset (&end);
  for (guint i = 0; i < answer->spans->len; i++)
    {
      const FwSpan *span = &g_array_index (answer->spans, FwSpan, i);

      overlaps |= span->start < to && from < span->end;
    }

  if (fw_exercise_session_add_span (self->session, self->shown_step, from, to))
    show_span_message (self, overlaps ? _("The selection overlapped an answer you had already "
                                          "given: the two are now one answer.")
                                      : NULL);
  else
    show_span_message (self, _("This is already part of one of your answers."));
  gtk_text_buffer_place_cursor (buffer, &end);
  refresh_spans (self);
}

static void
selection_changed_cb (FwExercisePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.add-span",
                                 !locked (self) && gtk_text_buffer_get_has_selection (buffer));
}

static gboolean
span_key_pressed_cb (FwExercisePage        *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  fw_exercise_page_add_span (self);
  return TRUE;
}

static void
build_find_spans (FwExercisePage       *self,
                  const FwExerciseStep *step)
{
  FwPiece *piece = fw_pack_find_piece (self->pack, step->piece);
  GtkWidget *view;
  GtkWidget *card = piece_text_view (self, piece, FALSE, 380, &view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *list = gtk_list_box_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_text_buffer_create_tag (buffer, "answer",
                              "background", "rgba(229,165,10,0.45)", NULL);
  gtk_text_buffer_create_tag (buffer, "key",
                              "underline", PANGO_UNDERLINE_DOUBLE_LINE,
                              "underline-rgba", &(GdkRGBA) { 0.15, 0.64, 0.41, 1.0 }, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Select a word or phrase and press Enter to add it as an "
                                    "answer"), -1);
  self->text_view = GTK_TEXT_VIEW (view);

  gtk_box_append (self->step_box,
                  plain_label (_("Select a word or phrase in the text, then add it as an answer "
                                 "(or press Enter). Your answers are marked in yellow; after "
                                 "checking, the key is underlined twice."), "dim-label"));
  gtk_box_append (self->step_box, card);

  /* The button that adds the selection, and the note on it, are in the
   * bar below the page, in view wherever in the piece the student is. */
  gtk_widget_set_visible (self->add_span_button, TRUE);
  g_signal_connect_swapped (buffer, "notify::has-selection", G_CALLBACK (selection_changed_cb),
                            self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (span_key_pressed_cb), self);
  gtk_widget_add_controller (view, keys);

  gtk_box_append (self->step_box, plain_label (_("Your answers"), "heading"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your answers"), -1);
  self->span_list = GTK_LIST_BOX (list);
  gtk_box_append (self->step_box, list);

  if (fw_exercise_page_teacher_mode (self))
    {
      g_autoptr(GPtrArray) key = fw_exercise_session_get_key (self->session, self->shown_step);
      g_autoptr(GString) text = g_string_new (_("Key:"));

      for (guint i = 0; i < key->len; i++)
        {
          const FwAnnotation *a = g_ptr_array_index (key, i);
          g_autofree char *span = fw_piece_dup_span_text (piece, a->start, a->end);
          g_autofree char *quoted = fw_plain_text_quote_span (span);

          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("%s — %s"), quoted, a->note);
        }
      gtk_box_append (self->step_box, key_label (self, text->str));
    }

  refresh_spans (self);
}

/* Classify sentences ---------------------------------------------------- */

static void
category_selected_cb (FwExercisePage *self,
                      GParamSpec     *pspec,
                      GtkDropDown    *dropdown)
{
  const FwExerciseStep *step = shown_step (self);
  guint sentence = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "index"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *category = NULL;

  if (self->updating)
    return;

  if (selected > 0 && selected <= step->categories->len)
    category = ((FwStepCategory *) g_ptr_array_index (step->categories, selected - 1))->id;

  fw_exercise_session_set_category (self->session, self->shown_step, sentence, category);
}

static const char *
category_label (const FwExerciseStep *step,
                const char           *id)
{
  for (guint i = 0; i < step->categories->len; i++)
    {
      const FwStepCategory *c = g_ptr_array_index (step->categories, i);

      if (g_strcmp0 (c->id, id) == 0)
        return c->label;
    }

  return id;
}

static void
build_classify (FwExercisePage       *self,
                const FwExerciseStep *step)
{
  const FwStepAnswer *answer = fw_exercise_session_get_answer (self->session, self->shown_step);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Choose…"));
  for (guint i = 0; i < step->categories->len; i++)
    gtk_string_list_append (model, ((FwStepCategory *) g_ptr_array_index (step->categories,
                                                                          i))->label);

  for (guint i = 0; i < step->sentences->len; i++)
    {
      const FwStepSentence *sentence = g_ptr_array_index (step->sentences, i);
      FwPiece *piece = fw_pack_find_piece (self->pack, sentence->piece);
      const char *chosen = g_ptr_array_index (answer->categories, i);
      GtkWidget *box;
      GtkWidget *number_label;
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
      g_autofree char *number = g_strdup_printf (_("Sentence %u of %u, from “%s”"), i + 1,
                                                 step->sentences->len,
                                                 piece != NULL ? fw_piece_get_title (piece)
                                                               : sentence->piece);
      g_autofree char *key = g_strdup_printf (_("Key: %s"),
                                              category_label (step, sentence->answer));
      guint selected = 0;

      for (guint k = 0; chosen != NULL && k < step->categories->len; k++)
        if (g_strcmp0 (((FwStepCategory *) g_ptr_array_index (step->categories, k))->id,
                       chosen) == 0)
          selected = k + 1;

      number_label = plain_label (number, "dim-label");
      box = labelled_group (number_label, 6);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "sentence-card");
      gtk_box_append (GTK_BOX (box), number_label);
      gtk_box_append (GTK_BOX (box), plain_label (sentence->text, "sentence"));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
      gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
      gtk_widget_set_sensitive (dropdown, !locked (self));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      number, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      sentence->text, -1);
      g_object_set_data (G_OBJECT (dropdown), "index", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (category_selected_cb),
                                self);
      g_ptr_array_add (self->inputs, dropdown);
      gtk_box_append (GTK_BOX (box), dropdown);
      gtk_box_append (GTK_BOX (box), key_label (self, key));
      gtk_box_append (GTK_BOX (box), item_feedback_label (self));
      gtk_box_append (self->step_box, box);
    }
}

/* Compare frames -------------------------------------------------------- */

static void
prediction_toggled_cb (FwExercisePage *self,
                       GtkCheckButton *button)
{
  guint frame = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "frame"));
  int piece = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "piece"));

  if (self->updating || !gtk_check_button_get_active (button))
    return;

  fw_exercise_session_set_prediction (self->session, self->shown_step, frame, piece);
}

static const char *
piece_title (FwExercisePage *self,
             const char     *id)
{
  FwPiece *piece = fw_pack_find_piece (self->pack, id);

  return piece != NULL ? fw_piece_get_title (piece) : id;
}

static void
build_compare (FwExercisePage       *self,
               const FwExerciseStep *step)
{
  const FwStepAnswer *answer = fw_exercise_session_get_answer (self->session, self->shown_step);
  FwFrameComparison *comparison = fw_exercise_session_get_comparison (self->session,
                                                                      self->shown_step);

  if (step->instructions == NULL)
    gtk_box_append (self->step_box,
                    plain_label (_("For each frame, predict which piece leans on it more. Then "
                                   "check to see the profiles computed from the pieces’ words."),
                                 "dim-label"));

  for (guint f = 0; step->frames[f] != NULL; f++)
    {
      const FwFrame *frame = fw_pack_find_frame (self->pack, step->frames[f]);
      const char *label = frame != NULL ? frame->label : step->frames[f];
      GtkWidget *box;
      GtkWidget *question_label;
      GtkCheckButton *group = NULL;
      int leaning = fw_frame_comparison_get_leaning (comparison, f);
      g_autofree char *key = leaning >= 0
                             /* TRANSLATORS: "it" is the frame the question below names */
                             ? g_strdup_printf (_("Key: “%s” leans more on it"),
                                                piece_title (self, step->pieces[leaning]))
                             /* TRANSLATORS: "it" is the frame the question below names */
                             : g_strdup (_("Key: neither piece leans more on it"));
      g_autofree char *question = g_strdup_printf (_("Which piece leans more on “%s”?"), label);

      /* Each pair of predictions is a group named by its question, so that
       * a piece's title read on its own says which frame it answers for. */
      question_label = plain_label (question, "heading");
      box = labelled_group (question_label, 6);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "sentence-card");
      gtk_box_append (GTK_BOX (box), question_label);
      if (frame != NULL && frame->description != NULL)
        {
          GtkWidget *description = plain_label (frame->description, "dim-label");

          gtk_box_append (GTK_BOX (box), description);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                          GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, description, NULL,
                                          -1);
        }

      for (int p = 0; p < 2; p++)
        {
          GtkWidget *button = choice_button (TRUE);

          gtk_check_button_set_child (GTK_CHECK_BUTTON (button),
                                      plain_label (piece_title (self, step->pieces[p]), NULL));
          if (group != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
          else
            group = GTK_CHECK_BUTTON (button);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                       g_array_index (answer->predictions, int, f) == p);
          gtk_widget_set_sensitive (button, !locked (self));
          g_object_set_data (G_OBJECT (button), "frame", GUINT_TO_POINTER (f));
          g_object_set_data (G_OBJECT (button), "piece", GINT_TO_POINTER (p));
          g_signal_connect_swapped (button, "toggled", G_CALLBACK (prediction_toggled_cb), self);
          g_ptr_array_add (self->inputs, button);
          gtk_box_append (GTK_BOX (box), button);
        }
      gtk_box_append (GTK_BOX (box), key_label (self, key));
      gtk_box_append (GTK_BOX (box), item_feedback_label (self));
      gtk_box_append (self->step_box, box);
    }
}

/* Reflect --------------------------------------------------------------- */

static gboolean
update_word_count (FwExercisePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  GtkTextIter start, end;
  guint words, distinct;
  guint needed = MAX (shown_step (self)->min_words, 1);
  guint distinct_needed = fw_exercise_session_get_min_distinct (self->session, self->shown_step);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  words = fw_exercise_session_count_words (self->session, text);
  distinct = fw_exercise_session_count_distinct_words (self->session, text);
  if (words < needed)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u word written; at least %u needed",
                                          "%u words written; at least %u needed", words),
                             words, needed);
  else if (distinct < distinct_needed)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Only %u different word of two or more letters "
                                          "so far; at least %u needed",
                                          "Only %u different words of two or more letters "
                                          "so far; at least %u needed",
                                          distinct),
                             distinct, distinct_needed);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word written — enough",
                                          "%u words written — enough", words), words);
  gtk_label_set_text (self->word_count, count);
  return words >= needed && distinct >= distinct_needed;
}

/**
 * fw_exercise_page_flush_text:
 * @self: the page
 *
 * Hands a reflection that is still being typed to the session now, so
 * that it is saved, instead of after the typing pause.
 */
void
fw_exercise_page_flush_text (FwExercisePage *self)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->reflect_timeout == 0)
    return;

  g_clear_handle_id (&self->reflect_timeout, g_source_remove);
  if (self->session == NULL || self->text_view == NULL
      || shown_step (self)->kind != FW_STEP_REFLECT)
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  fw_exercise_session_set_text (self->session, self->shown_step, text);
}

static gboolean
reflect_timeout_cb (gpointer data)
{
  FwExercisePage *self = data;

  fw_exercise_page_flush_text (self);
  return G_SOURCE_REMOVE;
}

static void
reflect_changed_cb (FwExercisePage *self)
{
  gboolean enough;

  if (self->updating)
    return;

  fw_exercise_page_restyle_text (self);
  enough = update_word_count (self);
  /* Typing is saved after a short pause rather than on every key. */
  g_clear_handle_id (&self->reflect_timeout, g_source_remove);
  self->reflect_timeout = g_timeout_add (REFLECT_SAVE_DELAY_MS, reflect_timeout_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.check",
                                 !locked (self) && enough);
}

static void
build_reflect (FwExercisePage       *self,
               const FwExerciseStep *step)
{
  const FwStepAnswer *answer = fw_exercise_session_get_answer (self->session, self->shown_step);
  GtkWidget *view;
  GtkWidget *card = piece_text_view (self, NULL, !locked (self), 220, &view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  if (step->prompt != NULL)
    gtk_box_append (self->step_box, plain_label (step->prompt, "title-4"));
  for (guint i = 0; step->questions[i] != NULL; i++)
    {
      g_autofree char *bullet = g_strdup_printf ("• %s", step->questions[i]);

      gtk_box_append (self->step_box, plain_label (bullet, NULL));
    }

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next control instead of typing a tab, so that the
   * keyboard does not get stuck in the answer. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your answer"), -1);
  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, answer->text != NULL ? answer->text : "", -1);
  self->updating = FALSE;
  fw_exercise_page_restyle_text (self);
  self->text_view = GTK_TEXT_VIEW (view);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (reflect_changed_cb), self);
  gtk_box_append (self->step_box, card);

  self->word_count = GTK_LABEL (plain_label ("", "dim-label"));
  gtk_box_append (self->step_box, GTK_WIDGET (self->word_count));
  update_word_count (self);
}

/**
 * fw_exercise_page_build_step:
 * @self: the page
 *
 * Builds the content of the step shown from the session's state.
 */
void
fw_exercise_page_build_step (FwExercisePage *self)
{
  const FwExerciseStep *step = shown_step (self);
  GtkWidget *child;

  fw_exercise_page_flush_text (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_box))) != NULL)
    gtk_box_remove (self->step_box, child);
  g_ptr_array_set_size (self->inputs, 0);
  g_ptr_array_set_size (self->item_feedback, 0);
  g_ptr_array_set_size (self->reading_views, 0);
  self->text_view = NULL;
  self->span_list = NULL;
  self->word_count = NULL;
  show_span_message (self, NULL);
  gtk_widget_set_visible (self->add_span_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.add-span", FALSE);

  self->updating = TRUE;
  switch (step->kind)
    {
    case FW_STEP_READ:
      build_read (self, step);
      break;
    case FW_STEP_CHOICE:
      build_choice (self, step);
      break;
    case FW_STEP_FIND_SPANS:
      build_find_spans (self, step);
      break;
    case FW_STEP_CLASSIFY_SENTENCES:
      build_classify (self, step);
      break;
    case FW_STEP_COMPARE_FRAMES:
      build_compare (self, step);
      break;
    case FW_STEP_REFLECT:
      build_reflect (self, step);
      break;
    default:
      g_assert_not_reached ();
    }
  self->updating = FALSE;
}

/* Feedback -------------------------------------------------------------- */

static void
set_item_feedback (FwExercisePage *self,
                   guint           index,
                   gboolean        right,
                   const char     *text)
{
  GtkWidget *label;

  if (index >= self->item_feedback->len)
    return;

  label = g_ptr_array_index (self->item_feedback, index);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, right ? "wrong" : "right");
  gtk_widget_add_css_class (label, right ? "right" : "wrong");
  gtk_widget_set_visible (label, TRUE);
}

static void
choice_feedback (FwExercisePage       *self,
                 const FwExerciseStep *step,
                 const FwStepResult   *r)
{
  const FwStepAnswer *answer = fw_exercise_session_get_answer (self->session, self->shown_step);
  /* The right answer is shown only once the step is passed (where the
   * student chose it herself) or to a teacher: a student who tries again
   * should find it, not copy it. */
  gboolean reveal = r->passed || fw_exercise_page_teacher_mode (self);

  for (guint i = 0; i < step->options->len && i < 32; i++)
    {
      const FwChoiceOption *o = g_ptr_array_index (step->options, i);
      gboolean chosen = (answer->chosen >> i) & 1;
      g_autofree char *text = NULL;

      if (!chosen && !(o->correct && reveal))
        continue;

      /* The app gives the verdict as a mark; the words are the pack's. */
      if (o->feedback != NULL && *o->feedback != '\0')
        text = g_strdup_printf (chosen == o->correct ? _("✓ %s") : _("✗ %s"), o->feedback);
      else if (chosen && o->correct)
        text = g_strdup (_("✓ Right."));
      else if (chosen)
        text = g_strdup (_("✗ Not right."));
      else
        text = g_strdup (_("✗ You did not choose this right answer."));
      set_item_feedback (self, i, chosen == o->correct, text);
    }
}

static void
find_spans_feedback (FwExercisePage       *self,
                     const FwExerciseStep *step,
                     const FwStepResult   *r)
{
  FwPiece *piece = fw_pack_find_piece (self->pack, step->piece);
  g_autofree char *missed_heading = NULL;
  g_autofree char *extra_heading = NULL;
  const char *found;

  /* Praise only an answer that both covers the key and keeps to it:
   * marking the whole text "finds" every span too. */
  if (r->missed->len > 0)
    found = NULL;
  else if (r->extra->len == 0)
    found = _("You found every span of the key.");
  else
    found = _("Your answers touch every span of the key, but much of what you marked is not "
              "in it.");

  missed_heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "You missed %u span of the key:",
                                                 "You missed %u spans of the key:",
                                                 r->missed->len), r->missed->len);
  gtk_box_append (self->feedback_box, plain_label (found != NULL ? found : missed_heading,
                                                   "heading"));
  for (guint i = 0; i < r->missed->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (r->missed, i);
      g_autofree char *span = fw_piece_dup_span_text (piece, a->start, a->end);
      g_autofree char *quoted = fw_plain_text_quote_span (span);
      g_autofree char *text = NULL;
      guint paragraph = 0;

      /* The same words can stand in several places: say which. */
      while (paragraph + 1 < fw_piece_get_n_paragraphs (piece)
             && fw_piece_get_paragraph_start (piece, paragraph + 1) <= a->start)
        paragraph++;
      /* TRANSLATORS: a passage of the key the student did not mark: the
       * paragraph's number, the passage in quotation marks, and why it is
       * in the key */
      text = g_strdup_printf (_("Paragraph %u: %s — %s"), paragraph + 1, quoted, a->note);

      gtk_box_append (self->feedback_box, plain_label (text, NULL));
    }

  if (r->extra->len > 0)
    {
      extra_heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u of your spans is wholly or mostly "
                                                    "outside the key:",
                                                    "%u of your spans are wholly or mostly "
                                                    "outside the key:",
                                                    r->extra->len), r->extra->len);
      gtk_box_append (self->feedback_box, plain_label (extra_heading, "heading"));
      for (guint i = 0; i < r->extra->len; i++)
        {
          const FwSpan *span = &g_array_index (r->extra, FwSpan, i);
          g_autofree char *text = fw_piece_dup_span_text (piece, span->start, span->end);
          g_autofree char *quoted = fw_plain_text_quote_span (text);

          gtk_box_append (self->feedback_box, plain_label (quoted, NULL));
        }
      gtk_box_append (self->feedback_box,
                      plain_label (_("A span outside the key is not always wrong: say why you "
                                     "chose it in your reflection."), "dim-label"));
    }
}

static void
classify_feedback (FwExercisePage       *self,
                   const FwExerciseStep *step,
                   const FwStepResult   *r)
{
  for (guint i = 0; i < step->sentences->len && i < r->correct->len; i++)
    {
      const FwStepSentence *s = g_ptr_array_index (step->sentences, i);
      gboolean right = g_array_index (r->correct, gboolean, i);
      g_autofree char *text = NULL;

      if (right)
        text = g_strdup_printf (_("✓ Right. %s"), s->feedback ? s->feedback : "");
      else
        text = g_strdup_printf (_("✗ The key says “%s”. %s"), category_label (step, s->answer),
                                s->feedback ? s->feedback : "");
      set_item_feedback (self, i, right, g_strstrip (text));
    }
}

static void
compare_feedback (FwExercisePage       *self,
                  const FwExerciseStep *step,
                  const FwStepResult   *r)
{
  FwFrameComparison *c = fw_exercise_session_get_comparison (self->session, self->shown_step);
  GtkWidget *view = fw_compare_view_new ();

  for (guint f = 0; step->frames[f] != NULL && f < r->correct->len; f++)
    {
      int index = fw_frame_comparison_find_frame (c, step->frames[f]);
      int leaning = index >= 0 ? fw_frame_comparison_get_leaning (c, index) : -1;
      gboolean right = g_array_index (r->correct, gboolean, f);
      g_autofree char *text = NULL;

      if (index < 0)
        continue;
      if (leaning < 0)
        text = g_strdup_printf (_("✓ Both pieces lean on it equally (%.1f per 1,000 words)."),
                                fw_frame_comparison_get_density (c, 0, index));
      else
        text = g_strdup_printf (right ? _("✓ Right: “%s” leans more on it (%.1f against %.1f "
                                          "per 1,000 words).")
                                      : _("✗ The profiles show that “%s” leans more on it "
                                          "(%.1f against %.1f per 1,000 words)."),
                                piece_title (self, step->pieces[leaning]),
                                fw_frame_comparison_get_density (c, leaning, index),
                                fw_frame_comparison_get_density (c, 1 - leaning, index));
      set_item_feedback (self, f, right, text);
    }

  gtk_box_append (self->feedback_box, plain_label (_("The computed profiles"), "title-4"));
  gtk_box_append (self->feedback_box,
                  plain_label (_("Counted from each frame’s cue words, per 1,000 words of "
                                 "text. A count shows which words appear, not who says them: "
                                 "read the evidence in context."), "dim-label"));
  fw_compare_view_set_comparison (FW_COMPARE_VIEW (view), self->pack, c);
  gtk_box_append (self->feedback_box, view);
}

/**
 * fw_exercise_page_build_feedback:
 * @self: the page
 *
 * Shows the feedback of the step shown once its answer is checked: the
 * result, what was right and wrong item by item, and the step's own
 * feedback text; hides it before.
 */
void
fw_exercise_page_build_feedback (FwExercisePage *self)
{
  const FwExerciseStep *step = shown_step (self);
  const FwStepResult *r = fw_exercise_session_get_result (self->session, self->shown_step);
  g_autofree char *score = NULL;
  g_autofree char *result = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->feedback_box))) != NULL)
    gtk_box_remove (self->feedback_box, child);
  for (guint i = 0; i < self->item_feedback->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->item_feedback, i), FALSE);

  if (!r->checked || step->kind == FW_STEP_READ)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
      return;
    }

  score = fw_exercise_page_teacher_mode (self)
          ? fw_exercise_session_format_score (self->session, self->shown_step)
          : fw_exercise_session_describe_score (self->session, self->shown_step);
  if (step->kind == FW_STEP_FIND_SPANS)
    result = g_strdup_printf (r->passed ? _("%s — passed (%.0f%% needed)")
                                        : _("%s — not passed yet (%.0f%% needed)"),
                              score, 100.0 * step->pass_f1);
  else if (step->kind == FW_STEP_REFLECT)
    result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved: %u word",
                                           "Saved: %u words", r->words), r->words);
  else
    result = g_strdup_printf (_("Score: %s"), score);
  gtk_box_append (self->feedback_box, plain_label (result, "title-4"));

  switch (step->kind)
    {
    case FW_STEP_CHOICE:
      choice_feedback (self, step, r);
      break;
    case FW_STEP_FIND_SPANS:
      find_spans_feedback (self, step, r);
      break;
    case FW_STEP_CLASSIFY_SENTENCES:
      classify_feedback (self, step, r);
      break;
    case FW_STEP_COMPARE_FRAMES:
      compare_feedback (self, step, r);
      break;
    case FW_STEP_READ:
    case FW_STEP_REFLECT:
      break;
    default:
      g_assert_not_reached ();
    }

  if (step->feedback != NULL)
    gtk_box_append (self->feedback_box, plain_label (step->feedback, "step-feedback"));

  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), TRUE);
}
