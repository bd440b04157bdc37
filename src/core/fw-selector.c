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

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fw-selector.h"
#include "fw-utf8.h"

G_DEFINE_QUARK (fw-selector-error-quark, fw_selector_error)

static char *
shorten (const char *quote)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (quote, -1) <= 40)
    return g_strdup (quote);

  head = g_utf8_substring (quote, 0, 37);
  return g_strconcat (head, "…", NULL);
}

/**
 * fw_selector_resolve:
 * @text: the piece text, valid UTF-8
 * @text_length: length of @text in code points
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
 * position, the quote is compared at that place first. Otherwise, and to
 * report a mismatch, the search is a linear scan of @text per occurrence
 * of @exact's first bytes; UTF-8 guarantees that a byte match of valid
 * UTF-8 starts on a character.
 *
 * Returns: %TRUE and sets @start and @end, or %FALSE with @error set to
 *   %FW_SELECTOR_ERROR_NOT_FOUND, %FW_SELECTOR_ERROR_AMBIGUOUS,
 *   %FW_SELECTOR_ERROR_OUT_OF_RANGE or %FW_SELECTOR_ERROR_MISMATCH
 */
gboolean
fw_selector_resolve (const char  *text,
                     gsize        text_length,
                     const char  *exact,
                     const char  *prefix,
                     const char  *suffix,
                     gint64       position_start,
                     gint64       position_end,
                     guint       *start,
                     guint       *end,
                     GError     **error)
{
  gboolean has_position = position_start >= 0 || position_end >= 0;
  g_autofree char *short_quote = NULL;
  gsize exact_bytes, exact_chars, prefix_bytes, suffix_bytes;
  const char *counted = text;
  glong counted_chars = 0;
  guint n_matches = 0;
  guint match_start = 0;
  gboolean position_matched = FALSE;

  if (has_position)
    {
      if (position_start < 0 || position_end < 0 || position_start >= position_end
          || (guint64) position_end > text_length)
        {
          g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_OUT_OF_RANGE,
                       _("The position %" PRId64 "–%" PRId64 " does not fit the text, "
                         "which has %" PRIu64 " characters; start must be less than end"),
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

  short_quote = shorten (exact);
  exact_bytes = strlen (exact);
  exact_chars = g_utf8_strlen (exact, -1);
  prefix_bytes = prefix ? strlen (prefix) : 0;
  suffix_bytes = suffix ? strlen (suffix) : 0;

  /* With a position, look there first: where the quote is where the
   * position says, that place is the answer whatever else the text holds,
   * and no search is needed. Otherwise the search below says what is
   * wrong. */
  if (has_position && (guint64) (position_end - position_start) == exact_chars)
    {
      gsize text_bytes = strlen (text);
      const char *at = fw_utf8_skip_chars (text, text_bytes, (gsize) position_start);
      gsize at_offset = (gsize) (at - text);

      if (text_bytes - at_offset >= exact_bytes && memcmp (at, exact, exact_bytes) == 0
          && (prefix_bytes == 0
              || (at_offset >= prefix_bytes
                  && memcmp (at - prefix_bytes, prefix, prefix_bytes) == 0))
          && (suffix_bytes == 0 || strncmp (at + exact_bytes, suffix, suffix_bytes) == 0))
        {
          *start = (guint) position_start;
          *end = (guint) position_end;
          return TRUE;
        }
    }

  for (const char *hit = strstr (text, exact); hit != NULL; hit = strstr (hit + 1, exact))
    {
      guint hit_start;

      if (prefix_bytes > 0
          && ((gsize) (hit - text) < prefix_bytes
              || memcmp (hit - prefix_bytes, prefix, prefix_bytes) != 0))
        continue;

      if (suffix_bytes > 0 && strncmp (hit + exact_bytes, suffix, suffix_bytes) != 0)
        continue;

      /* Count code points incrementally so that many hits stay linear. */
      counted_chars += (glong) fw_utf8_count_chars (counted, (gsize) (hit - counted));
      counted = hit;
      hit_start = (guint) counted_chars;

      n_matches++;
      if (n_matches == 1)
        match_start = hit_start;

      if (has_position && hit_start == position_start
          && hit_start + exact_chars == (guint64) position_end)
        position_matched = TRUE;
    }

  if (n_matches == 0)
    {
      g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_NOT_FOUND,
                   prefix_bytes + suffix_bytes > 0
                   ? _("The quote “%s” does not occur in the piece with the given prefix or suffix")
                   : _("The quote “%s” does not occur in the piece; check spelling, quotes and "
                       "dashes"),
                   short_quote);
      return FALSE;
    }

  if (has_position)
    {
      if (!position_matched)
        {
          g_set_error (error, FW_SELECTOR_ERROR, FW_SELECTOR_ERROR_MISMATCH,
                       _("The quote “%s” is not at position %" PRId64 "–%" PRId64),
                       short_quote, (int64_t) position_start, (int64_t) position_end);
          return FALSE;
        }

      *start = (guint) position_start;
      *end = (guint) position_end;
      return TRUE;
    }

  if (n_matches > 1)
    {
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

  *start = match_start;
  *end = match_start + (guint) exact_chars;
  return TRUE;
}
