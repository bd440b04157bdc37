/* fw-reader-page.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fw-application.h"
#include "fw-byline-card.h"
#include "fw-compat.h"
#include "fw-highlight-popover.h"
#include "fw-reader-page.h"

/* The reader shows a piece's byline above its text and highlights the
 * annotations. Each kind of highlight has one GtkTextTag, shared by all of
 * its spans, and the kinds differ in shape as well as colour (a filled
 * marker, a wavy underline, a double underline, a single underline), so
 * that they can be told apart without colour vision. */

struct _FwReaderPage
{
  GtkWidget parent_instance;

  FwPiece *piece;
  GPtrArray *annotations;
  GtkTextTag *tags[FW_N_ANNOTATION_KINDS];
  GtkTextTag *current_tag;
  GtkTextTag *body_tag;
  GtkWidget *popover;
  GSettings *settings;
  const FwAnnotation *current;

  GtkScrolledWindow *scrolled_window;
  FwBylineCard *byline_card;
  GtkLabel *teacher_note;
  GtkTextView *text_view;
  GtkToggleButton *loaded_toggle;
  GtkToggleButton *assertion_toggle;
  GtkToggleButton *contested_toggle;
  GtkToggleButton *attribution_toggle;
};

G_DEFINE_FINAL_TYPE (FwReaderPage, fw_reader_page, GTK_TYPE_WIDGET)

static const char * const tag_names[FW_N_ANNOTATION_KINDS] = {
  "loaded-term", "unsupported-assertion", "attribution", "frame-cue", "contested-name"
};

static gboolean
kind_visible (FwReaderPage     *self,
              FwAnnotationKind  kind)
{
  switch (kind)
    {
    case FW_ANNOTATION_LOADED_TERM:
      return gtk_toggle_button_get_active (self->loaded_toggle);
    case FW_ANNOTATION_UNSUPPORTED_ASSERTION:
      return gtk_toggle_button_get_active (self->assertion_toggle);
    case FW_ANNOTATION_CONTESTED_NAME:
      return gtk_toggle_button_get_active (self->contested_toggle);
    case FW_ANNOTATION_ATTRIBUTION:
      return gtk_toggle_button_get_active (self->attribution_toggle);
    case FW_ANNOTATION_FRAME_CUE:
    default:
      return FALSE;
    }
}

static void
update_tag_colors (FwReaderPage *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  gboolean contrast = adw_style_manager_get_high_contrast (style);
  GdkRGBA marker, wavy, doubled, single, current, black;

  /* Colours from the GNOME palette; dark variants keep the text legible on
   * a dark background. High contrast makes the marker and the current
   * highlight opaque with black text on them (about 14:1 and 12:1), and
   * takes the darkest or lightest underline colours. The legend's swatches
   * follow the same rules in style*.css. */
  gdk_rgba_parse (&black, "#000000");
  if (contrast)
    {
      gdk_rgba_parse (&marker, "#f6d32d");
      gdk_rgba_parse (&wavy, dark ? "#ffa094" : "#a51d2d");
      gdk_rgba_parse (&doubled, dark ? "#b9d6f7" : "#1a5fb4");
      gdk_rgba_parse (&single, dark ? "#a8f5b9" : "#26a269");
      gdk_rgba_parse (&current, "#99c1f1");
    }
  else
    {
      gdk_rgba_parse (&marker, dark ? "rgba(229,165,10,0.45)" : "rgba(246,211,45,0.55)");
      gdk_rgba_parse (&wavy, dark ? "#ff7b63" : "#c01c28");
      gdk_rgba_parse (&doubled, dark ? "#99c1f1" : "#1a5fb4");
      gdk_rgba_parse (&single, dark ? "#8ff0a4" : "#26a269");
      gdk_rgba_parse (&current, dark ? "rgba(120,174,237,0.45)" : "rgba(53,132,228,0.30)");
    }

  g_object_set (self->tags[FW_ANNOTATION_LOADED_TERM], "background-rgba", &marker,
                "foreground-rgba", contrast ? &black : NULL, NULL);
  g_object_set (self->tags[FW_ANNOTATION_UNSUPPORTED_ASSERTION], "underline-rgba", &wavy, NULL);
  g_object_set (self->tags[FW_ANNOTATION_CONTESTED_NAME], "underline-rgba", &doubled, NULL);
  g_object_set (self->tags[FW_ANNOTATION_ATTRIBUTION], "underline-rgba", &single, NULL);
  g_object_set (self->current_tag, "background-rgba", &current,
                "foreground-rgba", contrast ? &black : NULL, NULL);
}

