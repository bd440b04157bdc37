/* fw-reader-page.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fw-analyzer.h"
#include "fw-application.h"
#include "fw-byline-card.h"
#include "fw-compat.h"
#include "fw-highlight-popover.h"
#include "fw-piece-summary.h"
#include "fw-reader-page.h"
#include "fw-reading-style.h"
#include "fw-tag-applier.h"

/* The reader shows a piece's byline, a summary and the legend above its
 * text, and highlights the pack's annotations and the automatic flags.
 *
 * The text view is the scrolled window's own child, so that GTK lays out
 * only the lines in view and validates the rest in the background: a long
 * piece opens as fast as a short one. The header widgets sit in a child
 * anchor at the start of the buffer and scroll away with the text; the
 * buffer therefore holds HEADER_CHARS characters before the piece, and
 * every piece offset goes through piece_iter() and piece_offset(). The
 * body tag, which sets the reading size, covers the header's line feed as
 * well as the piece, and highlights stop at line ends, so that every line
 * ends in the style the next one starts in: GTK 4.8 may draw the start of
 * a line in the style another line ended in (see fw-tag-applier.c).
 *
 * Each style of highlight has one GtkTextTag, shared by all of its spans,
 * and the styles differ in shape as well as colour, so that they can be
 * told apart without colour vision: loaded terms a filled marker,
 * unsupported assertions a wavy underline, contested names a double
 * underline, attributions a single underline. Automatic flags add a line
 * over the text and a lighter colour. Highlights are applied in bounded
 * idle slices by an FwTagApplier, the top of the piece first.
 *
 * The automatic analysis runs in a worker thread once the piece has been
 * painted; opening another piece cancels it, and a result that arrives for
 * a piece no longer shown is dropped. */

/* The anchor holding the header, and the line feed after it. */
#define HEADER_CHARS 2

/* The reading column: at most this wide, in pixels, centred, and at least
 * MIN_MARGIN from the page's edges. 760 pixels less the margins holds about
 * 75 characters a line at the reader's text size. */
#define MAX_COLUMN 724
#define MIN_MARGIN 18

/* How long set_piece() may apply highlights before the first frame, in
 * microseconds: enough for a piece of ordinary length, and for the first
 * screen of a long one. */
#define FIRST_SLICE_USEC 8000

struct _FwReaderPage
{
  GtkWidget parent_instance;

  FwPack *pack;
  FwPiece *piece;
  GPtrArray *annotations;     /* const FwAnnotation *: the piece's and the automatic ones */
  GPtrArray *automatic;       /* (owned) FwAnnotation: automatic ones kept by the merge */
  GCancellable *cancellable;  /* of the current piece's analysis */
  GdkFrameClock *frame_clock; /* while the analysis waits for the first frame */
  gulong after_paint_id;
  gboolean analysing;
  gboolean waiting_for_map;   /* the analysis waits for the page to be shown */
  gboolean busy;
  FwTagApplier *applier;
  GtkTextTag *tags[FW_N_ANNOTATION_KINDS];
  GtkTextTag *automatic_tags[FW_N_ANNOTATION_KINDS];
  GtkTextTag *current_tag;
  GtkTextTag *body_tag;
  GtkTextMark *scroll_mark;
  GtkWidget *popover;
  gboolean holds_header_css;  /* uses the display's header style sheet (size not 100%) */
  GSettings *settings;
  const FwAnnotation *current;

  GtkScrolledWindow *scrolled_window;
  GtkTextView *text_view;
  GtkWidget *header;
  FwBylineCard *byline_card;
  GtkWidget *teacher_note_box;
  GtkLabel *teacher_note;
  FwPieceSummary *summary;
  GtkToggleButton *loaded_toggle;
  GtkToggleButton *assertion_toggle;
  GtkToggleButton *contested_toggle;
  GtkToggleButton *attribution_toggle;
  GtkToggleButton *automatic_toggle;
};

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FwReaderPage, fw_reader_page, GTK_TYPE_WIDGET)

static const char * const tag_names[FW_N_ANNOTATION_KINDS] = {
  "loaded-term", "unsupported-assertion", "attribution", "frame-cue", "contested-name"
};

static const char * const automatic_tag_names[FW_N_ANNOTATION_KINDS] = {
  "loaded-term-automatic", "unsupported-assertion-automatic", "attribution-automatic",
  "frame-cue-automatic", "contested-name-automatic"
};

static void
update_busy (FwReaderPage *self)
{
  gboolean busy = self->analysing || fw_tag_applier_get_busy (self->applier);

  if (busy == self->busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The buffer iter at @offset, a code-point offset into the piece text. */
static void
piece_iter (FwReaderPage *self,
            GtkTextIter  *iter,
            guint         offset)
{
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), iter,
                                      (int) (offset + HEADER_CHARS));
}

/* The piece offset of @iter, negative when it is in the header. */
static int
piece_offset (const GtkTextIter *iter)
{
  return gtk_text_iter_get_offset (iter) - HEADER_CHARS;
}

