/* test-text.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-text.h"

/* Code point offset of the first occurrence of @needle in @haystack. */
static guint
cp_offset_of (const char *haystack,
              const char *needle)
{
  const char *p = strstr (haystack, needle);

  g_assert_nonnull (p);
  return (guint) g_utf8_pointer_to_offset (haystack, p);
}

static void
assert_normalizes (const char *input,
                   const char *expected)
{
  g_autofree char *out = fw_text_normalize (input, -1);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalize_basics (void)
{
  assert_normalizes ("Anti‑Terror “Operation”", "anti-terror \"operation\"");
  assert_normalizes ("Azerbaijan’s ‘sham’ – vote—today", "azerbaijan's 'sham' - vote-today");
  assert_normalizes ("  spaced \t\u00A0 out  ", "spaced out");
  assert_normalizes ("ﬁne Straße", "fine strasse");
  assert_normalizes ("sepa\u00ADratist", "separatist");
  assert_normalizes ("", "");
}

static void
test_normalize_scripts (void)
{
  /* Azerbaijani schwa and dotted capital I, Polish ł, Armenian and
   * Cyrillic case, a combining acute composed by NFKC, emoji with a skin
   * tone, right-to-left scripts with a bidi mark dropped. */
  assert_normalizes ("XANKƏNDİ", "xankəndi\u0307");
  assert_normalizes ("Xankəndi", "xankəndi");
  assert_normalizes ("ŁÓDŹ", "łódź");
  assert_normalizes ("Ստեփանակերտ", "ստեփանակերտ");
  assert_normalizes ("Москва", "москва");
  assert_normalizes ("e\u0301cole", "\u00e9cole");
  assert_normalizes ("ok 👍🏽!", "ok 👍🏽!");
  assert_normalizes ("שלום \u200Fעולם", "שלום עולם");
  assert_normalizes ("السلام عليكم", "السلام عليكم");
}

/* Finds @word's normalised form in the normalised text and checks that it
 * maps back to exactly @word in the original. */
static void
assert_maps_back (FwText     *text,
                  const char *word)
{
  g_autofree char *needle = fw_text_normalize (word, -1);
  const char *normalized = fw_text_get_normalized (text, NULL);
  const char *hit = strstr (normalized, needle);
  const char *original = fw_text_get_text (text, NULL);
  guint start = 0, end = 0;
  g_autofree char *span = NULL;

  g_assert_nonnull (hit);
  g_assert_true (fw_text_map_normalized (text, hit - normalized,
                                         hit - normalized + strlen (needle), &start, &end));
  g_assert_cmpuint (start, ==, cp_offset_of (original, word));
  g_assert_cmpuint (end, ==, start + g_utf8_strlen (word, -1));
  span = fw_text_dup_span (text, start, end);
  g_assert_cmpstr (span, ==, word);
}

static const char *mixed =
  "Łódź’s “XANKƏNDİ” e\u0301cole ﬁne Москва Ստեփանակերտ 👍🏽 שלום \u200Fעולם  and\u00A0more "
  "sepa\u00ADratist İstanbul end";

static void
test_offset_map_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new (mixed, -1, NULL, 0, &error);
  const char *words[] = {
    "Łódź", "XANKƏNDİ", "e\u0301cole", "ﬁne", "Москва", "Ստեփանակերտ", "👍🏽", "שלום",
    "עולם", "and\u00A0more", "sepa\u00ADratist", "İstanbul", "end", "“XANKƏNDİ”", NULL
  };

  g_assert_no_error (error);
  g_assert_cmpuint (fw_text_get_length (text), ==, g_utf8_strlen (mixed, -1));

  for (guint i = 0; words[i] != NULL; i++)
    assert_maps_back (text, words[i]);
}

