/* fw-json-writer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A streaming JSON writer for large analysis reports. json-glib builds a
 * tree of nodes before it writes anything: for the analysis of 10 MB of
 * prose (about 300,000 objects) that took 1.8 s and 550 MB, more than the
 * analysis itself. This writes RFC 8259 JSON straight into a buffered
 * stream instead. Reading JSON is still json-glib's job, and the tests read
 * this writer's output back with it. */

#include "config.h"

#include <string.h>

#include "fw-json-writer.h"

#define FLUSH_SIZE (64 * 1024)
#define MAX_DEPTH 64

/* Arrays down to this depth get one element a line, for people reading
 * the report; deeper ones stay on one line. */
#define PRETTY_DEPTH 2

struct _FwJsonWriter
{
  GOutputStream *stream;
  GString *buffer;
  GError *error;
  guint depth;
  gboolean first[MAX_DEPTH];
  gboolean is_array[MAX_DEPTH];
  gboolean after_member;
};

/**
 * fw_json_writer_new:
 * @stream: where the JSON goes
 *
 * Creates a writer. Values are written as they come, with commas and
 * escapes as RFC 8259 requires; strings must be valid UTF-8.
 *
 * Returns: (transfer full): a writer; finish it with
 *   fw_json_writer_finish()
 */
FwJsonWriter *
fw_json_writer_new (GOutputStream *stream)
{
  FwJsonWriter *self = g_new0 (FwJsonWriter, 1);

  self->stream = g_object_ref (stream);
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  self->first[0] = TRUE;

  return self;
}

/**
 * fw_json_writer_free:
 * @self: (transfer full) (nullable): a writer
 *
 * Frees @self without flushing what is left in its buffer.
 */
void
fw_json_writer_free (FwJsonWriter *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->stream);
  g_string_free (self->buffer, TRUE);
  g_clear_error (&self->error);
  g_free (self);
}

static void
flush (FwJsonWriter *self)
{
  if (self->error == NULL && self->buffer->len > 0)
    g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL, NULL,
                               &self->error);
  g_string_truncate (self->buffer, 0);
}

static void
before_value (FwJsonWriter *self)
{
  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }

  if (!self->first[self->depth])
    g_string_append_c (self->buffer, ',');
  self->first[self->depth] = FALSE;

  if (self->depth > 0 && self->depth <= PRETTY_DEPTH && self->is_array[self->depth])
    {
      g_string_append_c (self->buffer, '\n');
      for (guint i = 0; i < self->depth; i++)
        g_string_append (self->buffer, "  ");
    }

  if (self->buffer->len >= FLUSH_SIZE)
    flush (self);
}

static void
begin (FwJsonWriter *self,
       char          open,
       gboolean      is_array)
{
  before_value (self);
  g_string_append_c (self->buffer, open);
  g_return_if_fail (self->depth + 1 < MAX_DEPTH);
  self->depth++;
  self->first[self->depth] = TRUE;
  self->is_array[self->depth] = is_array;
}

static void
end (FwJsonWriter *self,
     char          close)
{
  g_return_if_fail (self->depth > 0);

  if (self->is_array[self->depth] && self->depth <= PRETTY_DEPTH && !self->first[self->depth])
    {
      g_string_append_c (self->buffer, '\n');
      for (guint i = 1; i < self->depth; i++)
        g_string_append (self->buffer, "  ");
    }
  self->depth--;
  g_string_append_c (self->buffer, close);
}

/**
 * fw_json_writer_begin_object:
 * @self: a writer
 *
 * Starts an object; close it with fw_json_writer_end_object().
 */
void
fw_json_writer_begin_object (FwJsonWriter *self)
{
  begin (self, '{', FALSE);
}

/**
 * fw_json_writer_end_object:
 * @self: a writer
 *
 * Ends the innermost object.
 */
void
fw_json_writer_end_object (FwJsonWriter *self)
{
  end (self, '}');
}

/**
 * fw_json_writer_begin_array:
 * @self: a writer
 *
 * Starts an array; close it with fw_json_writer_end_array().
 */
void
fw_json_writer_begin_array (FwJsonWriter *self)
{
  begin (self, '[', TRUE);
}

