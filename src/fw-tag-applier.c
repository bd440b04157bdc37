/* fw-tag-applier.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Applies many text tags to a buffer without stalling the main loop: the
 * ranges wait in a queue and are applied in idle slices of bounded time,
 * in the order they were pushed (the reader pushes them in reading order,
 * so the top of a piece is highlighted first). The slices run just above
 * GtkTextView's background validation and below redrawing: frames keep
 * coming, and lines are tagged before the text view lays them out, so no
 * line is laid out twice.
 *
 * A range is applied line by line and leaves the line ends out, so that
 * every line starts and ends in the text's own style. GTK 4.8 needs that:
 * while it draws a frame, gtk_text_layout_snapshot() keeps the style of
 * the last run it laid out (its "one-style cache") and gives it to the
 * next line it lays out again, even when lines taken from its cache of
 * laid-out lines came in between; the text before that line's first tag
 * toggle is then drawn in the style the other line ended in. When all
 * lines end in the style they start in, the style it keeps is the right
 * one. Later versions of GTK have no such cache. */

#include "config.h"

#include "fw-tag-applier.h"

typedef struct
{
  GtkTextTag *tag;
  guint start;
  guint end;
} Item;

struct _FwTagApplier
{
  GObject parent_instance;

  GtkTextBuffer *buffer;
  guint offset;
  GArray *items;     /* Item */
  guint next;        /* index of the first item not applied yet */
  guint idle_id;
};

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FwTagApplier, fw_tag_applier, G_TYPE_OBJECT)

/* How many ranges are applied between two looks at the clock. */
#define CHECK_EVERY 16