static void
test_offset_map_exact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new (mixed, -1, NULL, 0, &error);
  gsize n;
  const char *normalized = fw_text_get_normalized (text, &n);
  guint checked = 0;

  g_assert_no_error (error);

  /* Every span of the normalised text that maps back maps to input that
   * normalises to exactly that span: the map is exact. */
  for (const char *b = normalized; b < normalized + n; b = g_utf8_next_char (b))
    for (const char *e = g_utf8_next_char (b); e <= normalized + n;
         e = e < normalized + n ? g_utf8_next_char (e) : e + 1)
      {
        guint start, end;
        g_autofree char *original = NULL;
        g_autofree char *again = NULL;
        g_autofree char *expected = NULL;

        if (*b == ' ' || e[-1] == ' ')
          continue;
        if (!fw_text_map_normalized (text, b - normalized, e - normalized, &start, &end))
          continue;

        original = fw_text_dup_span (text, start, end);
        again = fw_text_normalize (original, -1);
        expected = g_strndup (b, e - b);
        g_assert_cmpstr (again, ==, expected);
        checked++;
      }

  g_assert_cmpuint (checked, >, 1000);
}

static void
test_offset_map_inside_unit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new ("a ﬁne day", -1, NULL, 0, &error);
  guint start, end;

  g_assert_no_error (error);
  g_assert_cmpstr (fw_text_get_normalized (text, NULL), ==, "a fine day");

  /* "ine" starts inside the unit "ﬁ" → "fi": it has no exact original. */
  g_assert_false (fw_text_map_normalized (text, 3, 6, &start, &end));
  /* "fine" does: the ligature and "ne", three code points. */
  g_assert_true (fw_text_map_normalized (text, 2, 6, &start, &end));
  g_assert_cmpuint (start, ==, 2);
  g_assert_cmpuint (end, ==, 5);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = NULL;

  text = fw_text_new ("abc\xff" "def", -1, NULL, 0, &error);
  g_assert_null (text);
  g_assert_error (error, FW_TEXT_ERROR, FW_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);

  /* A NUL byte inside the given length is refused too. */
  text = fw_text_new_plain ("ab\0cd", 5, &error);
  g_assert_null (text);
  g_assert_error (error, FW_TEXT_ERROR, FW_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 2"));
  g_clear_error (&error);

  /* A truncated sequence: "ł" is C5 82. */
  text = fw_text_new ("Łód\xC5", -1, NULL, 0, &error);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "byte offset 5"));
}