static gboolean
kind_shown (FwReaderPage     *self,
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

static gboolean
automatic_shown (FwReaderPage *self)
{
  return gtk_toggle_button_get_active (self->automatic_toggle);
}

static gboolean
is_visible (FwReaderPage       *self,
            const FwAnnotation *a)
{
  return kind_shown (self, a->kind) && (a->source == FW_SOURCE_PACK || automatic_shown (self));
}

static GtkTextTag *
tag_for (FwReaderPage       *self,
         const FwAnnotation *a)
{
  return a->source == FW_SOURCE_PACK ? self->tags[a->kind] : self->automatic_tags[a->kind];
}

static void
update_tag_colors (FwReaderPage *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  gboolean contrast = adw_style_manager_get_high_contrast (style);
  GdkRGBA marker, wavy, doubled, single, current, black;
  GdkRGBA auto_marker, auto_wavy, auto_doubled, auto_single;

  /* Colours from the GNOME palette; dark variants keep the text legible on
   * a dark background. High contrast makes the marker and the current
   * highlight opaque with black text on them (about 14:1 and 12:1), and
   * takes the darkest or lightest underline colours. The legend's swatches
   * follow the same rules in style*.css. Automatic flags take a lighter
   * shade of their kind's colour. */
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
  gdk_rgba_parse (&auto_marker, dark ? "rgba(229,165,10,0.22)" : "rgba(246,211,45,0.28)");
  gdk_rgba_parse (&auto_wavy, dark ? "#f66151" : "#e66100");
  gdk_rgba_parse (&auto_doubled, dark ? "#62a0ea" : "#3584e4");
  gdk_rgba_parse (&auto_single, dark ? "#57e389" : "#2ec27e");
  if (contrast)
    {
      auto_marker.alpha = 0.5;
    }

  g_object_set (self->tags[FW_ANNOTATION_LOADED_TERM], "background-rgba", &marker,
                "foreground-rgba", contrast ? &black : NULL, NULL);
  g_object_set (self->tags[FW_ANNOTATION_UNSUPPORTED_ASSERTION], "underline-rgba", &wavy, NULL);
  g_object_set (self->tags[FW_ANNOTATION_CONTESTED_NAME], "underline-rgba", &doubled, NULL);
  g_object_set (self->tags[FW_ANNOTATION_ATTRIBUTION], "underline-rgba", &single, NULL);
  g_object_set (self->automatic_tags[FW_ANNOTATION_LOADED_TERM],
                "background-rgba", &auto_marker, NULL);
  g_object_set (self->automatic_tags[FW_ANNOTATION_UNSUPPORTED_ASSERTION],
                "underline-rgba", &auto_wavy, NULL);
  g_object_set (self->automatic_tags[FW_ANNOTATION_CONTESTED_NAME],
                "underline-rgba", &auto_doubled, NULL);
  g_object_set (self->automatic_tags[FW_ANNOTATION_ATTRIBUTION],
                "underline-rgba", &auto_single, NULL);
  g_object_set (self->current_tag, "background-rgba", &current,
                "foreground-rgba", contrast ? &black : NULL, NULL);
}

static void
create_tags (FwReaderPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* One tag over the whole piece carries the reader's text size and
   * letter spacing, so highlights keep their own look on top of it. */
  self->body_tag = gtk_text_buffer_create_tag (buffer, "body", NULL);

  /* Tags created later win where two set the same attribute: the pack's
   * highlights over automatic ones, the current highlight over all. The
   * automatic styles are the pack's shape of the same kind plus a line
   * over the text, so that "automatic" reads without colour too. The line
   * takes the text's colour: GTK 4.8 frees a tag's overline-rgba twice
   * when tags combine. */
  self->automatic_tags[FW_ANNOTATION_LOADED_TERM] =
    gtk_text_buffer_create_tag (buffer, automatic_tag_names[FW_ANNOTATION_LOADED_TERM],
                                "overline", PANGO_OVERLINE_SINGLE, NULL);
  self->automatic_tags[FW_ANNOTATION_UNSUPPORTED_ASSERTION] =
    gtk_text_buffer_create_tag (buffer, automatic_tag_names[FW_ANNOTATION_UNSUPPORTED_ASSERTION],
                                "underline", PANGO_UNDERLINE_ERROR_LINE,
                                "overline", PANGO_OVERLINE_SINGLE, NULL);
  self->automatic_tags[FW_ANNOTATION_CONTESTED_NAME] =
    gtk_text_buffer_create_tag (buffer, automatic_tag_names[FW_ANNOTATION_CONTESTED_NAME],
                                "underline", PANGO_UNDERLINE_DOUBLE_LINE,
                                "overline", PANGO_OVERLINE_SINGLE, NULL);
  self->automatic_tags[FW_ANNOTATION_ATTRIBUTION] =
    gtk_text_buffer_create_tag (buffer, automatic_tag_names[FW_ANNOTATION_ATTRIBUTION],
                                "underline", PANGO_UNDERLINE_SINGLE_LINE,
                                "overline", PANGO_OVERLINE_SINGLE, NULL);
  self->automatic_tags[FW_ANNOTATION_FRAME_CUE] =
    gtk_text_buffer_create_tag (buffer, automatic_tag_names[FW_ANNOTATION_FRAME_CUE], NULL);

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
  update_tag_colors (self);
}

/* Queues the visible highlights of @annotations, in reading order, and
 * applies them in idle slices: those of @kind only, unless it is -1, and
 * of the pack only (@source FW_SOURCE_PACK), automatic ones only (any
 * other source) or both (-1). */
static void
queue_highlights (FwReaderPage *self,
                  GPtrArray    *annotations,
                  int           kind,
                  int           source)
{
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);

      if ((kind >= 0 && a->kind != (FwAnnotationKind) kind)
          || (source == FW_SOURCE_PACK && a->source != FW_SOURCE_PACK)
          || (source > FW_SOURCE_PACK && a->source == FW_SOURCE_PACK)
          || !is_visible (self, a))
        continue;

      fw_tag_applier_push (self->applier, tag_for (self, a), a->start, a->end);
    }
  fw_tag_applier_schedule (self->applier);
  update_busy (self);
}

