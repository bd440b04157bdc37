/* fw-exercise-page.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-compat.h"
#include "fw-exercise-page-private.h"
#include "fw-report-pdf.h"

/* The exercise page: asks once for the student's name, then leads her
 * through the steps of one exercise (back, next, check, try again, hint),
 * then shows the summary with the hand-in buttons. The steps' content is
 * built in fw-exercise-page-steps.c. Every answer goes straight to the
 * session, which the work store saves at once. */

G_DEFINE_FINAL_TYPE (FwExercisePage, fw_exercise_page, GTK_TYPE_WIDGET)

/**
 * fw_exercise_page_teacher_mode:
 * @self: the page
 *
 * Returns: whether answer keys and teacher notes are shown
 */
gboolean
fw_exercise_page_teacher_mode (FwExercisePage *self)
{
  return g_settings_get_boolean (self->settings, "teacher-mode");
}

static const char *
kind_label (FwStepKind kind)
{
  switch (kind)
    {
    case FW_STEP_READ:
      return C_("step kind", "Read");
    case FW_STEP_CHOICE:
      return C_("step kind", "Choose");
    case FW_STEP_FIND_SPANS:
      return C_("step kind", "Find and mark");
    case FW_STEP_CLASSIFY_SENTENCES:
      return C_("step kind", "Sort sentences");
    case FW_STEP_COMPARE_FRAMES:
      return C_("step kind", "Compare frames");
    case FW_STEP_REFLECT:
      return C_("step kind", "Write");
    default:
      g_assert_not_reached ();
    }
}

static void
show_error (FwExercisePage *self,
            const char     *heading,
            const char     *body)
{
  GtkWidget *alert = fw_compat_alert_new (heading, body);

  fw_compat_alert_add_response (alert, "close", _("_Close"), FALSE);
  fw_compat_present (alert, GTK_WIDGET (self));
}

static void
update_summary (FwExercisePage *self)
{
  FwExerciseSession *s = self->session;
  guint n = fw_exercise_session_get_n_steps (s);
  double mean = fw_exercise_session_get_mean_score (s);
  g_autofree char *mean_text = NULL;
  GtkWidget *child;

  gtk_label_set_text (self->summary_title, fw_exercise_get_title (self->exercise));
  {
    /* TRANSLATORS: %s is the name or initials the student typed */
    g_autofree char *student = g_strdup_printf (_("Work by %s"),
                                                fw_work_store_get_student (self->store));

    gtk_label_set_text (self->summary_student, student);
  }
  if (mean >= 0.0)
    mean_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Mean score of the scored steps: %.0f%%. "
                                              "%u of %u step done.",
                                              "Mean score of the scored steps: %.0f%%. "
                                              "%u of %u steps done.", n),
                                 100.0 * mean, fw_exercise_session_get_n_passed (s), n);
  else
    mean_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "No scored step has been checked yet. "
                                              "%u of %u step done.",
                                              "No scored step has been checked yet. "
                                              "%u of %u steps done.", n),
                                 fw_exercise_session_get_n_passed (s), n);
  gtk_label_set_text (self->summary_mean, mean_text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);

  for (guint i = 0; i < n; i++)
    {
      const FwExerciseStep *step = fw_exercise_get_step (self->exercise, i);
      const FwStepResult *r = fw_exercise_session_get_result (s, i);
      g_autofree char *title = g_strdup_printf (_("Step %u: %s"), i + 1, step->title);
      g_autofree char *score = fw_exercise_page_teacher_mode (self)
                               ? fw_exercise_session_format_score (s, i)
                               : fw_exercise_session_describe_score (s, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), score);
      icon = gtk_image_new_from_icon_name (!r->checked ? "content-loading-symbolic"
                                           : r->passed ? "emblem-ok-symbolic"
                                                       : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      !r->checked ? _("Not done yet")
                                      : r->passed ? _("Passed") : _("Not passed yet"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "step", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->summary_list, row);
    }
}

static void
update_chrome (FwExercisePage *self)
{
  FwExerciseSession *s = self->session;
  guint n = fw_exercise_session_get_n_steps (s);
  guint current = fw_exercise_session_get_current_step (s);
  g_autofree char *progress = NULL;

  /* The bar shows where the student is, as the label does ("Step 4 of 5"
   * at 80%); what is passed is on the summary. */
  gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (current + 1, n) / n);

  if (current >= n)
    {
      gtk_label_set_text (self->progress_label, _("Summary"));
      return;
    }

  progress = g_strdup_printf (_("Step %u of %u · %s"), current + 1, n,
                              kind_label (fw_exercise_get_step (self->exercise, current)->kind));
  gtk_label_set_text (self->progress_label, progress);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);
}