static void
test_plain_paragraphs (void)
{
  const char *input = "Title\r\n\r\nLine one\nline two. Łódź\n\n  \t\nSecond para.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new_plain (input, -1, &error);
  const FwTextSpan *sentences;
  guint n;
  FwTextSpan p;

  g_assert_no_error (error);
  g_assert_cmpuint (fw_text_get_n_paragraphs (text), ==, 3);

  p = fw_text_get_paragraph (text, 0);
  g_assert_cmpuint (p.start, ==, 0);
  g_assert_cmpuint (p.end, ==, 5);
  p = fw_text_get_paragraph (text, 1);
  g_assert_cmpuint (p.start, ==, cp_offset_of (input, "Line one"));
  g_assert_cmpuint (p.end, ==, cp_offset_of (input, "Łódź") + 4);
  p = fw_text_get_paragraph (text, 2);
  g_assert_cmpuint (p.start, ==, cp_offset_of (input, "Second"));
  g_assert_cmpuint (p.end, ==, cp_offset_of (input, "Second para.") + 12);

  g_assert_cmpuint (fw_text_find_paragraph (text, cp_offset_of (input, "two")), ==, 1);
  g_assert_cmpuint (fw_text_find_paragraph (text, 6), ==, G_MAXUINT);

  /* A line break inside a paragraph is a space: "Line one\nline two." is
   * one sentence. */
  g_assert_true (fw_text_segment (text, "en", NULL, &error));
  g_assert_no_error (error);
  sentences = fw_text_get_sentences (text, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (sentences[1].start, ==, cp_offset_of (input, "Line one"));
  g_assert_cmpuint (sentences[1].end, ==, cp_offset_of (input, "two.") + 4);
}

static char *
sentence_text (FwText           *text,
               const FwTextSpan *s)
{
  return fw_text_dup_span (text, s->start, s->end);
}

static void
test_sentences_abbreviations (void)
{
  const char *input = "Dr. Smith met U.S. President Biden in Washington. He saw e.g. Poland, "
                      "Łódź and John F. Kennedy Airport. “It ended,” he said. Then it rained.";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new (input, -1, NULL, 0, &error);
  const FwTextSpan *s;
  guint n;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;

  g_assert_true (fw_text_segment (text, "en", NULL, &error));
  s = fw_text_get_sentences (text, &n);
  g_assert_cmpuint (n, ==, 4);

  first = sentence_text (text, &s[0]);
  second = sentence_text (text, &s[1]);
  last = sentence_text (text, &s[3]);
  g_assert_cmpstr (first, ==, "Dr. Smith met U.S. President Biden in Washington.");
  g_assert_cmpstr (second, ==, "He saw e.g. Poland, Łódź and John F. Kennedy Airport.");
  g_assert_cmpstr (last, ==, "Then it rained.");
}

/* UAX #29 does not break before a digit; Framewise does, unless an
 * abbreviation such as "No." comes before it. */
static void
test_sentences_before_digit (void)
{
  const char *input = "The invasion of Normandy began in 1944. 40% of people agree. "
                      "See No. 5 and p. 12 for 3.5 million more. Really? 7 did.";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new (input, -1, NULL, 0, &error);
  const FwTextSpan *s;
  guint n;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *last = NULL;

  g_assert_true (fw_text_segment (text, "en", NULL, &error));
  s = fw_text_get_sentences (text, &n);
  g_assert_cmpuint (n, ==, 5);
  first = sentence_text (text, &s[0]);
  second = sentence_text (text, &s[1]);
  third = sentence_text (text, &s[2]);
  last = sentence_text (text, &s[4]);
  g_assert_cmpstr (first, ==, "The invasion of Normandy began in 1944.");
  g_assert_cmpstr (second, ==, "40% of people agree.");
  g_assert_cmpstr (third, ==, "See No. 5 and p. 12 for 3.5 million more.");
  g_assert_cmpstr (last, ==, "7 did.");
}

static void
test_words (void)
{
  const char *input = "Azerbaijan’s 1.3 million U.S. anti-terror; 8,255,288 — Xankəndi!";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new (input, -1, NULL, 0, &error);
  FwTextSpan w;
  g_autofree char *first = NULL;

  g_assert_true (fw_text_segment (text, "en", NULL, &error));

  /* Azerbaijan’s, 1.3, million, U.S, anti, terror, 8,255,288, Xankəndi */
  g_assert_cmpuint (fw_text_count_words (text, 0, fw_text_get_length (text)), ==, 8);

  g_assert_true (fw_text_next_word (text, 0, fw_text_get_length (text), &w));
  first = fw_text_dup_span (text, w.start, w.end);
  g_assert_cmpstr (first, ==, "Azerbaijan’s");
  g_assert_true (fw_text_next_word (text, w.end, fw_text_get_length (text), &w));
  g_assert_cmpuint (w.start, ==, cp_offset_of (input, "1.3"));
  g_assert_cmpuint (w.end, ==, w.start + 3);
}

/* The boundary test without segmentation must agree with Pango's full
 * segmentation at every offset. */
static void
test_word_boundary_fast_path (void)
{
  const char *input =
    "e.g. U.S.A. don't 3.14 1,000 a:b a.b. ’quote’ “x” — x–y _a_ a_b #tag @x 'sham's' sham’s "
    "sham. Xankəndi ə. Łódź’s (Karabakh) [1] {a} a/b a\\b a|b a+b a=b a<b> a~b a^b a`b a!b a?b "
    "a%b a&b a*b a$b 9am 5% 10-year “Anti‑Terror” ‘quoted’ «guillemets» a\u00ADb "
    "Москва, Ստեփանակերտ՝ א\"ב שלום 👍🏽 x\u0301y a \u0301b tab\there end.";
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) segmented = fw_text_new (input, -1, NULL, 0, &error);
  g_autoptr(FwText) plain = fw_text_new (input, -1, NULL, 0, &error);

  g_assert_true (fw_text_segment (segmented, "en", NULL, &error));
  g_assert_false (fw_text_is_segmented (plain));

  for (guint k = 0; k <= fw_text_get_length (plain); k++)
    {
      gboolean expected = fw_text_is_word_boundary (segmented, k);
      gboolean fast = fw_text_is_word_boundary (plain, k);

      if (expected != fast)
        g_test_message ("offset %u: Pango %d, fast path %d", k, expected, fast);
      g_assert_cmpint (fast, ==, expected);
    }
}

