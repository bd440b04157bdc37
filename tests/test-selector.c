/* test-selector.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-selector.h"

/* Resolves the selectors twice, walking the text and with an index of it,
 * and checks that both ways give the same result or the same error. */
static gboolean
resolve (const char  *text,
         const char  *exact,
         const char  *prefix,
         const char  *suffix,
         gint64       pstart,
         gint64       pend,
         guint       *start,
         guint       *end,
         GError     **error)
{
  gsize n_bytes = strlen (text);
  g_autoptr(FwUtf8Index) index = fw_utf8_index_new (text, n_bytes);
  g_autoptr(GError) indexed_error = NULL;
  guint indexed_start = G_MAXUINT, indexed_end = G_MAXUINT;
  gboolean walked, indexed;

  *start = *end = G_MAXUINT;
  walked = fw_selector_resolve (text, g_utf8_strlen (text, -1), NULL, exact, prefix, suffix,
                                pstart, pend, start, end, error);
  indexed = fw_selector_resolve (text, g_utf8_strlen (text, -1), index, exact, prefix, suffix,
                                 pstart, pend, &indexed_start, &indexed_end, &indexed_error);

  g_assert_cmpint (walked, ==, indexed);
  g_assert_cmpuint (*start, ==, indexed_start);
  g_assert_cmpuint (*end, ==, indexed_end);
  if (!walked)
    {
      g_assert_nonnull (indexed_error);
      g_assert_error (*error, indexed_error->domain, indexed_error->code);
      g_assert_cmpstr ((*error)->message, ==, indexed_error->message);
    }
  else
    {
      g_assert_no_error (indexed_error);
    }

  return walked;
}