/**
 * fw_exercise_page_sync_step:
 * @self: the page
 *
 * Brings the buttons and the feedback of the step shown in line with the
 * session.
 */
void
fw_exercise_page_sync_step (FwExercisePage *self)
{
  guint current = fw_exercise_session_get_current_step (self->session);
  const FwStepResult *r;

  update_chrome (self);
  if (current >= fw_exercise_session_get_n_steps (self->session))
    return;

  r = fw_exercise_session_get_result (self->session, current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.back", current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.check",
                                 !r->checked
                                 && fw_exercise_session_can_check (self->session, current));
  gtk_widget_set_visible (self->check_button,
                          !r->checked
                          && fw_exercise_get_step (self->exercise, current)->kind
                             != FW_STEP_READ);
  gtk_widget_set_visible (self->retry_button, r->checked
                          && fw_exercise_get_step (self->exercise, current)->kind
                             != FW_STEP_READ);
  fw_exercise_page_build_feedback (self);
}

static void
show_current (FwExercisePage *self)
{
  guint current = fw_exercise_session_get_current_step (self->session);
  const FwExerciseStep *step;

  fw_exercise_page_flush_text (self);
  gtk_label_set_text (self->exercise_title, fw_exercise_get_title (self->exercise));
  gtk_label_set_text (self->student_label, fw_work_store_get_student (self->store));

  if (current >= fw_exercise_session_get_n_steps (self->session))
    {
      update_chrome (self);
      update_summary (self);
      gtk_stack_set_visible_child_name (self->page_stack, "summary");
      return;
    }

  step = fw_exercise_get_step (self->exercise, current);
  gtk_label_set_text (self->step_title, step->title);
  gtk_label_set_text (self->step_instructions, step->instructions ? step->instructions : "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_instructions), step->instructions != NULL);
  gtk_label_set_text (self->hint_label, step->hint ? step->hint : "");
  gtk_toggle_button_set_active (self->hint_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hint_button), step->hint != NULL);

  {
    /* One line of the notes is one paragraph: a blank line between them
     * keeps them apart. */
    g_auto(GStrv) lines = g_strsplit (fw_pack_get_teacher_notes (self->pack)
                                      ? fw_pack_get_teacher_notes (self->pack) : "", "\n", -1);
    g_autoptr(GString) notes = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      if (*g_strstrip (lines[i]) != '\0')
        g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n\n" : "", lines[i]);
    gtk_label_set_text (self->teacher_notes, notes->str);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->teacher_notes),
                          fw_exercise_page_teacher_mode (self)
                          && fw_pack_get_teacher_notes (self->pack) != NULL);

  self->shown_step = current;
  fw_exercise_page_build_step (self);
  fw_exercise_page_sync_step (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->step_scroller), 0);
  gtk_stack_set_visible_child_name (self->page_stack, "steps");
}

static void
step_changed_cb (FwExercisePage    *self,
                 guint              step,
                 FwExerciseSession *session)
{
  if (step == fw_exercise_session_get_current_step (session) && !self->updating)
    fw_exercise_page_sync_step (self);
}

/* One notice in the page while saves fail, not a dialog at every failed
 * save: saves follow each pause in typing, and a dialog each time would
 * take the focus from the answer being typed. */
static void
save_problem_cb (FwExercisePage *self)
{
  const char *problem = self->store != NULL ? fw_work_store_get_save_problem (self->store)
                                            : NULL;

  if (problem != NULL)
    gtk_label_set_text (self->save_notice_label, problem);
  gtk_revealer_set_reveal_child (self->save_notice, problem != NULL);
}

