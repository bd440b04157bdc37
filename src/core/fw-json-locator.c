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
 * asked for. It never has to cope with invalid JSON.
 */

#include "config.h"

#include <string.h>

#include "fw-json-locator.h"

typedef struct
{
  const char *p;
  const char *end;
  guint line;
  guint column;
  GHashTable *wanted;
  guint remaining;
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

  if (l->remaining == 0)
    return;

  if (g_hash_table_lookup_extended (l->wanted, l->path->str, &key, &value) && value == NULL)
    {
      guint64 packed = ((guint64) l->line << 32) | l->column;

      g_hash_table_insert (l->wanted, g_strdup (key), g_memdup2 (&packed, sizeof packed));
      l->remaining--;
    }
}

/* Reads a JSON string starting at the opening quote; when @out is not NULL
 * the decoded key is appended to it, escaped as a JSON Pointer token. */
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

          advance (l);
          if (out != NULL)
            {
              switch (e)
                {
                case 'n': g_string_append_c (out, '\n'); break;
                case 't': g_string_append_c (out, '\t'); break;
                case 'r': g_string_append_c (out, '\r'); break;
                case 'b': g_string_append_c (out, '\b'); break;
                case 'f': g_string_append_c (out, '\f'); break;
                case '/': g_string_append_c (out, '/'); break;
                case '~': g_string_append (out, "~0"); break;
                case 'u':
                  if (l->end - l->p >= 5)
                    {
                      char hex[5] = { l->p[1], l->p[2], l->p[3], l->p[4], 0 };
                      gunichar ch = (gunichar) g_ascii_strtoull (hex, NULL, 16);

                      if (ch == '/')
                        g_string_append (out, "~1");
                      else if (ch == '~')
                        g_string_append (out, "~0");
                      else if (g_unichar_validate (ch))
                        g_string_append_unichar (out, ch);
                    }
                  break;
                default: g_string_append_c (out, e); break;
                }
            }
          advance (l);
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

      if (l->remaining == 0)
        break;
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

/*
 * fw_json_locate_paths:
 * @json: UTF-8 JSON text that has already been parsed successfully
 * @length: length of @json in bytes
 * @wanted: (element-type utf8 guint64): JSON Pointers to find, each mapped
 *   to %NULL; on return each found one maps to a newly allocated #guint64
 *   packing the 1-based line (high 32 bits) and code-point column (low 32)
 *
 * Finds where each wanted value starts in one pass over @json, stopping as
 * soon as all are found. Pointers not present stay mapped to %NULL. The
 * recursion is bounded by the depth limit the loader enforces before
 * parsing.
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
    .remaining = g_hash_table_size (wanted),
    .path = path,
  };

  /* Skip a UTF-8 byte-order mark, which json-glib accepts too. */
  if (length >= 3 && memcmp (json, "\xEF\xBB\xBF", 3) == 0)
    l.p += 3;

  read_value (&l);
}
