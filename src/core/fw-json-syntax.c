/* fw-json-syntax.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* json-glib builds the tree Framewise reads, but its parser is lenient
 * (it accepts comments, single quotes, hexadecimal numbers, raw control
 * characters in strings and text after the document, truncates strings at
 * an escaped NUL and wraps integers that overflow) and its messages give
 * byte columns of the scanner's look-ahead. Before json-glib sees a pack,
 * this checker reads the text once against the grammar of RFC 8259 and
 * stops at the first problem with its line, its column in code points and
 * a message a teacher can act on. It also bounds nesting, so that neither
 * json-glib nor the locator can exhaust the stack, and warns about a field
 * name repeated in one object, where json-glib silently keeps the last
 * value.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fw-diagnostic.h"
#include "fw-json-syntax.h"
#include "fw-plain-text.h"

G_DEFINE_QUARK (fw-json-syntax-error-quark, fw_json_syntax_error)

/* The most duplicate-name warnings listed; a hostile file could otherwise
 * produce millions. */
#define MAX_DUPLICATE_WARNINGS 100

typedef struct
{
  const char *p;
  const char *end;
  guint line;
  guint column;
  guint depth;
  guint max_depth;
  GString *path;
  GPtrArray *warnings;
  guint n_duplicates;
  GError *error;
  guint error_line;
  guint error_column;
  char *error_path;  /* (nullable): the string value the error is in */
} Checker;

static void
advance (Checker *c)
{
  guchar ch = (guchar) *c->p;

  if (ch == '\n')
    {
      c->line++;
      c->column = 1;
    }
  else if ((ch & 0xC0) != 0x80)
    {
      /* Columns count code points: continuation bytes do not start one. */
      c->column++;
    }

  c->p++;
}

static gboolean
at_end (Checker *c)
{
  return c->p >= c->end;
}

static void
skip_space (Checker *c)
{
  while (!at_end (c) && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    advance (c);
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (Checker    *c,
         guint       line,
         guint       column,
         int         code,
         const char *format,
         ...)
{
  va_list args;

  if (c->error != NULL)
    return FALSE;

  va_start (args, format);
  c->error = g_error_new_valist (FW_JSON_SYNTAX_ERROR, code, format, args);
  va_end (args);
  c->error_line = line;
  c->error_column = column;

  return FALSE;
}

static gboolean
fail_at_end (Checker *c)
{
  return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                  _("The file ends before the JSON is complete; a closing “}” or “]” may be "
                    "missing"));
}

/* The character at the current position, for a message: as itself, or as
 * its code point, such as [U+202E], when it cannot be seen. */
static char *
describe_here (Checker *c)
{
  gsize n = MIN ((gsize) g_utf8_skip[*(const guchar *) c->p], (gsize) (c->end - c->p));
  g_autofree char *one = g_strndup (c->p, n);

  return fw_plain_text_make_visible (one, 2);
}

/* Reports an unexpected character, naming the mistakes teachers make most
 * often when they write JSON by hand. */
static gboolean
fail_unexpected (Checker    *c,
                 const char *expected)
{
  g_autofree char *found = NULL;

  if (at_end (c))
    return fail_at_end (c);

  if (*c->p == '\'')
    return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                    _("JSON text must be in double quotes (\"), not single quotes (')"));

  if (*c->p == '/')
    return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                    _("JSON does not allow comments; remove the text starting with “/”"));

  found = describe_here (c);
  /* TRANSLATORS: the first %s is what was expected, e.g. "“,” or “}”";
   * the second is the character found */
  return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                  _("Expected %s here, found “%s”"), expected, found);
}

static void
append_pointer_token (GString    *path,
                      const char *token,
                      gsize       length)
{
  g_string_append_c (path, '/');
  for (gsize i = 0; i < length; i++)
    {
      if (token[i] == '~')
        g_string_append (path, "~0");
      else if (token[i] == '/')
        g_string_append (path, "~1");
      else
        g_string_append_c (path, token[i]);
    }
}

/* printf() per array element would dominate the check of a long array. */
static void
append_pointer_index (GString *path,
                      guint    index)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + index % 10);
      index /= 10;
    }
  while (index > 0);

  g_string_append_c (path, '/');
  while (n > 0)
    g_string_append_c (path, digits[--n]);
}

