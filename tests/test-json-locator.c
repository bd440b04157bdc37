/* test-json-locator.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-json-locator.h"

/* Locates @path in @json and checks its line and column. */
static void
assert_at (const char *json,
           const char *path,
           guint       line,
           guint       column)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const guint64 *packed;

  g_hash_table_insert (wanted, g_strdup (path), NULL);
  fw_json_locate_paths (json, strlen (json), wanted);
  packed = g_hash_table_lookup (wanted, path);
  if (packed == NULL)
    g_error ("%s not found", path);
  g_assert_cmpuint ((guint) (*packed >> 32), ==, line);
  g_assert_cmpuint ((guint) (*packed & 0xFFFFFFFF), ==, column);
}

static void
test_locator_arrays (void)
{
  static const char json[] =
    "{\n"
    "  \"pieces\": [\n"
    "    {\"id\": \"a\", \"paragraphs\": [\"x\",\n"
    "                                 \"y\"]},\n"
    "    {\"id\": \"b\"}, [1, [2, 3]]\n"
    "  ]\n"
    "}\n";

  assert_at (json, "", 1, 1);
  assert_at (json, "/pieces", 2, 13);
  assert_at (json, "/pieces/0", 3, 5);
  assert_at (json, "/pieces/0/id", 3, 12);
  assert_at (json, "/pieces/0/paragraphs/0", 3, 32);
  assert_at (json, "/pieces/0/paragraphs/1", 4, 34);
  assert_at (json, "/pieces/1/id", 5, 12);
  assert_at (json, "/pieces/2/1", 5, 22);
  assert_at (json, "/pieces/2/1/0", 5, 23);
  assert_at (json, "/pieces/2/1/1", 5, 26);
}

static void
test_locator_columns_count_code_points (void)
{
  assert_at ("{\"ą\": \"ęść\", \"b\": 1}", "/b", 1, 19);
  assert_at ("\xEF\xBB\xBF{\"b\": 1}", "/b", 1, 7);
  assert_at ("{\r\n\"b\": 1}", "/b", 2, 6);
}

static void
test_locator_escaped_names (void)
{
  /* Names are decoded, then escaped as RFC 6901 says. */
  assert_at ("{\"a/b\": 1, \"c~d\": 2}", "/a~1b", 1, 9);
  assert_at ("{\"a/b\": 1, \"c~d\": 2}", "/c~0d", 1, 19);
  assert_at ("{\"\\u0041x\": 1}", "/Ax", 1, 13);
  assert_at ("{\"a\\/b\": 1}", "/a~1b", 1, 10);
  assert_at ("{\"\\ud83d\\ude00\": 1}", "/\U0001F600", 1, 18);
  assert_at ("{\"q\\\"\": [0, 1]}", "/q\"/1", 1, 13);
}

static void
test_locator_last_duplicate (void)
{
  /* json-glib keeps the last value of a repeated name; so does the
   * locator. */
  assert_at ("{\"a\": 1,\n \"a\": 2}", "/a", 2, 7);
}

static void
test_locator_missing (void)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char json[] = "{\"a\": [1]}";

  g_hash_table_insert (wanted, g_strdup ("/a/5"), NULL);
  g_hash_table_insert (wanted, g_strdup ("/b"), NULL);
  fw_json_locate_paths (json, strlen (json), wanted);
  g_assert_null (g_hash_table_lookup (wanted, "/a/5"));
  g_assert_null (g_hash_table_lookup (wanted, "/b"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-locator/arrays", test_locator_arrays);
  g_test_add_func ("/json-locator/code-points", test_locator_columns_count_code_points);
  g_test_add_func ("/json-locator/escaped-names", test_locator_escaped_names);
  g_test_add_func ("/json-locator/last-duplicate", test_locator_last_duplicate);
  g_test_add_func ("/json-locator/missing", test_locator_missing);

  return g_test_run ();
}