/**
 * fw_json_writer_end_array:
 * @self: a writer
 *
 * Ends the innermost array.
 */
void
fw_json_writer_end_array (FwJsonWriter *self)
{
  end (self, ']');
}

static void
append_escaped (GString    *buffer,
                const char *value,
                gsize       length)
{
  const char *run = value;
  const char *end = value + length;

  g_string_append_c (buffer, '"');
  for (const char *p = value; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (buffer, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (buffer, "\\\""); break;
        case '\\': g_string_append (buffer, "\\\\"); break;
        case '\n': g_string_append (buffer, "\\n"); break;
        case '\r': g_string_append (buffer, "\\r"); break;
        case '\t': g_string_append (buffer, "\\t"); break;
        case '\b': g_string_append (buffer, "\\b"); break;
        case '\f': g_string_append (buffer, "\\f"); break;
        default: g_string_append_printf (buffer, "\\u%04x", c); break;
        }
    }
  g_string_append_len (buffer, run, end - run);
  g_string_append_c (buffer, '"');
}

/**
 * fw_json_writer_member:
 * @self: a writer inside an object
 * @name: the member name, UTF-8
 *
 * Writes a member name; the next value written is its value.
 */
void
fw_json_writer_member (FwJsonWriter *self,
                       const char   *name)
{
  before_value (self);
  append_escaped (self->buffer, name, strlen (name));
  g_string_append_c (self->buffer, ':');
  self->after_member = TRUE;
}

/**
 * fw_json_writer_string:
 * @self: a writer
 * @value: (nullable): a nul-terminated UTF-8 string; %NULL writes `null`
 *
 * Writes a string value.
 */
void
fw_json_writer_string (FwJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      fw_json_writer_null (self);
      return;
    }
  fw_json_writer_string_len (self, value, strlen (value));
}

/**
 * fw_json_writer_string_len:
 * @self: a writer
 * @value: UTF-8 text
 * @length: its length in bytes
 *
 * Writes a string value.
 */
void
fw_json_writer_string_len (FwJsonWriter *self,
                           const char   *value,
                           gsize         length)
{
  before_value (self);
  append_escaped (self->buffer, value, length);
}

/**
 * fw_json_writer_uint:
 * @self: a writer
 * @value: a whole number
 *
 * Writes a number.
 */
void
fw_json_writer_uint (FwJsonWriter *self,
                     guint64       value)
{
  before_value (self);
  g_string_append_printf (self->buffer, "%" G_GUINT64_FORMAT, value);
}

/**
 * fw_json_writer_double:
 * @self: a writer
 * @value: a finite number
 *
 * Writes a number with at most three decimals, whatever the locale.
 */
void
fw_json_writer_double (FwJsonWriter *self,
                       double        value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  before_value (self);
  g_string_append (self->buffer, g_ascii_formatd (text, sizeof text, "%.3f", value));
}

/**
 * fw_json_writer_boolean:
 * @self: a writer
 * @value: a truth value
 *
 * Writes `true` or `false`.
 */
void
fw_json_writer_boolean (FwJsonWriter *self,
                        gboolean      value)
{
  before_value (self);
  g_string_append (self->buffer, value ? "true" : "false");
}

/**
 * fw_json_writer_null:
 * @self: a writer
 *
 * Writes `null`.
 */
void
fw_json_writer_null (FwJsonWriter *self)
{
  before_value (self);
  g_string_append (self->buffer, "null");
}

/**
 * fw_json_writer_finish:
 * @self: (transfer full): a writer whose objects and arrays are all closed
 * @error: return location for a #GError
 *
 * Ends the document with a line feed, flushes it and frees @self.
 *
 * Returns: %TRUE when everything was written, %FALSE with the stream's
 *   first error
 */
gboolean
fw_json_writer_finish (FwJsonWriter  *self,
                       GError       **error)
{
  gboolean ok;

  g_warn_if_fail (self->depth == 0);

  g_string_append_c (self->buffer, '\n');
  flush (self);
  if (self->error == NULL)
    g_output_stream_flush (self->stream, NULL, &self->error);

  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->error));
  fw_json_writer_free (self);

  return ok;
}