static void
resolve_ok (const char *text,
            const char *exact,
            const char *prefix,
            const char *suffix,
            gint64      pstart,
            gint64      pend,
            guint       want_start,
            guint       want_end)
{
  g_autoptr(GError) error = NULL;
  guint start = 0, end = 0;

  g_assert_true (resolve (text, exact, prefix, suffix, pstart, pend, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, ==, want_start);
  g_assert_cmpuint (end, ==, want_end);
}

static void
resolve_fails (const char *text,
               const char *exact,
               const char *prefix,
               const char *suffix,
               gint64      pstart,
               gint64      pend,
               int         code)
{
  g_autoptr(GError) error = NULL;
  guint start = 0, end = 0;

  g_assert_false (resolve (text, exact, prefix, suffix, pstart, pend, &start, &end, &error));
  g_assert_error (error, FW_SELECTOR_ERROR, code);
}

static void
test_selector_quote_ascii (void)
{
  resolve_ok ("The sham elections were held.", "sham", NULL, NULL, -1, -1, 4, 8);
  resolve_ok ("sham", "sham", NULL, NULL, -1, -1, 0, 4);
  resolve_ok ("a sham", "sham", NULL, NULL, -1, -1, 2, 6);
}

static void
test_selector_quote_non_ascii (void)
{
  /* Offsets count code points: curly quotes, en dashes, ə and ł are one
   * each, although they take two or three bytes in UTF-8. */
  const char *text = "“Azərbaycan” – Łódź’s view: the ‘anti-terror’ operation";

  resolve_ok (text, "Łódź", NULL, NULL, -1, -1, 15, 19);
  resolve_ok (text, "Azərbaycan", NULL, NULL, -1, -1, 1, 11);
  resolve_ok (text, "‘anti-terror’", NULL, NULL, -1, -1, 32, 45);
  resolve_ok (text, "–", NULL, NULL, -1, -1, 13, 14);
}

static void
test_selector_quote_prefix_suffix (void)
{
  const char *text = "separatists said; the separatists left; separatists";

  resolve_fails (text, "separatists", NULL, NULL, -1, -1, FW_SELECTOR_ERROR_AMBIGUOUS);
  resolve_ok (text, "separatists", "the ", NULL, -1, -1, 22, 33);
  resolve_ok (text, "separatists", NULL, " said", -1, -1, 0, 11);
  resolve_ok (text, "separatists", "; ", NULL, -1, -1, 40, 51);
  resolve_fails (text, "separatists", "our ", NULL, -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
}

static void
test_selector_quote_missing (void)
{
  resolve_fails ("anti-terror operation", "anti–terror", NULL, NULL, -1, -1,
                 FW_SELECTOR_ERROR_NOT_FOUND);
  resolve_fails ("text", "", NULL, NULL, -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
  resolve_fails ("text", NULL, NULL, NULL, -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
}

static void
test_selector_position (void)
{
  const char *text = "Khankendi/Stepanakert — ə";

  resolve_ok (text, NULL, NULL, NULL, 10, 21, 10, 21);
  resolve_ok (text, "ə", NULL, NULL, 24, 25, 24, 25);
  resolve_fails (text, NULL, NULL, NULL, 20, 26, FW_SELECTOR_ERROR_OUT_OF_RANGE);
  resolve_fails (text, NULL, NULL, NULL, 5, 5, FW_SELECTOR_ERROR_OUT_OF_RANGE);
  resolve_fails (text, "Khankendi", NULL, NULL, 10, 19, FW_SELECTOR_ERROR_MISMATCH);
}

static void
test_selector_position_disambiguates (void)
{
  /* With both selectors, the position picks one of the quote's places. */
  resolve_ok ("war and war", "war", NULL, NULL, 8, 11, 8, 11);
}

static void
test_selector_astral_and_combining (void)
{
  /* A flag is two code points (regional indicators outside the BMP, four
   * bytes each in UTF-8, two UTF-16 units each); "é" written as e plus a
   * combining acute accent is two code points too. Offsets count code
   * points, never bytes or UTF-16 units. */
  const char *text = "Flag 🇵🇱 of Polska; cafe\u0301 and café";

  resolve_ok (text, "of", NULL, NULL, -1, -1, 8, 10);
  resolve_ok (text, "cafe\u0301", NULL, NULL, -1, -1, 19, 24);
  resolve_ok (text, "café", NULL, NULL, -1, -1, 29, 33);
  resolve_ok (text, "🇵🇱", NULL, NULL, 5, 7, 5, 7);
  /* A quote matches the bytes exactly: the composed and the decomposed
   * é are different quotes. */
  resolve_fails ("cafe\u0301", "café", NULL, NULL, -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
}

static void
test_selector_prefix_and_suffix_together (void)
{
  const char *text = "the war, a war; the war; a war, the war";

  resolve_fails (text, "war", "the ", NULL, -1, -1, FW_SELECTOR_ERROR_AMBIGUOUS);
  resolve_fails (text, "war", NULL, ";", -1, -1, FW_SELECTOR_ERROR_AMBIGUOUS);
  resolve_ok (text, "war", "the ", ";", -1, -1, 20, 23);
  resolve_ok (text, "war", "a ", ",", -1, -1, 27, 30);
  /* Context at the very edges of the text. */
  resolve_ok (text, "the", NULL, " war,", -1, -1, 0, 3);
  resolve_fails (text, "the", "x", NULL, -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
  resolve_ok (text, "war", "the ", NULL, 36, 39, 36, 39);
  resolve_fails (text, "war", NULL, " again", -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
}

/* With a position, the quote and its context are checked where the
 * position points, in a text whose characters take one to four bytes. */
static void
test_selector_position_with_context (void)
{
  const char *text = "Łódź’s war — 🇵🇱 war; the war, Łódź’s war";

  resolve_ok (text, "war", "’s ", " —", 7, 10, 7, 10);
  resolve_ok (text, "war", "’s ", NULL, 37, 40, 37, 40);
  resolve_ok (text, "war", "🇵🇱 ", ";", 16, 19, 16, 19);
  /* The quote is there, but not its prefix or suffix. */
  resolve_fails (text, "war", "the ", NULL, 16, 19, FW_SELECTOR_ERROR_MISMATCH);
  resolve_fails (text, "war", NULL, ",", 7, 10, FW_SELECTOR_ERROR_MISMATCH);
  /* A position one character off. */
  resolve_fails (text, "war", NULL, NULL, 8, 11, FW_SELECTOR_ERROR_MISMATCH);
  /* The position's length differs from the quote's. */
  resolve_fails (text, "war", NULL, NULL, 7, 11, FW_SELECTOR_ERROR_MISMATCH);
}

static void
test_selector_overlapping_occurrences (void)
{
  /* "aa" occurs at 0, 1 and 2 of "aaaa": overlapping places count. */
  g_autoptr(GError) error = NULL;
  guint start, end;

  g_assert_false (resolve ("aaaa", "aa", NULL, NULL, -1, -1, &start, &end, &error));
  g_assert_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "occurs 3 times"));
  resolve_ok ("aaaa", "aa", "aa", NULL, -1, -1, 2, 4);
  resolve_ok ("aaaa", "aa", NULL, NULL, 1, 3, 1, 3);
}

static void
test_selector_position_edges (void)
{
  const char *text = "Łódź";

  resolve_ok (text, NULL, NULL, NULL, 0, 4, 0, 4);
  resolve_ok (text, "ź", NULL, NULL, 3, 4, 3, 4);
  resolve_fails (text, NULL, NULL, NULL, 0, 5, FW_SELECTOR_ERROR_OUT_OF_RANGE);
  resolve_fails (text, NULL, NULL, NULL, 3, 2, FW_SELECTOR_ERROR_OUT_OF_RANGE);
  /* Only one half of a position selector is not a position. */
  resolve_fails (text, NULL, NULL, NULL, 1, -1, FW_SELECTOR_ERROR_OUT_OF_RANGE);
  resolve_fails (text, NULL, NULL, NULL, -1, 2, FW_SELECTOR_ERROR_OUT_OF_RANGE);
  /* The right quote at the wrong place, and a quote that does not fit. */
  resolve_fails ("war and war", "war", NULL, NULL, 4, 7, FW_SELECTOR_ERROR_MISMATCH);
  resolve_fails ("war and war", "and", NULL, NULL, 4, 8, FW_SELECTOR_ERROR_MISMATCH);
}

static void
test_selector_long_quote_shortened (void)
{
  g_autoptr(GError) error = NULL;
  guint start, end;

  /* Messages quote at most 40 characters of a long quote, the last of
   * them "…", cut on a code point: "ż" is two bytes. */
  g_assert_false (resolve ("short text", "żżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżż", NULL,
                           NULL, -1, -1, &start, &end, &error));
  g_assert_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_NOT_FOUND);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "“żżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżżż…”"));
}

static void
test_selector_context_at_edges (void)
{
  /* A prefix must fit before the quote and a suffix after it. */
  resolve_fails ("war here", "war", "the ", NULL, -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
  resolve_fails ("here war", "war", NULL, " now", -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
  resolve_ok ("the war", "war", "the ", "", -1, -1, 4, 7);

  /* With a position, the prefix and suffix must agree with it too. */
  resolve_ok ("war and war", "war", "and ", NULL, 8, 11, 8, 11);
  resolve_fails ("war and war", "war", "and ", NULL, 0, 3, FW_SELECTOR_ERROR_MISMATCH);
  resolve_fails ("war and war", "peace", NULL, NULL, 0, 5, FW_SELECTOR_ERROR_NOT_FOUND);
}

static void
test_selector_ambiguity_counted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint start, end;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "aa ");

  /* Counting stops at ten: the message still says what to do. */
  g_assert_false (resolve (text->str, "aa", NULL, NULL, -1, -1, &start, &end, &error));
  g_assert_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "occurs 10 or more times"));
}

