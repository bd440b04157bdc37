/* test-selector.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

  return g_test_run ();
}