/* Takes @tag off the whole piece, and out of the queue. */
static void
remove_tag (FwReaderPage *self,
            GtkTextTag   *tag)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  fw_tag_applier_drop (self->applier, tag);
  piece_iter (self, &start, 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  update_busy (self);
}

static void
clear_current (FwReaderPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  if (self->current == NULL)
    return;

  piece_iter (self, &start, self->current->start);
  piece_iter (self, &end, self->current->end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  self->current = NULL;
}

static void
legend_toggled_cb (FwReaderPage    *self,
                   GtkToggleButton *button)
{
  FwAnnotationKind kind;

  if (button == self->automatic_toggle)
    {
      gboolean shown = automatic_shown (self);

      if (self->current != NULL && self->current->source != FW_SOURCE_PACK)
        clear_current (self);
      if (shown)
        queue_highlights (self, self->annotations, -1, FW_SOURCE_LEXICON);
      else
        for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
          remove_tag (self, self->automatic_tags[k]);
      fw_piece_summary_set_show_automatic (self->summary, shown);
      return;
    }

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
      queue_highlights (self, self->annotations, (int) kind, -1);
    }
  else
    {
      remove_tag (self, self->tags[kind]);
      remove_tag (self, self->automatic_tags[kind]);
    }
}

/**
 * fw_reader_page_get_annotation_at:
 * @self: the reader page
 * @offset: a code-point offset into the piece text
 *
 * Finds the visible highlight under @offset, the pack's or an automatic
 * one. Where highlights nest (a loaded term inside an unsupported
 * assertion), the innermost wins, since that is what a click on a word
 * means; between two of the same length, the pack's.
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
      guint length = a->end - a->start;

      if (a->start > offset)
        break;
      if (offset >= a->end || !is_visible (self, a))
        continue;
      if (best == NULL || length < best->end - best->start
          || (length == best->end - best->start && a->source == FW_SOURCE_PACK
              && best->source != FW_SOURCE_PACK))
        best = a;
    }

  return best;
}

/* Whether the popover, at its natural height, fits between the line at
 * @rect (in the text view's coordinates) and the bottom of the window, or
 * has at least as much room there as above the line. */
static gboolean
popover_fits_below (FwReaderPage       *self,
                    const GdkRectangle *rect)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  graphene_point_t top = GRAPHENE_POINT_INIT (rect->x, rect->y);
  graphene_point_t in_root;
  double above, below;

  if (root == NULL
      || !gtk_widget_compute_point (GTK_WIDGET (self->text_view), root, &top, &in_root))
    return TRUE;

  above = in_root.y;
  below = gtk_widget_get_height (root) - (in_root.y + rect->height);

  return fw_highlight_popover_get_natural_height (FW_HIGHLIGHT_POPOVER (self->popover)) <= below
         || below >= above;
}

/* Opens the popover of @annotation pointing at the character at @at, a
 * code-point offset in the piece: where the student clicked, or the start
 * of the span for the keyboard. The popover opens below that character's
 * line, or above it when it does not fit in the window below and there is
 * more room above. GDK flips a popover only at the edge of the screen, so
 * near the bottom of a window that is not maximised it would hang out of
 * the window, or be cut off by it where the window system confines
 * popovers to their window. */