static void
test_selector_repetitive_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) quote = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint start, end;

  /* The quote and its context are searched as one string; on text made to
   * trip up a naive search (a long run of one letter and a quote of the
   * same letter), the one real place is still found. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, 'a');
  g_string_append_c (text, 'b');
  for (guint i = 0; i < 50000; i++)
    g_string_append_c (quote, 'a');

  g_assert_true (resolve (text->str, quote->str, NULL, "b", -1, -1, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, ==, 150000);
  g_assert_cmpuint (end, ==, 200000);
}

/* A text of several index samples whose characters take one to four bytes
 * (Azerbaijani, Armenian, an emoji, a combining accent), in which every
 * token "<word><n>" occurs once. Its code-point offsets are counted here by
 * GLib's walk from the start, independently of the selector. */
static const char * const long_words[] = {
  "Azərbaycan", "Հայաստան", "😀", "cafe\u0301", "Łódź", "war", "ə",
};

static GString *
long_text (GArray *starts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    {
      guint start;

      if (i > 0)
        g_string_append_c (text, ' ');
      start = (guint) g_utf8_strlen (text->str, -1);
      g_array_append_val (starts, start);
      g_string_append_printf (text, "%s<%u>", long_words[i % G_N_ELEMENTS (long_words)], i);
    }

  return text;
}

