/* fw-selector.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Resolves the two text selectors of the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector and
 * #text-position-selector) against a piece's text. As the model says, a
 * quote is matched exactly, and prefix/suffix are the text immediately
 * before and after it; when both selectors are present, the position picks
 * among the quote's occurrences and must agree with one of them.
 */

/* memmem() is a GNU extension. */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fw-plain-text.h"
#include "fw-selector.h"
#include "fw-utf8.h"

G_DEFINE_QUARK (fw-selector-error-quark, fw_selector_error)

/* How many places of an ambiguous quote are counted for the message;
 * counting every place of a very short quote in a long text could take
 * long, and "10 or more" says enough. */
#define MAX_COUNTED 10

static char *
shorten (const char *quote)
{
  return fw_plain_text_make_visible (quote, 40);
}

/* The first place at or after @from where @needle occurs in @text. glibc's
 * memmem() is linear in the text and needle (the Two-Way algorithm of
 * Crochemore and Perrin, 1991), so a search never degrades to O(n·m). */
static const char *
find (const char *text,
      gsize       text_bytes,
      const char *from,
      const char *needle,
      gsize       needle_bytes)
{
  gsize offset = (gsize) (from - text);

  if (offset > text_bytes || text_bytes - offset < needle_bytes)
    return NULL;

  return memmem (from, text_bytes - offset, needle, needle_bytes);
}

/**
 * fw_selector_resolve:
 * @text: the piece text, valid UTF-8
 * @text_length: length of @text in code points
 * @index: (nullable): an index of @text (made by fw_utf8_index_new() on
 *   all of @text, so of @text_length code points), to convert between code-point and byte offsets without
 *   walking from the start of @text, or %NULL to walk
 * @exact: (nullable): TextQuoteSelector `exact`, or %NULL for a position
 *   selector alone
 * @prefix: (nullable): TextQuoteSelector `prefix`
 * @suffix: (nullable): TextQuoteSelector `suffix`
 * @position_start: TextPositionSelector `start` in code points, or -1
 * @position_end: TextPositionSelector `end` in code points, or -1
 * @start: (out): the resolved first code point
 * @end: (out): the resolved code point after the span
 * @error: return location for a #FwSelectorError
 *
 * Finds the one span of @text that the selectors describe. With a
 * position, the quote (with its prefix and suffix) is compared at that
 * place only. Without one, @prefix, @exact and @suffix are searched as one
 * string, since the model defines them as adjacent, and the search stops
 * at the second place found. Either way the work is linear in the length
 * of @text and the selector; UTF-8 guarantees that a byte match of valid
 * UTF-8 starts on a character. With @index, a selector with a position
 * that agrees with its quote is checked in time independent of the length
 * of @text; the results and errors are the same with or without @index.
 *
 * Returns: %TRUE and sets @start and @end, or %FALSE with @error set to
 *   %FW_SELECTOR_ERROR_NOT_FOUND, %FW_SELECTOR_ERROR_AMBIGUOUS,
 *   %FW_SELECTOR_ERROR_OUT_OF_RANGE or %FW_SELECTOR_ERROR_MISMATCH
 */
