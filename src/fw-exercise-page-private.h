/* fw-exercise-page-private.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-exercise-page.h"

G_BEGIN_DECLS

struct _FwExercisePage
{
  GtkWidget parent_instance;

  FwPack *pack;
  FwExercise *exercise;
  FwWorkStore *store;
  FwExerciseSession *session;
  GSettings *settings;
  char *work_directory;
  guint shown_step;
  gboolean updating;
  guint reflect_timeout;

  /* Inputs of the step shown, rebuilt with it. */
  GPtrArray *inputs;
  GPtrArray *item_feedback;
  GtkTextView *text_view;
  GtkListBox *span_list;
  GtkLabel *word_count;
  /* Text views of the step shown that follow the reading preferences. */
  GPtrArray *reading_views;

  GtkWidget *content;
  GtkRevealer *save_notice;
  GtkLabel *save_notice_label;
  GtkStack *page_stack;
  GtkEntry *name_entry;
  GtkLabel *name_error;
  GtkWidget *start_button;
  GtkLabel *exercise_title;
  GtkLabel *student_label;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkScrolledWindow *step_scroller;
  GtkLabel *teacher_notes;
  GtkLabel *step_title;
  GtkLabel *step_instructions;
  GtkRevealer *hint_revealer;
  GtkLabel *hint_label;
  GtkBox *step_box;
  GtkBox *feedback_box;
  GtkWidget *back_button;
  GtkToggleButton *hint_button;
  GtkWidget *add_span_button;
  GtkLabel *span_message;
  GtkWidget *next_button;
  GtkWidget *check_button;
  GtkWidget *retry_button;
  GtkLabel *summary_title;
  GtkLabel *summary_student;
  GtkLabel *summary_mean;
  GtkListBox *summary_list;
};

gboolean fw_exercise_page_teacher_mode   (FwExercisePage *self);
void     fw_exercise_page_build_step     (FwExercisePage *self);
void     fw_exercise_page_sync_step      (FwExercisePage *self);
void     fw_exercise_page_build_feedback (FwExercisePage *self);
void     fw_exercise_page_flush_text     (FwExercisePage *self);
void     fw_exercise_page_restyle_text   (FwExercisePage *self);
void     fw_exercise_page_add_span       (FwExercisePage *self);

G_END_DECLS