static void
show_popover (FwReaderPage       *self,
              const FwAnnotation *annotation,
              guint               at)
{
  g_autofree char *text = fw_piece_dup_span_text (self->piece, annotation->start, annotation->end);
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  fw_highlight_popover_set_annotation (FW_HIGHLIGHT_POPOVER (self->popover), annotation, text);

  piece_iter (self, &iter, CLAMP (at, annotation->start, annotation->end - 1));
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  /* A highlight reached by keyboard may still be scrolling into view:
   * point at the nearest edge of the view rather than off screen. */
  rect.x = CLAMP (x, 0, MAX (gtk_widget_get_width (GTK_WIDGET (self->text_view)) - 1, 0));
  rect.y = CLAMP (y, 0, MAX (gtk_widget_get_height (GTK_WIDGET (self->text_view)) - rect.height,
                             0));
  rect.width = MAX (rect.width, 8);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_set_position (GTK_POPOVER (self->popover),
                            popover_fits_below (self, &rect) ? GTK_POS_BOTTOM : GTK_POS_TOP);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/**
 * fw_reader_page_open_highlight_at:
 * @self: the reader page
 * @offset: a code-point offset into the piece text
 *
 * Opens the popover that explains the highlight under @offset, pointing
 * at @offset, as a click there does.
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

  show_popover (self, annotation, offset);
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
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by)
      || piece_offset (&iter) < 0)
    return;

  fw_reader_page_open_highlight_at (self, (guint) piece_offset (&iter));
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
      show_popover (self, self->current, self->current->start);
      return TRUE;
    }

  /* From the keyboard the popover points at the start of the span. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (piece_offset (&iter) < 0)
    return FALSE;
  {
    const FwAnnotation *annotation = fw_reader_page_get_annotation_at (self,
                                                                       (guint) piece_offset (&iter));

    if (annotation == NULL)
      return FALSE;
    show_popover (self, annotation, annotation->start);
    return TRUE;
  }
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
  GtkTextIter iter;
  guint cursor;

  g_return_val_if_fail (FW_IS_READER_PAGE (self), FALSE);

  if (self->annotations == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor = (guint) MAX (piece_offset (&iter), 0);

  for (guint k = 0; k < self->annotations->len; k++)
    {
      guint i = direction > 0 ? k : self->annotations->len - 1 - k;
      const FwAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (!is_visible (self, a) || a == self->current)
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

  fw_tag_applier_apply_range (self->applier, self->current_tag, target->start, target->end);
  piece_iter (self, &iter, target->start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  /* A mark scrolls once its line has been laid out, however far down the
   * piece it is. */
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.15, FALSE, 0.0, 0.0);

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
  gtk_widget_set_visible (self->teacher_note_box,
                          note != NULL && self->settings != NULL
                          && g_settings_get_boolean (self->settings, "teacher-mode"));
}

static void
count_kinds (GPtrArray *annotations,
             guint     *counts)
{
  memset (counts, 0, sizeof (guint) * FW_N_ANNOTATION_KINDS);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    counts[((const FwAnnotation *) g_ptr_array_index (annotations, i))->kind]++;
}

/* The piece's annotations and the automatic ones, in the order of
 * fw_annotation_compare(); both lists are in that order already. */
static GPtrArray *
merge_lists (GPtrArray *teacher,
             GPtrArray *automatic)
{
  guint n_teacher = teacher != NULL ? teacher->len : 0;
  guint n_automatic = automatic != NULL ? automatic->len : 0;
  GPtrArray *merged = g_ptr_array_sized_new (n_teacher + n_automatic);
  guint i = 0, j = 0;

  while (i < n_teacher || j < n_automatic)
    {
      if (j == n_automatic
          || (i < n_teacher && fw_annotation_compare (g_ptr_array_index (teacher, i),
                                                      g_ptr_array_index (automatic, j)) <= 0))
        g_ptr_array_add (merged, g_ptr_array_index (teacher, i++));
      else
        g_ptr_array_add (merged, g_ptr_array_index (automatic, j++));
    }

  return merged;
}

static void
apply_analysis (FwReaderPage *self,
                FwAnalysis   *analysis)
{
  GPtrArray *teacher = fw_piece_get_annotations (self->piece);
  g_autoptr(GPtrArray) merged = fw_analysis_merge_annotations (analysis, teacher);
  guint counts[FW_N_ANNOTATION_KINDS];
  gpointer *all;
  gsize n_all = 0;

  /* Keep the automatic annotations the merge let through; the piece's own
   * stay the piece's, so that pointers to them stay valid. */
  g_clear_pointer (&self->automatic, g_ptr_array_unref);
  self->automatic = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_annotation_free);
  all = g_ptr_array_steal (merged, &n_all);
  for (gsize i = 0; i < n_all; i++)
    {
      FwAnnotation *a = all[i];

      if (a->source == FW_SOURCE_PACK)
        fw_annotation_free (a);
      else
        g_ptr_array_add (self->automatic, a);
    }
  g_free (all);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  self->annotations = merge_lists (teacher, self->automatic);
  queue_highlights (self, self->automatic, -1, FW_SOURCE_LEXICON);

  count_kinds (self->automatic, counts);
  fw_piece_summary_set_analysis (self->summary, counts, fw_analysis_get_frame_profile (analysis),
                                 fw_piece_get_title (self->piece));
}

typedef struct
{
  FwPack *pack;
  FwPiece *piece;
} AnalyzeData;

static void
analyze_data_free (AnalyzeData *data)
{
  g_object_unref (data->pack);
  g_object_unref (data->piece);
  g_free (data);
}

static void
analyze_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AnalyzeData *data = task_data;
  g_autoptr(FwAnalyzer) analyzer = NULL;
  GError *error = NULL;
  FwAnalysis *analysis;

  /* The pack's analyzer is made here the first time, off the main thread:
   * it reads the built-in lexicons and compiles the matcher. */
  analyzer = fw_analyzer_dup_for_pack (data->pack, &error);
  if (analyzer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  analysis = fw_analyzer_analyze_piece (analyzer, data->piece, FW_ANALYSIS_ALL, cancellable,
                                        &error);
  if (analysis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, analysis, g_object_unref);
}

