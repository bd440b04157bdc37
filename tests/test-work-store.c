/* test-work-store.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fw-pack-loader.h"
#include "fw-work-store.h"

#define FIND 3
#define REFLECT 6

static FwPack *
load_mini (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini.fwpack", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwPack *pack = fw_pack_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return pack;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fw-work-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static FwWorkStore *
open_store (const char *dir,
            FwPack     *pack)
{
  g_autoptr(GError) error = NULL;
  FwWorkStore *store = fw_work_store_open (dir, pack, "  Ada L.  ", &error);

  g_assert_no_error (error);
  return store;
}

static FwExerciseSession *
get_session (FwWorkStore *store)
{
  FwPack *pack = fw_work_store_get_pack (store);

  return fw_work_store_get_session (store, fw_pack_find_exercise (pack, "all-kinds"));
}

/* How many copies of @path named "PATH.WHY-STAMP" are kept beside it. */
static guint
count_copies (const char *path,
              const char *why)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (basename, ".", why, "-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix) ? 1 : 0;

  return n;
}

static guint
count_damaged (const char *path)
{
  return count_copies (path, "damaged");
}

/* A message for a student: full sentences, no parser output. */
static void
check_plain_message (const char *message)
{
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_null (strstr (message, "<data>"));
  g_assert_null (strstr (message, "Parse error"));
  g_assert_true (g_str_has_suffix (message, "."));
}

static void
test_save_and_reopen (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) previous = NULL;
  GStatBuf st;

  {
    g_autoptr(FwWorkStore) store = open_store (dir, pack);
    FwExerciseSession *s = get_session (store);

    g_assert_cmpstr (fw_work_store_get_student (store), ==, "Ada L.");
    g_assert_cmpint (fw_work_store_get_recovery (store), ==, FW_WORK_RECOVERY_NONE);
    path = g_strdup (fw_work_store_get_path (store));
    g_assert_true (g_str_has_prefix (path, dir));
    g_assert_true (g_str_has_suffix (path, ".json"));
    g_assert_nonnull (strstr (path, "mini--ada-l-"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

    /* Each answer is on disk as soon as it is given. */
    fw_exercise_session_add_span (s, FIND, 4, 14);
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    fw_work_store_set_current_exercise (store, "all-kinds");
    fw_exercise_session_set_text (s, REFLECT, "First thoughts");
    fw_exercise_session_set_current_step (s, 6);
  }

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The backup holds the version before the last. */
  backup = g_strconcat (path, ".bak", NULL);
  g_assert_true (g_file_get_contents (backup, &contents, NULL, &error));
  previous = fw_work_parse (contents, strlen (contents), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "First thoughts"));
  g_assert_null (strstr (contents, "\"current_step\" : 6"));

  {
    g_autoptr(FwWorkStore) store = open_store (dir, pack);
    FwExerciseSession *s = get_session (store);
    const FwStepAnswer *find = fw_exercise_session_get_answer (s, FIND);
    g_autofree char *latest = fw_work_store_find_latest_student (dir, "mini");

    g_assert_cmpint (fw_work_store_get_recovery (store), ==, FW_WORK_RECOVERY_NONE);
    g_assert_null (fw_work_store_get_recovery_message (store));
    g_assert_cmpstr (fw_work_store_get_current_exercise (store), ==, "all-kinds");
    g_assert_cmpuint (find->spans->len, ==, 1);
    g_assert_cmpuint (g_array_index (find->spans, FwSpan, 0).end, ==, 14);
    g_assert_cmpstr (fw_exercise_session_get_answer (s, REFLECT)->text, ==, "First thoughts");
    g_assert_cmpuint (fw_exercise_session_get_current_step (s), ==, 6);
    g_assert_cmpstr (latest, ==, "Ada L.");
    g_assert_null (fw_work_store_find_latest_student (dir, "other-pack"));
  }

  remove_tree (dir);
}

static void
test_bad_name (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *long_name = g_strnfill (FW_MAX_STUDENT_NAME + 1, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_null (fw_work_store_open (dir, pack, "   ", &error));
  g_assert_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_NAME);
  g_clear_error (&error);
  g_assert_null (fw_work_store_open (dir, pack, long_name, &error));
  g_assert_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_NAME);

  remove_tree (dir);
}

