/* fw-annotation.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-types.h"

G_BEGIN_DECLS

#define FW_TYPE_ANNOTATION (fw_annotation_get_type ())

/**
 * FwAnnotation:
 * @kind: what the annotation is about
 * @source: who made it: the pack's authors or an automatic detector
 * @start: first code point of the span in the piece text
 * @end: code point after the span (exclusive)
 * @category: a short label, e.g. "delegitimising qualifier"
 * @note: why the span was flagged, in plain language
 * @neutral: (nullable): a more neutral wording
 * @frame: (nullable): id of the frame the span cues
 * @speaker: (nullable): for attributions, who is quoted or cited
 *
 * A highlighted span of a piece with the reason it exists. Offsets are
 * Unicode code points into the piece text (its paragraphs joined by
 * U+000A), as in W3C TextPositionSelector.
 */
typedef struct
{
  FwAnnotationKind kind;
  FwAnnotationSource source;
  guint start;
  guint end;
  char *category;
  char *note;
  char *neutral;
  char *frame;
  char *speaker;
} FwAnnotation;

GType         fw_annotation_get_type    (void) G_GNUC_CONST;
FwAnnotation *fw_annotation_new         (FwAnnotationKind    kind,
                                         FwAnnotationSource  source,
                                         guint               start,
                                         guint               end,
                                         const char         *category,
                                         const char         *note);
FwAnnotation *fw_annotation_copy        (const FwAnnotation *self);
void          fw_annotation_free        (FwAnnotation       *self);
int           fw_annotation_compare     (const FwAnnotation *a,
                                         const FwAnnotation *b);
gboolean      fw_annotation_overlaps    (const FwAnnotation *a,
                                         const FwAnnotation *b);
char         *fw_annotation_dup_category_label
                                        (const FwAnnotation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwAnnotation, fw_annotation_free)

G_END_DECLS
