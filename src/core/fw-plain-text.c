/* fw-plain-text.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pack text comes from anywhere and is always shown as plain text. Two
 * more things keep it honest on screen. Where a message quotes pack text
 * (a validation message, a terminal line), characters that cannot be seen
 * or that reorder what follows them are written out as code points such
 * as [U+202E], so that a teacher sees what is really in the file. Where
 * pack text is placed inside a longer string (a subtitle made of an outlet
 * and an author), it is wrapped in a Unicode bidirectional isolate, so that
 * an override character inside it cannot reorder the rest of the line.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-plain-text.h"

/**
 * fw_plain_text_is_hidden_char:
 * @c: a Unicode character
 *
 * Tells whether @c is invisible or changes how the text around it is
 * ordered: C0 and C1 control characters other than tab and line feed,
 * the bidirectional marks, embeddings, overrides and isolates of Unicode
 * UAX #9 (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the
 * zero-width characters U+200B–U+200D, U+2060 and U+FEFF, the line and
 * paragraph separators U+2028 and U+2029, and other format characters
 * (general category Cf).
 *
 * Returns: %TRUE when @c should be written out in a message
 */
gboolean
fw_plain_text_is_hidden_char (gunichar c)
{
  if (c == '\t' || c == '\n')
    return FALSE;

  if (c < 0x20 || (c >= 0x7F && c < 0xA0))
    return TRUE;

  if (c == 0x2028 || c == 0x2029)
    return TRUE;

  /* The bidirectional controls, the zero-width space and joiners, the word
   * joiner and the byte-order mark are all of general category Cf. */
  return g_unichar_type (c) == G_UNICODE_FORMAT;
}

/**
 * fw_plain_text_make_visible:
 * @text: valid UTF-8 text
 * @max_chars: the most characters of @text to keep, at least 2; longer
 *   text is cut and ends in "…"
 *
 * Makes a copy of @text for quoting in a message: each character for
 * which fw_plain_text_is_hidden_char() is true becomes its code point,
 * such as `[U+202E]`, and tab and line feed become `\t` and `\n`, so that
 * the quote stays on one line and shows exactly what the file holds.
 *
 * Returns: (transfer full): the visible copy
 */
char *
fw_plain_text_make_visible (const char *text,
                            guint       max_chars)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (text != NULL, g_string_free (out, FALSE));
  g_return_val_if_fail (max_chars >= 2, g_string_free (out, FALSE));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars - 1 && *g_utf8_next_char (p) != '\0')
        {
          g_string_append (out, "…");
          break;
        }
      n++;

      if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (fw_plain_text_is_hidden_char (c))
        g_string_append_printf (out, "[U+%04X]", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * fw_plain_text_isolate:
 * @text: valid UTF-8 text
 *
 * Wraps @text in U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL
 * ISOLATE, the way Unicode UAX #9 (section 2.7) recommends for embedding
 * text of unknown direction: an override or embedding inside @text ends at
 * the isolate's end and cannot reorder the text placed after it.
 *
 * Returns: (transfer full): the isolated copy
 */
char *
fw_plain_text_isolate (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_strconcat ("\u2068", text, "\u2069", NULL);
}

/**
 * fw_plain_text_quote_span:
 * @text: the text of a span, UTF-8
 *
 * Puts @text in the locale's quotation marks for a list of spans, unless
 * it is itself a quotation (a key span may be one): it opens with a
 * quotation mark (“ ” " „ « » ‘ ’ ‚ ‹ › ') and closes with one (the same
 * but the low marks „ ‚, which only open). A span that only ends in a
 * mark, such as the possessive “separatists’”, or only starts with one,
 * is quoted like any other, so that every entry of a list reads the same
 * way.
 *
 * Returns: (transfer full): the quoted text
 */
char *
fw_plain_text_quote_span (const char *text)
{
  static const char opening[] = "“”\"„«»‘’‚‹›'";
  static const char closing[] = "“”\"«»‘’‹›'";

  g_return_val_if_fail (text != NULL, NULL);

  if (g_utf8_strlen (text, -1) >= 2
      && g_utf8_strchr (opening, -1, g_utf8_get_char (text)) != NULL
      && g_utf8_strchr (closing, -1,
                        g_utf8_get_char (g_utf8_prev_char (text + strlen (text)))) != NULL)
    return g_strdup (text);
  /* TRANSLATORS: a passage of a text, quoted; use your language's
   * quotation marks */
  return g_strdup_printf (_("“%s”"), text);
}

/**
 * fw_plain_text_set_direction:
 * @text: valid UTF-8 text that places isolated pack text (see
 *   fw_plain_text_isolate()) among other words, such as "%s · %s"
 * @rtl: %TRUE when the user interface reads right to left
 *
 * Starts @text with U+200E LEFT-TO-RIGHT MARK, or U+200F RIGHT-TO-LEFT
 * MARK when @rtl, so that the line takes the user interface's direction.
 * Without the mark, a line that begins with pack text takes its direction
 * from the first character that has one: Pango counts an override such as
 * U+202E as one and does not skip isolates when it looks for it (UAX #9,
 * rule P2, says to skip them), so an override at the start of the first
 * piece turned the whole line around and put the second piece first.
 *
 * Returns: (transfer full): @text after the mark
 */
char *
fw_plain_text_set_direction (const char *text,
                             gboolean    rtl)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_strconcat (rtl ? "\u200F" : "\u200E", text, NULL);
}