static gboolean
show_recovery_cb (gpointer data)
{
  FwExercisePage *self = data;

  /* The heading says what happened: the previous version back, or the
   * work lost (and kept aside). */
  if (self->store != NULL && fw_work_store_get_recovery_message (self->store) != NULL)
    show_error (self,
                fw_work_store_get_recovery (self->store) == FW_WORK_RECOVERY_LOST
                ? _("Saved Work Could Not Be Read") : _("Saved Work Was Recovered"),
                fw_work_store_get_recovery_message (self->store));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gboolean
open_store (FwExercisePage  *self,
            const char      *student,
            GError         **error)
{
  FwWorkStore *store = fw_work_store_open (self->work_directory, self->pack, student, error);

  if (store == NULL)
    return FALSE;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_object_unref (store);
  g_signal_connect_swapped (store, "notify::save-problem", G_CALLBACK (save_problem_cb), self);
  save_problem_cb (self);

  /* Told, never silent: a recovered file is announced once the window is
   * up. */
  if (fw_work_store_get_recovery_message (store) != NULL)
    g_idle_add (show_recovery_cb, g_object_ref (self));

  return TRUE;
}

static void
attach_session (FwExercisePage *self)
{
  FwExerciseSession *session;
  g_autofree char *problem = NULL;

  if (self->store == NULL || self->exercise == NULL)
    return;

  session = fw_work_store_get_session (self->store, self->exercise);
  if (session != self->session)
    {
      if (self->session != NULL)
        g_signal_handlers_disconnect_by_data (self->session, self);
      g_set_object (&self->session, session);
      g_signal_connect_swapped (session, "step-changed", G_CALLBACK (step_changed_cb), self);
    }

  fw_work_store_set_current_exercise (self->store, fw_exercise_get_id (self->exercise));
  show_current (self);

  problem = fw_work_store_take_restore_problem (self->store);
  if (problem != NULL)
    show_error (self, _("Some Saved Answers Were Not Restored"), problem);
}

static void
name_changed_cb (FwExercisePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  gtk_widget_set_sensitive (self->start_button, *name != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
}

/* Puts the focus on the first control of what the page shows: the step's
 * content, or the summary's first button. */
static void
focus_first_control (FwExercisePage *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->page_stack);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "steps") != 0)
    gtk_widget_child_focus (shown, GTK_DIR_TAB_FORWARD);
  else if (!gtk_widget_child_focus (GTK_WIDGET (self->step_box), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (self->next_button);
}

/* Enter in the name field starts too. The field does not also activate
 * the window's default: by then the name page is gone and the focus has
 * moved on, to the header's Start Over button, which Enter would press. */
static void
start_cb (FwExercisePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pack == NULL)
    return;

  if (!open_store (self, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)), &error))
    {
      gtk_label_set_text (self->name_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->name_error), TRUE);
      return;
    }

  attach_session (self);
  focus_first_control (self);
}

static void
go_to (FwExercisePage *self,
       guint           step)
{
  fw_exercise_page_flush_text (self);
  fw_exercise_session_set_current_step (self->session, step);
  show_current (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);
  guint current;

  if (self->session == NULL)
    return;
  current = fw_exercise_session_get_current_step (self->session);
  if (current > 0)
    go_to (self, current - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);
  guint current;

  if (self->session == NULL)
    return;

  current = fw_exercise_session_get_current_step (self->session);
  if (current >= fw_exercise_session_get_n_steps (self->session))
    return;

  /* Moving on from a reading step is what reading it means. */
  if (fw_exercise_get_step (self->exercise, current)->kind == FW_STEP_READ)
    fw_exercise_session_check (self->session, current);

  go_to (self, current + 1);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);

  if (self->session == NULL)
    return;

  fw_exercise_page_flush_text (self);
  if (fw_exercise_session_check (self->session, self->shown_step))
    {
      /* Inputs lock and the feedback appears; focus goes to it so that a
       * screen reader reads it. */
      fw_exercise_page_build_step (self);
      fw_exercise_page_sync_step (self);
      gtk_widget_grab_focus (self->retry_button);
    }
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);

  if (self->session == NULL)
    return;

  fw_exercise_session_retry (self->session, self->shown_step);
  fw_exercise_page_build_step (self);
  fw_exercise_page_sync_step (self);
}

static void
add_span_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  fw_exercise_page_add_span (FW_EXERCISE_PAGE (widget));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);

  if (self->session != NULL)
    go_to (self, 0);
}

static void
start_over_response_cb (GtkWidget      *alert,
                        const char     *response,
                        FwExercisePage *self)
{
  if (g_strcmp0 (response, "start-over") == 0 && self->session != NULL)
    {
      self->updating = TRUE;
      fw_exercise_session_reset (self->session);
      self->updating = FALSE;
      show_current (self);
    }
}

