/* test-utf8.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-utf8.h"

/* Text with characters of one to four bytes in every alignment, and runs
 * of ASCII long enough for whole eight-byte words. */
static char *
mixed_text (guint32 seed,
            guint   n_chars)
{
  static const gunichar samples[] = {
    'a', ' ', 'Z', 0x00E9, 0x2019, 0x2014, 0x0531, 0x10348, 0x1F600, 0x4E2D,
  };
  GRand *rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    {
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_unichar (text, samples[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (samples))]);
      else
        g_string_append_c (text, (char) ('a' + g_rand_int_range (rand, 0, 26)));
    }

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

static void
test_count_matches_glib (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autofree char *text = mixed_text (seed, 300);
      gsize n_bytes = strlen (text);

      /* Every character boundary, from the start and from every place in
       * the first bytes, so that the eight-byte words start at every
       * alignment. */
      for (const char *from = text; from < text + 16; from = g_utf8_next_char (from))
        for (const char *to = from; to <= text + n_bytes; to = g_utf8_next_char (to))
          {
            g_assert_cmpuint (fw_utf8_count_chars (from, (gsize) (to - from)), ==,
                              (gsize) g_utf8_pointer_to_offset (from, to));
            if (to == text + n_bytes)
              break;
          }
    }

  g_assert_cmpuint (fw_utf8_count_chars ("", 0), ==, 0);
}

static void
test_skip_matches_glib (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autofree char *text = mixed_text (seed, 300);
      gsize n_bytes = strlen (text);
      glong n_chars = g_utf8_strlen (text, -1);

      for (glong i = 0; i <= n_chars; i++)
        g_assert_true (fw_utf8_skip_chars (text, n_bytes, (gsize) i)
                       == g_utf8_offset_to_pointer (text, i));

      /* Never past the end. */
      g_assert_true (fw_utf8_skip_chars (text, n_bytes, (gsize) n_chars + 5) == text + n_bytes);
    }

  {
    const char *empty = "";

    g_assert_true (fw_utf8_skip_chars (empty, 0, 3) == empty);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/utf8/count-matches-glib", test_count_matches_glib);
  g_test_add_func ("/utf8/skip-matches-glib", test_skip_matches_glib);

  return g_test_run ();
}
