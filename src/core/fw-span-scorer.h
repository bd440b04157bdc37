/* fw-span-scorer.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FwSpan:
 * @start: first code point of the span
 * @end: code point after the span (exclusive); a span with @end <= @start
 *   is empty and ignored by the scorer
 *
 * A span of a piece's text in Unicode code points, as in a W3C
 * TextPositionSelector.
 */
typedef struct
{
  guint start;
  guint end;
} FwSpan;

/**
 * FwSpanScore:
 * @precision: partial-overlap precision, 0–1
 * @recall: partial-overlap recall, 0–1
 * @f1: harmonic mean of @precision and @recall, 0–1
 * @n_answer: spans in the answer after merging duplicates and overlaps
 * @n_key: spans in the key after merging duplicates and overlaps
 *
 * The result of fw_span_score().
 */
typedef struct
{
  double precision;
  double recall;
  double f1;
  guint n_answer;
  guint n_key;
} FwSpanScore;

GArray  *fw_span_merge          (const FwSpan *spans,
                                 guint         n_spans);
void     fw_span_score          (const FwSpan *answer,
                                 guint         n_answer,
                                 const FwSpan *key,
                                 guint         n_key,
                                 FwSpanScore  *score);
guint    fw_span_overlap        (const FwSpan *a,
                                 const FwSpan *b);
gboolean fw_span_overlaps_any   (const FwSpan *span,
                                 const FwSpan *spans,
                                 guint         n_spans);

G_END_DECLS
