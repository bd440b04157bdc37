/* fw-highlight-popover.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-highlight-popover.h"

struct _FwHighlightPopover
{
  GtkPopover parent_instance;

  GtkLabel *kind_label;
  GtkLabel *quote_label;
  GtkLabel *category_label;
  GtkLabel *note_label;
  GtkLabel *neutral_label;
  GtkLabel *speaker_label;
  GtkLabel *source_label;
};

G_DEFINE_FINAL_TYPE (FwHighlightPopover, fw_highlight_popover, GTK_TYPE_POPOVER)

/* GTK 4.8 measures a popover's height for a width that still includes the
 * shadow around its content (gtk_popover_measure() in gtk/gtkpopover.c
 * subtracts the arrow from the width but not the shadow), and then
 * allocates the content that much narrower. The wrapped labels then need
 * more lines than were measured, the popover comes out too short and its
 * last line is cut off. The height is
 * therefore measured for the width the content will get: the width less
 * what the popover adds to its content's natural width, which for a
 * popover above or below its highlight is the shadow on either side. */
static void
fw_highlight_popover_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GtkWidgetClass *parent_class = GTK_WIDGET_CLASS (fw_highlight_popover_parent_class);
  GtkWidget *contents = gtk_widget_get_first_child (widget);
  GtkPositionType position = gtk_popover_get_position (GTK_POPOVER (widget));

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && contents != NULL
      && (position == GTK_POS_TOP || position == GTK_POS_BOTTOM))
    {
      int popover_min, popover_width, contents_width;
      int ignored = -1;

      parent_class->measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &popover_min,
                             &popover_width, &ignored, &ignored);
      gtk_widget_measure (contents, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &contents_width,
                          NULL, NULL);
      for_size = MAX (for_size - MAX (popover_width - contents_width, 0), 0);
    }

  parent_class->measure (widget, orientation, for_size, minimum, natural, minimum_baseline,
                         natural_baseline);
}

/**
 * fw_highlight_describe:
 * @annotation: an annotation
 *
 * Builds the sentence a screen reader announces for a highlight: its
 * kind, category (as fw_annotation_dup_category_label() gives it) and
 * reason, e.g. "Loaded term, Delegitimising qualifier: …", and for an
 * automatic flag that it is one.
 *
 * Returns: (transfer full): the description
 */
char *
fw_highlight_describe (const FwAnnotation *annotation)
{
  g_autofree char *category = fw_annotation_dup_category_label (annotation);

  if (annotation->source != FW_SOURCE_PACK)
    /* TRANSLATORS: screen reader text for a highlight found by the
     * program: "KIND, CATEGORY: REASON" */
    return g_strdup_printf (_("Automatic flag: %s, %s: %s"),
                            fw_annotation_kind_to_label (annotation->kind),
                            category, annotation->note);

  /* TRANSLATORS: screen reader text for a highlight: "KIND, CATEGORY: REASON" */
  return g_strdup_printf (_("%s, %s: %s"), fw_annotation_kind_to_label (annotation->kind),
                          category, annotation->note);
}

/**
 * fw_highlight_popover_set_annotation:
 * @self: the popover
 * @annotation: the annotation to explain
 * @span_text: the highlighted text
 *
 * Fills the popover: the kind, the quoted span, the category, why it was
 * flagged (worded as automatic for an automatic flag), a more neutral
 * wording when there is one, who is quoted or cited for an attribution
 * that names its source, and who flagged it. Everything is plain text.
 */
