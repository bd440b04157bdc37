/* test-json-syntax.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-diagnostic.h"
#include "fw-json-syntax.h"

static void
check_ok (const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fw_json_syntax_check (json, strlen (json), 64, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
check_fails (const char *json,
             int         code,
             guint       line,
             guint       column,
             const char *message)
{
  g_autoptr(GError) error = NULL;
  guint l = 0, c = 0;

  g_assert_false (fw_json_syntax_check (json, strlen (json), 64, NULL, &l, &c, &error));
  g_assert_error (error, FW_JSON_SYNTAX_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", json, error->message, message);
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, column);
}

static void
test_syntax_valid (void)
{
  check_ok ("{}");
  check_ok ("[]");
  check_ok ("\"text\"");
  check_ok (" \t\r\n{ \"a\" : [ 1 , -0.5e+3 , true , false , null ,"
            " \"\\u00e9\\ud83d\\ude00\" ] }\n");
  check_ok ("[9223372036854775807, -9223372036854775808, 1e308, 0, -0]");
  check_ok ("\xEF\xBB\xBF{\"bom\": 1}");
  check_ok ("{\"escapes\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}");
}

static void
test_syntax_errors (void)
{
  check_fails ("", FW_JSON_SYNTAX_ERROR_EMPTY, 1, 1, "empty");
  check_fails ("  \n ", FW_JSON_SYNTAX_ERROR_EMPTY, 2, 2, "empty");
  check_fails ("[1,]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 4, "remove the comma");
  check_fails ("{\"a\":1,}", FW_JSON_SYNTAX_ERROR_INVALID, 1, 8, "remove the comma");
  check_fails ("{'a':1}", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "not single quotes");
  check_fails ("{\"a\":1 // note\n}", FW_JSON_SYNTAX_ERROR_INVALID, 1, 8, "comments");
  check_fails ("{\"a\" 1}", FW_JSON_SYNTAX_ERROR_INVALID, 1, 6,
               "Expected “:” after the field name");
  check_fails ("{\"a\":1 \"b\":2}", FW_JSON_SYNTAX_ERROR_INVALID, 1, 8,
               "Expected “,” or “}” after the field’s value here, found “\"”");
  check_fails ("[1 2]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 4, "“,” or “]”");
  check_fails ("{a:1}", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "a field name in double quotes");
  check_fails ("[0x10]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "“0x10” is not a number");
  check_fails ("[01]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "“01” is not a number");
  check_fails ("[1.]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "is not a number");
  check_fails ("[-]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "is not a number");
  check_fails ("[NaN]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "“NaN” is not a JSON value");
  check_fails ("[tru]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "“tru” is not a JSON value");
  check_fails ("[9223372036854775808]", FW_JSON_SYNTAX_ERROR_NUMBER, 1, 2, "too large");
  check_fails ("[1e400]", FW_JSON_SYNTAX_ERROR_NUMBER, 1, 2, "too large");
  check_fails ("{} {}", FW_JSON_SYNTAX_ERROR_INVALID, 1, 4, "more text after the end");
  check_fails ("[\"a\nb\"]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "line break");
  check_fails ("[\"a\x01\"]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 4, "U+0001");
  check_fails ("[\"\\x41\"]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 3, "“\\x” is not an escape");
  check_fails ("[\"\\u12\"]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 3, "four hexadecimal digits");
  check_fails ("[\"\\u0000\"]", FW_JSON_SYNTAX_ERROR_NUL, 1, 3, "NUL");
  check_fails ("[\"\\udc00\"]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 3, "second half");
  check_fails ("[\"\\ud800x\"]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 3, "first half");
  check_fails ("[\"\\ud800\\u0041\"]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 3, "first half");
  check_fails ("[\"open", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "no closing double quote");
  check_fails ("{\"a\": [1, 2", FW_JSON_SYNTAX_ERROR_INVALID, 1, 12, "ends before the JSON");
  /* Columns count code points, not bytes. */
  check_fails ("[\"ąę\", x]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 8, "“x” is not a JSON value");
  /* A character nobody can see is named, not shown. */
  check_fails ("[\u202E]", FW_JSON_SYNTAX_ERROR_INVALID, 1, 2, "found “[U+202E]”");
}

