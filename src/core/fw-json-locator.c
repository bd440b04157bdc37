/* fw-json-locator.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* json-glib parses and builds the tree but keeps no source positions for
 * nodes, and its parser signals report the scanner's look-ahead position
 * rather than where a value starts. Validation messages need the line and
 * column of each offending value, so this file walks the text (which
 * json-glib has already accepted as valid JSON) once, computing the JSON
 * Pointer of every value, and records the start of the values that were
 * asked for. The loader runs it only on text that fw_json_syntax_check()
 * passed, so it never has to cope with invalid JSON; on any text it still
 * stays within the buffer.
 */

#include "config.h"

#include <string.h>

#include "fw-json-locator.h"

#define MAX_DEPTH 256

typedef struct
{
  const char *p;
  const char *end;
  guint line;
  guint column;
  GHashTable *wanted;
  GString *path;
  guint depth;
} Locator;

static void
advance (Locator *l)
{
  guchar c = (guchar) *l->p;

  if (c == '\n')
    {
      l->line++;
      l->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    {
      /* Columns count code points: continuation bytes do not start one. */
      l->column++;
    }

  l->p++;
}

static void
skip_space (Locator *l)
{
  while (l->p < l->end && (*l->p == ' ' || *l->p == '\t' || *l->p == '\n' || *l->p == '\r'))
    advance (l);
}

static void
record (Locator *l)
{
  gpointer key = NULL;
  gpointer value = NULL;

  /* A later value with the same pointer (a field name repeated in one
   * object) replaces an earlier one, as it does in json-glib's tree. */
  if (g_hash_table_lookup_extended (l->wanted, l->path->str, &key, &value))
    {
      guint64 packed = ((guint64) l->line << 32) | l->column;

      g_hash_table_insert (l->wanted, g_strdup (key), g_memdup2 (&packed, sizeof packed));
    }
}

static gunichar
read_hex4 (const char *p)
{
  gunichar value = 0;

  for (int i = 0; i < 4; i++)
    value = (value << 4) | (gunichar) MAX (0, g_ascii_xdigit_value (p[i]));

  return value;
}

static void
append_pointer_char (GString  *out,
                     gunichar  ch)
{
  if (ch == '/')
    g_string_append (out, "~1");
  else if (ch == '~')
    g_string_append (out, "~0");
  else if (g_unichar_validate (ch))
    g_string_append_unichar (out, ch);
}

/* Reads a JSON string starting at the opening quote; when @out is not NULL
 * the decoded key is appended to it, escaped as a JSON Pointer token
 * (RFC 6901: "~" as "~0", "/" as "~1"). */
static void
read_string (Locator *l,
             GString *out)
{
  advance (l); /* opening quote */

  while (l->p < l->end && *l->p != '"')
    {
      if (*l->p == '\\' && l->p + 1 < l->end)
        {
          char e = l->p[1];
          gunichar ch = (guchar) e;

          advance (l); /* backslash */
          advance (l); /* escape letter */

          switch (e)
            {
            case 'n': ch = '\n'; break;
            case 't': ch = '\t'; break;
            case 'r': ch = '\r'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'u':
              if (l->end - l->p < 4)
                break;
              ch = read_hex4 (l->p);
              for (int i = 0; i < 4; i++)
                advance (l);

              /* A surrogate pair (checked by fw_json_syntax_check()) spells
               * one character in two escapes. */
              if (ch >= 0xD800 && ch <= 0xDBFF && l->end - l->p >= 6
                  && l->p[0] == '\\' && l->p[1] == 'u')
                {
                  gunichar low = read_hex4 (l->p + 2);

                  ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                  for (int i = 0; i < 6; i++)
                    advance (l);
                }
              break;
            default:
              /* '"', '\\' and '/' stand for themselves. */
              break;
            }

          if (out != NULL)
            append_pointer_char (out, ch);
          continue;
        }

      if (out != NULL)
        {
          if (*l->p == '/')
            g_string_append (out, "~1");
          else if (*l->p == '~')
            g_string_append (out, "~0");
          else
            g_string_append_c (out, *l->p);
        }
      advance (l);
    }

  if (l->p < l->end)
    advance (l); /* closing quote */
}

static void read_value (Locator *l);

static void
read_container (Locator *l,
                gboolean is_object)
{
  gsize base = l->path->len;
  guint index = 0;

  /* Text the syntax check passed nests at most 64 levels; this bound only
   * keeps the stack safe on any other text. */
  if (l->depth >= MAX_DEPTH)
    {
      l->p = l->end;
      return;
    }

  advance (l); /* { or [ */
  l->depth++;

  for (;;)
    {
      skip_space (l);
      if (l->p >= l->end)
        break;

      if (*l->p == '}' || *l->p == ']')
        {
          advance (l);
          break;
        }

      if (*l->p == ',')
        {
          advance (l);
          continue;
        }

      g_string_append_c (l->path, '/');
      if (is_object)
        {
          read_string (l, l->path);
          skip_space (l);
          if (l->p < l->end && *l->p == ':')
            advance (l);
        }
      else
        {
          g_string_append_printf (l->path, "%u", index++);
        }

      read_value (l);
      g_string_truncate (l->path, base);
    }

  l->depth--;
}

static void
read_value (Locator *l)
{
  skip_space (l);
  if (l->p >= l->end)
    return;

  record (l);

  switch (*l->p)
    {
    case '{':
      read_container (l, TRUE);
      break;

    case '[':
      read_container (l, FALSE);
      break;

    case '"':
      read_string (l, NULL);
      break;

    default:
      while (l->p < l->end && *l->p != ',' && *l->p != '}' && *l->p != ']'
             && *l->p != ' ' && *l->p != '\n' && *l->p != '\t' && *l->p != '\r')
        advance (l);
      break;
    }
}

/**
 * fw_json_locate_paths:
 * @json: UTF-8 JSON text that has already been parsed successfully
 * @length: length of @json in bytes
 * @wanted: (element-type utf8 guint64): JSON Pointers to find, each mapped
 *   to %NULL; on return each found one maps to a newly allocated #guint64
 *   packing the 1-based line (high 32 bits) and code-point column (low 32)
 *
 * Finds where each wanted value starts in one pass over @json. Where a
 * field name is repeated in one object, the last value counts, as in
 * json-glib's tree. Pointers not present stay mapped to %NULL. The
 * recursion is bounded by the depth limit that fw_json_syntax_check()
 * enforces before the loader calls this.
 */
void
fw_json_locate_paths (const char *json,
                      gsize       length,
                      GHashTable *wanted)
{
  g_autoptr(GString) path = g_string_new (NULL);
  Locator l = {
    .p = json,
    .end = json + length,
    .line = 1,
    .column = 1,
    .wanted = wanted,
    .path = path,
  };

  /* Skip a UTF-8 byte-order mark, which json-glib accepts too. */
  if (length >= 3 && memcmp (json, "\xEF\xBB\xBF", 3) == 0)
    l.p += 3;

  read_value (&l);
}
