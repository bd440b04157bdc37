/* test-utf8-index.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-utf8-index.h"

/* Characters of one to four bytes: Azerbaijani ə, Armenian capital and
 * small letters, a combining acute accent, a curly apostrophe, an em dash,
 * a CJK ideograph, Gothic hwair and an emoji. */
static const gunichar non_ascii[] = {
  0x0259, 0x0531, 0x0561, 0x0301, 0x2019, 0x2014, 0x4E2D, 0x10348, 0x1F600,
};

/* @n_chars code points, about half of them outside ASCII, so that samples
 * fall at every byte alignment and after characters of every length. */
static char *
mixed_text (guint32 seed,
            guint   n_chars)
{
  GRand *rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    {
      if (g_rand_boolean (rand))
        g_string_append_unichar (text, non_ascii[g_rand_int_range (rand, 0,
                                                                   G_N_ELEMENTS (non_ascii))]);
      else
        g_string_append_c (text, (char) ('a' + g_rand_int_range (rand, 0, 26)));
    }

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

static char *
repeated (gunichar c,
          guint    n_chars)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    g_string_append_unichar (text, c);

  return g_string_free (text, FALSE);
}

/* Checks every conversion the index makes on @text against GLib's walk
 * from the start of the text. */
static void
check_against_walk (const char *text)
{
  gsize n_bytes = strlen (text);
  glong n_chars = g_utf8_strlen (text, -1);
  g_autoptr(FwUtf8Index) index = fw_utf8_index_new (text, n_bytes);
  const char *p;

  g_assert_true (fw_utf8_index_get_text (index) == text);
  g_assert_cmpuint (fw_utf8_index_get_n_bytes (index), ==, n_bytes);
  g_assert_cmpuint (fw_utf8_index_get_n_chars (index), ==, (gsize) n_chars);

  for (glong i = 0; i <= n_chars; i++)
    g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, (gsize) i), ==,
                      (gsize) (g_utf8_offset_to_pointer (text, i) - text));

  /* Past the end, the end. */
  g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, (gsize) n_chars + 1), ==, n_bytes);
  g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, G_MAXSIZE), ==, n_bytes);

  for (p = text;; p = g_utf8_next_char (p))
    {
      g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, (gsize) (p - text)), ==,
                        (gsize) g_utf8_pointer_to_offset (text, p));
      if (*p == '\0')
        break;
    }
  g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, n_bytes + 7), ==, (gsize) n_chars);
}

static void
test_utf8_index_matches_walk (void)
{
  for (guint32 seed = 1; seed <= 10; seed++)
    {
      g_autofree char *text = mixed_text (seed, 40 * seed + 500);

      check_against_walk (text);
    }
}

/* Texts that end just before, on and just after a sample, so that the
 * last sample is the end of the text or lies before it. */
static void
test_utf8_index_lengths_around_samples (void)
{
  static const guint lengths[] = { 0, 1, 2, 63, 64, 65, 127, 128, 129, 192, 1000, 1024 };

  G_STATIC_ASSERT (FW_UTF8_INDEX_STEP == 64);

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *ascii = repeated ('a', lengths[i]);
      g_autofree char *schwa = repeated (0x0259, lengths[i]);
      g_autofree char *armenian = repeated (0x0531, lengths[i]);
      g_autofree char *emoji = repeated (0x1F600, lengths[i]);
      g_autofree char *mixed = mixed_text (lengths[i] + 100, lengths[i]);

      check_against_walk (ascii);
      check_against_walk (schwa);
      check_against_walk (armenian);
      check_against_walk (emoji);
      check_against_walk (mixed);
    }
}

/* Offsets on both sides of each sample, in text where each code point
 * takes four bytes: the answers are known without GLib. */
