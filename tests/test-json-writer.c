/* test-json-writer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "fw-json-writer.h"

static void
test_round_trip (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FwJsonWriter *w = fw_json_writer_new (out);
  const char *tricky = "quote \" backslash \\ tab \t line\nbell \x07 Łódź “x” 👍🏽";
  JsonObject *root;
  JsonArray *array;
  g_autofree char *text = NULL;

  fw_json_writer_begin_object (w);
  fw_json_writer_member (w, "string");
  fw_json_writer_string (w, tricky);
  fw_json_writer_member (w, "partial");
  fw_json_writer_string_len (w, "abcdef", 3);
  fw_json_writer_member (w, "null");
  fw_json_writer_string (w, NULL);
  fw_json_writer_member (w, "numbers");
  fw_json_writer_begin_array (w);
  fw_json_writer_uint (w, 0);
  fw_json_writer_uint (w, G_MAXUINT32);
  fw_json_writer_double (w, 23.9123);
  fw_json_writer_boolean (w, TRUE);
  fw_json_writer_begin_object (w);
  fw_json_writer_end_object (w);
  fw_json_writer_begin_array (w);
  fw_json_writer_end_array (w);
  fw_json_writer_end_array (w);
  fw_json_writer_end_object (w);
  g_assert_true (fw_json_writer_finish (w, &error));
  g_assert_no_error (error);

  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_nonnull (strstr (text, "\\u0007"));

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "string"), ==, tricky);
  g_assert_cmpstr (json_object_get_string_member (root, "partial"), ==, "abc");
  g_assert_true (json_object_get_null_member (root, "null"));
  array = json_object_get_array_member (root, "numbers");
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  g_assert_cmpint (json_array_get_int_element (array, 1), ==, G_MAXUINT32);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (array, 2), 23.912, 1e-9);
  g_assert_true (json_array_get_boolean_element (array, 3));
}

static void
test_large (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FwJsonWriter *w = fw_json_writer_new (out);

  /* Enough to flush the buffer many times. */
  fw_json_writer_begin_array (w);
  for (guint i = 0; i < 20000; i++)
    {
      fw_json_writer_begin_object (w);
      fw_json_writer_member (w, "i");
      fw_json_writer_uint (w, i);
      fw_json_writer_end_object (w);
    }
  fw_json_writer_end_array (w);
  g_assert_true (fw_json_writer_finish (w, &error));
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==,
                    20000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/round-trip", test_round_trip);
  g_test_add_func ("/json-writer/large", test_large);

  return g_test_run ();
}