static gboolean
read_hex4 (Checker  *c,
           gunichar *value)
{
  *value = 0;
  for (int i = 0; i < 4; i++)
    {
      if (at_end (c) || !g_ascii_isxdigit (*c->p))
        return FALSE;
      *value = (*value << 4) | (gunichar) g_ascii_xdigit_value (*c->p);
      advance (c);
    }

  return TRUE;
}

/* Reads a string at its opening quote; the decoded text is appended to
 * @out when it is not NULL. */
static gboolean
read_string (Checker *c,
             GString *out)
{
  guint start_line = c->line;
  guint start_column = c->column;

  advance (c); /* opening quote */

  for (;;)
    {
      guchar ch;

      if (at_end (c))
        return fail_at (c, start_line, start_column, FW_JSON_SYNTAX_ERROR_INVALID,
                        _("This text in double quotes has no closing double quote"));

      ch = (guchar) *c->p;

      if (ch == '"')
        {
          advance (c);
          return TRUE;
        }

      if (ch == '\\')
        {
          guint escape_line = c->line;
          guint escape_column = c->column;
          gunichar u;

          advance (c);
          if (at_end (c))
            return fail_at_end (c);

          switch (*c->p)
            {
            case '"': u = '"'; break;
            case '\\': u = '\\'; break;
            case '/': u = '/'; break;
            case 'b': u = '\b'; break;
            case 'f': u = '\f'; break;
            case 'n': u = '\n'; break;
            case 'r': u = '\r'; break;
            case 't': u = '\t'; break;
            case 'u':
              advance (c);
              if (!read_hex4 (c, &u))
                return fail_at (c, escape_line, escape_column, FW_JSON_SYNTAX_ERROR_INVALID,
                                _("“\\u” must be followed by four hexadecimal digits"));

              if (u == 0)
                return fail_at (c, escape_line, escape_column, FW_JSON_SYNTAX_ERROR_NUL,
                                _("The escape \\u0000 stands for the NUL character, which "
                                  "pack text may not contain"));

              if (u >= 0xDC00 && u <= 0xDFFF)
                return fail_at (c, escape_line, escape_column, FW_JSON_SYNTAX_ERROR_INVALID,
                                _("\\u%04X is the second half of a UTF-16 surrogate pair "
                                  "and stands alone; write the character itself instead"),
                                u);

              if (u >= 0xD800 && u <= 0xDBFF)
                {
                  gunichar low = 0;

                  if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
                    return fail_at (c, escape_line, escape_column, FW_JSON_SYNTAX_ERROR_INVALID,
                                    _("\\u%04X is the first half of a UTF-16 surrogate pair "
                                      "but no second half follows; write the character "
                                      "itself instead"),
                                    u);
                  advance (c);
                  advance (c);
                  if (!read_hex4 (c, &low) || low < 0xDC00 || low > 0xDFFF)
                    return fail_at (c, escape_line, escape_column, FW_JSON_SYNTAX_ERROR_INVALID,
                                    _("\\u%04X is the first half of a UTF-16 surrogate pair "
                                      "but no second half follows; write the character "
                                      "itself instead"),
                                    u);
                  u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                }

              if (out != NULL)
                g_string_append_unichar (out, u);
              continue;

            default:
              {
                g_autofree char *found = describe_here (c);

                return fail_at (c, escape_line, escape_column, FW_JSON_SYNTAX_ERROR_INVALID,
                                _("“\\%s” is not an escape JSON knows; write “\\\\” for a "
                                  "backslash"),
                                found);
              }
            }

          if (out != NULL)
            g_string_append_c (out, (char) u);
          advance (c);
          continue;
        }

      if (ch < 0x20)
        {
          if (ch == '\n')
            return fail_at (c, start_line, start_column, FW_JSON_SYNTAX_ERROR_INVALID,
                            _("This text in double quotes runs over a line break; write a "
                              "line break inside text as \\n, or add the missing closing "
                              "double quote"));

          return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                          _("Text in double quotes may not hold the control character "
                            "U+%04X as it is; write it as \\u%04X"),
                          ch, ch);
        }

      if (out != NULL)
        g_string_append_c (out, (char) ch);
      advance (c);
    }
}