static void
test_selector_long_text_quotes (void)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = long_text (starts);

  /* The text spans many samples of the index. */
  g_assert_cmpuint (g_utf8_strlen (text->str, -1), >, 20 * FW_UTF8_INDEX_STEP);

  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *token = g_strdup_printf ("%s<%u>",
                                                long_words[i % G_N_ELEMENTS (long_words)], i);
      guint start = g_array_index (starts, guint, i);
      guint end = start + (guint) g_utf8_strlen (token, -1);

      resolve_ok (text->str, token, NULL, NULL, -1, -1, start, end);
      resolve_ok (text->str, token, NULL, NULL, start, end, start, end);
      if (i > 0)
        resolve_ok (text->str, token, " ", NULL, start, end, start, end);
      /* One character off, either way (past the end, out of range). */
      resolve_fails (text->str, token, NULL, NULL, start + 1, end + 1,
                     i + 1 < starts->len ? FW_SELECTOR_ERROR_MISMATCH
                                         : FW_SELECTOR_ERROR_OUT_OF_RANGE);
      if (start > 0)
        resolve_fails (text->str, token, NULL, NULL, start - 1, end - 1,
                       FW_SELECTOR_ERROR_MISMATCH);
    }

  /* Ambiguous words, counted the same way with and without the index. */
  resolve_fails (text->str, "Հայաստան", NULL, NULL, -1, -1, FW_SELECTOR_ERROR_AMBIGUOUS);
  resolve_fails (text->str, "<7>", "ə", NULL, -1, -1, FW_SELECTOR_ERROR_NOT_FOUND);
}

/* Every code point of the long text, quoted at its own position (with the
 * code points before it as prefix) and at the next one. */
static void
test_selector_long_text_every_position (void)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = long_text (starts);
  glong n_chars = g_utf8_strlen (text->str, -1);

  for (glong i = 0; i < n_chars; i++)
    {
      const char *at = g_utf8_offset_to_pointer (text->str, i);
      const char *next = g_utf8_next_char (at);
      g_autofree char *quote = g_strndup (at, (gsize) (next - at));
      g_autofree char *prefix = g_utf8_substring (text->str, MAX (i - 3, 0), i);
      g_autoptr(GError) error = NULL;
      guint start, end;

      resolve_ok (text->str, quote, NULL, NULL, i, i + 1, (guint) i, (guint) i + 1);
      resolve_ok (text->str, quote, i > 0 ? prefix : NULL, NULL, i, i + 1, (guint) i,
                  (guint) i + 1);

      /* The same code point one place on: found only where the text
       * repeats it. */
      if (i + 2 <= n_chars)
        {
          gboolean same = strncmp (next, quote, strlen (quote)) == 0;

          g_assert_cmpint (resolve (text->str, quote, NULL, NULL, i + 1, i + 2, &start, &end,
                                    &error), ==, same);
        }
    }
}

/* An index made on part of the text would give offsets into that part:
 * the length it counts must be the length passed. */
static void
test_selector_index_of_other_length (void)
{
  const char *text = "café au lait";
  g_autoptr(FwUtf8Index) index = fw_utf8_index_new (text, strlen ("café"));
  guint start = 0, end = 0;
  gboolean resolved;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*get_n_chars*text_length*");
  resolved = fw_selector_resolve (text, g_utf8_strlen (text, -1), index, "lait", NULL, NULL, -1,
                                  -1, &start, &end, NULL);
  g_test_assert_expected_messages ();
  g_assert_false (resolved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/selector/quote/ascii", test_selector_quote_ascii);
  g_test_add_func ("/selector/quote/non-ascii", test_selector_quote_non_ascii);
  g_test_add_func ("/selector/quote/prefix-suffix", test_selector_quote_prefix_suffix);
  g_test_add_func ("/selector/quote/missing", test_selector_quote_missing);
  g_test_add_func ("/selector/position", test_selector_position);
  g_test_add_func ("/selector/position/disambiguates", test_selector_position_disambiguates);
  g_test_add_func ("/selector/position/edges", test_selector_position_edges);
  g_test_add_func ("/selector/position/with-context", test_selector_position_with_context);
  g_test_add_func ("/selector/quote/astral-and-combining", test_selector_astral_and_combining);
  g_test_add_func ("/selector/quote/prefix-and-suffix", test_selector_prefix_and_suffix_together);
  g_test_add_func ("/selector/quote/overlapping", test_selector_overlapping_occurrences);
  g_test_add_func ("/selector/quote/long-quote-shortened", test_selector_long_quote_shortened);
  g_test_add_func ("/selector/context-at-edges", test_selector_context_at_edges);
  g_test_add_func ("/selector/ambiguity-counted", test_selector_ambiguity_counted);
  g_test_add_func ("/selector/repetitive-text", test_selector_repetitive_text);
  g_test_add_func ("/selector/index/long-text-quotes", test_selector_long_text_quotes);
  g_test_add_func ("/selector/index/long-text-every-position",
                   test_selector_long_text_every_position);
  g_test_add_func ("/selector/index/other-length", test_selector_index_of_other_length);

  return g_test_run ();
}
