/* fw-reading-style.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-reading-style.h"

/* The typography classes that libadwaita 1.2 sets in points, not relative
 * to the font around them (src/stylesheet/_labels.scss), with their sizes. */
static const struct
{
  const char *css_class;
  double points;
} fixed_sizes[] = {
  { "title-2", 15.0 },
  { "title-3", 15.0 },
  { "title-4", 13.0 },
  { "heading", 11.0 },
  { "body", 11.0 },
  { "caption-heading", 9.0 },
  { "caption", 9.0 },
};

/**
 * fw_reading_style_apply:
 * @view: a text view showing reading text
 * @body_tag: the tag that covers the text to style, in @view's buffer
 * @settings: the application's settings, with the `text-size` (percent),
 *   `line-spacing` (a multiple of the line height) and `dyslexia-friendly`
 *   keys
 *
 * Sets the reading text of @view as the student's reading preferences
 * say: @body_tag gets the scale (FW_READING_TEXT_SCALE times the text
 * size) and, for dyslexia-friendly text, letter spacing of 0.12 em; the
 * view gets the line spacing as extra pixels between wrapped lines and
 * paragraphs, computed from the text's size so that the multiple holds at
 * any text size. Dyslexia-friendly text has a line spacing of at least
 * 1.8: the 0.12 em letter and 1.5–2 line spacing follow the British
 * Dyslexia Association's Dyslexia Style Guide (2023) and WCAG 2.1 SC
 * 1.4.12 Text Spacing.
 */
void
fw_reading_style_apply (GtkTextView *view,
                        GtkTextTag  *body_tag,
                        GSettings   *settings)
{
  int percent;
  double spacing;
  gboolean dyslexia;
  PangoContext *context;
  PangoFontDescription *font;
  double base_px = 11.0 * 96.0 / 72.0;
  double size_px;
  int gap;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (GTK_IS_TEXT_TAG (body_tag));
  g_return_if_fail (G_IS_SETTINGS (settings));

  percent = g_settings_get_int (settings, "text-size");
  spacing = g_settings_get_double (settings, "line-spacing");
  dyslexia = g_settings_get_boolean (settings, "dyslexia-friendly");
  context = gtk_widget_get_pango_context (GTK_WIDGET (view));
  font = pango_context_get_font_description (context);
  if (font != NULL && pango_font_description_get_size (font) > 0)
    base_px = pango_font_description_get_size (font) / (double) PANGO_SCALE * 96.0 / 72.0;

  if (dyslexia)
    spacing = MAX (spacing, 1.8);
  size_px = base_px * FW_READING_TEXT_SCALE * percent / 100.0;
  gap = (int) (size_px * (spacing - 1.0) + 0.5);

  g_object_set (body_tag,
                "scale", FW_READING_TEXT_SCALE * percent / 100.0,
                "letter-spacing", dyslexia ? (int) (0.12 * size_px * PANGO_SCALE) : 0,
                NULL);
  gtk_text_view_set_pixels_inside_wrap (view, gap);
  gtk_text_view_set_pixels_below_lines (view, gap + (int) (size_px * 0.8));
}

/**
 * fw_reading_style_dup_header_css:
 * @css_class: the style class of the widget that holds the reading
 *   header (the byline, teacher note, summary and legend), without the dot
 * @percent: the `text-size` setting, in percent of the normal size
 *   (80–200)
 *
 * Builds the style sheet that scales the reading header with the text
 * size, so that its notes, counts and legend stay in proportion to the
 * piece's text: the header's font size becomes @percent of the normal
 * size, which the labels inside it follow, and libadwaita's typography
 * classes, which are set in points (`title-2`, `heading`, `caption` and
 * the like), get the same scale. Numbers are written in the C locale.
 *
 * Returns: (transfer full) (nullable): the CSS, or %NULL when @percent is
 *   100 and the header needs no style of its own
 */
char *
fw_reading_style_dup_header_css (const char *css_class,
                                 int         percent)
{
  double scale = percent / 100.0;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  GString *css;

  g_return_val_if_fail (css_class != NULL, NULL);

  if (percent == 100)
    return NULL;

  css = g_string_new (NULL);
  g_ascii_formatd (number, sizeof number, "%.1f", 100.0 * scale);
  g_string_append_printf (css, ".%s { font-size: %s%%; }\n", css_class, number);
  for (guint i = 0; i < G_N_ELEMENTS (fixed_sizes); i++)
    {
      g_ascii_formatd (number, sizeof number, "%.2f", fixed_sizes[i].points * scale);
      g_string_append_printf (css, ".%s .%s { font-size: %spt; }\n", css_class,
                              fixed_sizes[i].css_class, number);
    }

  return g_string_free (css, FALSE);
}