static gboolean
check_number (Checker *c)
{
  const char *start = c->p;
  guint start_line = c->line;
  guint start_column = c->column;
  gboolean is_integer = TRUE;
  gboolean ok = TRUE;
  g_autofree char *token = NULL;

  if (*c->p == '-')
    advance (c);

  if (!at_end (c) && *c->p == '0')
    {
      advance (c);
    }
  else if (!at_end (c) && g_ascii_isdigit (*c->p))
    {
      while (!at_end (c) && g_ascii_isdigit (*c->p))
        advance (c);
    }
  else
    {
      ok = FALSE;
    }

  if (ok && !at_end (c) && *c->p == '.')
    {
      is_integer = FALSE;
      advance (c);
      if (at_end (c) || !g_ascii_isdigit (*c->p))
        ok = FALSE;
      while (!at_end (c) && g_ascii_isdigit (*c->p))
        advance (c);
    }

  if (ok && !at_end (c) && (*c->p == 'e' || *c->p == 'E'))
    {
      is_integer = FALSE;
      advance (c);
      if (!at_end (c) && (*c->p == '+' || *c->p == '-'))
        advance (c);
      if (at_end (c) || !g_ascii_isdigit (*c->p))
        ok = FALSE;
      while (!at_end (c) && g_ascii_isdigit (*c->p))
        advance (c);
    }

  /* A number runs into letters or more digits: "01", "1.2.3", "0x10". */
  if (!at_end (c) && (g_ascii_isalnum (*c->p) || *c->p == '.' || *c->p == '+'
                      || *c->p == '-'))
    ok = FALSE;

  if (!ok)
    {
      const char *q = c->p;

      while (q < c->end && q - start < 40 && (g_ascii_isalnum (*q) || *q == '.' || *q == '+'
                                              || *q == '-'))
        q++;
      token = g_strndup (start, (gsize) (q - start));
      return fail_at (c, start_line, start_column, FW_JSON_SYNTAX_ERROR_INVALID,
                      _("“%s” is not a number JSON allows; write digits without leading "
                        "zeros, such as 12 or 0.5"),
                      token);
    }

  token = g_strndup (start, (gsize) (c->p - start));
  if (is_integer)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &value, NULL))
        ok = FALSE;
    }
  else if (!isfinite (g_ascii_strtod (token, NULL)))
    {
      ok = FALSE;
    }

  if (!ok)
    {
      g_autofree char *shown = fw_plain_text_make_visible (token, 40);

      return fail_at (c, start_line, start_column, FW_JSON_SYNTAX_ERROR_NUMBER,
                      _("The number %s is too large"), shown);
    }

  return TRUE;
}

static gboolean
check_word (Checker *c)
{
  static const char * const words[] = { "true", "false", "null" };
  const char *q = c->p;
  g_autofree char *word = NULL;
  g_autofree char *shown = NULL;

  while (q < c->end && q - c->p < 40 && (g_ascii_isalnum (*q) || *q == '_'))
    q++;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if ((gsize) (q - c->p) == n && memcmp (c->p, words[i], n) == 0)
        {
          while (c->p < q)
            advance (c);
          return TRUE;
        }
    }

  word = g_strndup (c->p, (gsize) (q - c->p));
  shown = fw_plain_text_make_visible (word, 40);
  return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                  _("“%s” is not a JSON value; write true, false, null, a number, or text in "
                    "double quotes"),
                  shown);
}

static gboolean check_value (Checker *c);

static gboolean
enter (Checker *c)
{
  if (++c->depth > c->max_depth)
    return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_TOO_DEEP,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Arrays and objects nest more than %u level deep",
                                 "Arrays and objects nest more than %u levels deep",
                                 c->max_depth),
                    c->max_depth);

  return TRUE;
}

/* Reads a string as read_string() does; a problem inside it is placed at
 * the string's JSON Pointer (the value's, or for a field name the
 * object's), which the checker knows where the locator, working on a tree
 * json-glib could not build, does not. */
static gboolean
check_string (Checker *c,
              GString *out)
{
  if (read_string (c, out))
    return TRUE;
  if (c->error_path == NULL)
    c->error_path = g_strdup (c->path->str);
  return FALSE;
}