gboolean
fw_selector_resolve (const char         *text,
                     gsize               text_length,
                     const FwUtf8Index  *index,
                     const char         *exact,
                     const char         *prefix,
                     const char         *suffix,
                     gint64              position_start,
                     gint64              position_end,
                     guint              *start,
                     guint              *end,
                     GError            **error)
{
  gboolean has_position = position_start >= 0 || position_end >= 0;
  g_autofree char *short_quote = NULL;
  g_autofree char *needle = NULL;
  gsize text_bytes, exact_bytes, exact_chars, prefix_bytes, suffix_bytes, needle_bytes;
  const char *hit;
  guint n_matches;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (index == NULL || fw_utf8_index_get_text (index) == text, FALSE);
  g_return_val_if_fail (index == NULL || fw_utf8_index_get_n_chars (index) == text_length, FALSE);

  if (has_position)
    {
      if (position_start < 0 || position_end < 0 || position_start >= position_end
          || (guint64) position_end > text_length)
        {
          g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_OUT_OF_RANGE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The position %" PRId64 "–%" PRId64 " does not fit the text, "
                                    "which has %" PRIu64 " character; start must be less than end",
                                    "The position %" PRId64 "–%" PRId64 " does not fit the text, "
                                    "which has %" PRIu64 " characters; start must be less than end",
                                    (gulong) text_length),
                       (int64_t) position_start, (int64_t) position_end,
                       (uint64_t) text_length);
          return FALSE;
        }
    }

  if (exact == NULL)
    {
      if (!has_position)
        {
          g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_NOT_FOUND,
                       _("Give the quoted text in “exact”, or “start” and “end”"));
          return FALSE;
        }

      *start = (guint) position_start;
      *end = (guint) position_end;
      return TRUE;
    }

  if (*exact == '\0')
    {
      g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_NOT_FOUND,
                   _("The quoted text is empty"));
      return FALSE;
    }

  text_bytes = index != NULL ? fw_utf8_index_get_n_bytes (index) : strlen (text);
  exact_bytes = strlen (exact);
  exact_chars = fw_utf8_count_chars (exact, exact_bytes);
  prefix_bytes = prefix ? strlen (prefix) : 0;
  suffix_bytes = suffix ? strlen (suffix) : 0;
  needle = g_strconcat (prefix ? prefix : "", exact, suffix ? suffix : "", NULL);
  needle_bytes = prefix_bytes + exact_bytes + suffix_bytes;

  if (has_position)
    {
      gsize at_offset = index != NULL
                          ? fw_utf8_index_offset_to_byte (index, (gsize) position_start)
                          : (gsize) (fw_utf8_skip_chars (text, text_bytes,
                                                         (gsize) position_start) - text);
      const char *at = text + at_offset;

      if (at_offset >= prefix_bytes
          && (guint64) position_start + exact_chars == (guint64) position_end
          && text_bytes - (at_offset - prefix_bytes) >= needle_bytes
          && memcmp (at - prefix_bytes, needle, needle_bytes) == 0)
        {
          *start = (guint) position_start;
          *end = (guint) position_end;
          return TRUE;
        }

      if (find (text, text_bytes, text, needle, needle_bytes) == NULL)
        goto not_found;

      short_quote = shorten (exact);
      g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_MISMATCH,
                   _("The quote “%s” is not at position %" PRId64 "–%" PRId64),
                   short_quote, (int64_t) position_start, (int64_t) position_end);
      return FALSE;
    }

  hit = find (text, text_bytes, text, needle, needle_bytes);
  if (hit == NULL)
    goto not_found;

  n_matches = 1;
  for (const char *next = find (text, text_bytes, hit + 1, needle, needle_bytes);
       next != NULL && n_matches < MAX_COUNTED;
       next = find (text, text_bytes, next + 1, needle, needle_bytes))
    n_matches++;

  if (n_matches > 1)
    {
      short_quote = shorten (exact);
      if (n_matches >= MAX_COUNTED)
        g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_AMBIGUOUS,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The quote “%s” occurs %u or more times; add a “prefix” or "
                                  "“suffix” to say which one",
                                  "The quote “%s” occurs %u or more times; add a “prefix” or "
                                  "“suffix” to say which one",
                                  n_matches),
                     short_quote, n_matches);
      else
        g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_AMBIGUOUS,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The quote “%s” occurs %u time; add a “prefix” or “suffix” to "
                                  "say which one",
                                  "The quote “%s” occurs %u times; add a “prefix” or “suffix” to "
                                  "say which one",
                                  n_matches),
                     short_quote, n_matches);
      return FALSE;
    }

  if (index != NULL)
    *start = (guint) fw_utf8_index_byte_to_offset (index, (gsize) (hit + prefix_bytes - text));
  else
    *start = (guint) fw_utf8_count_chars (text, (gsize) (hit + prefix_bytes - text));
  *end = *start + (guint) exact_chars;
  return TRUE;

not_found:
  short_quote = shorten (exact);
  if (prefix_bytes + suffix_bytes > 0 && find (text, text_bytes, text, exact, exact_bytes) != NULL)
    g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_NOT_FOUND,
                 _("The quote “%s” does not occur in the piece with the given prefix or suffix"),
                 short_quote);
  else
    g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_NOT_FOUND,
                 _("The quote “%s” does not occur in the piece; check spelling, quotes and "
                   "dashes"),
                 short_quote);
  return FALSE;
}
