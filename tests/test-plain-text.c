/* test-plain-text.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-plain-text.h"

static void
test_plain_text_hidden (void)
{
  static const gunichar hidden[] = {
    0x00, 0x07, 0x1B, 0x7F, 0x85, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028,
    0x2029, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF
  };
  static const gunichar shown[] = { '\t', '\n', 'a', '<', '&', 0xE9, 0x0259, 0x05D0, 0x1F600 };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_true (fw_plain_text_is_hidden_char (hidden[i]));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_assert_false (fw_plain_text_is_hidden_char (shown[i]));
}

static void
test_plain_text_make_visible (void)
{
  g_autofree char *markup = fw_plain_text_make_visible ("<b>x</b> &amp;", 40);
  g_autofree char *bidi = fw_plain_text_make_visible ("a\u202Eb\u200Bc\x1B[31m\td\ne", 40);
  g_autofree char *cut = fw_plain_text_make_visible ("abcdefghij", 5);
  g_autofree char *fits = fw_plain_text_make_visible ("abcde", 5);
  g_autofree char *wide = fw_plain_text_make_visible ("ąęśćżź", 3);

  /* Markup is text and stays as it is. */
  g_assert_cmpstr (markup, ==, "<b>x</b> &amp;");
  g_assert_cmpstr (bidi, ==, "a[U+202E]b[U+200B]c[U+001B][31m\\td\\ne");
  g_assert_cmpstr (cut, ==, "abcd…");
  g_assert_cmpstr (fits, ==, "abcde");
  g_assert_cmpstr (wide, ==, "ąę…");
}

static void
test_plain_text_isolate (void)
{
  g_autofree char *isolated = fw_plain_text_isolate ("\u202Eabc");

  g_assert_cmpstr (isolated, ==, "\u2068\u202Eabc\u2069");
}

/* Every span in a list is quoted the same way: a span that merely ends in
 * an apostrophe or a closing mark is quoted too; only a span that is a
 * quotation from mark to mark keeps its own marks. */
static void
test_quote_span (void)
{
  static const struct { const char *span, *shown; } cases[] = {
    { "sham elections", "“sham elections”" },
    { "separatists’", "“separatists’”" },
    { "separatists'", "“separatists'”" },
    { "‘sham’ elections", "“‘sham’ elections”" },
    { "so-called “elections”", "“so-called “elections””" },
    { "“true peace”", "“true peace”" },
    { "„Scheinwahlen“", "„Scheinwahlen“" },
    { "«élections»", "«élections»" },
    { "’", "“’”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = fw_plain_text_quote_span (cases[i].span);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_plain_text_set_direction (void)
{
  g_autofree char *ltr = fw_plain_text_set_direction ("\u2068\u202Eabc\u2069 · x", FALSE);
  g_autofree char *rtl = fw_plain_text_set_direction ("\u2068\u202Eabc\u2069 · x", TRUE);

  g_assert_cmpstr (ltr, ==, "\u200E\u2068\u202Eabc\u2069 · x");
  g_assert_cmpstr (rtl, ==, "\u200F\u2068\u202Eabc\u2069 · x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plain-text/hidden", test_plain_text_hidden);
  g_test_add_func ("/plain-text/make-visible", test_plain_text_make_visible);
  g_test_add_func ("/plain-text/isolate", test_plain_text_isolate);
  g_test_add_func ("/plain-text/quote-span", test_quote_span);
  g_test_add_func ("/plain-text/set-direction", test_plain_text_set_direction);

  return g_test_run ();
}