static void
test_utf8_index_sample_boundaries (void)
{
  g_autofree char *emoji = repeated (0x1F600, 5 * FW_UTF8_INDEX_STEP + 3);
  g_autoptr(FwUtf8Index) index = fw_utf8_index_new (emoji, strlen (emoji));

  for (gsize k = 0; k <= 5; k++)
    {
      gsize at = k * FW_UTF8_INDEX_STEP;

      if (k > 0)
        {
          g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, at - 1), ==, 4 * (at - 1));
          g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, 4 * (at - 1)), ==, at - 1);
        }
      g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, at), ==, 4 * at);
      g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, 4 * at), ==, at);
      g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, at + 1), ==, 4 * (at + 1));
      g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, 4 * (at + 1)), ==, at + 1);
    }

  g_assert_cmpuint (fw_utf8_index_get_n_chars (index), ==, 5 * FW_UTF8_INDEX_STEP + 3);
  g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, 5 * FW_UTF8_INDEX_STEP + 3), ==,
                    4 * (5 * FW_UTF8_INDEX_STEP + 3));
}

/* Combining marks are code points of their own: "e" + U+0301 is two. */
static void
test_utf8_index_combining_marks (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(FwUtf8Index) index = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "cafe\u0301 ");
  index = fw_utf8_index_new (text->str, text->len);

  /* Each "cafe\u0301 " is six code points and seven bytes. */
  g_assert_cmpuint (fw_utf8_index_get_n_chars (index), ==, 600);
  for (gsize i = 0; i < 100; i++)
    {
      g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, 6 * i + 4), ==, 7 * i + 4);
      g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, 6 * i + 5), ==, 7 * i + 6);
      g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, 7 * i + 6), ==, 6 * i + 5);
    }
  check_against_walk (text->str);
}

/* The index covers the bytes it is given, not the rest of the string. */
static void
test_utf8_index_part_of_string (void)
{
  const char *text = "Azərbaycan və Հայաստան 😀 end";
  const char *cut = strstr (text, "Հ");
  g_autoptr(FwUtf8Index) index = fw_utf8_index_new (text, (gsize) (cut - text));

  g_assert_cmpuint (fw_utf8_index_get_n_chars (index), ==, 14);
  g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, 14), ==, (gsize) (cut - text));
  g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, 20), ==, (gsize) (cut - text));
  g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, (gsize) (cut - text) + 2), ==, 14);
}

static void
test_utf8_index_empty (void)
{
  g_autoptr(FwUtf8Index) index = fw_utf8_index_new ("", 0);
  g_autoptr(FwUtf8Index) null_index = fw_utf8_index_new (NULL, 0);
  g_autofree char *substring = fw_utf8_index_dup_substring (index, 0, 0);

  g_assert_cmpuint (fw_utf8_index_get_n_chars (index), ==, 0);
  g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, 0), ==, 0);
  g_assert_cmpuint (fw_utf8_index_offset_to_byte (index, 3), ==, 0);
  g_assert_cmpuint (fw_utf8_index_byte_to_offset (index, 0), ==, 0);
  g_assert_cmpstr (substring, ==, "");
  g_assert_cmpuint (fw_utf8_index_get_n_chars (null_index), ==, 0);
}

static void
test_utf8_index_substring_matches_glib (void)
{
  g_autofree char *text = mixed_text (77, 3 * FW_UTF8_INDEX_STEP + 10);
  g_autoptr(FwUtf8Index) index = fw_utf8_index_new (text, strlen (text));
  gsize n_chars = fw_utf8_index_get_n_chars (index);

  for (gsize start = 0; start <= n_chars; start += 7)
    for (gsize end = start; end <= n_chars; end += 13)
      {
        g_autofree char *ours = fw_utf8_index_dup_substring (index, start, end);
        g_autofree char *glibs = g_utf8_substring (text, (glong) start, (glong) end);

        g_assert_cmpstr (ours, ==, glibs);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/utf8-index/matches-walk", test_utf8_index_matches_walk);
  g_test_add_func ("/utf8-index/lengths-around-samples", test_utf8_index_lengths_around_samples);
  g_test_add_func ("/utf8-index/sample-boundaries", test_utf8_index_sample_boundaries);
  g_test_add_func ("/utf8-index/combining-marks", test_utf8_index_combining_marks);
  g_test_add_func ("/utf8-index/part-of-string", test_utf8_index_part_of_string);
  g_test_add_func ("/utf8-index/empty", test_utf8_index_empty);
  g_test_add_func ("/utf8-index/substring-matches-glib", test_utf8_index_substring_matches_glib);

  return g_test_run ();
}
