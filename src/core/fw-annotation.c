/* fw-annotation.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-annotation.h"

G_DEFINE_BOXED_TYPE (FwAnnotation, fw_annotation, fw_annotation_copy, fw_annotation_free)

/**
 * fw_annotation_new:
 * @kind: what the annotation is about
 * @source: who made it
 * @start: first code point of the span
 * @end: code point after the span; must be greater than @start
 * @category: a short label
 * @note: why the span was flagged
 *
 * Creates an annotation; set @neutral, @frame and @speaker directly.
 *
 * Returns: (transfer full): a new annotation
 */
FwAnnotation *
fw_annotation_new (FwAnnotationKind    kind,
                   FwAnnotationSource  source,
                   guint               start,
                   guint               end,
                   const char         *category,
                   const char         *note)
{
  FwAnnotation *self = g_new0 (FwAnnotation, 1);

  g_return_val_if_fail (start < end, self);

  self->kind = kind;
  self->source = source;
  self->start = start;
  self->end = end;
  self->category = g_strdup (category);
  self->note = g_strdup (note);

  return self;
}

/**
 * fw_annotation_copy:
 * @self: an annotation
 *
 * Returns: (transfer full): a deep copy of @self
 */
FwAnnotation *
fw_annotation_copy (const FwAnnotation *self)
{
  FwAnnotation *copy = g_new0 (FwAnnotation, 1);

  *copy = *self;
  copy->category = g_strdup (self->category);
  copy->note = g_strdup (self->note);
  copy->neutral = g_strdup (self->neutral);
  copy->frame = g_strdup (self->frame);
  copy->speaker = g_strdup (self->speaker);

  return copy;
}

/**
 * fw_annotation_free:
 * @self: (transfer full) (nullable): an annotation
 *
 * Frees @self.
 */
void
fw_annotation_free (FwAnnotation *self)
{
  if (self == NULL)
    return;

  g_free (self->category);
  g_free (self->note);
  g_free (self->neutral);
  g_free (self->frame);
  g_free (self->speaker);
  g_free (self);
}

/**
 * fw_annotation_compare:
 * @a: an annotation
 * @b: another annotation
 *
 * Orders annotations by start, then longer first, then by kind, so that a
 * sorted list reads front to back and enclosing spans come first.
 *
 * Returns: negative, zero or positive, as strcmp() does
 */
int
fw_annotation_compare (const FwAnnotation *a,
                       const FwAnnotation *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  if (a->kind != b->kind)
    return (int) a->kind - (int) b->kind;
  return (int) a->source - (int) b->source;
}

/**
 * fw_annotation_overlaps:
 * @a: an annotation
 * @b: another annotation
 *
 * Returns: %TRUE when the two spans share at least one code point
 */
gboolean
fw_annotation_overlaps (const FwAnnotation *a,
                        const FwAnnotation *b)
{
  return a->start < b->end && b->start < a->end;
}

/**
 * fw_annotation_dup_category_label:
 * @self: an annotation
 *
 * The category as Framewise shows it wherever it shows one (the highlight
 * popover and what screen readers say of a highlight): the category as
 * written, a short singular label such as "euphemism" for the pack's
 * annotations, the built-in lexicon and the detectors alike, with its
 * first letter upper-cased, "Euphemism". Only the first letter changes,
 * so names and abbreviations inside the label stay as written.
 *
 * Returns: (transfer full): the category for display
 */
char *
fw_annotation_dup_category_label (const FwAnnotation *self)
{
  char first[7] = { 0 };

  g_return_val_if_fail (self != NULL, NULL);

  if (self->category == NULL || *self->category == '\0')
    return g_strdup ("");

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (self->category)), first);

  return g_strconcat (first, g_utf8_next_char (self->category), NULL);
}