static void
fw_tag_applier_dispose (GObject *object)
{
  FwTagApplier *self = FW_TAG_APPLIER (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (fw_tag_applier_parent_class)->dispose (object);
}

static void
fw_tag_applier_finalize (GObject *object)
{
  FwTagApplier *self = FW_TAG_APPLIER (object);

  g_array_unref (self->items);

  G_OBJECT_CLASS (fw_tag_applier_parent_class)->finalize (object);
}

static void
fw_tag_applier_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FwTagApplier *self = FW_TAG_APPLIER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, fw_tag_applier_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_tag_applier_class_init (FwTagApplierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_tag_applier_dispose;
  object_class->finalize = fw_tag_applier_finalize;
  object_class->get_property = fw_tag_applier_get_property;

  /**
   * FwTagApplier:busy:
   *
   * Whether ranges are waiting to be applied.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fw_tag_applier_init (FwTagApplier *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
}

/**
 * fw_tag_applier_new:
 * @buffer: the buffer to tag
 *
 * Creates an applier with an empty queue.
 *
 * Returns: (transfer full): a new applier
 */
FwTagApplier *
fw_tag_applier_new (GtkTextBuffer *buffer)
{
  FwTagApplier *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (FW_TYPE_TAG_APPLIER, NULL);
  self->buffer = g_object_ref (buffer);

  return self;
}

/**
 * fw_tag_applier_set_offset:
 * @self: an applier
 * @offset: the buffer offset, in characters, at which offset 0 of the
 *   pushed ranges lies
 *
 * Sets where the ranges' text starts in the buffer, for a buffer that holds
 * something before it (the reader's header). Ranges already queued move
 * with it.
 */
void
fw_tag_applier_set_offset (FwTagApplier *self,
                           guint         offset)
{
  g_return_if_fail (FW_IS_TAG_APPLIER (self));
  self->offset = offset;
}

/**
 * fw_tag_applier_get_offset:
 * @self: an applier
 *
 * Returns: the buffer offset, in characters, of offset 0 of the ranges
 */
guint
fw_tag_applier_get_offset (FwTagApplier *self)
{
  g_return_val_if_fail (FW_IS_TAG_APPLIER (self), 0);
  return self->offset;
}

/**
 * fw_tag_applier_get_n_pending:
 * @self: an applier
 *
 * Returns: the number of ranges waiting to be applied
 */
guint
fw_tag_applier_get_n_pending (FwTagApplier *self)
{
  g_return_val_if_fail (FW_IS_TAG_APPLIER (self), 0);
  return self->items->len - self->next;
}

/**
 * fw_tag_applier_get_busy:
 * @self: an applier
 *
 * Returns: %TRUE while ranges are waiting to be applied
 */
gboolean
fw_tag_applier_get_busy (FwTagApplier *self)
{
  g_return_val_if_fail (FW_IS_TAG_APPLIER (self), FALSE);
  return fw_tag_applier_get_n_pending (self) > 0;
}

/**
 * fw_tag_applier_apply_within_lines:
 * @buffer: a text buffer
 * @tag: a tag of @buffer's tag table
 * @start: where the range starts
 * @end: where it ends; not before @start
 *
 * Applies @tag from @start to @end, leaving out the line ends in between:
 * a range that goes over a line end is applied as one range on each line
 * it touches. Every line then ends in the style the next one starts in,
 * which GTK 4.8 needs: it may lay out a line again with the style the
 * last line it laid out ended in, up to the line's first change of tags.
 * Most ranges lie within a line, which finding the next line's start
 * tells without walking the line.
 */
void
fw_tag_applier_apply_within_lines (GtkTextBuffer     *buffer,
                                   GtkTextTag        *tag,
                                   const GtkTextIter *start,
                                   const GtkTextIter *end)
{
  GtkTextIter from;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (GTK_IS_TEXT_TAG (tag));
  g_return_if_fail (start != NULL && end != NULL);

  from = *start;

  while (gtk_text_iter_compare (&from, end) < 0)
    {
      GtkTextIter next = from;
      GtkTextIter to;

      if (!gtk_text_iter_forward_line (&next) || gtk_text_iter_compare (end, &next) < 0)
        {
          gtk_text_buffer_apply_tag (buffer, tag, &from, end);
          return;
        }

      to = from;
      if (!gtk_text_iter_ends_line (&to))
        gtk_text_iter_forward_to_line_end (&to);
      if (gtk_text_iter_compare (&from, &to) < 0)
        gtk_text_buffer_apply_tag (buffer, tag, &from, &to);
      from = next;
    }
}

/**
 * fw_tag_applier_apply_range:
 * @self: an applier
 * @tag: a tag of the buffer's tag table
 * @start: first character of the range, counted from the offset (see
 *   fw_tag_applier_set_offset())
 * @end: character after the range; not less than @start
 *
 * Applies @tag to the range at once, as queued ranges are applied: on the
 * text of each line the range touches, without the line ends. The queue
 * is left as it is.
 */
void
fw_tag_applier_apply_range (FwTagApplier *self,
                            GtkTextTag   *tag,
                            guint         start,
                            guint         end)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (FW_IS_TAG_APPLIER (self));
  g_return_if_fail (GTK_IS_TEXT_TAG (tag));
  g_return_if_fail (start <= end);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, (int) (self->offset + start));
  end_iter = start_iter;
  gtk_text_iter_forward_chars (&end_iter, (int) (end - start));
  fw_tag_applier_apply_within_lines (self->buffer, tag, &start_iter, &end_iter);
}