static void
create_tags (FwReaderPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  self->tags[FW_ANNOTATION_LOADED_TERM] =
    gtk_text_buffer_create_tag (buffer, tag_names[FW_ANNOTATION_LOADED_TERM],
                                "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  self->tags[FW_ANNOTATION_UNSUPPORTED_ASSERTION] =
    gtk_text_buffer_create_tag (buffer, tag_names[FW_ANNOTATION_UNSUPPORTED_ASSERTION],
                                "underline", PANGO_UNDERLINE_ERROR_LINE, NULL);
  self->tags[FW_ANNOTATION_CONTESTED_NAME] =
    gtk_text_buffer_create_tag (buffer, tag_names[FW_ANNOTATION_CONTESTED_NAME],
                                "underline", PANGO_UNDERLINE_DOUBLE_LINE, NULL);
  self->tags[FW_ANNOTATION_ATTRIBUTION] =
    gtk_text_buffer_create_tag (buffer, tag_names[FW_ANNOTATION_ATTRIBUTION],
                                "underline", PANGO_UNDERLINE_SINGLE_LINE, NULL);
  self->tags[FW_ANNOTATION_FRAME_CUE] =
    gtk_text_buffer_create_tag (buffer, tag_names[FW_ANNOTATION_FRAME_CUE], NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "current-highlight", NULL);
  /* One tag over the whole text carries the reader's text size and letter
   * spacing, so highlights keep their own look on top of it. */
  self->body_tag = gtk_text_buffer_create_tag (buffer, "body", NULL);
  gtk_text_tag_set_priority (self->body_tag, 0);
  gtk_text_tag_set_priority (self->current_tag,
                             gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer))
                             - 1);
  update_tag_colors (self);
}

static void
apply_kind (FwReaderPage     *self,
            FwAnnotationKind  kind)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (a->kind != kind)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) a->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) a->end);
      gtk_text_buffer_apply_tag (buffer, self->tags[kind], &start, &end);
    }
}

static void
clear_current (FwReaderPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  if (self->current == NULL)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) self->current->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) self->current->end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  self->current = NULL;
}

static void
legend_toggled_cb (FwReaderPage    *self,
                   GtkToggleButton *button)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  FwAnnotationKind kind;
  GtkTextIter start, end;

  if (button == self->loaded_toggle)
    kind = FW_ANNOTATION_LOADED_TERM;
  else if (button == self->assertion_toggle)
    kind = FW_ANNOTATION_UNSUPPORTED_ASSERTION;
  else if (button == self->contested_toggle)
    kind = FW_ANNOTATION_CONTESTED_NAME;
  else
    kind = FW_ANNOTATION_ATTRIBUTION;

  if (self->current != NULL && self->current->kind == kind)
    clear_current (self);

  if (gtk_toggle_button_get_active (button))
    {
      apply_kind (self, kind);
    }
  else
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->tags[kind], &start, &end);
    }
}

/**
 * fw_reader_page_get_annotation_at:
 * @self: the reader page
 * @offset: a code-point offset into the piece text
 *
 * Finds the visible highlight under @offset. Where highlights nest (a
 * loaded term inside an unsupported assertion), the innermost wins, since
 * that is what a click on a word means.
 *
 * Returns: (transfer none) (nullable): the annotation, or %NULL
 */
