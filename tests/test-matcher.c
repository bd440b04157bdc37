/* test-matcher.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-matcher.h"

/* Runs @terms (all in group 0) over @input and returns the matches as
 * "start-end:text" joined by "|". */
static char *
find (const char * const *terms,
      const char         *input,
      gboolean            segment)
{
  g_autoptr(FwMatcher) matcher = fw_matcher_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new_plain (input, -1, &error);
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; terms[i] != NULL; i++)
    fw_matcher_add (matcher, terms[i], 0);
  fw_matcher_compile (matcher);

  if (segment)
    g_assert_true (fw_text_segment (text, "en", NULL, NULL));

  matches = fw_matcher_find (matcher, text, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < matches->len; i++)
    {
      const FwMatch *m = &g_array_index (matches, FwMatch, i);
      g_autofree char *span = fw_text_dup_span (text, m->start, m->end);

      g_string_append_printf (out, "%s%u-%u:%s", i > 0 ? "|" : "", m->start, m->end, span);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Checks @input both without and with segmentation: the two ways of
 * telling word boundaries must agree. */
static void
assert_finds (const char * const *terms,
              const char         *input,
              const char         *expected)
{
  g_autofree char *fast = find (terms, input, FALSE);
  g_autofree char *segmented = find (terms, input, TRUE);

  g_assert_cmpstr (fast, ==, expected);
  g_assert_cmpstr (segmented, ==, expected);
}

static void
test_text_edges (void)
{
  const char *terms[] = { "sham", NULL };

  assert_finds (terms, "sham", "0-4:sham");
  assert_finds (terms, "sham elections were a sham", "0-4:sham|22-26:sham");
  assert_finds (terms, "A SHAM.", "2-6:SHAM");
  assert_finds (terms, "", "");
}

static void
test_word_boundaries (void)
{
  const char *terms[] = { "sham", "aid", "war", NULL };

  /* Inside longer words nothing matches. */
  assert_finds (terms, "a shamble, said the warden; shamwow unaided", "");
  assert_finds (terms, "sham-elections, (aid) “war”", "0-4:sham|17-20:aid|23-26:war");
  assert_finds (terms, "war2 2war war_time", "");
}

static void
test_possessive (void)
{
  const char *terms[] = { "Azerbaijan", "regime", "separatists", NULL };

  assert_finds (terms, "Azerbaijan’s army and the regime's claims",
                "0-10:Azerbaijan|26-32:regime");
  assert_finds (terms, "the separatists' vote", "4-15:separatists");
  /* "Azerbaijans" is another word, and "’st" is no possessive. */
  assert_finds (terms, "Azerbaijans regime’st", "");
}

static void
test_hyphens_and_dashes (void)
{
  const char *terms[] = { "anti-terror operation", "pro-Russian", NULL };

  assert_finds (terms, "the Anti‑Terror Operation and a pro–Russian and pro-russian view",
                "4-25:Anti‑Terror Operation|32-43:pro–Russian|48-59:pro-russian");
  /* A line break inside a paragraph is white space. */
  assert_finds (terms, "an anti-terror\noperation", "3-24:anti-terror\noperation");
  /* A paragraph break is not. */
  assert_finds (terms, "an anti-terror\n\noperation", "");
}

static void
test_overlaps (void)
{
  const char *terms[] = { "terror", "anti-terror", "anti-terror operation", "operation", NULL };
  const char *chain[] = { "war crimes", "crimes against humanity", "humanity", NULL };
  const char *same[] = { "ab cd", "cd ef", NULL };

  /* The longest match wins over the shorter ones inside it. */
  assert_finds (terms, "an anti-terror operation", "3-24:anti-terror operation");
  assert_finds (terms, "anti-terror, then terror", "0-11:anti-terror|18-24:terror");

  /* Of two overlapping matches the longer wins, wherever it starts. */
  assert_finds (chain, "war crimes against humanity", "4-27:crimes against humanity");

  /* Equal length: the earlier one wins, deterministically. */
  assert_finds (same, "ab cd ef", "0-5:ab cd");
}

static void
test_non_ascii (void)
{
  const char *terms[] = { "Xankəndi", "Łódź", "Ստեփանակերտ", "Москва", "école", NULL };

  assert_finds (terms, "“XANKƏNDI” and Łódź’s and Ստեփանակերտ, МОСКВА; e\u0301cole",
                "1-9:XANKƏNDI|15-19:Łódź|26-37:Ստեփանակերտ|39-45:МОСКВА|47-53:e\u0301cole");
}

static void
test_groups (void)
{
  g_autoptr(FwMatcher) matcher = fw_matcher_new ();
  g_autoptr(FwText) text = fw_text_new ("international humanitarian law", -1, NULL, 0, NULL);
  g_autoptr(GArray) matches = NULL;
  guint law, humanitarian, again;

  law = fw_matcher_add (matcher, "international humanitarian law", 1);
  humanitarian = fw_matcher_add (matcher, "humanitarian", 2);
  again = fw_matcher_add (matcher, "International  Humanitarian Law", 1);

  /* The same normalised term in the same group is one pattern; a term that
   * normalises to nothing is none. */
  g_assert_cmpuint (again, ==, law);
  g_assert_cmpuint (fw_matcher_add (matcher, " \u00AD ", 0), ==, FW_MATCHER_NO_PATTERN);
  g_assert_cmpuint (fw_matcher_get_n_patterns (matcher), ==, 2);
  g_assert_cmpstr (fw_matcher_get_pattern (matcher, law), ==, "international humanitarian law");
  g_assert_cmpuint (fw_matcher_get_pattern_group (matcher, humanitarian), ==, 2);

  fw_matcher_compile (matcher);
  matches = fw_matcher_find (matcher, text, NULL, NULL);

  /* Groups do not hide each other. */
  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_cmpuint (g_array_index (matches, FwMatch, 0).pattern, ==, law);
  g_assert_cmpuint (g_array_index (matches, FwMatch, 0).group, ==, 1);
  g_assert_cmpuint (g_array_index (matches, FwMatch, 1).pattern, ==, humanitarian);
  g_assert_cmpuint (g_array_index (matches, FwMatch, 1).start, ==, 14);
  g_assert_cmpuint (g_array_index (matches, FwMatch, 1).end, ==, 26);
}

static void
test_many_patterns (void)
{
  g_autoptr(FwMatcher) matcher = fw_matcher_new ();
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(FwText) text = NULL;
  g_autoptr(GArray) matches = NULL;

  /* Patterns that share prefixes and suffixes, as Aho-Corasick's failure
   * links must handle. */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *term = g_strdup_printf ("term%u x%u", i, i % 7);

      fw_matcher_add (matcher, term, 0);
      if (i % 3 == 0)
        g_string_append_printf (input, "%s, ", term);
      else
        g_string_append_printf (input, "term%u y ", i);
    }
  fw_matcher_compile (matcher);
  text = fw_text_new (input->str, input->len, NULL, 0, NULL);
  matches = fw_matcher_find (matcher, text, NULL, NULL);

  g_assert_cmpuint (matches->len, ==, 167);
  for (guint i = 0; i < matches->len; i++)
    g_assert_cmpuint (g_array_index (matches, FwMatch, i).pattern, ==, i * 3);
}

static void
test_cancelled (void)
{
  g_autoptr(FwMatcher) matcher = fw_matcher_new ();
  g_autoptr(FwText) text = fw_text_new ("sham", -1, NULL, 0, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = NULL;

  fw_matcher_add (matcher, "sham", 0);
  fw_matcher_compile (matcher);
  g_cancellable_cancel (cancellable);
  matches = fw_matcher_find (matcher, text, cancellable, &error);
  g_assert_null (matches);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matcher/text-edges", test_text_edges);
  g_test_add_func ("/matcher/word-boundaries", test_word_boundaries);
  g_test_add_func ("/matcher/possessive", test_possessive);
  g_test_add_func ("/matcher/hyphens-and-dashes", test_hyphens_and_dashes);
  g_test_add_func ("/matcher/overlaps", test_overlaps);
  g_test_add_func ("/matcher/non-ascii", test_non_ascii);
  g_test_add_func ("/matcher/groups", test_groups);
  g_test_add_func ("/matcher/many-patterns", test_many_patterns);
  g_test_add_func ("/matcher/cancelled", test_cancelled);

  return g_test_run ();
}