static gboolean
check_object (Checker *c)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  gsize base = c->path->len;

  if (!enter (c))
    return FALSE;

  advance (c); /* { */
  skip_space (c);
  if (!at_end (c) && *c->p == '}')
    {
      advance (c);
      c->depth--;
      return TRUE;
    }

  for (;;)
    {
      guint name_line, name_column;

      skip_space (c);
      if (at_end (c))
        return fail_at_end (c);
      if (*c->p == '}')
        return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                        _("A comma before “}” must be followed by another field; remove the "
                          "comma"));
      if (*c->p != '"')
        return fail_unexpected (c, _("a field name in double quotes"));

      name_line = c->line;
      name_column = c->column;
      g_string_truncate (name, 0);
      if (!check_string (c, name))
        return FALSE;

      append_pointer_token (c->path, name->str, name->len);

      if (names == NULL)
        names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (!g_hash_table_add (names, g_strdup (name->str)) && c->warnings != NULL)
        {
          if (c->n_duplicates++ < MAX_DUPLICATE_WARNINGS)
            {
              g_autofree char *shown = fw_plain_text_make_visible (name->str, 60);
              g_autofree char *message =
                g_strdup_printf (_("The field “%s” appears more than once in this object; "
                                   "only its last value counts"),
                                 shown);
              FwDiagnostic *d = fw_diagnostic_new (FW_SEVERITY_WARNING, c->path->str, message);

              d->line = name_line;
              d->column = name_column;
              g_ptr_array_add (c->warnings, d);
            }
        }

      skip_space (c);
      if (at_end (c) || *c->p != ':')
        return fail_unexpected (c, _("“:” after the field name"));
      advance (c);

      if (!check_value (c))
        return FALSE;
      g_string_truncate (c->path, base);

      skip_space (c);
      if (at_end (c))
        return fail_at_end (c);
      if (*c->p == ',')
        {
          advance (c);
          continue;
        }
      if (*c->p == '}')
        {
          advance (c);
          break;
        }
      return fail_unexpected (c, _("“,” or “}” after the field’s value"));
    }

  c->depth--;
  return TRUE;
}

static gboolean
check_array (Checker *c)
{
  gsize base = c->path->len;
  guint index = 0;

  if (!enter (c))
    return FALSE;

  advance (c); /* [ */
  skip_space (c);
  if (!at_end (c) && *c->p == ']')
    {
      advance (c);
      c->depth--;
      return TRUE;
    }

  for (;;)
    {
      skip_space (c);
      if (!at_end (c) && *c->p == ']')
        return fail_at (c, c->line, c->column, FW_JSON_SYNTAX_ERROR_INVALID,
                        _("A comma before “]” must be followed by another element; remove the "
                          "comma"));

      append_pointer_index (c->path, index++);
      if (!check_value (c))
        return FALSE;
      g_string_truncate (c->path, base);

      skip_space (c);
      if (at_end (c))
        return fail_at_end (c);
      if (*c->p == ',')
        {
          advance (c);
          continue;
        }
      if (*c->p == ']')
        {
          advance (c);
          break;
        }
      return fail_unexpected (c, _("“,” or “]” after the element"));
    }

  c->depth--;
  return TRUE;
}

static gboolean
check_value (Checker *c)
{
  skip_space (c);
  if (at_end (c))
    return fail_at_end (c);

  switch (*c->p)
    {
    case '{':
      return check_object (c);
    case '[':
      return check_array (c);
    case '"':
      return check_string (c, NULL);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return check_number (c);
    default:
      if (g_ascii_isalpha (*c->p))
        return check_word (c);
      return fail_unexpected (c, _("a value (text in double quotes, a number, an object, an "
                                   "array, true, false or null)"));
    }
}