/* Saves two versions, then damages the save file with @damage. */
static char *
save_two_versions (const char *dir,
                   FwPack     *pack)
{
  g_autoptr(FwWorkStore) store = open_store (dir, pack);
  FwExerciseSession *s = get_session (store);

  fw_exercise_session_set_text (s, REFLECT, "Version one");
  fw_exercise_session_set_text (s, REFLECT, "Version two");

  return g_strdup (fw_work_store_get_path (store));
}

static void
check_recovered (const char *dir,
                 FwPack     *pack,
                 const char *path,
                 const char *expected_text)
{
  g_autoptr(FwWorkStore) store = open_store (dir, pack);
  FwExerciseSession *s = get_session (store);
  const char *message = fw_work_store_get_recovery_message (store);

  g_assert_cmpint (fw_work_store_get_recovery (store), ==, FW_WORK_RECOVERY_FROM_BACKUP);
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_cmpstr (fw_exercise_session_get_answer (s, REFLECT)->text, ==, expected_text);

  /* The recovered version is the save file at once, before any answer:
   * the next start finds it and reads it without recovering again. */
  {
    g_autoptr(FwWorkStore) again = NULL;
    g_autofree char *latest = NULL;

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    latest = fw_work_store_find_latest_student (dir, "mini");
    g_assert_cmpstr (latest, ==, "Ada L.");
    again = open_store (dir, pack);
    g_assert_cmpint (fw_work_store_get_recovery (again), ==, FW_WORK_RECOVERY_NONE);
    g_assert_cmpstr (fw_exercise_session_get_answer (get_session (again), REFLECT)->text, ==,
                     expected_text);
  }

  /* The next answer is saved normally, and the file reads cleanly after. */
  fw_exercise_session_set_text (s, REFLECT, "Version three");
  g_clear_object (&store);
  store = open_store (dir, pack);
  g_assert_cmpint (fw_work_store_get_recovery (store), ==, FW_WORK_RECOVERY_NONE);
  g_assert_cmpstr (fw_exercise_session_get_answer (get_session (store), REFLECT)->text, ==,
                   "Version three");
}

static void
test_recover_truncated (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = save_two_versions (dir, pack);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length / 2, NULL));

  check_recovered (dir, pack, path, "Version one");
  /* The damaged file was kept, not deleted. */
  g_assert_cmpuint (count_damaged (path), ==, 1);
  {
    g_autoptr(FwWorkStore) store = NULL;

    /* Damaged again: the message says what happened in plain words, with
     * only the position of the damage as a technical detail. */
    g_assert_true (g_file_set_contents (path, contents, (gssize) length / 2, NULL));
    store = open_store (dir, pack);
    check_plain_message (fw_work_store_get_recovery_message (store));
    g_assert_nonnull (strstr (fw_work_store_get_recovery_message (store), "line "));
  }

  remove_tree (dir);
}

static void
test_recover_garbage (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = save_two_versions (dir, pack);
  guint8 garbage[4096];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) garbage, sizeof garbage, NULL));

  check_recovered (dir, pack, path, "Version one");
  g_assert_cmpuint (count_damaged (path), ==, 1);

  remove_tree (dir);
}

static void
test_recover_missing (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = save_two_versions (dir, pack);

  g_assert_cmpint (g_unlink (path), ==, 0);
  check_recovered (dir, pack, path, "Version one");

  remove_tree (dir);
}

