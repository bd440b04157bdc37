/* fw-frame-chart.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-compat.h"
#include "fw-frame-chart.h"

/* A bar chart of one piece's frame profile: per frame a label, a bar whose
 * length is the density of the frame's cues per 1,000 words, and the
 * number written out. Bars of the charts being compared share a scale.
 * Every number is in the text too, and the whole chart is given to screen
 * readers as a sentence per frame, so neither colour nor sight is needed
 * to read it. */

#define ROW_GAP 10
#define BAR_HEIGHT 14
#define LABEL_GAP 4

struct _FwFrameChart
{
  GtkWidget parent_instance;

  char **labels;
  double *densities;
  guint *counts;
  guint n_frames;
  double scale;
  char *text_alternative;
};

G_DEFINE_FINAL_TYPE (FwFrameChart, fw_frame_chart, GTK_TYPE_WIDGET)

/* GNOME palette blue and orange; the legend is the text, not the hue. */
static const char * const bar_colors[] = { "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#c64600" };

static PangoLayout *
make_layout (FwFrameChart *self,
             const char   *text,
             gboolean      bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static char *
format_value (FwFrameChart *self,
              guint         i)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%.1f per 1,000 words (%u cue)",
                                       "%.1f per 1,000 words (%u cues)", self->counts[i]),
                          self->densities[i], self->counts[i]);
}

static int
row_height (FwFrameChart *self)
{
  g_autoptr(PangoLayout) layout = make_layout (self, "Ag", TRUE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + LABEL_GAP + MAX (BAR_HEIGHT, height);
}

static void
fw_frame_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  FwFrameChart *self = FW_FRAME_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 320;
    }
  else
    {
      *minimum = *natural = (int) self->n_frames * (row_height (self) + ROW_GAP);
    }
}

static void
fw_frame_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  FwFrameChart *self = FW_FRAME_CHART (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, track;
  int y = 0;

  fw_compat_get_color (widget, &fg);
  track = fg;
  track.alpha = 0.12;

  for (guint i = 0; i < self->n_frames; i++)
    {
      g_autoptr(PangoLayout) label = make_layout (self, self->labels[i], TRUE);
      g_autofree char *value_text = format_value (self, i);
      g_autoptr(PangoLayout) value = make_layout (self, value_text, FALSE);
      int label_height, value_width, value_height, bar_space, bar_width;
      GdkRGBA color;

      pango_layout_set_width (label, width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &label_height);
      pango_layout_get_pixel_size (value, &value_width, &value_height);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);
      y += label_height + LABEL_GAP;

      /* The bar takes what the number leaves; the number sits after it. */
      bar_space = MAX (width - value_width - 8, 20);
      bar_width = self->scale > 0 ? (int) (bar_space * self->densities[i] / self->scale) : 0;
      gdk_rgba_parse (&color, bar_colors[i % G_N_ELEMENTS (bar_colors)]);

      gtk_snapshot_append_color (snapshot, &track,
                                 &GRAPHENE_RECT_INIT (0, y + (value_height - BAR_HEIGHT) / 2.0f,
                                                      bar_space, BAR_HEIGHT));
      if (bar_width > 0)
        gtk_snapshot_append_color (snapshot, &color,
                                   &GRAPHENE_RECT_INIT (0, y + (value_height - BAR_HEIGHT) / 2.0f,
                                                        bar_width, BAR_HEIGHT));

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (bar_space + 8, y));
      gtk_snapshot_append_layout (snapshot, value, &fg);
      gtk_snapshot_restore (snapshot);

      y += MAX (BAR_HEIGHT, value_height) + ROW_GAP;
    }
}

static void
clear (FwFrameChart *self)
{
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->densities, g_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->text_alternative, g_free);
  self->n_frames = 0;
}

static void
fw_frame_chart_finalize (GObject *object)
{
  clear (FW_FRAME_CHART (object));
  G_OBJECT_CLASS (fw_frame_chart_parent_class)->finalize (object);
}

static void
fw_frame_chart_class_init (FwFrameChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fw_frame_chart_finalize;
  widget_class->measure = fw_frame_chart_measure;
  widget_class->snapshot = fw_frame_chart_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "framechart");
}

static void
fw_frame_chart_init (FwFrameChart *self)
{
}

/**
 * fw_frame_chart_new:
 *
 * Returns: (transfer full): a new, empty chart
 */
GtkWidget *
fw_frame_chart_new (void)
{
  return g_object_new (FW_TYPE_FRAME_CHART, NULL);
}

/**
 * fw_frame_chart_set_profile:
 * @self: a chart
 * @piece_title: the title of the piece charted
 * @frame_labels: (array zero-terminated=1): the frames' labels
 * @densities: one density per frame, cue occurrences per 1,000 words
 * @counts: one count of cue occurrences per frame
 * @scale: the density a full-width bar stands for; pass the largest
 *   density of all the charts shown together so they compare
 *
 * Shows a piece's frame profile and gives screen readers the same numbers
 * as text (see fw_frame_chart_get_text_alternative()).
 */
void
fw_frame_chart_set_profile (FwFrameChart       *self,
                            const char         *piece_title,
                            const char * const *frame_labels,
                            const double       *densities,
                            const guint        *counts,
                            double              scale)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;

  g_return_if_fail (FW_IS_FRAME_CHART (self));
  g_return_if_fail (frame_labels != NULL);

  clear (self);
  self->labels = g_strdupv ((char **) frame_labels);
  self->n_frames = g_strv_length (self->labels);
  self->densities = g_memdup2 (densities, sizeof (double) * self->n_frames);
  self->counts = g_memdup2 (counts, sizeof (guint) * self->n_frames);
  self->scale = scale;

  for (guint i = 0; i < self->n_frames; i++)
    {
      g_autofree char *value = format_value (self, i);

      /* TRANSLATORS: a frame's label and its density, e.g. "Humanitarian
       * duty: 10.5 per 1,000 words (6 cues)." */
      g_string_append_printf (text, _("%s: %s."), self->labels[i], value);
      if (i + 1 < self->n_frames)
        g_string_append_c (text, ' ');
    }
  self->text_alternative = g_string_free (g_steal_pointer (&text), FALSE);

  label = g_strdup_printf (_("Frame profile of “%s”"), piece_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text_alternative,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->text_alternative);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * fw_frame_chart_get_text_alternative:
 * @self: a chart
 *
 * Returns: (transfer none) (nullable): the chart as text, one sentence per
 *   frame, as screen readers get it
 */
const char *
fw_frame_chart_get_text_alternative (FwFrameChart *self)
{
  g_return_val_if_fail (FW_IS_FRAME_CHART (self), NULL);
  return self->text_alternative;
}
