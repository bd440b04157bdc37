/* test-selector.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-selector.h"

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

  g_assert_true (fw_selector_resolve (text, g_utf8_strlen (text, -1), exact, prefix, suffix,
                                      pstart, pend, &start, &end, &error));
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

  g_assert_false (fw_selector_resolve (text, g_utf8_strlen (text, -1), exact, prefix, suffix,
                                       pstart, pend, &start, &end, &error));
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
  g_assert_false (fw_selector_resolve (text->str, text->len, "aa", NULL, NULL, -1, -1, &start, &end,
                                       &error));
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

  g_assert_true (fw_selector_resolve (text->str, text->len, quote->str, NULL, "b", -1, -1, &start,
                                      &end, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, ==, 150000);
  g_assert_cmpuint (end, ==, 200000);
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
  g_test_add_func ("/selector/context-at-edges", test_selector_context_at_edges);
  g_test_add_func ("/selector/ambiguity-counted", test_selector_ambiguity_counted);
  g_test_add_func ("/selector/repetitive-text", test_selector_repetitive_text);

  return g_test_run ();
}
