/* fw-compare-view.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fw-compare-view.h"
#include "fw-frame-chart.h"

/* Two pieces side by side, each with its frame-profile chart and its text
 * with the frame cues marked, and below them the list of evidence; a row
 * of the list shows its passage in its piece. One text tag per frame and
 * piece, never one per span. Frames differ by the shape of the mark
 * (a filled marker, a thick underline, a double underline) as well as by
 * colour. */

#define N_STYLES 3

struct _FwCompareView
{
  GtkWidget parent_instance;

  FwFrameComparison *comparison;

  GtkWidget *root_box;
  GtkLabel *title_a;
  GtkLabel *title_b;
  FwFrameChart *chart_a;
  FwFrameChart *chart_b;
  GtkTextView *view_a;
  GtkTextView *view_b;
  GtkListBox *evidence_list;
};

G_DEFINE_FINAL_TYPE (FwCompareView, fw_compare_view, GTK_TYPE_WIDGET)

static GtkTextTag *
frame_tag (GtkTextBuffer *buffer,
           guint          frame)
{
  g_autofree char *name = g_strdup_printf ("frame-%u", frame);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag != NULL)
    return tag;

  switch (frame % N_STYLES)
    {
    case 0:
      return gtk_text_buffer_create_tag (buffer, name,
                                         "background", "rgba(53,132,228,0.25)",
                                         "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
    case 1:
      return gtk_text_buffer_create_tag (buffer, name,
                                         "underline", PANGO_UNDERLINE_SINGLE_LINE,
                                         "underline-rgba", &(GdkRGBA) { 0.90, 0.38, 0.0, 1.0 },
                                         "style", PANGO_STYLE_ITALIC, NULL);
    default:
      return gtk_text_buffer_create_tag (buffer, name,
                                         "underline", PANGO_UNDERLINE_DOUBLE_LINE, NULL);
    }
}

static void
evidence_activated_cb (FwCompareView *self,
                       GtkListBoxRow *row)
{
  const FwFrameEvidence *e = g_object_get_data (G_OBJECT (row), "evidence");
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (e == NULL)
    return;

  view = e->piece == 0 ? self->view_a : self->view_b;
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) e->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) e->end);
  /* Select the whole sentence the cue is in, so that it is read in
   * context, and scroll it into view. */
  if (!gtk_text_iter_starts_sentence (&start))
    gtk_text_iter_backward_sentence_start (&start);
  if (!gtk_text_iter_ends_sentence (&end))
    gtk_text_iter_forward_sentence_end (&end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (view, &start, 0.1, TRUE, 0.0, 0.2);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
fw_compare_view_dispose (GObject *object)
{
  FwCompareView *self = FW_COMPARE_VIEW (object);

  g_clear_object (&self->comparison);
  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_COMPARE_VIEW);

  G_OBJECT_CLASS (fw_compare_view_parent_class)->dispose (object);
}

static void
fw_compare_view_class_init (FwCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_compare_view_dispose;

  g_type_ensure (FW_TYPE_FRAME_CHART);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, root_box);
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, title_a);
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, title_b);
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, chart_a);
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, chart_b);
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, view_a);
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, view_b);
  gtk_widget_class_bind_template_child (widget_class, FwCompareView, evidence_list);
}

static void
fw_compare_view_init (FwCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->evidence_list, "row-activated",
                            G_CALLBACK (evidence_activated_cb), self);
}

/**
 * fw_compare_view_new:
 *
 * Returns: (transfer full): a new, empty comparison view
 */
GtkWidget *
fw_compare_view_new (void)
{
  return g_object_new (FW_TYPE_COMPARE_VIEW, NULL);
}