/**
 * fw_json_syntax_check:
 * @json: valid UTF-8 text (check it with g_utf8_validate_len() first); a
 *   leading byte-order mark is skipped
 * @length: length of @json in bytes
 * @max_depth: the deepest nesting of arrays and objects allowed
 * @warnings: (nullable) (element-type FwDiagnostic): where to add a warning,
 *   with its JSON Pointer and position, for each field name repeated in
 *   one object (at most 100)
 * @line: (out) (optional): 1-based line of the problem
 * @column: (out) (optional): 1-based column of the problem, in code points
 * @error: return location for a #FwJsonSyntaxError
 *
 * Checks @json as fw_json_syntax_check_full() does, without saying which
 * value the problem is in.
 *
 * Returns: %TRUE when @json is valid, or %FALSE with @error set and @line
 *   and @column pointing at the problem
 */
gboolean
fw_json_syntax_check (const char  *json,
                      gsize        length,
                      guint        max_depth,
                      GPtrArray   *warnings,
                      guint       *line,
                      guint       *column,
                      GError     **error)
{
  return fw_json_syntax_check_full (json, length, max_depth, warnings, line, column, NULL, error);
}

/**
 * fw_json_syntax_check_full:
 * @json: valid UTF-8 text (check it with g_utf8_validate_len() first); a
 *   leading byte-order mark is skipped
 * @length: length of @json in bytes
 * @max_depth: the deepest nesting of arrays and objects allowed
 * @warnings: (nullable) (element-type FwDiagnostic): where to add a warning,
 *   with its JSON Pointer and position, for each field name repeated in
 *   one object (at most 100)
 * @line: (out) (optional): 1-based line of the problem
 * @column: (out) (optional): 1-based column of the problem, in code points
 * @path: (out) (optional) (transfer full): the JSON Pointer of the value
 *   the problem is in: a string's for a problem inside a string (an
 *   escaped NUL, a lone surrogate, a bad escape, a missing closing quote;
 *   the object's for one in a field name), `""` (the whole document) for
 *   any other; set only when the check fails
 * @error: return location for a #FwJsonSyntaxError
 *
 * Checks that @json is exactly one JSON text as RFC 8259 defines it, with
 * Framewise's extra rules: no string may hold NUL (`\u0000`), surrogate
 * escapes must pair up, integers must fit in 64 bits and other numbers in
 * a double, and nesting may not exceed @max_depth. Stops at the first
 * problem. The recursion is at most @max_depth + 1 calls deep.
 *
 * Returns: %TRUE when @json is valid, or %FALSE with @error set and @line,
 *   @column and @path pointing at the problem
 */
gboolean
fw_json_syntax_check_full (const char  *json,
                           gsize        length,
                           guint        max_depth,
                           GPtrArray   *warnings,
                           guint       *line,
                           guint       *column,
                           char       **path,
                           GError     **error)
{
  g_autoptr(GString) pointer = g_string_new (NULL);
  Checker c = {
    .p = json,
    .end = json + length,
    .line = 1,
    .column = 1,
    .max_depth = max_depth,
    .path = pointer,
    .warnings = warnings,
  };
  gboolean ok;

  if (length >= 3 && memcmp (json, "\xEF\xBB\xBF", 3) == 0)
    c.p += 3;

  skip_space (&c);
  if (at_end (&c))
    {
      fail_at (&c, c.line, c.column, FW_JSON_SYNTAX_ERROR_EMPTY, _("The file is empty"));
    }
  else if (check_value (&c))
    {
      skip_space (&c);
      if (!at_end (&c))
        fail_at (&c, c.line, c.column, FW_JSON_SYNTAX_ERROR_INVALID,
                 _("There is more text after the end of the JSON document; a pack is one JSON "
                   "object"));
    }

  if (c.n_duplicates > MAX_DUPLICATE_WARNINGS && warnings != NULL)
    {
      guint more = c.n_duplicates - MAX_DUPLICATE_WARNINGS;
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u more repeated field name is not listed",
                                      "%u more repeated field names are not listed", more),
                         more);

      g_ptr_array_add (warnings, fw_diagnostic_new (FW_SEVERITY_WARNING, "", message));
    }

  ok = c.error == NULL;
  if (!ok)
    {
      if (line != NULL)
        *line = c.error_line;
      if (column != NULL)
        *column = c.error_column;
      if (path != NULL)
        *path = c.error_path != NULL ? g_steal_pointer (&c.error_path) : g_strdup ("");
      g_propagate_error (error, c.error);
    }
  g_free (c.error_path);

  return ok;
}