const FwAnnotation *
fw_reader_page_get_annotation_at (FwReaderPage *self,
                                  guint         offset)
{
  const FwAnnotation *best = NULL;

  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);

  if (self->annotations == NULL)
    return NULL;

  /* Annotations are sorted by start; only those starting at or before
   * @offset can cover it. */
  for (guint i = 0; i < self->annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (a->start > offset)
        break;
      if (offset < a->end && kind_visible (self, a->kind)
          && (best == NULL || a->end - a->start < best->end - best->start))
        best = a;
    }

  return best;
}

static void
show_popover (FwReaderPage       *self,
              const FwAnnotation *annotation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = fw_piece_dup_span_text (self->piece, annotation->start, annotation->end);
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  fw_highlight_popover_set_annotation (FW_HIGHLIGHT_POPOVER (self->popover), annotation, text);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) annotation->start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  rect.x = x;
  rect.y = y;
  rect.width = MAX (rect.width, 8);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/**
 * fw_reader_page_open_highlight_at:
 * @self: the reader page
 * @offset: a code-point offset into the piece text
 *
 * Opens the popover that explains the highlight under @offset, as a click
 * or Enter does.
 *
 * Returns: %TRUE when there was a visible highlight to explain
 */
gboolean
fw_reader_page_open_highlight_at (FwReaderPage *self,
                                  guint         offset)
{
  const FwAnnotation *annotation;

  g_return_val_if_fail (FW_IS_READER_PAGE (self), FALSE);

  annotation = fw_reader_page_get_annotation_at (self, offset);
  if (annotation == NULL)
    return FALSE;

  show_popover (self, annotation);
  return TRUE;
}

static void
click_released_cb (FwReaderPage    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  int bx, by;

  /* A drag that selected text is not a click on a highlight. */
  if (gtk_text_buffer_get_has_selection (buffer) || n_press != 1)
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;

  fw_reader_page_open_highlight_at (self, (guint) gtk_text_iter_get_offset (&iter));
}

static gboolean
key_pressed_cb (FwReaderPage          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  if (self->current != NULL)
    {
      show_popover (self, self->current);
      return TRUE;
    }

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return fw_reader_page_open_highlight_at (self, (guint) gtk_text_iter_get_offset (&iter));
}

/* The text view scrolls together with the byline card above it, inside
 * the page's scrolled window, so gtk_text_view_scroll_to_iter() has no
 * scrolling of its own to do. This moves the page instead, until the span
 * from @start to @end is in view with a margin above and below. */
static void
scroll_to_span (FwReaderPage *self,
                guint         start,
                guint         end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);
  GtkWidget *content;
  GtkTextIter iter;
  GdkRectangle first, last;
  double top, bottom, ignored, value, page, margin;
  int wx, wy;

  if (!GTK_IS_VIEWPORT (viewport))
    return;
  content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) end);
  gtk_text_view_get_iter_location (self->text_view, &iter, &last);

  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         first.x, first.y, &wx, &wy);
  if (!fw_compat_translate_point (GTK_WIDGET (self->text_view), content, wx, wy,
                                  &ignored, &top))
    return;
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         last.x, last.y + last.height, &wx, &wy);
  if (!fw_compat_translate_point (GTK_WIDGET (self->text_view), content, wx, wy,
                                  &ignored, &bottom))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  margin = MIN (page / 5, 3 * first.height);

  /* The adjustment clamps the value to the scrollable range. */
  if (top < value + margin || bottom - top > page - 2 * margin)
    gtk_adjustment_set_value (adjustment, top - margin);
  else if (bottom > value + page - margin)
    gtk_adjustment_set_value (adjustment, bottom - page + margin);
}

/**
 * fw_reader_page_focus_highlight:
 * @self: the reader page
 * @direction: 1 for the next visible highlight after the cursor, -1 for
 *   the previous one
 *
 * Moves the cursor to the next or previous visible highlight, marks it,
 * scrolls it into view and gives it to screen readers as the text view's
 * description. Enter then opens its popover.
 *
 * Returns: %TRUE when there was a highlight in that direction
 */