static void
analysis_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FwReaderPage) self = user_data;
  AnalyzeData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalysis) analysis = g_task_propagate_pointer (G_TASK (result), &error);

  /* A cancelled analysis belongs to a piece no longer shown (or to a page
   * being destroyed); so, whatever the timing, does one for another piece. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->piece != self->piece
      || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  self->analysing = FALSE;
  if (analysis != NULL)
    apply_analysis (self, analysis);
  else
    fw_piece_summary_set_failed (self->summary, error->message);
  update_busy (self);
}

static void
run_analysis (FwReaderPage *self)
{
  g_autoptr(GTask) task = NULL;
  AnalyzeData *data;

  data = g_new0 (AnalyzeData, 1);
  data->pack = g_object_ref (self->pack);
  data->piece = g_object_ref (self->piece);

  /* The task has no source object: its last reference may be dropped in
   * the worker thread, and a widget must only be finalized on the main
   * thread. The callback holds the page instead. */
  task = g_task_new (NULL, self->cancellable, analysis_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_analysis);
  g_task_set_name (task, "[framewise] analyse piece");
  g_task_set_task_data (task, data, (GDestroyNotify) analyze_data_free);
  g_task_run_in_thread (task, analyze_thread);
}

static void
first_frame_cb (FwReaderPage  *self,
                GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->frame_clock);
  run_analysis (self);
}

/* Starts the analysis once the mapped page has painted its next frame. */
static void
run_after_next_frame (FwReaderPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      run_analysis (self);
      return;
    }

  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect_swapped (clock, "after-paint",
                                                   G_CALLBACK (first_frame_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Starts the analysis of the piece once the piece has been painted, so
 * that the worker thread does not take the time of a second processor
 * core from the first frame on a machine that has only two. A page not
 * shown yet (the window being built at start-up, or another page in
 * front) waits until it is shown: at start-up the window's first frame
 * needs both cores, for the toolkit and for the display server. */
static void
start_analysis (FwReaderPage *self)
{
  if (self->pack == NULL || self->piece == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->analysing = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->waiting_for_map = TRUE;
  else
    run_after_next_frame (self);
}

static void
cancel_analysis (FwReaderPage *self)
{
  self->waiting_for_map = FALSE;
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->analysing = FALSE;
}

/**
 * fw_reader_page_set_pack:
 * @self: the reader page
 * @pack: (nullable): the pack whose pieces the page shows
 *
 * Sets the pack the pieces come from: its language, lexicons and frames
 * drive the automatic analysis. Without a pack the page shows the pack's
 * annotations only.
 */
void
fw_reader_page_set_pack (FwReaderPage *self,
                         FwPack       *pack)
{
  g_return_if_fail (FW_IS_READER_PAGE (self));
  g_return_if_fail (pack == NULL || FW_IS_PACK (pack));

  g_set_object (&self->pack, pack);
}

/**
 * fw_reader_page_set_piece:
 * @self: the reader page
 * @piece: (nullable): the piece to show
 *
 * Shows @piece: its byline, its text as plain text, and its annotations
 * as highlights of the kinds the legend shows. The highlights at the top
 * of the piece are there for the first frame; the rest follow in idle
 * slices. The automatic analysis starts in a worker thread after the first
 * frame, and any analysis still running for the piece shown before is
 * cancelled. Setting the piece that is shown already changes nothing.
 */
void
fw_reader_page_set_piece (FwReaderPage *self,
                          FwPiece      *piece)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint counts[FW_N_ANNOTATION_KINDS];

  g_return_if_fail (FW_IS_READER_PAGE (self));
  g_return_if_fail (piece == NULL || FW_IS_PIECE (piece));

  /* The piece shown already stays as it is: the sidebar selects its row
   * again whenever the row gets the keyboard focus, and the student keeps
   * their place in the text. */
  if (piece == self->piece)
    return;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  cancel_analysis (self);
  fw_tag_applier_clear (self->applier);
  self->current = NULL;
  g_set_object (&self->piece, piece);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->automatic, g_ptr_array_unref);

  fw_byline_card_set_piece (self->byline_card, piece);
  update_teacher_note (self);

  /* The header stays; the piece's text after it is replaced. The text is
   * inserted as plain text: no markup is parsed. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  piece_iter (self, &start, 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  if (piece != NULL)
    gtk_text_buffer_insert_with_tags (buffer, &start, fw_piece_get_text (piece), -1,
                                      self->body_tag, NULL);

  piece_iter (self, &start, 0);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  if (piece != NULL)
    {
      /* A list of borrowed pointers: the copy must not free them. */
      self->annotations = g_ptr_array_copy (fw_piece_get_annotations (piece), NULL, NULL);
      g_ptr_array_set_free_func (self->annotations, NULL);
      queue_highlights (self, self->annotations, -1, FW_SOURCE_PACK);
      fw_tag_applier_apply (self->applier, FIRST_SLICE_USEC);
      start_analysis (self);
    }

  count_kinds (self->annotations, counts);
  fw_piece_summary_reset (self->summary, counts);
  update_busy (self);
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
 * fw_reader_page_get_highlights:
 * @self: the reader page
 *
 * All the highlights of the piece shown, whether or not their kind is
 * shown: the piece's own annotations and, once the analysis is in, the
 * automatic ones that coincide with none of the same kind.
 *
 * Returns: (transfer none) (element-type FwAnnotation) (nullable): the
 *   highlights in the order of fw_annotation_compare(), or %NULL without a
 *   piece
 */
GPtrArray *
fw_reader_page_get_highlights (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);
  return self->annotations;
}