static void
test_segment_parallel (void)
{
  const char *paragraph = "The UN said 56% of refugees fled. Dr. Aliyev met U.S. officials. "
                          "Ստեփանակերտ is in Karabakh.";
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) small = fw_text_new (paragraph, -1, NULL, 0, &error);
  g_autoptr(FwText) text = NULL;
  const FwTextSpan *one, *all;
  guint n_one, n_all, length;
  guint repeats = 0;

  while (big->len < 600 * 1024)
    {
      g_string_append (big, paragraph);
      g_string_append (big, "\n\n");
      repeats++;
    }

  text = fw_text_new_plain (big->str, big->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_text_get_n_paragraphs (text), ==, repeats);

  g_assert_true (fw_text_segment (small, "en", NULL, &error));
  g_assert_true (fw_text_segment (text, "en", NULL, &error));
  one = fw_text_get_sentences (small, &n_one);
  all = fw_text_get_sentences (text, &n_all);
  g_assert_cmpuint (n_one, ==, 3);
  g_assert_cmpuint (n_all, ==, n_one * repeats);

  length = fw_text_get_length (small) + 2;
  for (guint i = 0; i < n_all; i++)
    {
      g_assert_cmpuint (all[i].start, ==, one[i % n_one].start + (i / n_one) * length);
      g_assert_cmpuint (all[i].end, ==, one[i % n_one].end + (i / n_one) * length);
    }
  g_assert_cmpuint (fw_text_count_words (text, 0, fw_text_get_length (text)), ==,
                    fw_text_count_words (small, 0, fw_text_get_length (small)) * repeats);
}

static void
test_segment_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new ("One. Two.", -1, NULL, 0, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_false (fw_text_segment (text, "en", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (fw_text_is_segmented (text));
}

static void
test_text_finalize (void)
{
  FwText *text = fw_text_new ("abc", -1, NULL, 0, NULL);

  g_assert_true (fw_text_segment (text, NULL, NULL, NULL));
  g_assert_finalize_object (text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize/basics", test_normalize_basics);
  g_test_add_func ("/text/normalize/scripts", test_normalize_scripts);
  g_test_add_func ("/text/offset-map/words", test_offset_map_words);
  g_test_add_func ("/text/offset-map/exact", test_offset_map_exact);
  g_test_add_func ("/text/offset-map/inside-unit", test_offset_map_inside_unit);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text/plain-paragraphs", test_plain_paragraphs);
  g_test_add_func ("/text/sentences/abbreviations", test_sentences_abbreviations);
  g_test_add_func ("/text/sentences/before-digit", test_sentences_before_digit);
  g_test_add_func ("/text/words", test_words);
  g_test_add_func ("/text/word-boundary/fast-path", test_word_boundary_fast_path);
  g_test_add_func ("/text/segment/parallel", test_segment_parallel);
  g_test_add_func ("/text/segment/cancelled", test_segment_cancelled);
  g_test_add_func ("/text/finalize", test_text_finalize);

  return g_test_run ();
}