static void
test_recover_both_damaged (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = save_two_versions (dir, pack);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(FwWorkStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"framewise-work\"", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "[]", -1, NULL));

  store = open_store (dir, pack);
  g_assert_cmpint (fw_work_store_get_recovery (store), ==, FW_WORK_RECOVERY_LOST);
  check_plain_message (fw_work_store_get_recovery_message (store));
  g_assert_nonnull (strstr (fw_work_store_get_recovery_message (store), "line 1, column 28"));
  g_assert_null (fw_exercise_session_get_answer (get_session (store), REFLECT)->text);
  /* Both unreadable files are kept for a person to look at. */
  g_assert_cmpuint (count_damaged (path), ==, 1);
  g_assert_cmpuint (count_damaged (backup), ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_other_student_file (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = save_two_versions (dir, pack);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(FwWorkStore) store = NULL;

  /* A file whose student does not match its name is not this student's
   * work: it is kept aside and the backup is used. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_string_replace (edited, "\"Ada L.\"", "\"Someone Else\"", 0);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  store = open_store (dir, pack);
  g_assert_cmpint (fw_work_store_get_recovery (store), ==, FW_WORK_RECOVERY_FROM_BACKUP);

  remove_tree (dir);
}

/* Saved answers that no longer fit the exercise are dropped from the
 * session, but the file as it was is kept beside it before anything is
 * saved over it, and the student is told where. The session resumes at a
 * step of the exercise, not at the summary. */
static void
test_restore_problem_keeps_copy (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(FwWorkStore) store = NULL;
  FwExerciseSession *s;
  const char *problem;

  {
    g_autoptr(FwWorkStore) first = open_store (dir, pack);

    s = get_session (first);
    fw_exercise_session_add_span (s, FIND, 4, 14);
    fw_exercise_session_set_text (s, REFLECT, "Words worth keeping");
    fw_exercise_session_set_current_step (s, REFLECT);
    path = g_strdup (fw_work_store_get_path (first));
  }

  /* An edited file: a span beyond the piece, a step beyond the exercise. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"end\" : 14", "\"end\" : 999999", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"current_step\" : 6", "\"current_step\" : 99999",
                                      0), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  store = open_store (dir, pack);
  s = get_session (store);
  problem = fw_work_store_get_restore_problem (store);
  check_plain_message (problem);
  g_assert_cmpuint (count_damaged (path), ==, 0);
  g_assert_cmpuint (count_copies (path, "before-update"), ==, 1);
  g_assert_cmpuint (fw_exercise_session_get_answer (s, FIND)->spans->len, ==, 0);
  g_assert_cmpstr (fw_exercise_session_get_answer (s, REFLECT)->text, ==, "Words worth keeping");
  g_assert_cmpuint (fw_exercise_session_get_current_step (s), <,
                    fw_exercise_session_get_n_steps (s));

  /* Kept before any save, and still there after several. */
  g_assert_cmpuint (count_copies (path, "before-update"), ==, 1);
  fw_exercise_session_set_text (s, REFLECT, "Words worth keeping, and more");
  fw_exercise_session_set_text (s, REFLECT, "Words worth keeping, and more again");
  g_assert_cmpuint (count_copies (path, "before-update"), ==, 1);
  {
    g_autofree char *dirname = g_path_get_dirname (path);
    g_autoptr(GDir) d = g_dir_open (dirname, 0, NULL);
    const char *name;
    gboolean found = FALSE;

    while ((name = g_dir_read_name (d)) != NULL)
      if (strstr (name, ".before-update-") != NULL)
        {
          g_autofree char *kept_path = g_build_filename (dirname, name, NULL);
          g_autofree char *kept = NULL;

          g_assert_true (g_file_get_contents (kept_path, &kept, NULL, NULL));
          g_assert_cmpstr (kept, ==, edited->str);
          g_assert_nonnull (strstr (problem, name));
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* Told once. */
  {
    g_autofree char *taken = fw_work_store_take_restore_problem (store);

    g_assert_true (taken == problem);
    g_assert_null (fw_work_store_get_restore_problem (store));
  }

  remove_tree (dir);
}

/* The mini pack with a second exercise, a copy of the first. */
static FwPack *
load_two_exercises (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mini.fwpack", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) pack_text = NULL;
  g_autoptr(GString) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *end;
  FwPack *pack;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, "    {\n      \"id\": \"all-kinds\"");
  end = g_strrstr (text, "\n  ]\n}");
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  copy = g_string_new_len (start, end - start);
  g_assert_cmpuint (g_string_replace (copy, "\"all-kinds\"", "\"second\"", 0), ==, 1);
  pack_text = g_string_new_len (text, end - text);
  g_string_append (pack_text, ",\n");
  g_string_append (pack_text, copy->str);
  g_string_append (pack_text, end);

  bytes = g_bytes_new (pack_text->str, pack_text->len);
  pack = fw_pack_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_pack_get_n_exercises (pack), ==, 2);
  return pack;
}

/* However many exercises lose answers, the work as read is copied once
 * per opening, under a name that says what the copy is. */
static void
test_restore_problem_one_copy (void)
{
  g_autoptr(FwPack) pack = load_two_exercises ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(FwWorkStore) store = NULL;
  g_autofree char *first_problem = NULL;
  const char *ids[] = { "all-kinds", "second" };

  {
    g_autoptr(FwWorkStore) first = open_store (dir, pack);

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      fw_exercise_session_add_span (fw_work_store_get_session (first,
                                                               fw_pack_find_exercise (pack,
                                                                                      ids[i])),
                                    FIND, 4, 14);
    path = g_strdup (fw_work_store_get_path (first));
  }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"end\" : 14", "\"end\" : 999999", 0), ==, 2);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  store = open_store (dir, pack);
  fw_work_store_get_session (store, fw_pack_find_exercise (pack, "all-kinds"));
  first_problem = fw_work_store_take_restore_problem (store);
  check_plain_message (first_problem);
  fw_work_store_get_session (store, fw_pack_find_exercise (pack, "second"));
  check_plain_message (fw_work_store_get_restore_problem (store));

  g_assert_cmpuint (count_copies (path, "before-update"), ==, 1);
  g_assert_cmpuint (count_damaged (path), ==, 0);
  {
    g_autofree char *dirname = g_path_get_dirname (path);
    g_autoptr(GDir) d = g_dir_open (dirname, 0, NULL);
    const char *name;

    /* Both messages name the one copy. */
    while ((name = g_dir_read_name (d)) != NULL)
      if (strstr (name, ".before-update-") != NULL)
        {
          g_assert_nonnull (strstr (first_problem, name));
          g_assert_nonnull (strstr (fw_work_store_get_restore_problem (store), name));
        }
  }

  remove_tree (dir);
}