void
fw_highlight_popover_set_annotation (FwHighlightPopover *self,
                                     const FwAnnotation *annotation,
                                     const char         *span_text)
{
  g_autofree char *quote = NULL;
  g_autofree char *category = NULL;
  g_autofree char *neutral = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (FW_IS_HIGHLIGHT_POPOVER (self));

  gtk_label_set_text (self->kind_label, fw_annotation_kind_to_label (annotation->kind));
  /* TRANSLATORS: the highlighted words, in quotation marks */
  quote = g_strdup_printf (_("“%s”"), span_text);
  gtk_label_set_text (self->quote_label, quote);
  category = fw_annotation_dup_category_label (annotation);
  gtk_label_set_text (self->category_label, category);

  if (annotation->source == FW_SOURCE_PACK)
    {
      gtk_label_set_text (self->note_label, annotation->note);
      gtk_label_set_text (self->source_label, _("Annotated by the lesson pack’s authors"));
    }
  else
    {
      g_autofree char *automatic = NULL;

      /* TRANSLATORS: %s is the reason, a full sentence */
      automatic = g_strdup_printf (_("Flagged automatically because: %s"), annotation->note);
      gtk_label_set_text (self->note_label, automatic);
      gtk_label_set_text (self->source_label,
                          _("Automatic flags can be wrong: check them against the text"));
    }

  if (annotation->neutral != NULL)
    {
      /* TRANSLATORS: %s is an alternative wording */
      neutral = g_strdup_printf (_("More neutral: %s"), annotation->neutral);
      gtk_label_set_text (self->neutral_label, neutral);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->neutral_label), annotation->neutral != NULL);

  if (annotation->speaker != NULL)
    {
      g_autofree char *speaker = NULL;

      /* TRANSLATORS: %s names the person or body a claim is attributed to */
      speaker = g_strdup_printf (_("Quoted or cited: %s"), annotation->speaker);
      gtk_label_set_text (self->speaker_label, speaker);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->speaker_label), annotation->speaker != NULL);

  description = fw_highlight_describe (annotation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fw_annotation_kind_to_label (annotation->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * fw_highlight_popover_dup_text:
 * @self: the popover
 *
 * Returns: (transfer full): the text of the visible labels, one per line,
 *   for tests
 */
char *
fw_highlight_popover_dup_text (FwHighlightPopover *self)
{
  GtkLabel *labels[] = {
    self->kind_label, self->quote_label, self->category_label, self->note_label,
    self->neutral_label, self->speaker_label, self->source_label
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])))
      g_string_append_printf (out, "%s\n", gtk_label_get_text (labels[i]));

  return g_string_free (out, FALSE);
}

/**
 * fw_highlight_popover_get_natural_height:
 * @self: the popover
 *
 * Measures how tall the popover will be with what it holds now, at its
 * natural width, arrow and shadow included, whether or not it is shown
 * (GTK measures a hidden widget as 0 by 0). The reader uses it to open the
 * popover above a highlight when it does not fit below.
 *
 * Returns: the natural height, in pixels
 */
int
fw_highlight_popover_get_natural_height (FwHighlightPopover *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int minimum, width, height;
  int ignored = -1;

  g_return_val_if_fail (FW_IS_HIGHLIGHT_POPOVER (self), 0);

  fw_highlight_popover_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &width,
                                &ignored, &ignored);
  fw_highlight_popover_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &height,
                                &ignored, &ignored);

  return height;
}

/**
 * fw_highlight_popover_new:
 *
 * Returns: (transfer full): a new popover that explains a highlight
 */
GtkWidget *
fw_highlight_popover_new (void)
{
  return g_object_new (FW_TYPE_HIGHLIGHT_POPOVER, NULL);
}

static void
fw_highlight_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FW_TYPE_HIGHLIGHT_POPOVER);

  G_OBJECT_CLASS (fw_highlight_popover_parent_class)->dispose (object);
}

static void
fw_highlight_popover_class_init (FwHighlightPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_highlight_popover_dispose;
  widget_class->measure = fw_highlight_popover_measure;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-highlight-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, FwHighlightPopover, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FwHighlightPopover, quote_label);
  gtk_widget_class_bind_template_child (widget_class, FwHighlightPopover, category_label);
  gtk_widget_class_bind_template_child (widget_class, FwHighlightPopover, note_label);
  gtk_widget_class_bind_template_child (widget_class, FwHighlightPopover, neutral_label);
  gtk_widget_class_bind_template_child (widget_class, FwHighlightPopover, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, FwHighlightPopover, source_label);
}

static void
fw_highlight_popover_init (FwHighlightPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