/**
 * fw_reader_page_get_busy:
 * @self: the reader page
 *
 * Returns: %TRUE while the automatic analysis runs, waits for the page
 *   to be shown and painted, or highlights wait to be applied
 */
gboolean
fw_reader_page_get_busy (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), FALSE);
  return self->busy;
}

/**
 * fw_reader_page_get_iter_at_offset:
 * @self: the reader page
 * @iter: (out): the iter
 * @offset: a code-point offset into the piece text
 *
 * Finds where a piece offset is in the text view's buffer, which holds the
 * page's header before the piece.
 */
void
fw_reader_page_get_iter_at_offset (FwReaderPage *self,
                                   GtkTextIter  *iter,
                                   guint         offset)
{
  g_return_if_fail (FW_IS_READER_PAGE (self));
  g_return_if_fail (iter != NULL);

  piece_iter (self, iter, offset);
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
 * fw_reader_page_get_summary:
 * @self: the reader page
 *
 * Returns: (transfer none): the summary of the piece
 */
GtkWidget *
fw_reader_page_get_summary (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);
  return GTK_WIDGET (self->summary);
}

/**
 * fw_reader_page_get_teacher_note:
 * @self: the reader page
 *
 * Returns: (transfer none): the box that shows the piece's teacher note
 *   under its heading, visible in teacher mode only
 */
GtkWidget *
fw_reader_page_get_teacher_note (FwReaderPage *self)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);
  return self->teacher_note_box;
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

static guint
count_runs_of_tag (FwReaderPage *self,
                   GtkTextTag   *tag)
{
  GtkTextIter iter;
  guint n = 0;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->text_view), &iter);
  if (gtk_text_iter_starts_tag (&iter, tag))
    n++;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    if (gtk_text_iter_starts_tag (&iter, tag))
      n++;

  return n;
}

/**
 * fw_reader_page_count_tagged:
 * @self: the reader page
 * @kind: a highlight kind
 *
 * Counts the separate runs of text that carry the tag of the pack's
 * highlights of @kind, for tests.
 *
 * Returns: the number of tagged runs
 */
guint
fw_reader_page_count_tagged (FwReaderPage     *self,
                             FwAnnotationKind  kind)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), 0);
  return count_runs_of_tag (self, self->tags[kind]);
}

/**
 * fw_reader_page_count_tagged_automatic:
 * @self: the reader page
 * @kind: a highlight kind
 *
 * Counts the separate runs of text that carry the tag of the automatic
 * highlights of @kind, for tests.
 *
 * Returns: the number of tagged runs
 */
guint
fw_reader_page_count_tagged_automatic (FwReaderPage     *self,
                                       FwAnnotationKind  kind)
{
  g_return_val_if_fail (FW_IS_READER_PAGE (self), 0);
  return count_runs_of_tag (self, self->automatic_tags[kind]);
}

/* The header above the text (byline, teacher note, summary and legend)
 * follows the reading text size. GTK 4.8 applies a widget's own style
 * provider to that widget only, not to the labels inside it, so the
 * header's style sheet is on the display, for the header's class; at the
 * normal size there is none, and the first frame pays nothing for it.
 * Every page reads the same setting and styles the same class: the pages
 * on a display share one provider, kept on the display while a page needs
 * it. */
#define HEADER_CSS_KEY "fw-reader-header-css"

typedef struct
{
  GtkCssProvider *provider;
  char *css;
  guint n_pages;
} HeaderCss;

static void
header_css_free (HeaderCss *shared)
{
  g_clear_object (&shared->provider);
  g_free (shared->css);
  g_free (shared);
}

/* Lets go of the display's header style sheet, removing it from the
 * display when no other page needs it. */
static void
release_header_css (FwReaderPage *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  HeaderCss *shared;

  if (!self->holds_header_css)
    return;

  self->holds_header_css = FALSE;
  shared = g_object_get_data (G_OBJECT (display), HEADER_CSS_KEY);
  g_return_if_fail (shared != NULL);
  if (--shared->n_pages == 0)
    {
      gtk_style_context_remove_provider_for_display (display,
                                                     GTK_STYLE_PROVIDER (shared->provider));
      g_object_set_data (G_OBJECT (display), HEADER_CSS_KEY, NULL);
    }
}

