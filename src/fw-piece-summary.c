/* fw-piece-summary.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fw-frame-chart.h"
#include "fw-piece-summary.h"

/* A compact summary of one piece above its text: how many highlights of
 * each kind the pack's authors made and how many more were found
 * automatically, and the piece's frame profile as a bar chart that is also
 * given as text. It folds away behind one line that gives the total. */

/* The kinds the reader highlights, in the legend's order. */
static const FwAnnotationKind shown_kinds[] = {
  FW_ANNOTATION_LOADED_TERM,
  FW_ANNOTATION_UNSUPPORTED_ASSERTION,
  FW_ANNOTATION_CONTESTED_NAME,
  FW_ANNOTATION_ATTRIBUTION,
};

#define N_SHOWN G_N_ELEMENTS (shown_kinds)

struct _FwPieceSummary
{
  GtkWidget parent_instance;

  guint teacher[FW_N_ANNOTATION_KINDS];
  guint automatic[FW_N_ANNOTATION_KINDS];
  gboolean analysed;
  gboolean show_automatic;

  GtkExpander *expander;
  GtkLabel *title_label;
  GtkGrid *counts_grid;
  GtkLabel *status_label;
  FwFrameChart *frame_chart;
  GtkLabel *teacher_labels[N_SHOWN];
  GtkLabel *automatic_labels[N_SHOWN];
};

G_DEFINE_FINAL_TYPE (FwPieceSummary, fw_piece_summary, GTK_TYPE_WIDGET)

static char *
format_teacher (FwAnnotationKind kind,
                guint            n)
{
  switch (kind)
    {
    case FW_ANNOTATION_LOADED_TERM:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u loaded term from the pack",
                                           "%u loaded terms from the pack", n), n);
    case FW_ANNOTATION_UNSUPPORTED_ASSERTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u unsupported assertion from the pack",
                                           "%u unsupported assertions from the pack", n), n);
    case FW_ANNOTATION_CONTESTED_NAME:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contested name from the pack",
                                           "%u contested names from the pack", n), n);
    case FW_ANNOTATION_ATTRIBUTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attribution from the pack",
                                           "%u attributions from the pack", n), n);
    case FW_ANNOTATION_FRAME_CUE:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
format_automatic (FwAnnotationKind kind,
                  guint            n)
{
  switch (kind)
    {
    case FW_ANNOTATION_LOADED_TERM:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more loaded term found automatically",
                                           "%u more loaded terms found automatically", n), n);
    case FW_ANNOTATION_UNSUPPORTED_ASSERTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more unsupported assertion found automatically",
                                           "%u more unsupported assertions found automatically",
                                           n), n);
    case FW_ANNOTATION_CONTESTED_NAME:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more contested name found automatically",
                                           "%u more contested names found automatically", n),
                              n);
    case FW_ANNOTATION_ATTRIBUTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more attribution found automatically",
                                           "%u more attributions found automatically", n), n);
    case FW_ANNOTATION_FRAME_CUE:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update (FwPieceSummary *self)
{
  g_autofree char *title = NULL;
  guint total = 0;

  for (guint i = 0; i < N_SHOWN; i++)
    {
      FwAnnotationKind kind = shown_kinds[i];
      g_autofree char *teacher = format_teacher (kind, self->teacher[kind]);
      gboolean automatic = self->analysed && self->show_automatic;

      gtk_label_set_text (self->teacher_labels[i], teacher);
      total += self->teacher[kind];
      if (automatic)
        {
          g_autofree char *text = format_automatic (kind, self->automatic[kind]);

          gtk_label_set_text (self->automatic_labels[i], text);
          total += self->automatic[kind];
        }
      gtk_widget_set_visible (GTK_WIDGET (self->automatic_labels[i]), automatic);
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Summary: %u highlight",
                                        "Summary: %u highlights", total), total);
  gtk_label_set_text (self->title_label, title);
}

/**
 * fw_piece_summary_reset:
 * @self: the summary
 * @teacher_counts: (array fixed-size=5): the pack's annotations of the
 *   piece, counted per #FwAnnotationKind
 *
 * Starts the summary of a new piece: the pack's counts, and a note that
 * the automatic analysis is on its way.
 */
void
fw_piece_summary_reset (FwPieceSummary *self,
                        const guint    *teacher_counts)
{
  g_return_if_fail (FW_IS_PIECE_SUMMARY (self));
  g_return_if_fail (teacher_counts != NULL);

  memcpy (self->teacher, teacher_counts, sizeof self->teacher);
  memset (self->automatic, 0, sizeof self->automatic);
  self->analysed = FALSE;
  gtk_label_set_text (self->status_label, _("Looking for automatic flags and frame cues…"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->frame_chart), FALSE);
  update (self);
}

/**
 * fw_piece_summary_set_analysis:
 * @self: the summary
 * @automatic_counts: (array fixed-size=5): the automatic highlights shown
 *   besides the pack's, counted per #FwAnnotationKind
 * @profile: (nullable): the piece's frame profile, or %NULL when there are
 *   no frames to profile
 * @piece_title: the piece's title, for screen readers
 *
 * Shows the result of the automatic analysis. The chart's bars share one
 * scale, the largest density of the piece.
 */