static void
reset_if_done (FwTagApplier *self)
{
  if (self->next < self->items->len)
    return;

  g_array_set_size (self->items, 0);
  self->next = 0;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * fw_tag_applier_push:
 * @self: an applier
 * @tag: a tag of the buffer's tag table
 * @start: first character of the range, counted from the offset (see
 *   fw_tag_applier_set_offset())
 * @end: character after the range; not less than @start
 *
 * Queues @tag for the range. Nothing is applied until
 * fw_tag_applier_apply() or a slice scheduled with
 * fw_tag_applier_schedule() runs.
 */
void
fw_tag_applier_push (FwTagApplier *self,
                     GtkTextTag   *tag,
                     guint         start,
                     guint         end)
{
  Item item = { tag, start, end };
  gboolean was_busy;

  g_return_if_fail (FW_IS_TAG_APPLIER (self));
  g_return_if_fail (GTK_IS_TEXT_TAG (tag));
  g_return_if_fail (start <= end);

  was_busy = fw_tag_applier_get_busy (self);
  g_array_append_val (self->items, item);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * fw_tag_applier_drop:
 * @self: an applier
 * @tag: a tag
 *
 * Takes the ranges of @tag that were not applied yet out of the queue, for
 * a kind of highlight that was just hidden.
 */
void
fw_tag_applier_drop (FwTagApplier *self,
                     GtkTextTag   *tag)
{
  guint kept;

  g_return_if_fail (FW_IS_TAG_APPLIER (self));

  kept = self->next;
  for (guint i = self->next; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->tag != tag)
        g_array_index (self->items, Item, kept++) = *item;
    }
  if (kept == self->items->len)
    return;

  g_array_set_size (self->items, kept);
  reset_if_done (self);
}

/**
 * fw_tag_applier_clear:
 * @self: an applier
 *
 * Empties the queue without applying anything, as when the buffer's text
 * is about to be replaced.
 */
void
fw_tag_applier_clear (FwTagApplier *self)
{
  g_return_if_fail (FW_IS_TAG_APPLIER (self));

  if (!fw_tag_applier_get_busy (self))
    return;

  self->next = self->items->len;
  reset_if_done (self);
}

/**
 * fw_tag_applier_apply:
 * @self: an applier
 * @budget_usec: how long to go on, in microseconds of monotonic time;
 *   %G_MAXINT64 applies everything
 *
 * Applies queued ranges in the order they were pushed, at least one, until
 * the queue is empty or @budget_usec has passed. A range is applied to the
 * text of each line it touches, not to the line ends in between. The clock is read every
 * few ranges, so a slice may overrun by the time those take. The result
 * does not depend on how the work is sliced.
 *
 * Returns: %TRUE when ranges are still waiting
 */
gboolean
fw_tag_applier_apply (FwTagApplier *self,
                      gint64        budget_usec)
{
  gint64 deadline;
  guint done = 0;

  g_return_val_if_fail (FW_IS_TAG_APPLIER (self), FALSE);

  if (!fw_tag_applier_get_busy (self))
    return FALSE;

  deadline = budget_usec == G_MAXINT64 ? G_MAXINT64 : g_get_monotonic_time () + budget_usec;

  while (self->next < self->items->len)
    {
      const Item *item = &g_array_index (self->items, Item, self->next);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, (int) (self->offset + item->start));
      end = start;
      gtk_text_iter_forward_chars (&end, (int) (item->end - item->start));
      fw_tag_applier_apply_within_lines (self->buffer, item->tag, &start, &end);
      self->next++;

      if (++done % CHECK_EVERY == 0 && deadline != G_MAXINT64
          && g_get_monotonic_time () >= deadline)
        break;
    }

  reset_if_done (self);
  return fw_tag_applier_get_busy (self);
}

static gboolean
slice_cb (gpointer user_data)
{
  FwTagApplier *self = user_data;
  guint id = self->idle_id;

  /* The running source is not removed from inside itself: it ends by
   * returning G_SOURCE_REMOVE. */
  self->idle_id = 0;
  if (fw_tag_applier_apply (self, FW_TAG_APPLIER_SLICE_USEC) && self->idle_id == 0)
    {
      self->idle_id = id;
      return G_SOURCE_CONTINUE;
    }

  return G_SOURCE_REMOVE;
}

/**
 * fw_tag_applier_schedule:
 * @self: an applier
 *
 * Applies the queue in idle slices of at most about
 * %FW_TAG_APPLIER_SLICE_USEC each, until it is empty. The slices run at a
 * priority just above GtkTextView's validation of lines
 * (%GTK_TEXT_VIEW_PRIORITY_VALIDATE) and below redrawing, so that the
 * window keeps painting frames between them. #FwTagApplier:busy turns
 * %FALSE when the last range is applied.
 */
void
fw_tag_applier_schedule (FwTagApplier *self)
{
  g_return_if_fail (FW_IS_TAG_APPLIER (self));

  if (self->idle_id != 0 || !fw_tag_applier_get_busy (self))
    return;

  self->idle_id = g_idle_add_full (GTK_TEXT_VIEW_PRIORITY_VALIDATE - 1, slice_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->idle_id),
                            "[framewise] tag slice");
}
