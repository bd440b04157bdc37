/* test-span-scorer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-span-scorer.h"

/* Every expected value below is worked out by hand from
 * P = Σ_s Σ_t |s∩t|/|s| / |S| and R = Σ_t Σ_s |s∩t|/|t| / |T|. */

static void
check (const FwSpan *answer,
       guint         n_answer,
       const FwSpan *key,
       guint         n_key,
       double        precision,
       double        recall,
       double        f1)
{
  FwSpanScore score;

  fw_span_score (answer, n_answer, key, n_key, &score);
  g_assert_cmpfloat_with_epsilon (score.precision, precision, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.recall, recall, 1e-9);
  g_assert_cmpfloat_with_epsilon (score.f1, f1, 1e-9);
}

static void
test_exact_match (void)
{
  const FwSpan s[] = { { 0, 5 }, { 10, 18 } };

  check (s, 2, s, 2, 1.0, 1.0, 1.0);
}

static void
test_partial_overlap (void)
{
  /* |s∩t| = 2: P = 2/4, R = 2/4. */
  const FwSpan s1[] = { { 0, 4 } };
  const FwSpan t1[] = { { 2, 6 } };
  /* |s∩t| = 2: P = 2/10, R = 2/2, F1 = 2·0.2·1/1.2 = 1/3. */
  const FwSpan s2[] = { { 0, 10 } };
  const FwSpan t2[] = { { 5, 7 } };
  /* P = (2/4 + 2/2 + 0)/3 = 1/2, R = (2/4 + 2/4 + 0)/3 = 1/3,
   * F1 = 2·(1/2)(1/3)/(5/6) = 2/5. */
  const FwSpan s3[] = { { 0, 4 }, { 10, 12 }, { 30, 35 } };
  const FwSpan t3[] = { { 2, 6 }, { 10, 14 }, { 20, 25 } };
  /* Touching is not overlapping. */
  const FwSpan s4[] = { { 0, 4 } };
  const FwSpan t4[] = { { 4, 8 } };

  check (s1, 1, t1, 1, 0.5, 0.5, 0.5);
  check (s2, 1, t2, 1, 0.2, 1.0, 1.0 / 3.0);
  check (s3, 3, t3, 3, 0.5, 1.0 / 3.0, 0.4);
  check (s4, 1, t4, 1, 0.0, 0.0, 0.0);
}

static void
test_span_covering_two_keys (void)
{
  /* P = (4 + 4)/20 = 0.4, R = (4/4 + 4/4)/2 = 1, F1 = 0.8/1.4 = 4/7. */
  const FwSpan s[] = { { 0, 20 } };
  const FwSpan t[] = { { 2, 6 }, { 10, 14 } };

  check (s, 1, t, 2, 0.4, 1.0, 4.0 / 7.0);
  /* And the other way round: two answers inside one key span.
   * P = (1 + 1)/2 = 1, R = (4 + 4)/20 = 0.4. */
  check (t, 2, s, 1, 1.0, 0.4, 4.0 / 7.0);
}

static void
test_empty (void)
{
  const FwSpan s[] = { { 0, 5 } };
  const FwSpan empty_span[] = { { 3, 3 } };
  FwSpanScore score;

  check (NULL, 0, NULL, 0, 1.0, 1.0, 1.0);
  check (NULL, 0, s, 1, 0.0, 0.0, 0.0);
  check (s, 1, NULL, 0, 0.0, 1.0, 0.0);
  /* An empty span is no span. */
  check (empty_span, 1, s, 1, 0.0, 0.0, 0.0);

  fw_span_score (empty_span, 1, NULL, 0, &score);
  g_assert_cmpuint (score.n_answer, ==, 0);
  g_assert_cmpfloat (score.f1, ==, 1.0);
}

static void
test_duplicates (void)
{
  /* A duplicate counts once: the same as {[0,4)} against {[2,6)}. */
  const FwSpan s1[] = { { 0, 4 }, { 0, 4 } };
  const FwSpan t1[] = { { 2, 6 } };
  /* Overlapping answers merge to [0,6): P = 4/6, R = 1, F1 = 0.8. */
  const FwSpan s2[] = { { 2, 6 }, { 0, 4 } };
  /* A duplicated key span counts once too. */
  const FwSpan t3[] = { { 2, 6 }, { 2, 6 } };
  FwSpanScore score;

  check (s1, 2, t1, 1, 0.5, 0.5, 0.5);
  check (s2, 2, t1, 1, 4.0 / 6.0, 1.0, 0.8);
  check (t1, 1, t3, 2, 1.0, 1.0, 1.0);

  fw_span_score (s1, 2, t3, 2, &score);
  g_assert_cmpuint (score.n_answer, ==, 1);
  g_assert_cmpuint (score.n_key, ==, 1);
}

static void
test_merge (void)
{
  const FwSpan in[] = { { 9, 12 }, { 0, 3 }, { 2, 5 }, { 5, 7 }, { 4, 4 }, { 10, 11 } };
  g_autoptr(GArray) out = fw_span_merge (in, G_N_ELEMENTS (in));

  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpuint (g_array_index (out, FwSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (out, FwSpan, 0).end, ==, 5);
  g_assert_cmpuint (g_array_index (out, FwSpan, 1).start, ==, 5);
  g_assert_cmpuint (g_array_index (out, FwSpan, 1).end, ==, 7);
  g_assert_cmpuint (g_array_index (out, FwSpan, 2).start, ==, 9);
  g_assert_cmpuint (g_array_index (out, FwSpan, 2).end, ==, 12);

  g_assert_true (fw_span_overlaps_any (&in[0], in + 1, 5));
  g_assert_false (fw_span_overlaps_any (&in[3], in + 1, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/span-scorer/exact-match", test_exact_match);
  g_test_add_func ("/span-scorer/partial-overlap", test_partial_overlap);
  g_test_add_func ("/span-scorer/covering-two-keys", test_span_covering_two_keys);
  g_test_add_func ("/span-scorer/empty", test_empty);
  g_test_add_func ("/span-scorer/duplicates", test_duplicates);
  g_test_add_func ("/span-scorer/merge", test_merge);

  return g_test_run ();
}