void
fw_piece_summary_set_analysis (FwPieceSummary *self,
                               const guint    *automatic_counts,
                               FwFrameProfile *profile,
                               const char     *piece_title)
{
  g_return_if_fail (FW_IS_PIECE_SUMMARY (self));
  g_return_if_fail (automatic_counts != NULL);

  memcpy (self->automatic, automatic_counts, sizeof self->automatic);
  self->analysed = TRUE;

  if (profile != NULL && fw_frame_profile_get_n_frames (profile) > 0)
    {
      guint n = fw_frame_profile_get_n_frames (profile);
      g_autofree const char **labels = g_new0 (const char *, n + 1);
      g_autofree double *densities = g_new0 (double, n);
      g_autofree guint *counts = g_new0 (guint, n);
      double scale = 0.0;

      for (guint f = 0; f < n; f++)
        {
          labels[f] = fw_frame_profile_get_frame (profile, f)->label;
          densities[f] = fw_frame_profile_get_density (profile, f);
          counts[f] = fw_frame_profile_get_count (profile, f);
          scale = MAX (scale, densities[f]);
        }
      fw_frame_chart_set_profile (self->frame_chart, piece_title, labels, densities, counts,
                                  scale);
      gtk_widget_set_visible (GTK_WIDGET (self->frame_chart), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
    }
  else
    {
      gtk_label_set_text (self->status_label,
                          _("Framewise has no frames to profile for this pack’s language."));
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->frame_chart), FALSE);
    }

  update (self);
}

/**
 * fw_piece_summary_set_failed:
 * @self: the summary
 * @message: why the automatic analysis did not run, a sentence
 *
 * Says that there are no automatic results, and why.
 */
void
fw_piece_summary_set_failed (FwPieceSummary *self,
                             const char     *message)
{
  g_autofree char *text = NULL;

  g_return_if_fail (FW_IS_PIECE_SUMMARY (self));

  /* TRANSLATORS: %s is the reason, a sentence */
  text = g_strdup_printf (_("The automatic analysis did not run: %s"), message);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->frame_chart), FALSE);
}

/**
 * fw_piece_summary_set_show_automatic:
 * @self: the summary
 * @show: whether automatic highlights are shown in the text
 *
 * Counts the automatic highlights only while they are shown.
 */
void
fw_piece_summary_set_show_automatic (FwPieceSummary *self,
                                     gboolean        show)
{
  g_return_if_fail (FW_IS_PIECE_SUMMARY (self));

  self->show_automatic = !!show;
  update (self);
}

static void
append_label_text (GString   *out,
                   GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else if (FW_IS_FRAME_CHART (child))
        g_string_append_printf (out, "%s\n",
                                fw_frame_chart_get_text_alternative (FW_FRAME_CHART (child)));
      else
        append_label_text (out, child);
    }
}

/**
 * fw_piece_summary_dup_text:
 * @self: the summary
 *
 * Returns: (transfer full): the text of the visible labels and the chart's
 *   text alternative, one per line, whether or not the summary is
 *   expanded; for tests
 */
char *
fw_piece_summary_dup_text (FwPieceSummary *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (FW_IS_PIECE_SUMMARY (self), NULL);

  g_string_append_printf (out, "%s\n", gtk_label_get_text (self->title_label));
  append_label_text (out, gtk_expander_get_child (self->expander));
  return g_string_free (out, FALSE);
}

/**
 * fw_piece_summary_new:
 *
 * Returns: (transfer full): a new, empty summary
 */
GtkWidget *
fw_piece_summary_new (void)
{
  return g_object_new (FW_TYPE_PIECE_SUMMARY, NULL);
}

static void
fw_piece_summary_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FW_TYPE_PIECE_SUMMARY);

  G_OBJECT_CLASS (fw_piece_summary_parent_class)->dispose (object);
}

static void
fw_piece_summary_class_init (FwPieceSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_piece_summary_dispose;

  g_type_ensure (FW_TYPE_FRAME_CHART);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "piecesummary");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-piece-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, FwPieceSummary, expander);
  gtk_widget_class_bind_template_child (widget_class, FwPieceSummary, title_label);
  gtk_widget_class_bind_template_child (widget_class, FwPieceSummary, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, FwPieceSummary, status_label);
  gtk_widget_class_bind_template_child (widget_class, FwPieceSummary, frame_chart);
}

static void
fw_piece_summary_init (FwPieceSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->show_automatic = TRUE;
  for (guint i = 0; i < N_SHOWN; i++)
    {
      GtkWidget *teacher = gtk_label_new (NULL);
      GtkWidget *automatic = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (teacher), 0.0);
      gtk_label_set_wrap (GTK_LABEL (teacher), TRUE);
      gtk_label_set_xalign (GTK_LABEL (automatic), 0.0);
      gtk_label_set_wrap (GTK_LABEL (automatic), TRUE);
      gtk_widget_set_hexpand (automatic, TRUE);
      gtk_widget_add_css_class (automatic, "dim-label");
      gtk_grid_attach (self->counts_grid, teacher, 0, (int) i, 1, 1);
      gtk_grid_attach (self->counts_grid, automatic, 1, (int) i, 1, 1);
      self->teacher_labels[i] = GTK_LABEL (teacher);
      self->automatic_labels[i] = GTK_LABEL (automatic);
    }
  update (self);
}
