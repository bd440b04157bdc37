/* fw-reading-style.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-reading-style.h"

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