static void
update_header_size (FwReaderPage *self)
{
  g_autofree char *css = fw_reading_style_dup_header_css (
    "reader-header", g_settings_get_int (self->settings, "text-size"));
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  HeaderCss *shared;

  if (css == NULL)
    {
      release_header_css (self);
      return;
    }

  shared = g_object_get_data (G_OBJECT (display), HEADER_CSS_KEY);
  if (shared == NULL)
    {
      shared = g_new0 (HeaderCss, 1);
      shared->provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (shared->provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
      g_object_set_data_full (G_OBJECT (display), HEADER_CSS_KEY, shared,
                              (GDestroyNotify) header_css_free);
    }
  if (!self->holds_header_css)
    {
      self->holds_header_css = TRUE;
      shared->n_pages++;
    }
  /* Each page hears of a new size: the first to ask restyles the display. */
  if (g_strcmp0 (shared->css, css) != 0)
    {
      gtk_css_provider_load_from_data (shared->provider, css, -1);
      g_free (shared->css);
      shared->css = g_steal_pointer (&css);
    }
}

/**
 * fw_reader_page_get_header_css:
 * @self: the reader page
 *
 * The style sheet that sizes the header of @self and of every other page
 * on its display, for tests.
 *
 * Returns: (transfer none) (nullable): the provider, or %NULL while @self
 *   shows the header at the normal size and needs none
 */
GtkCssProvider *
fw_reader_page_get_header_css (FwReaderPage *self)
{
  HeaderCss *shared;

  g_return_val_if_fail (FW_IS_READER_PAGE (self), NULL);

  if (!self->holds_header_css)
    return NULL;
  shared = g_object_get_data (G_OBJECT (gtk_widget_get_display (GTK_WIDGET (self))),
                              HEADER_CSS_KEY);
  return shared->provider;
}

static void
update_text_appearance (FwReaderPage *self)
{
  fw_reading_style_apply (self->text_view, self->body_tag, self->settings);
  gtk_text_view_set_justification (self->text_view, GTK_JUSTIFY_LEFT);
  update_header_size (self);
}

/**
 * fw_reader_page_bind_settings:
 * @self: the reader page
 * @settings: the application's settings
 *
 * Binds the legend's toggles to the highlight keys of @settings (in both
 * directions), including `show-automatic`, and follows the text size, line
 * spacing and dyslexia-friendly keys; the header above the text follows
 * the text size too.
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
  g_settings_bind (settings, "show-automatic", self->automatic_toggle, "active",
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
applier_busy_cb (FwReaderPage *self)
{
  update_busy (self);
}

static void
fw_reader_page_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  FwReaderPage *self = FW_READER_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->scrolled_window), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* The header's layout. GtkTextView measures an anchored child with its own
 * "for any width" requests, and the header's labels, measured for any
 * width, would each be laid out unwrapped and again wrapped after every
 * word: tens of milliseconds before the first frame, thrown away. The
 * header's width is the column's, set as its width request, so it is
 * measured for that width only. */
static GtkSizeRequestMode
header_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
header_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int column;

  gtk_widget_get_size_request (widget, &column, NULL);
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MAX (column, 0);
  else if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, for_size >= 0 ? for_size : column,
                        minimum, natural, NULL, NULL);
}

static void
header_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, -1, NULL);
}

/* Keeps the text and the header in a centred reading column: the margins
 * are set from the width the page gets, before the text view is given it,
 * so that only the lines in view are laid out again. */
static void
fw_reader_page_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  FwReaderPage *self = FW_READER_PAGE (widget);
  int column = CLAMP (width - 2 * MIN_MARGIN, 1, MAX_COLUMN);
  int margin = MAX ((width - column) / 2, 0);
  int header_width;

  if (gtk_text_view_get_left_margin (self->text_view) != margin)
    {
      gtk_text_view_set_left_margin (self->text_view, margin);
      gtk_text_view_set_right_margin (self->text_view, width - column - margin);
    }
  gtk_widget_get_size_request (self->header, &header_width, NULL);
  if (header_width != column)
    gtk_widget_set_size_request (self->header, column, -1);

  gtk_widget_allocate (GTK_WIDGET (self->scrolled_window), width, height, baseline, NULL);
}

static void
fw_reader_page_map (GtkWidget *widget)
{
  FwReaderPage *self = FW_READER_PAGE (widget);

  GTK_WIDGET_CLASS (fw_reader_page_parent_class)->map (widget);

  if (self->waiting_for_map)
    {
      self->waiting_for_map = FALSE;
      run_after_next_frame (self);
    }
}

/* Brings the header's widget that has the focus into view, as a viewport
 * does for its focused child: the header scrolls away with the text, and
 * the text view does not follow the focus into its anchored children. The
 * text view leaves a child it has scrolled away where it last showed it,
 * so the widget is found from where the header's anchor is in the text. */
static void
scroll_to_header_focus (FwReaderPage *self)
{
  GtkWidget *view = GTK_WIDGET (self->text_view);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  GtkTextIter anchor;
  GdkRectangle anchor_rect;
  graphene_rect_t bounds;
  double top, bottom, height;
  int x, y;

  if (focus == NULL || !gtk_widget_compute_bounds (focus, self->header, &bounds))
    return;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->text_view), &anchor);
  gtk_text_view_get_iter_location (self->text_view, &anchor, &anchor_rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         anchor_rect.x, anchor_rect.y, &x, &y);
  top = y + graphene_rect_get_y (&bounds);
  bottom = top + graphene_rect_get_height (&bounds);
  height = gtk_widget_get_height (view);
  if (top < 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top);
  else if (bottom > height)
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_value (adjustment) + MIN (bottom - height, top));
}

/* Moves the focus into the header, in @direction from where it is, and
 * scrolls the widget that gets it into view. */
