/* test-pack-library.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pack library in isolated XDG directories (G_TEST_OPTION_ISOLATE_DIRS
 * gives each test its own $XDG_DATA_HOME and $XDG_DATA_DIRS). */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fw-pack-library.h"
#include "fw-pack-loader.h"

static void
copy_test_pack (const char *relative,
                const char *dir,
                const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "packs", relative, NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
}

static void
test_library_scan (void)
{
  g_autofree char *user_dir = fw_pack_library_dup_user_dir ();
  g_auto(GStrv) system_dirs = fw_pack_library_dup_system_dirs ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *recent_path = g_test_build_filename (G_TEST_DIST, "packs", "hostile-text.fwpack",
                                                        NULL);
  g_autoptr(GFile) recent_file = g_file_new_for_path (recent_path);
  g_autofree char *recent_uri = g_file_get_uri (recent_file);
  const char *recent[] = { recent_uri, "file:///no/such/pack.fwpack", NULL };
  const FwPackLibraryEntry *e;
  g_autofree char *bundled_copy = NULL;

  g_assert_true (g_str_has_suffix (user_dir, "/framewise/packs"));
  g_assert_nonnull (system_dirs[0]);

  copy_test_pack ("valid-base.fwpack", user_dir, "base.fwpack");
  copy_test_pack ("broken/bad-date.fwpack", user_dir, "broken.fwpack");
  copy_test_pack ("valid-base.fwpack", user_dir, ".hidden.fwpack");
  copy_test_pack ("valid-base.fwpack", user_dir, "notes.txt");
  copy_test_pack ("hostile-text.fwpack", system_dirs[0], "hostile.json");

  /* An installed copy of the bundled pack is not listed twice. */
  {
    g_autoptr(GBytes) bundled = fw_pack_loader_read_bundled (NULL);

    bundled_copy = g_build_filename (system_dirs[0], "karabakh-poland.fwpack", NULL);
    g_assert_true (g_file_set_contents (bundled_copy, g_bytes_get_data (bundled, NULL),
                                        (gssize) g_bytes_get_size (bundled), NULL));
  }

  entries = fw_pack_library_scan (recent, NULL);
  g_assert_cmpuint (entries->len, ==, 5);

  /* The missing recent file is left out; the one that exists comes first. */
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpint (e->location, ==, FW_PACK_LOCATION_RECENT);
  g_assert_cmpstr (e->id, ==, "hostile-text");

  /* User packs by title; an invalid pack says why. */
  e = g_ptr_array_index (entries, 1);
  g_assert_cmpint (e->location, ==, FW_PACK_LOCATION_USER);
  g_assert_cmpstr (e->title, ==, "Base pack");
  g_assert_cmpuint (e->n_pieces, ==, 2);
  e = g_ptr_array_index (entries, 2);
  g_assert_cmpint (e->location, ==, FW_PACK_LOCATION_USER);
  g_assert_null (e->title);
  g_assert_cmpuint (e->n_errors, ==, 1);
  g_assert_cmpstr (e->problem, ==, "“2023-13-45” is not an ISO 8601 date; write YYYY-MM-DD, "
                   "YYYY-MM or YYYY");

  /* Packs installed for everyone, then the bundled one (once). */
  e = g_ptr_array_index (entries, 3);
  g_assert_cmpint (e->location, ==, FW_PACK_LOCATION_SYSTEM);
  g_assert_cmpstr (e->id, ==, "hostile-text");
  e = g_ptr_array_index (entries, 4);
  g_assert_cmpint (e->location, ==, FW_PACK_LOCATION_BUNDLED);
  g_assert_null (e->file);
  g_assert_cmpstr (e->id, ==, "karabakh-poland");
}

static void
test_library_add (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "valid-base.fwpack", NULL);
  g_autofree char *broken_path = g_test_build_filename (G_TEST_DIST, "packs", "broken",
                                                        "bad-date.fwpack", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *broken_contents = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GFile) added = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GFile) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;
  g_autofree char *second_path = NULL;
  g_autoptr(GBytes) other_bytes = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) second_again = NULL;
  FwPackLibraryAdded added_how = FW_PACK_LIBRARY_ALREADY_THERE;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);

  added = fw_pack_library_add (bytes, &added_how, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added_how, ==, FW_PACK_LIBRARY_ADDED);
  g_assert_true (fw_pack_library_contains (added));
  g_assert_cmpstr (g_file_peek_path (added) + strlen (g_file_peek_path (added))
                   - strlen ("/broken-base.fwpack"), ==, "/broken-base.fwpack");
  g_assert_true (g_file_get_contents (g_file_peek_path (added), &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, contents);

  /* Adding the same pack again writes nothing. */
  again = fw_pack_library_add (bytes, &added_how, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added_how, ==, FW_PACK_LIBRARY_ALREADY_THERE);
  g_assert_true (g_file_equal (again, added));

  /* Another teacher's pack with the same id keeps the first one. */
  other = g_strconcat (contents, "\n", NULL);
  other_bytes = g_bytes_new (other, strlen (other));
  second = fw_pack_library_add (other_bytes, &added_how, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added_how, ==, FW_PACK_LIBRARY_ADDED_AS_NEW_NAME);
  g_assert_cmpstr (g_file_peek_path (second) + strlen (g_file_peek_path (second))
                   - strlen ("/broken-base-2.fwpack"), ==, "/broken-base-2.fwpack");
  g_clear_pointer (&copied, g_free);
  g_assert_true (g_file_get_contents (g_file_peek_path (added), &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, contents);
  g_clear_pointer (&copied, g_free);
  g_assert_true (g_file_get_contents (g_file_peek_path (second), &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, other);
  second_path = g_strdup (g_file_peek_path (second));
  second_again = fw_pack_library_add (other_bytes, &added_how, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added_how, ==, FW_PACK_LIBRARY_ALREADY_THERE);
  g_assert_cmpstr (g_file_peek_path (second_again), ==, second_path);
  g_assert_false (g_file_test (backup = g_strconcat (g_file_peek_path (added), "~", NULL),
                               G_FILE_TEST_EXISTS));

  /* An invalid pack is not added. */
  g_assert_true (g_file_get_contents (broken_path, &broken_contents, &length, NULL));
  broken = g_bytes_new (broken_contents, length);
  refused = fw_pack_library_add (broken, NULL, NULL, &error);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_null (refused);
}

static void
test_library_recent (void)
{
  const char *recent[] = { "file:///a", "file:///b", "file:///c", NULL };
  g_auto(GStrv) pushed = fw_pack_library_push_recent (recent, "file:///b");
  g_auto(GStrv) first = fw_pack_library_push_recent (NULL, "file:///x");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) many = NULL;
  g_auto(GStrv) capped = NULL;

  g_assert_cmpstrv (pushed, ((const char *[]) { "file:///b", "file:///a", "file:///c", NULL }));
  g_assert_cmpstrv (first, ((const char *[]) { "file:///x", NULL }));

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:///%u", i);

      g_strv_builder_add (builder, uri);
    }
  many = g_strv_builder_end (builder);
  capped = fw_pack_library_push_recent ((const char * const *) many, "file:///new");
  g_assert_cmpuint (g_strv_length (capped), ==, FW_MAX_RECENT_PACKS);
  g_assert_cmpstr (capped[0], ==, "file:///new");
  g_assert_cmpstr (capped[9], ==, "file:///8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pack-library/scan", test_library_scan);
  g_test_add_func ("/pack-library/add", test_library_add);
  g_test_add_func ("/pack-library/recent", test_library_recent);

  return g_test_run ();
}