gboolean
fw_reader_page_focus_highlight (FwReaderPage *self,
                                int           direction)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const FwAnnotation *target = NULL;
  g_autofree char *description = NULL;
  GtkTextIter iter, end;
  guint cursor;

  g_return_val_if_fail (FW_IS_READER_PAGE (self), FALSE);

  if (self->annotations == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor = (guint) gtk_text_iter_get_offset (&iter);

  for (guint k = 0; k < self->annotations->len; k++)
    {
      guint i = direction > 0 ? k : self->annotations->len - 1 - k;
      const FwAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (!kind_visible (self, a->kind) || a == self->current)
        continue;

      if ((direction > 0 && (a->start > cursor || (self->current == NULL && a->start == cursor)))
          || (direction < 0 && a->start < cursor))
        {
          target = a;
          break;
        }
    }

  if (target == NULL)
    return FALSE;

  clear_current (self);
  self->current = target;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) target->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) target->end);
  gtk_text_buffer_apply_tag (buffer, self->current_tag, &iter, &end);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  scroll_to_span (self, target->start, target->end);

  description = fw_highlight_describe (target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return TRUE;
}

/* The piece's teacher note shows in teacher mode only. */
static void
update_teacher_note (FwReaderPage *self)
{
  const char *note = self->piece != NULL ? fw_piece_get_teacher_note (self->piece) : NULL;

  gtk_label_set_text (self->teacher_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->teacher_note),
                          note != NULL && self->settings != NULL
                          && g_settings_get_boolean (self->settings, "teacher-mode"));
}

/**
 * fw_reader_page_set_piece:
 * @self: the reader page
 * @piece: (nullable): the piece to show
 *
 * Shows @piece: its byline, its text as plain text, and its annotations
 * as highlights of the kinds the legend shows.
 */
void
fw_reader_page_set_piece (FwReaderPage *self,
                          FwPiece      *piece)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (FW_IS_READER_PAGE (self));

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  self->current = NULL;
  g_set_object (&self->piece, piece);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  fw_byline_card_set_piece (self->byline_card, piece);
  update_teacher_note (self);

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* gtk_text_buffer_set_text() inserts plain text: no markup is parsed. */
  gtk_text_buffer_set_text (buffer, piece ? fw_piece_get_text (piece) : "", -1);

  if (piece == NULL)
    return;

  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_apply_tag (buffer, self->body_tag, &start, &end);
  }

  self->annotations = g_ptr_array_ref (fw_piece_get_annotations (piece));
  for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
    if (kind_visible (self, (FwAnnotationKind) k))
      apply_kind (self, (FwAnnotationKind) k);

  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

/**
 * fw_reader_page_get_piece:
 * @self: the reader page
 *
 * Returns: (transfer none) (nullable): the piece shown
 */
FwPiece *
fw_reader_page_get_piece (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);
  return self->piece;
}

/**
 * fw_reader_page_get_byline_card:
 * @self: the reader page
 *
 * Returns: (transfer none): the byline card
 */
GtkWidget *
fw_reader_page_get_byline_card (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);
  return GTK_WIDGET (self->byline_card);
}

/**
 * fw_reader_page_get_text_view:
 * @self: the reader page
 *
 * Returns: (transfer none): the text view showing the piece
 */
GtkTextView *
fw_reader_page_get_text_view (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);
  return self->text_view;
}

/**
 * fw_reader_page_get_popover:
 * @self: the reader page
 *
 * Returns: (transfer none): the popover that explains highlights
 */
GtkWidget *
fw_reader_page_get_popover (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);
  return self->popover;
}

/**
 * fw_reader_page_count_tagged:
 * @self: the reader page
 * @kind: a highlight kind
 *
 * Counts the separate runs of text that carry @kind's tag, for tests.
 *
 * Returns: the number of tagged runs
 */
guint
fw_reader_page_count_tagged (FwReaderPage     *self,
                             FwAnnotationKind  kind)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  guint n = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (gtk_text_iter_starts_tag (&iter, self->tags[kind]))
    n++;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, self->tags[kind]))
    if (gtk_text_iter_starts_tag (&iter, self->tags[kind]))
      n++;

  return n;
}

