/* fw-utf8.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Converting between byte and code-point offsets in valid UTF-8, eight
 * bytes at a time. Every code point starts with a byte that is not a
 * continuation byte (10xxxxxx, RFC 3629 §3), so the code points in a run of
 * bytes are its bytes less its continuation bytes. GLib's
 * g_utf8_pointer_to_offset() steps one character at a time through a
 * table; on the long texts of a large pack, where every annotation's
 * offset is converted, that walk was most of the loading time. */

#include "config.h"

#include <string.h>

#include "fw-utf8.h"

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define LOW_BITS G_GUINT64_CONSTANT (0x0101010101010101)

/* The number of continuation bytes among the eight bytes at @p. */
static inline guint
continuation_bytes (const guchar *p)
{
  guint64 word;
  guint64 marks;

  memcpy (&word, p, sizeof word);
  /* Bit 7 of each byte of marks: bit 7 set and bit 6 clear. Shifting the
   * word left by one brings each byte's bit 6 to its bit 7. */
  marks = word & ~(word << 1) & HIGH_BITS;
  /* Adds up the eight 0-or-1 bytes into the top byte. */
  return (guint) (((marks >> 7) * LOW_BITS) >> 56);
}

static inline gboolean
is_continuation (guchar byte)
{
  return (byte & 0xC0) == 0x80;
}

/**
 * fw_utf8_count_chars:
 * @text: valid UTF-8
 * @n_bytes: how many bytes of @text to count, ending on a character
 *   boundary
 *
 * Counts the code points in the first @n_bytes bytes of @text, as
 * g_utf8_pointer_to_offset() does, but about eight times as fast.
 *
 * Returns: the number of code points
 */
gsize
fw_utf8_count_chars (const char *text,
                     gsize       n_bytes)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + n_bytes;
  gsize continuation = 0;

  g_return_val_if_fail (text != NULL || n_bytes == 0, 0);

  for (; end - p >= 8; p += 8)
    continuation += continuation_bytes (p);
  for (; p < end; p++)
    continuation += is_continuation (*p);

  return n_bytes - continuation;
}

/**
 * fw_utf8_skip_chars:
 * @text: valid UTF-8
 * @n_bytes: the length of @text in bytes
 * @n_chars: how many code points to skip
 *
 * Finds where code point @n_chars of @text starts, as
 * g_utf8_offset_to_pointer() does, but about eight times as fast and never
 * past the end.
 *
 * Returns: (transfer none): a pointer into @text, or `text + n_bytes` when
 *   @text has @n_chars code points or fewer
 */
const char *
fw_utf8_skip_chars (const char *text,
                    gsize       n_bytes,
                    gsize       n_chars)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + n_bytes;

  g_return_val_if_fail (text != NULL || n_bytes == 0, text);

  /* Whole words while the character sought lies beyond them; a word that
   * ends inside a character leaves its continuation bytes to the next. */
  while (end - p >= 8)
    {
      guint starts = 8 - continuation_bytes (p);

      if (starts > n_chars)
        break;
      n_chars -= starts;
      p += 8;
    }

  for (; p < end; p++)
    {
      if (is_continuation (*p))
        continue;
      if (n_chars == 0)
        break;
      n_chars--;
    }

  return (const char *) p;
}