static void
test_syntax_depth (void)
{
  GString *json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;

  for (guint i = 0; i < 3; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 3; i++)
    g_string_append_c (json, ']');

  g_assert_true (fw_json_syntax_check (json->str, json->len, 3, NULL, NULL, NULL, NULL));
  g_assert_false (fw_json_syntax_check (json->str, json->len, 2, NULL, &line, &column, &error));
  g_assert_error (error, FW_JSON_SYNTAX_ERROR, FW_JSON_SYNTAX_ERROR_TOO_DEEP);
  g_assert_cmpuint (column, ==, 3);
  g_string_free (json, TRUE);
}

static void
test_syntax_duplicates (void)
{
  static const char json[] = "{\n  \"a\": {\"x\": 1, \"x\": 2},\n  \"a/b~\": 0, \"a/b~\": 1\n}";
  g_autoptr(GPtrArray) warnings = NULL;
  const FwDiagnostic *d;

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
  g_assert_true (fw_json_syntax_check (json, strlen (json), 64, warnings, NULL, NULL, NULL));
  g_assert_cmpuint (warnings->len, ==, 2);

  d = g_ptr_array_index (warnings, 0);
  g_assert_cmpstr (d->path, ==, "/a/x");
  g_assert_cmpuint (d->line, ==, 2);
  g_assert_cmpuint (d->column, ==, 17);
  g_assert_cmpint (d->severity, ==, FW_SEVERITY_WARNING);

  /* Field names are escaped in the pointer as RFC 6901 says. */
  d = g_ptr_array_index (warnings, 1);
  g_assert_cmpstr (d->path, ==, "/a~1b~0");
  g_assert_cmpuint (d->line, ==, 3);
  g_assert_cmpuint (d->column, ==, 14);
}

static void
test_syntax_duplicates_in_arrays (void)
{
  g_autoptr(GString) json = g_string_new ("{\"a\": [");
  g_autoptr(GPtrArray) warnings = NULL;

  for (guint i = 0; i < 120; i++)
    g_string_append (json, "{}, ");
  g_string_append (json, "{\"x\": 1, \"x\": 2}]}");

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
  g_assert_true (fw_json_syntax_check (json->str, json->len, 64, warnings, NULL, NULL, NULL));
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (((FwDiagnostic *) g_ptr_array_index (warnings, 0))->path, ==, "/a/120/x");
}

static void
test_syntax_duplicates_capped (void)
{
  GString *json = g_string_new ("{\"k\": 0");
  g_autoptr(GPtrArray) warnings = NULL;
  const FwDiagnostic *last;

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
  for (guint i = 0; i < 150; i++)
    g_string_append (json, ", \"k\": 0");
  g_string_append_c (json, '}');

  g_assert_true (fw_json_syntax_check (json->str, json->len, 64, warnings, NULL, NULL, NULL));
  g_assert_cmpuint (warnings->len, ==, 101);
  last = g_ptr_array_index (warnings, 100);
  g_assert_cmpstr (last->message, ==, "50 more repeated field names are not listed");
  g_string_free (json, TRUE);
}

/* A problem inside a string is placed at the string's JSON Pointer (a
 * field name's at its object's); any other at the whole document. */
static void
assert_fails_in (const char *json,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_false (fw_json_syntax_check_full (json, strlen (json), 64, NULL, NULL, NULL, &path,
                                             &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (path, ==, expected);
}

static void
test_syntax_error_path (void)
{
  assert_fails_in ("{\"title\": \"a\\u0000b\"}", "/title");
  assert_fails_in ("{\"a\": {\"b~/\": [1, \"\\udc00\"]}}", "/a/b~0~1/1");
  assert_fails_in ("{\"a\": {\"x\\ud800\": 1}}", "/a");
  assert_fails_in ("{\"a\": [1,]}", "");
  assert_fails_in ("\"\\u0000\"", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-syntax/valid", test_syntax_valid);
  g_test_add_func ("/json-syntax/errors", test_syntax_errors);
  g_test_add_func ("/json-syntax/error-path", test_syntax_error_path);
  g_test_add_func ("/json-syntax/depth", test_syntax_depth);
  g_test_add_func ("/json-syntax/duplicates", test_syntax_duplicates);
  g_test_add_func ("/json-syntax/duplicates-in-arrays", test_syntax_duplicates_in_arrays);
  g_test_add_func ("/json-syntax/duplicates-capped", test_syntax_duplicates_capped);

  return g_test_run ();
}