static gboolean
focus_header (FwReaderPage     *self,
              GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (self->header, direction))
    return FALSE;

  scroll_to_header_focus (self);
  return TRUE;
}

/* The keyboard goes through the page in reading order: the header's
 * widgets (the byline, the summary, the legend), then the text. GTK gives
 * a focusable widget the focus before its children, and the header is a
 * child of the text view, anchored in its text; left to GTK, Tab reached
 * the text before the header that introduces it. The header is therefore
 * walked here, before the text view takes the focus for its text. Arrow
 * keys, and the focus in the highlight popover, keep GTK's way. */
static gboolean
fw_reader_page_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  FwReaderPage *self = FW_READER_PAGE (widget);
  GtkWidget *view = GTK_WIDGET (self->text_view);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean in_header = focus != NULL && (focus == self->header
                                         || gtk_widget_is_ancestor (focus, self->header));
  gboolean elsewhere_inside = focus != NULL && focus != view && !in_header
                              && gtk_widget_is_ancestor (focus, widget);

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) || elsewhere_inside)
    return GTK_WIDGET_CLASS (fw_reader_page_parent_class)->focus (widget, direction);

  if (direction == GTK_DIR_TAB_FORWARD)
    {
      /* The text is the page's last stop. */
      if (focus == view)
        return FALSE;
      if (focus_header (self, direction))
        return TRUE;
      return gtk_widget_grab_focus (view);
    }

  /* Backwards from the text or within the header, the header's widgets in
   * reverse; from after the page, the text first. */
  if (focus == view || in_header)
    return focus_header (self, direction);
  return gtk_widget_grab_focus (view);
}

/* A page hidden before its first frame waits again to be shown, as a
 * page never shown does: a hidden page gets no frames to wait for. */
static void
fw_reader_page_unmap (GtkWidget *widget)
{
  FwReaderPage *self = FW_READER_PAGE (widget);

  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
      g_clear_object (&self->frame_clock);
      self->waiting_for_map = TRUE;
    }

  GTK_WIDGET_CLASS (fw_reader_page_parent_class)->unmap (widget);
}

static void
fw_reader_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FwReaderPage *self = FW_READER_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_reader_page_dispose (GObject *object)
{
  FwReaderPage *self = FW_READER_PAGE (object);

  cancel_analysis (self);
  if (self->applier != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->applier, self);
      fw_tag_applier_clear (self->applier);
      g_clear_object (&self->applier);
    }
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  release_header_css (self);
  g_clear_object (&self->pack);
  g_clear_object (&self->piece);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->automatic, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_READER_PAGE);

  G_OBJECT_CLASS (fw_reader_page_parent_class)->dispose (object);
}

static void
fw_reader_page_class_init (FwReaderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_reader_page_dispose;
  object_class->get_property = fw_reader_page_get_property;
  widget_class->measure = fw_reader_page_measure;
  widget_class->size_allocate = fw_reader_page_size_allocate;
  widget_class->map = fw_reader_page_map;
  widget_class->unmap = fw_reader_page_unmap;
  widget_class->focus = fw_reader_page_focus;

  /**
   * FwReaderPage:busy:
   *
   * Whether the automatic analysis of the piece runs, waits to start
   * (the analysis of a page not shown waits until it is shown and has
   * painted a frame) or highlights wait to be applied.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FW_TYPE_BYLINE_CARD);
  g_type_ensure (FW_TYPE_PIECE_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-reader-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, header);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, byline_card);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, teacher_note_box);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, teacher_note);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, summary);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, loaded_toggle);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, assertion_toggle);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, contested_toggle);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, attribution_toggle);
  gtk_widget_class_bind_template_child (widget_class, FwReaderPage, automatic_toggle);
}

static void
fw_reader_page_init (FwReaderPage *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  GtkTextBuffer *buffer;
  GtkTextChildAnchor *anchor;
  GtkTextIter iter, end;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkToggleButton *toggles[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  toggles[0] = self->loaded_toggle;
  toggles[1] = self->assertion_toggle;
  toggles[2] = self->contested_toggle;
  toggles[3] = self->attribution_toggle;
  toggles[4] = self->automatic_toggle;

  /* The pieces are read, not edited: no undo history, which would keep a
   * copy of every piece shown. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);

  /* The header: an anchor and a line feed, HEADER_CHARS characters. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  anchor = gtk_text_buffer_create_child_anchor (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "\n", 1);
  gtk_widget_set_layout_manager (self->header,
                                 gtk_custom_layout_new (header_request_mode, header_measure,
                                                        header_allocate));
  gtk_widget_set_size_request (self->header, MAX_COLUMN, -1);
  gtk_text_view_add_child_at_anchor (self->text_view, self->header, anchor);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);

  create_tags (self);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, HEADER_CHARS - 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, HEADER_CHARS);
  gtk_text_buffer_apply_tag (buffer, self->body_tag, &iter, &end);
  self->applier = fw_tag_applier_new (buffer);
  fw_tag_applier_set_offset (self->applier, HEADER_CHARS);
  g_signal_connect_swapped (self->applier, "notify::busy", G_CALLBACK (applier_busy_cb), self);

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

  fw_piece_summary_set_show_automatic (self->summary, automatic_shown (self));
}
