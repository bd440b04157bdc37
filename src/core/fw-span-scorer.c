/* fw-span-scorer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-span-scorer.h"

static int
span_compare (gconstpointer a,
              gconstpointer b)
{
  const FwSpan *x = a;
  const FwSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/**
 * fw_span_merge:
 * @spans: (array length=n_spans) (nullable): spans in any order
 * @n_spans: number of elements of @spans
 *
 * Sorts @spans and merges those that are identical or overlap into their
 * union, dropping empty spans. Spans that only touch (one ends where the
 * next starts) stay apart. This is what the official scorer of SemEval-2020
 * Task 11 does to the spans of one article before it scores them, so that a
 * character counts at most once.
 *
 * Returns: (transfer full) (element-type FwSpan): disjoint spans, sorted by
 *   start
 */
GArray *
fw_span_merge (const FwSpan *spans,
               guint         n_spans)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (FwSpan), n_spans);
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (FwSpan));

  for (guint i = 0; i < n_spans; i++)
    if (spans[i].end > spans[i].start)
      g_array_append_val (sorted, spans[i]);
  g_array_sort (sorted, span_compare);

  for (guint i = 0; i < sorted->len; i++)
    {
      const FwSpan *s = &g_array_index (sorted, FwSpan, i);
      FwSpan *last = merged->len > 0 ? &g_array_index (merged, FwSpan, merged->len - 1) : NULL;

      if (last != NULL && s->start < last->end)
        last->end = MAX (last->end, s->end);
      else
        g_array_append_val (merged, *s);
    }

  return merged;
}

/**
 * fw_span_overlap:
 * @a: a span
 * @b: another span
 *
 * Returns: |@a ∩ @b|, the number of code points the two spans share
 */
guint
fw_span_overlap (const FwSpan *a,
                 const FwSpan *b)
{
  guint start = MAX (a->start, b->start);
  guint end = MIN (a->end, b->end);

  return end > start ? end - start : 0;
}

/**
 * fw_span_overlaps_any:
 * @span: a span
 * @spans: (array length=n_spans) (nullable): other spans
 * @n_spans: number of elements of @spans
 *
 * Returns: whether @span shares at least one code point with one of @spans
 */
gboolean
fw_span_overlaps_any (const FwSpan *span,
                      const FwSpan *spans,
                      guint         n_spans)
{
  for (guint i = 0; i < n_spans; i++)
    if (fw_span_overlap (span, &spans[i]) > 0)
      return TRUE;

  return FALSE;
}

/* Σ_s Σ_t |s ∩ t| / |s|, with both arrays sorted and disjoint, in one merge
 * pass. */
static double
overlap_sum (GArray *outer,
             GArray *inner)
{
  double sum = 0.0;
  guint j = 0;

  for (guint i = 0; i < outer->len; i++)
    {
      const FwSpan *s = &g_array_index (outer, FwSpan, i);
      guint shared = 0;

      while (j < inner->len && g_array_index (inner, FwSpan, j).end <= s->start)
        j++;
      for (guint k = j; k < inner->len && g_array_index (inner, FwSpan, k).start < s->end; k++)
        shared += fw_span_overlap (s, &g_array_index (inner, FwSpan, k));

      sum += (double) shared / (double) (s->end - s->start);
    }

  return sum;
}

/**
 * fw_span_score:
 * @answer: (array length=n_answer) (nullable): the student's spans, S
 * @n_answer: number of elements of @answer
 * @key: (array length=n_key) (nullable): the answer key's spans, T
 * @n_key: number of elements of @key
 * @score: (out caller-allocates): the result
 *
 * Scores @answer against @key with the partial-overlap precision and recall
 * of span identification in SemEval-2020 Task 11 (G. Da San Martino,
 * A. Barrón-Cedeño, H. Wachsmuth, R. Petrov and P. Nakov, "SemEval-2020
 * Task 11: Detection of Propaganda Techniques in News Articles",
 * SemEval 2020, section 3; the measure is defined in Da San Martino et al.,
 * "Fine-Grained Analysis of Propaganda in News Articles", EMNLP 2019):
 *
 *     P(S, T) = 1/|S| · Σ_{s∈S} Σ_{t∈T} |s ∩ t| / |s|
 *     R(S, T) = 1/|T| · Σ_{t∈T} Σ_{s∈S} |s ∩ t| / |t|
 *     F1 = 2 · P · R / (P + R)
 *
 * so a span that is half right earns half credit. Before scoring, each set
 * is merged with fw_span_merge(): duplicates count once and overlapping
 * spans become their union, which keeps P and R within 0–1.
 *
 * The empty cases, which the formulas leave undefined, are defined here:
 * - no answer and no key: P = R = F1 = 1 (nothing to find, nothing wrong);
 * - no answer, a key: P = R = F1 = 0 (nothing found);
 * - an answer, no key: P = 0, R = 1 (nothing was missed), F1 = 0;
 * - P + R = 0: F1 = 0.
 */
void
fw_span_score (const FwSpan *answer,
               guint         n_answer,
               const FwSpan *key,
               guint         n_key,
               FwSpanScore  *score)
{
  g_autoptr(GArray) s = fw_span_merge (answer, n_answer);
  g_autoptr(GArray) t = fw_span_merge (key, n_key);

  g_return_if_fail (score != NULL);

  score->n_answer = s->len;
  score->n_key = t->len;

  if (s->len == 0 && t->len == 0)
    {
      score->precision = score->recall = score->f1 = 1.0;
      return;
    }

  score->precision = s->len > 0 ? overlap_sum (s, t) / s->len : 0.0;
  score->recall = t->len > 0 ? overlap_sum (t, s) / t->len : 1.0;
  if (s->len == 0)
    score->recall = 0.0;

  if (score->precision + score->recall > 0.0)
    score->f1 = 2.0 * score->precision * score->recall / (score->precision + score->recall);
  else
    score->f1 = 0.0;
}