static void
start_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);
  GtkWidget *alert;

  if (self->session == NULL)
    return;

  alert = fw_compat_alert_new (_("Start Over?"),
                               _("All your answers to this exercise will be cleared. Your "
                                 "other exercises are kept."));
  /* Cancel comes first, so that it is what Enter does. */
  fw_compat_alert_add_response (alert, "cancel", _("_Cancel"), FALSE);
  fw_compat_alert_add_response (alert, "start-over", _("_Start Over"), TRUE);
  fw_compat_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (start_over_response_cb), self, 0);
  fw_compat_present (alert, widget);
}

/* Back to "Who Is Working?" on a shared computer. Nothing is deleted:
 * every answer is on disk already, and the next name opens its own work. */
static void
change_student_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);

  if (self->store == NULL)
    return;

  fw_exercise_page_flush_text (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  save_problem_cb (self);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_stack_set_visible_child_name (self->page_stack, "name");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static char *
suggested_name (FwExercisePage *self,
                const char     *extension)
{
  return fw_exercise_session_suggest_file_name (self->session,
                                                fw_work_store_get_student (self->store),
                                                extension);
}

typedef struct
{
  FwExercisePage *self;
  gboolean pdf;
} ExportRequest;

static void
export_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ExportRequest *request = user_data;
  FwExercisePage *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fw_compat_save_file_finish (result, &error);

  if (file == NULL && !fw_compat_file_error_is_cancel (error))
    show_error (self, _("The Hand-In Could Not Be Saved"), error->message);
  else if (file != NULL && self->store != NULL)
    {
      if (request->pdf)
        {
          g_autoptr(JsonNode) work = fw_work_store_to_json (self->store);

          fw_report_pdf_write (json_node_get_object (work), file, NULL, &error);
        }
      else
        {
          fw_work_store_export_json (self->store, file, &error);
        }

      if (error != NULL)
        show_error (self, _("The Hand-In Could Not Be Saved"), error->message);
    }

  g_object_unref (request->self);
  g_free (request);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (widget);
  gboolean pdf = g_str_equal (action_name, "exercise.export-pdf");
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportRequest *request;

  if (self->store == NULL || self->session == NULL)
    return;

  fw_exercise_page_flush_text (self);
  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->pdf = pdf;
  name = suggested_name (self, pdf ? "pdf" : "json");
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("JSON hand-ins"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "json");
  g_list_store_append (filters, filter);
  fw_compat_save_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       pdf ? _("Export PDF Report") : _("Export JSON Hand-In"), _("_Export"),
                       name, G_LIST_MODEL (filters), NULL, export_ready_cb, request);
}

static void
summary_row_activated_cb (FwExercisePage *self,
                          GtkListBoxRow  *row)
{
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "step"));

  if (step > 0 && self->session != NULL)
    go_to (self, step - 1);
}

static void
hint_toggled_cb (FwExercisePage *self)
{
  gtk_revealer_set_reveal_child (self->hint_revealer,
                                 gtk_toggle_button_get_active (self->hint_button));
}

static void
teacher_mode_changed_cb (FwExercisePage *self)
{
  if (self->session != NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "steps") == 0)
    show_current (self);
}

static void
fw_exercise_page_dispose (GObject *object)
{
  FwExercisePage *self = FW_EXERCISE_PAGE (object);

  fw_exercise_page_flush_text (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->exercise);
  g_clear_object (&self->pack);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->work_directory, g_free);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->item_feedback, g_ptr_array_unref);
  g_clear_pointer (&self->reading_views, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_EXERCISE_PAGE);

  G_OBJECT_CLASS (fw_exercise_page_parent_class)->dispose (object);
}

static void
fw_exercise_page_class_init (FwExercisePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_exercise_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-exercise-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, content);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, save_notice);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, save_notice_label);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, name_error);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, exercise_title);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, student_label);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, step_scroller);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, teacher_notes);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, step_title);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, step_instructions);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, step_box);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, hint_button);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, add_span_button);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, span_message);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, next_button);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, check_button);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, summary_title);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, summary_student);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, summary_mean);
  gtk_widget_class_bind_template_child (widget_class, FwExercisePage, summary_list);
  gtk_widget_class_bind_template_callback (widget_class, start_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "exercise.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "exercise.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "exercise.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "exercise.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "exercise.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "exercise.add-span", NULL, add_span_action);
  gtk_widget_class_install_action (widget_class, "exercise.start-over", NULL, start_over_action);
  gtk_widget_class_install_action (widget_class, "exercise.change-student", NULL,
                                   change_student_action);
  gtk_widget_class_install_action (widget_class, "exercise.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "exercise.export-json", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "exercise.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "exercise.next", NULL);
}