static void
test_export_json (void)
{
  g_autoptr(FwPack) pack = load_mini ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *out = g_build_filename (dir, "hand-in.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(FwWorkStore) store = open_store (dir, pack);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonObject) object = NULL;
  FwExerciseSession *s = get_session (store);

  fw_exercise_session_add_span (s, FIND, 4, 14);
  fw_exercise_session_check (s, FIND);
  g_assert_true (fw_work_store_export_json (store, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  object = fw_work_parse (contents, strlen (contents), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (object, "student"), ==, "Ada L.");
  g_assert_nonnull (strstr (contents, "Calls the vote fake without evidence."));

  remove_tree (dir);
}

/* A long piece for the writer to put many spans in. */
static char *
write_kill_pack (const char *dir)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *json = NULL;
  char *path = g_build_filename (dir, "kill.fwpack", NULL);

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "word ");
  json = g_strdup_printf (
    "{\"format\": \"framewise-pack\", \"version\": 1, \"id\": \"kill\", \"title\": \"Kill\","
    " \"language\": \"en\","
    " \"pieces\": [{\"id\": \"p\", \"title\": \"P\", \"paragraphs\": [\"%s\"],"
    "   \"annotations\": [{\"kind\": \"loaded-term\", \"category\": \"c\", \"note\": \"n\","
    "                      \"start\": 0, \"end\": 4}]}],"
    " \"exercises\": [{\"id\": \"e\", \"title\": \"E\", \"steps\": ["
    "   {\"kind\": \"find-spans\", \"title\": \"F\", \"piece\": \"p\","
    "    \"key_kinds\": [\"loaded-term\"]},"
    "   {\"kind\": \"reflect\", \"title\": \"R\", \"prompt\": \"Why?\"}]}]}", text->str);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  return path;
}

static int
read_max_ack (int      fd,
              GString *out)
{
  char buffer[4096];
  ssize_t n;
  int max = -1;
  g_auto(GStrv) lines = NULL;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);

  lines = g_strsplit (out->str, "\n", -1);
  /* The last element follows the last newline: a line the writer had not
   * finished printing, which acknowledges nothing. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      guint64 value;

      g_assert_true (g_str_has_prefix (lines[i], "ack "));
      g_assert_true (g_ascii_string_to_unsigned (lines[i] + 4, 10, 0, G_MAXINT, &value, NULL));
      max = MAX (max, (int) value);
    }

  return max;
}

/* Kills a writer process at random moments, thousands of times; after
 * every kill the work must load without recovery and hold every answer
 * that was acknowledged. */
static void
test_kill_loop (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *pack_path = write_kill_pack (dir);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "fw-work-writer", NULL);
  g_autoptr(GFile) pack_file = g_file_new_for_path (pack_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_file (pack_file, NULL, NULL, &error);
  g_autofree char *run_dir = NULL;
  guint n_iterations = g_test_thorough () ? 10000 : 2000;
  guint n_acked_total = 0, n_mid_run = 0;
  int max_acked = -1;
  g_autoptr(GString) output = g_string_new (NULL);

  g_assert_no_error (error);

  for (guint iteration = 0; iteration < n_iterations; iteration++)
    {
      char *argv[] = { writer, NULL, pack_path, (char *) "1000000", NULL };
      g_autoptr(FwWorkStore) store = NULL;
      FwExerciseSession *session;
      const FwStepAnswer *find;
      const char *text;
      GPid pid;
      int out_fd, status, acked;

      /* A fresh folder now and then keeps the files small. */
      if (iteration % 25 == 0)
        {
          g_free (run_dir);
          run_dir = g_strdup_printf ("%s/run-%u", dir, iteration);
          max_acked = -1;
        }
      argv[1] = run_dir;

      g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* Three kills in four wait for the first acknowledged save, so that
       * they land among the saves however loaded the machine is; the rest
       * may also land while the writer starts or makes its first save. */
      if (iteration % 4 != 0)
        {
          GPollFD poll_fd = { out_fd, G_IO_IN, 0 };

          if (g_poll (&poll_fd, 1, 10000) == 1)
            {
              char buffer[64];
              ssize_t n = read (out_fd, buffer, sizeof buffer);

              if (n > 0)
                g_string_append_len (output, buffer, n);
            }
          g_usleep (g_test_rand_int_range (0, 3000));
        }
      else
        {
          g_usleep (g_test_rand_int_range (0, 12000));
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* A writer that exited by itself failed: that is a test failure. */
      g_assert_true (WIFSIGNALED (status));

      acked = read_max_ack (out_fd, output);
      g_string_truncate (output, 0);
      close (out_fd);
      if (acked >= 0)
        {
          n_acked_total += (guint) (acked - max_acked);
          n_mid_run++;
        }
      max_acked = MAX (max_acked, acked);

      store = fw_work_store_open (run_dir, pack, "Kill Test", &error);
      g_assert_no_error (error);
      g_assert_cmpint (fw_work_store_get_recovery (store), ==, FW_WORK_RECOVERY_NONE);
      session = fw_work_store_get_session (store, fw_pack_get_exercise (pack, 0));
      find = fw_exercise_session_get_answer (session, 0);
      text = fw_exercise_session_get_answer (session, 1)->text;

      g_assert_cmpint ((int) find->spans->len, >=, max_acked + 1);
      for (guint i = 0; i < find->spans->len; i++)
        {
          g_assert_cmpuint (g_array_index (find->spans, FwSpan, i).start, ==, i);
          g_assert_cmpuint (g_array_index (find->spans, FwSpan, i).end, ==, i + 1);
        }
      if (max_acked >= 0)
        {
          guint64 last;

          g_assert_nonnull (text);
          g_assert_true (g_str_has_prefix (text, "answer "));
          g_assert_true (g_ascii_string_to_unsigned (text + 7, 10, 0, G_MAXINT, &last, NULL));
          g_assert_cmpint ((int) last, >=, max_acked);
        }
    }

  g_test_message ("%u kills; %u of them after at least one acknowledged answer; "
                  "%u answers acknowledged in all", n_iterations, n_mid_run, n_acked_total);
  /* The kills must land among the saves, not only before the first. */
  g_assert_cmpuint (n_mid_run, >, n_iterations / 4);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/work-store/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/work-store/bad-name", test_bad_name);
  g_test_add_func ("/work-store/recover-truncated", test_recover_truncated);
  g_test_add_func ("/work-store/recover-garbage", test_recover_garbage);
  g_test_add_func ("/work-store/recover-missing", test_recover_missing);
  g_test_add_func ("/work-store/recover-both-damaged", test_recover_both_damaged);
  g_test_add_func ("/work-store/other-student-file", test_other_student_file);
  g_test_add_func ("/work-store/restore-problem-keeps-copy", test_restore_problem_keeps_copy);
  g_test_add_func ("/work-store/restore-problem-one-copy", test_restore_problem_one_copy);
  g_test_add_func ("/work-store/export-json", test_export_json);
  g_test_add_func ("/work-store/kill-loop", test_kill_loop);

  return g_test_run ();
}
