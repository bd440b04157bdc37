/* fw-utf8-index.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Code-point offsets in a long text, converted to byte offsets and back
 * without walking from its start. Annotations and analysis give offsets in
 * code points (the W3C Web Annotation model counts characters); finding
 * the bytes of each one by counting from the start of a 100 kB piece made
 * loading a pack with thousands of annotations quadratic. The index keeps
 * the byte offset of every FW_UTF8_INDEX_STEP-th code point, so that a
 * conversion counts at most that many code points from a kept one, like
 * the sampled rank and select tables of succinct data structures
 * (Jacobson, "Space-efficient static trees and graphs", 1989), here over
 * the bytes that start code points. */

#include "config.h"

#include <string.h>

#include "fw-utf8-index.h"
#include "fw-utf8.h"

struct _FwUtf8Index
{
  const char *text;
  gsize n_bytes;
  gsize n_chars;
  /* samples[k] is the byte offset of code point k × FW_UTF8_INDEX_STEP,
   * for every such code point up to and including n_chars (the end). */
  gsize *samples;
  gsize n_samples;
};

/**
 * fw_utf8_index_new:
 * @text: (array length=n_bytes): valid UTF-8, not necessarily
 *   NUL-terminated; it must outlive the index, which does not copy it
 * @n_bytes: the length of @text in bytes
 *
 * Indexes @text for conversions between code-point and byte offsets. It
 * takes one pass over @text and keeps one byte offset per
 * %FW_UTF8_INDEX_STEP code points (an eighth of the size of ASCII text on
 * a 64-bit system).
 *
 * Returns: (transfer full): a new index; free it with fw_utf8_index_free()
 */
FwUtf8Index *
fw_utf8_index_new (const char *text,
                   gsize       n_bytes)
{
  FwUtf8Index *self;
  const char *p;

  g_return_val_if_fail (text != NULL || n_bytes == 0, NULL);

  self = g_new0 (FwUtf8Index, 1);
  self->text = text;
  self->n_bytes = n_bytes;
  self->n_chars = fw_utf8_count_chars (text, n_bytes);
  self->n_samples = self->n_chars / FW_UTF8_INDEX_STEP + 1;
  self->samples = g_new (gsize, self->n_samples);

  self->samples[0] = 0;
  p = text;
  for (gsize k = 1; k < self->n_samples; k++)
    {
      p = fw_utf8_skip_chars (p, n_bytes - (gsize) (p - text), FW_UTF8_INDEX_STEP);
      self->samples[k] = (gsize) (p - text);
    }

  return self;
}

/**
 * fw_utf8_index_free:
 * @self: (nullable) (transfer full): an index
 *
 * Frees @self; the text it indexes is not its to free.
 */
void
fw_utf8_index_free (FwUtf8Index *self)
{
  if (self == NULL)
    return;

  g_free (self->samples);
  g_free (self);
}

/**
 * fw_utf8_index_get_text:
 * @self: an index
 *
 * Returns: (transfer none): the text given to fw_utf8_index_new()
 */
const char *
fw_utf8_index_get_text (const FwUtf8Index *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/**
 * fw_utf8_index_get_n_bytes:
 * @self: an index
 *
 * Returns: the length of the text in bytes
 */
gsize
fw_utf8_index_get_n_bytes (const FwUtf8Index *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_bytes;
}

/**
 * fw_utf8_index_get_n_chars:
 * @self: an index
 *
 * Returns: the length of the text in Unicode code points
 */
gsize
fw_utf8_index_get_n_chars (const FwUtf8Index *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_chars;
}

/**
 * fw_utf8_index_offset_to_byte:
 * @self: an index
 * @offset: an offset in Unicode code points
 *
 * Finds where code point @offset of the text starts, as
 * fw_utf8_skip_chars() does from the start of the text, counting at most
 * %FW_UTF8_INDEX_STEP code points.
 *
 * Returns: the byte offset of code point @offset, or the length of the
 *   text in bytes when @offset is at or past its end
 */
gsize
fw_utf8_index_offset_to_byte (const FwUtf8Index *self,
                              gsize              offset)
{
  gsize from;

  g_return_val_if_fail (self != NULL, 0);

  if (offset >= self->n_chars)
    return self->n_bytes;

  from = self->samples[offset / FW_UTF8_INDEX_STEP];
  return (gsize) (fw_utf8_skip_chars (self->text + from, self->n_bytes - from,
                                      offset % FW_UTF8_INDEX_STEP)
                  - self->text);
}

/**
 * fw_utf8_index_byte_to_offset:
 * @self: an index
 * @byte: a byte offset in the text, on a character boundary, at most its
 *   length in bytes
 *
 * Counts the code points before byte @byte of the text, as
 * fw_utf8_count_chars() does from the start of the text: a binary search
 * among the kept offsets, then a count of at most %FW_UTF8_INDEX_STEP
 * code points.
 *
 * Returns: the offset of @byte in Unicode code points; the length of the
 *   text in code points when @byte is past its end
 */
gsize
fw_utf8_index_byte_to_offset (const FwUtf8Index *self,
                              gsize              byte)
{
  gsize lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);

  if (byte >= self->n_bytes)
    return self->n_chars;

  /* The last sample at or before @byte: samples[lo] <= byte < samples[hi],
   * with samples[n_samples] read as past the end. */
  hi = self->n_samples;
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (self->samples[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }

  return lo * FW_UTF8_INDEX_STEP
         + fw_utf8_count_chars (self->text + self->samples[lo], byte - self->samples[lo]);
}

/**
 * fw_utf8_index_dup_substring:
 * @self: an index
 * @start: the first code point
 * @end: the code point after the substring, at least @start and at most
 *   the length of the text in code points
 *
 * Copies code points [@start, @end) of the text, as g_utf8_substring()
 * does, without walking from the start of the text.
 *
 * Returns: (transfer full): the substring, NUL-terminated
 */
char *
fw_utf8_index_dup_substring (const FwUtf8Index *self,
                             gsize              start,
                             gsize              end)
{
  gsize from, to;
  char *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start <= end && end <= self->n_chars, NULL);

  from = fw_utf8_index_offset_to_byte (self, start);
  to = fw_utf8_index_offset_to_byte (self, end);
  copy = g_malloc (to - from + 1);
  memcpy (copy, self->text + from, to - from);
  copy[to - from] = '\0';
  return copy;
}