static void
update_text_appearance (FwReaderPage *self)
{
  int percent = g_settings_get_int (self->settings, "text-size");
  double spacing = g_settings_get_double (self->settings, "line-spacing");
  gboolean dyslexia = g_settings_get_boolean (self->settings, "dyslexia-friendly");
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontDescription *font = pango_context_get_font_description (context);
  double base_px = 11.0 * 96.0 / 72.0;
  double size_px;
  int gap;

  if (font != NULL && pango_font_description_get_size (font) > 0)
    base_px = pango_font_description_get_size (font) / (double) PANGO_SCALE * 96.0 / 72.0;

  /* Line spacing is applied as extra pixels between wrapped lines and
   * paragraphs, computed from the text's size so that the multiple holds
   * at any text size. */
  if (dyslexia)
    spacing = MAX (spacing, 1.8);
  size_px = base_px * 1.1 * percent / 100.0;
  gap = (int) (size_px * (spacing - 1.0) + 0.5);

  g_object_set (self->body_tag,
                "scale", 1.1 * percent / 100.0,
                "letter-spacing", dyslexia ? (int) (0.12 * size_px * PANGO_SCALE) : 0,
                NULL);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, gap);
  gtk_text_view_set_pixels_below_lines (self->text_view, gap + (int) (size_px * 0.8));
  gtk_text_view_set_justification (self->text_view, GTK_JUSTIFY_LEFT);
}

/**
 * fw_reader_page_bind_settings:
 * @self: the reader page
 * @settings: the application's settings
 *
 * Binds the legend's toggles to the highlight keys of @settings (in both
 * directions) and follows the text size, line spacing and dyslexia-friendly
 * keys.
 */
void
fw_reader_page_bind_settings (FwReaderPage *self,
                              GSettings    *settings)
{
  static const char * const appearance_keys[] = {
    "changed::text-size", "changed::line-spacing", "changed::dyslexia-friendly"
  };

  g_return_if_fail (FW_IS_READER_PAGE (self));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "show-loaded-terms", self->loaded_toggle, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-unsupported-assertions", self->assertion_toggle, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-contested-names", self->contested_toggle, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "show-attributions", self->attribution_toggle, "active",
                   G_SETTINGS_BIND_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (appearance_keys); i++)
    g_signal_connect_object (settings, appearance_keys[i], G_CALLBACK (update_text_appearance),
                             self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::teacher-mode", G_CALLBACK (update_teacher_note),
                           self, G_CONNECT_SWAPPED);
  update_text_appearance (self);
  update_teacher_note (self);
}

static void
style_changed_cb (FwReaderPage *self)
{
  update_tag_colors (self);
}

static void
fw_reader_page_dispose (GObject *object)
{
  FwReaderPage *self = FW_READER_PAGE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->piece);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_READER_PAGE);

  G_OBJECT_CLASS (fw_reader_page_parent_class)->dispose (object);
}

static void
fw_reader_page_class_init (FwReaderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_reader_page_dispose;

  g_type_ensure (FW_TYPE_BYLINE_CARD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-reader-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, byline_card);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, teacher_note);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, loaded_toggle);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, assertion_toggle);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, contested_toggle);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, attribution_toggle);
}

static void
fw_reader_page_init (FwReaderPage *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkToggleButton *toggles[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  toggles[0] = self->loaded_toggle;
  toggles[1] = self->assertion_toggle;
  toggles[2] = self->contested_toggle;
  toggles[3] = self->attribution_toggle;

  create_tags (self);
  g_signal_connect_swapped (style, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);

  self->popover = fw_highlight_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self->text_view));

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      /* The legend wraps in a flow box on narrow windows; its cells only
       * hold the toggles, which take the keyboard focus themselves. */
      gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (toggles[i])), FALSE);
      g_signal_connect_swapped (toggles[i], "toggled", G_CALLBACK (legend_toggled_cb), self);
    }
}