/* The reading preferences that the text of the steps follows, as the
 * reader's does. */
static const char * const reading_keys[] = {
  "changed::text-size", "changed::line-spacing", "changed::dyslexia-friendly"
};

static void
fw_exercise_page_init (FwExercisePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->inputs = g_ptr_array_new ();
  self->item_feedback = g_ptr_array_new ();
  self->reading_views = g_ptr_array_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_swapped (self->settings, "changed::teacher-mode",
                            G_CALLBACK (teacher_mode_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (reading_keys); i++)
    g_signal_connect_swapped (self->settings, reading_keys[i],
                              G_CALLBACK (fw_exercise_page_restyle_text), self);
  g_signal_connect_swapped (self->hint_button, "toggled", G_CALLBACK (hint_toggled_cb), self);
  g_signal_connect_swapped (self->summary_list, "row-activated",
                            G_CALLBACK (summary_row_activated_cb), self);
}

/**
 * fw_exercise_page_set_work_directory:
 * @self: the page
 * @directory: (nullable): where student work is kept; %NULL for the
 *   default (fw_work_store_default_directory())
 *
 * Sets where the page keeps student work. Call before
 * fw_exercise_page_set_pack().
 */
void
fw_exercise_page_set_work_directory (FwExercisePage *self,
                                     const char     *directory)
{
  g_return_if_fail (FW_IS_EXERCISE_PAGE (self));

  g_free (self->work_directory);
  self->work_directory = g_strdup (directory);
}

/**
 * fw_exercise_page_set_pack:
 * @self: the page
 * @pack: the open pack
 *
 * Sets the pack whose exercises the page shows and reopens the work of
 * whoever worked on it last on this computer, if anyone did.
 */
void
fw_exercise_page_set_pack (FwExercisePage *self,
                           FwPack         *pack)
{
  g_autofree char *student = NULL;

  g_return_if_fail (FW_IS_EXERCISE_PAGE (self));
  g_return_if_fail (FW_IS_PACK (pack));

  if (self->pack == pack)
    return;

  fw_exercise_page_flush_text (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  save_problem_cb (self);
  g_clear_object (&self->exercise);
  g_set_object (&self->pack, pack);
  gtk_stack_set_visible_child_name (self->page_stack, "name");

  student = fw_work_store_find_latest_student (self->work_directory, fw_pack_get_id (pack));
  if (student != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!open_store (self, student, &error))
        show_error (self, _("Saved Work Cannot Be Opened"), error->message);
    }
}

/**
 * fw_exercise_page_set_exercise:
 * @self: the page
 * @exercise: an exercise of the page's pack
 *
 * Shows @exercise where the student left it, or asks for her name first.
 */
void
fw_exercise_page_set_exercise (FwExercisePage *self,
                               FwExercise     *exercise)
{
  g_return_if_fail (FW_IS_EXERCISE_PAGE (self));
  g_return_if_fail (FW_IS_EXERCISE (exercise));

  fw_exercise_page_flush_text (self);
  g_set_object (&self->exercise, exercise);

  /* The focus stays where it is: a student browsing the sidebar with the
   * arrow keys must not be pulled into the name field. Enter on the row
   * moves the focus here (fw-window.c). */
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->page_stack, "name");
      return;
    }

  attach_session (self);
}

/**
 * fw_exercise_page_get_resume_exercise:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the id of the exercise the student
 *   was on when she last used Framewise, or %NULL
 */
const char *
fw_exercise_page_get_resume_exercise (FwExercisePage *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_PAGE (self), NULL);
  return self->store != NULL ? fw_work_store_get_current_exercise (self->store) : NULL;
}

/**
 * fw_exercise_page_get_store:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the student's work store
 */
FwWorkStore *
fw_exercise_page_get_store (FwExercisePage *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_PAGE (self), NULL);
  return self->store;
}

/**
 * fw_exercise_page_get_session:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the session of the exercise shown
 */
FwExerciseSession *
fw_exercise_page_get_session (FwExercisePage *self)
{
  g_return_val_if_fail (FW_IS_EXERCISE_PAGE (self), NULL);
  return self->session;
}