static void
show_piece (FwCompareView     *self,
            FwPack            *pack,
            guint              p,
            const char       **labels,
            double             scale)
{
  FwFrameComparison *c = self->comparison;
  FwPiece *piece = fw_pack_find_piece (pack, fw_frame_comparison_get_piece_id (c, p));
  GtkTextView *view = p == 0 ? self->view_a : self->view_b;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  guint n = fw_frame_comparison_get_n_frames (c);
  g_autofree double *densities = g_new0 (double, n + 1);
  g_autofree guint *counts = g_new0 (guint, n + 1);
  GArray *evidence = fw_frame_comparison_get_evidence (c);
  const char *title = piece != NULL ? fw_piece_get_title (piece)
                                    : fw_frame_comparison_get_piece_id (c, p);
  g_autofree char *accessible = g_strdup_printf (_("Text of “%s” with frame cues marked"), title);

  gtk_label_set_text (p == 0 ? self->title_a : self->title_b, title);
  for (guint f = 0; f < n; f++)
    {
      densities[f] = fw_frame_comparison_get_density (c, p, f);
      counts[f] = fw_frame_comparison_get_count (c, p, f);
    }
  fw_frame_chart_set_profile (p == 0 ? self->chart_a : self->chart_b, title, labels, densities,
                              counts, scale);

  /* Plain text: gtk_text_buffer_set_text() parses no markup. */
  gtk_text_buffer_set_text (buffer, piece != NULL ? fw_piece_get_text (piece) : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  for (guint i = 0; i < evidence->len; i++)
    {
      const FwFrameEvidence *e = &g_array_index (evidence, FwFrameEvidence, i);
      GtkTextIter start, end;

      if (e->piece != p)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) e->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) e->end);
      gtk_text_buffer_apply_tag (buffer, frame_tag (buffer, e->frame), &start, &end);
    }
}

/**
 * fw_compare_view_set_comparison:
 * @self: the view
 * @pack: the pack holding the compared pieces and frames
 * @comparison: the frame profiles to show
 *
 * Shows the two pieces of @comparison with their charts on one scale,
 * their texts with the evidence marked, and the evidence list.
 */
void
fw_compare_view_set_comparison (FwCompareView     *self,
                                FwPack            *pack,
                                FwFrameComparison *comparison)
{
  guint n;
  g_autofree const char **labels = NULL;
  GArray *evidence;
  GtkWidget *child;
  double scale = 0.0;

  g_return_if_fail (FW_IS_COMPARE_VIEW (self));
  g_return_if_fail (FW_IS_PACK (pack));
  g_return_if_fail (FW_IS_FRAME_COMPARISON (comparison));

  g_set_object (&self->comparison, comparison);
  n = fw_frame_comparison_get_n_frames (comparison);
  labels = g_new0 (const char *, n + 1);
  for (guint f = 0; f < n; f++)
    {
      const FwFrame *frame = fw_pack_find_frame (pack,
                                                 fw_frame_comparison_get_frame_id (comparison, f));

      labels[f] = frame != NULL ? frame->label : fw_frame_comparison_get_frame_id (comparison, f);
      scale = MAX (scale, fw_frame_comparison_get_density (comparison, 0, f));
      scale = MAX (scale, fw_frame_comparison_get_density (comparison, 1, f));
    }

  show_piece (self, pack, 0, labels, scale);
  show_piece (self, pack, 1, labels, scale);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);

  evidence = fw_frame_comparison_get_evidence (comparison);
  for (guint i = 0; i < evidence->len; i++)
    {
      const FwFrameEvidence *e = &g_array_index (evidence, FwFrameEvidence, i);
      FwPiece *piece = fw_pack_find_piece (pack, fw_frame_comparison_get_piece_id (comparison,
                                                                                  e->piece));
      g_autofree char *cue = piece != NULL ? fw_piece_dup_span_text (piece, e->start, e->end)
                                           : g_strdup ("");
      g_autofree char *title = g_strdup_printf (_("“%s” — %s"), cue, labels[e->frame]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   piece != NULL ? fw_piece_get_title (piece) : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "evidence", (gpointer) e);
      gtk_list_box_append (self->evidence_list, row);
    }
}

/**
 * fw_compare_view_get_evidence_list:
 * @self: the view
 *
 * Returns: (transfer none): the list of evidence rows
 */
GtkListBox *
fw_compare_view_get_evidence_list (FwCompareView *self)
{
  g_return_val_if_fail (FW_IS_COMPARE_VIEW (self), NULL);
  return self->evidence_list;
}

/**
 * fw_compare_view_get_text_view:
 * @self: the view
 * @piece: 0 or 1
 *
 * Returns: (transfer none): the text view of that piece
 */
GtkTextView *
fw_compare_view_get_text_view (FwCompareView *self,
                               guint          piece)
{
  g_return_val_if_fail (FW_IS_COMPARE_VIEW (self), NULL);
  return piece == 0 ? self->view_a : self->view_b;
}

/**
 * fw_compare_view_get_chart:
 * @self: the view
 * @piece: 0 or 1
 *
 * Returns: (transfer none): the frame chart of that piece
 */
GtkWidget *
fw_compare_view_get_chart (FwCompareView *self,
                           guint          piece)
{
  g_return_val_if_fail (FW_IS_COMPARE_VIEW (self), NULL);
  return GTK_WIDGET (piece == 0 ? self->chart_a : self->chart_b);
}
