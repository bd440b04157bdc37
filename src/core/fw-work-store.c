/* fw-work-store.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <inttypes.h>
#include <glib/gstdio.h>

#include "fw-json-read.h"
#include "fw-json-syntax.h"
#include "fw-pack-loader.h"
#include "fw-work-store.h"

/* One student's work on one pack, in one JSON file under the user data
 * directory. Every answer is saved as it is given. A save never leaves the
 * file half-written: the previous version is first written to FILE.bak,
 * then the new one replaces FILE, both with g_file_set_contents_full(),
 * which writes a temporary file, syncs it and renames it over the old one.
 * Whenever a process stops, FILE holds either the last acknowledged
 * version or the one after it, and FILE.bak the version before. On open, a
 * file that cannot be read is moved aside (never deleted) and the backup
 * restored, and the store says so. Saved answers that no longer fit their
 * exercise are left out of it only once the work as read has been copied
 * beside the file, so that no save can lose them. */

G_DEFINE_QUARK (fw-work-store-error-quark, fw_work_store_error)

struct _FwWorkStore
{
  GObject parent_instance;

  FwPack *pack;
  char *student;
  char *path;
  char *backup_path;
  char *last_saved;
  char *current_exercise;
  FwWorkRecovery recovery;
  char *recovery_message;
  char *restore_problem;
  char *restore_copy;
  char *save_problem;
  GHashTable *sessions;
  GHashTable *pending;
};

G_DEFINE_FINAL_TYPE (FwWorkStore, fw_work_store, G_TYPE_OBJECT)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SAVE_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fw_work_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FwWorkStore *self = FW_WORK_STORE (object);

  switch (prop_id)
    {
    case PROP_SAVE_PROBLEM:
      g_value_set_string (value, self->save_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_work_store_dispose (GObject *object)
{
  FwWorkStore *self = (FwWorkStore *) object;
  GHashTableIter iter;
  gpointer session;

  if (self->sessions != NULL)
    {
      g_hash_table_iter_init (&iter, self->sessions);
      while (g_hash_table_iter_next (&iter, NULL, &session))
        g_signal_handlers_disconnect_by_data (session, self);
    }
  g_clear_pointer (&self->sessions, g_hash_table_unref);

  G_OBJECT_CLASS (fw_work_store_parent_class)->dispose (object);
}

static void
fw_work_store_finalize (GObject *object)
{
  FwWorkStore *self = (FwWorkStore *) object;

  g_clear_object (&self->pack);
  g_free (self->student);
  g_free (self->path);
  g_free (self->backup_path);
  g_free (self->last_saved);
  g_free (self->current_exercise);
  g_free (self->recovery_message);
  g_free (self->restore_problem);
  g_free (self->restore_copy);
  g_free (self->save_problem);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (fw_work_store_parent_class)->finalize (object);
}

static void
fw_work_store_class_init (FwWorkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_work_store_dispose;
  object_class->finalize = fw_work_store_finalize;
  object_class->get_property = fw_work_store_get_property;

  /**
   * FwWorkStore:save-problem: (getter get_save_problem)
   *
   * While saves fail, a message for the student saying that her answers
   * are not being saved and which folder is at fault; %NULL once a save
   * succeeds. It changes only when saving starts or stops failing, so a
   * notice shown from it is not repeated at every failed save.
   */
  properties[PROP_SAVE_PROBLEM] =
    g_param_spec_string ("save-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwWorkStore::save-failed:
   * @self: the store
   * @error: what went wrong
   *
   * Emitted when an automatic save after an answer fails, so that the
   * student can be told her last answer is not on disk.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
fw_work_store_init (FwWorkStore *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) json_object_unref);
}

/**
 * fw_work_store_default_directory:
 *
 * Returns: (transfer full): where student work is kept:
 *   g_get_user_data_dir()/framewise/work
 */
char *
fw_work_store_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "framewise", "work", NULL);
}

/* A file name that a person can recognise and that no two names share:
 * the name in lower-case ASCII, then a hash of the exact name. */
static char *
work_basename (const char *pack_id,
               const char *student)
{
  g_autofree char *ascii = g_str_to_ascii (student, "C");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, student, -1);
  g_autoptr(GString) slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < 32; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  hash[8] = '\0';
  return g_strdup_printf ("%s--%s%s%s.json", pack_id, slug->str, slug->len > 0 ? "-" : "", hash);
}

/**
 * fw_work_parse:
 * @data: (array length=length): the contents of a work file or hand-in
 * @length: length of @data in bytes
 * @error: return location for a #FW_WORK_STORE_ERROR
 *
 * Parses and checks student work: valid UTF-8 JSON whose root object has
 * `format` "framewise-work", a `version` this Framewise reads, a non-empty
 * `student`, a `pack` object with an `id`, and an `exercises` array.
 *
 * Returns: (transfer full) (nullable): the root object, or %NULL with
 *   %FW_WORK_STORE_ERROR_DAMAGED or %FW_WORK_STORE_ERROR_NEWER_VERSION
 */
JsonObject *
fw_work_parse (const char *data,
               gsize       length,
               GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object, *pack;
  gint64 version;

  if (length > FW_MAX_WORK_SIZE)
    {
      g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                   _("The file is larger than any student work can be"));
      return NULL;
    }
  if (!g_utf8_validate (data, (gssize) length, NULL))
    {
      g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                   _("The file is not text (it is not valid UTF-8)"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      guint line = 0, column = 0;

      /* json-glib's message is for programmers ("<data>:25:34: Parse error:
       * unexpected character…"); the strict checker finds the same spot
       * and gives its position alone. */
      if (!fw_json_syntax_check (data, length, FW_MAX_NESTING, NULL, &line, &column, NULL)
          && line > 0)
        g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                     _("The file stops being valid JSON at line %u, column %u"), line, column);
      else
        g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                     _("The file is not valid JSON"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || g_strcmp0 (fw_json_member_string (object, "format"), "framewise-work") != 0)
    {
      g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                   _("The file is not Framewise student work"));
      return NULL;
    }

  version = fw_json_member_int (object, "version", -1);
  if (version > FW_WORK_FORMAT_VERSION)
    {
      g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_NEWER_VERSION,
                   _("The work was saved by a newer Framewise (format version %" PRId64
                     "); update Framewise to open it"), (int64_t) version);
      return NULL;
    }

  pack = fw_json_member_object (object, "pack");
  if (version < 1 || fw_json_member_string (object, "student") == NULL || pack == NULL
      || fw_json_member_string (pack, "id") == NULL
      || fw_json_member_array (object, "exercises") == NULL)
    {
      g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                   _("The file is Framewise student work with parts missing"));
      return NULL;
    }

  return json_object_ref (object);
}

static JsonObject *
read_work_file (const char  *path,
                FwWorkStore *self,
                char       **contents_out,
                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonObject) object = NULL;
  JsonObject *pack;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  object = fw_work_parse (contents, length, error);
  if (object == NULL)
    return NULL;

  pack = fw_json_member_object (object, "pack");
  if (g_strcmp0 (fw_json_member_string (pack, "id"), fw_pack_get_id (self->pack)) != 0
      || g_strcmp0 (fw_json_member_string (object, "student"), self->student) != 0)
    {
      g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_OTHER_PACK,
                   _("The file holds another student’s work or work on another pack"));
      return NULL;
    }

  if (contents_out != NULL)
    *contents_out = g_steal_pointer (&contents);
  return g_steal_pointer (&object);
}

/* A name beside @path that no file has yet, for a copy of it kept for a
 * person to look at: "PATH.WHY-STAMP", where @why says what the copy is
 * ("damaged", "before-update"), with a number added when two are kept
 * within a second. */
static char *
free_copy_name (const char *path,
                const char *why)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *aside = i == 0 ? g_strdup_printf ("%s.%s-%s", path, why, stamp)
                                      : g_strdup_printf ("%s.%s-%s-%u", path, why, stamp, i);

      if (!g_file_test (aside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&aside);
    }

  return NULL;
}

/* Moves a file that cannot be read out of the way, keeping it for a
 * person to look at. Returns the new path, or NULL when it cannot be
 * moved; the caller then refuses to open the store, so that no later save
 * can overwrite it. */
static char *
keep_aside (const char *path)
{
  g_autofree char *aside = free_copy_name (path, "damaged");

  if (aside == NULL || g_rename (path, aside) != 0)
    return NULL;
  return g_steal_pointer (&aside);
}

static char *
format_mtime (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) time = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  /* TRANSLATORS: a date and time, in g_date_time_format() syntax, e.g.
   * "%d.%m.%Y %H:%M" for "30.11.2026 14:05" */
  return local != NULL ? g_date_time_format (local, _("%Y-%m-%d %H:%M")) : g_strdup ("?");
}

static void
adopt_document (FwWorkStore *self,
                JsonObject  *object)
{
  JsonArray *exercises = fw_json_member_array (object, "exercises");

  g_free (self->current_exercise);
  self->current_exercise = g_strdup (fw_json_member_string (object, "current_exercise"));

  for (guint i = 0; i < json_array_get_length (exercises); i++)
    {
      JsonObject *e = fw_json_element_object (exercises, i);
      const char *id = e != NULL ? fw_json_member_string (e, "id") : NULL;

      if (id != NULL)
        g_hash_table_replace (self->pending, g_strdup (id), json_object_ref (e));
    }
}

static gboolean
load (FwWorkStore  *self,
      GError      **error)
{
  g_autoptr(GError) main_error = NULL;
  g_autoptr(GError) backup_error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *main_aside = NULL;
  g_autofree char *backup_aside = NULL;
  gboolean main_exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  gboolean backup_exists = g_file_test (self->backup_path, G_FILE_TEST_EXISTS);

  if (!main_exists && !backup_exists)
    return TRUE;

  if (main_exists)
    {
      object = read_work_file (self->path, self, &contents, &main_error);
      if (object != NULL)
        {
          self->last_saved = g_steal_pointer (&contents);
          adopt_document (self, object);
          return TRUE;
        }
    }

  if (backup_exists)
    object = read_work_file (self->backup_path, self, &contents, &backup_error);

  /* Nothing is thrown away: an unreadable file is kept under another name
   * before anything new is written where it was. */
  if (main_exists)
    {
      main_aside = keep_aside (self->path);
      if (main_aside == NULL)
        {
          g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                       _("The saved work in “%s” cannot be read (%s) and cannot be moved aside "
                         "to start again"), self->path, main_error->message);
          return FALSE;
        }
    }

  if (object != NULL)
    {
      g_autofree char *when = format_mtime (self->backup_path);

      self->recovery = FW_WORK_RECOVERY_FROM_BACKUP;
      /* What happened first, in words a student acts on; what was wrong
       * with the file last, for whoever looks into it. */
      if (main_exists)
        self->recovery_message =
          g_strdup_printf (_("Your saved work was damaged, so its previous version, saved %s, "
                             "has been restored; your last answer may need to be given again. "
                             "Nothing was deleted: the damaged file was kept as “%s”.\n\n"
                             "Technical detail: %s."),
                           when, main_aside, main_error->message);
      else
        self->recovery_message =
          g_strdup_printf (_("Your saved work was missing. The previous version, saved %s, has "
                             "been restored; your last answer may need to be given again."),
                           when);
      /* The recovered version becomes the save file at once, so that the
       * next start finds it (fw_work_store_find_latest_student() reads
       * save files only) even if no answer is given before then. Should
       * this fail, the backup still holds it and the next save says so. */
      g_file_set_contents_full (self->path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                NULL);
      self->last_saved = g_steal_pointer (&contents);
      adopt_document (self, object);
      return TRUE;
    }

  if (backup_exists)
    {
      /* As for the save file: the next save but one writes the backup. */
      backup_aside = keep_aside (self->backup_path);
      if (backup_aside == NULL)
        {
          g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_DAMAGED,
                       _("The previous version of the saved work, “%s”, cannot be read (%s) "
                         "and cannot be moved aside to start again"),
                       self->backup_path, backup_error->message);
          return FALSE;
        }
    }

  self->recovery = FW_WORK_RECOVERY_LOST;
  if (main_aside != NULL && backup_aside != NULL)
    self->recovery_message =
      g_strdup_printf (_("Your saved work and its previous version are both damaged, so you "
                         "start afresh. Nothing was deleted: the damaged files were kept as "
                         "“%s” and “%s”.\n\nTechnical detail: %s."),
                       main_aside, backup_aside, main_error->message);
  else if (main_aside != NULL)
    self->recovery_message =
      g_strdup_printf (_("Your saved work is damaged and there is no previous version, so you "
                         "start afresh. Nothing was deleted: the damaged file was kept as "
                         "“%s”.\n\nTechnical detail: %s."),
                       main_aside, main_error->message);
  else
    self->recovery_message =
      g_strdup_printf (_("Your saved work was missing and its previous version is damaged, so "
                         "you start afresh. Nothing was deleted: the damaged file was kept as "
                         "“%s”.\n\nTechnical detail: %s."),
                       backup_aside, backup_error->message);
  return TRUE;
}

/**
 * fw_work_store_open:
 * @directory: (nullable): where work files are kept, created if needed;
 *   %NULL for fw_work_store_default_directory()
 * @pack: the pack the work is on
 * @student: the student's name or initials as typed (surrounding white
 *   space is ignored)
 * @error: return location for a #GError
 *
 * Opens the work of @student on @pack, reading what was saved before. A
 * save file that cannot be read is recovered from its previous version;
 * fw_work_store_get_recovery() and fw_work_store_get_recovery_message()
 * then say what happened, and the unreadable file is kept beside it.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with
 *   %FW_WORK_STORE_ERROR_NAME for an empty or too long name, a #GIOError
 *   when the directory cannot be created, or %FW_WORK_STORE_ERROR_DAMAGED
 *   when an unreadable file cannot be moved aside
 */
FwWorkStore *
fw_work_store_open (const char  *directory,
                    FwPack      *pack,
                    const char  *student,
                    GError     **error)
{
  g_autoptr(FwWorkStore) self = NULL;
  g_autofree char *default_directory = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  glong length;

  g_return_val_if_fail (FW_IS_PACK (pack), NULL);
  g_return_val_if_fail (student != NULL && g_utf8_validate (student, -1, NULL), NULL);

  name = g_strstrip (g_strdup (student));
  length = g_utf8_strlen (name, -1);
  if (length == 0 || length > FW_MAX_STUDENT_NAME)
    {
      g_set_error (error, FW_WORK_STORE_ERROR, FW_WORK_STORE_ERROR_NAME,
                   length == 0 ? _("Type your name or initials")
                               : _("The name is too long; initials are enough"));
      return NULL;
    }

  if (directory == NULL)
    directory = default_directory = fw_work_store_default_directory ();

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder for saved work “%s”: %s"), directory,
                   g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (FW_TYPE_WORK_STORE, NULL);
  self->pack = g_object_ref (pack);
  self->student = g_steal_pointer (&name);
  basename = work_basename (fw_pack_get_id (pack), self->student);
  self->path = g_build_filename (directory, basename, NULL);
  self->backup_path = g_strconcat (self->path, ".bak", NULL);

  if (!load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fw_work_store_find_latest_student:
 * @directory: (nullable): the work folder, %NULL for the default
 * @pack_id: a pack id
 *
 * Finds who worked on @pack_id last on this computer: the student of the
 * most recently saved readable work file for that pack, so that the app
 * can reopen where she left off.
 *
 * Returns: (transfer full) (nullable): the student's name, or %NULL
 */
char *
fw_work_store_find_latest_student (const char *directory,
                                   const char *pack_id)
{
  g_autofree char *default_directory = NULL;
  g_autofree char *prefix = g_strconcat (pack_id, "--", NULL);
  g_autofree char *best = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 best_time = G_MININT64;
  const char *name;

  if (directory == NULL)
    directory = default_directory = fw_work_store_default_directory ();

  dir = g_dir_open (directory, 0, NULL);
  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(JsonObject) object = NULL;
      GStatBuf st;
      gsize length;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (directory, name, NULL);
      if (g_stat (path, &st) != 0 || (gint64) st.st_mtime < best_time)
        continue;
      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      object = fw_work_parse (contents, length, NULL);
      if (object == NULL)
        continue;

      best_time = st.st_mtime;
      g_free (best);
      best = g_strdup (fw_json_member_string (object, "student"));
    }

  return g_steal_pointer (&best);
}

/**
 * fw_work_store_get_pack:
 * @self: a store
 *
 * Returns: (transfer none): the pack
 */
FwPack *
fw_work_store_get_pack (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return self->pack;
}

/**
 * fw_work_store_get_student:
 * @self: a store
 *
 * Returns: (transfer none): the student's name as stored (trimmed)
 */
const char *
fw_work_store_get_student (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return self->student;
}

/**
 * fw_work_store_get_path:
 * @self: a store
 *
 * Returns: (transfer none): the save file's path
 */
const char *
fw_work_store_get_path (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return self->path;
}

/**
 * fw_work_store_get_recovery:
 * @self: a store
 *
 * Returns: what opening the store had to do to read the saved work
 */
FwWorkRecovery
fw_work_store_get_recovery (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), FW_WORK_RECOVERY_NONE);
  return self->recovery;
}

/**
 * fw_work_store_get_recovery_message:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): a message for the student saying
 *   what was recovered and where the unreadable file was kept, or %NULL
 *   when nothing had to be recovered
 */
const char *
fw_work_store_get_recovery_message (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return self->recovery_message;
}

/**
 * fw_work_store_get_restore_problem:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): a message for the student naming
 *   saved answers that no longer fit their exercise (the pack changed, or
 *   the file was edited) and were not restored, and where the work as it
 *   was read has been kept; or %NULL. It is the message of the latest
 *   fw_work_store_get_session() that left answers out, until
 *   fw_work_store_take_restore_problem() takes it.
 */
const char *
fw_work_store_get_restore_problem (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return self->restore_problem;
}

/**
 * fw_work_store_get_save_problem:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): the #FwWorkStore:save-problem
 *   message, or %NULL when the last save succeeded
 */
const char *
fw_work_store_get_save_problem (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return self->save_problem;
}

static void
set_save_failing (FwWorkStore *self,
                  gboolean     failing)
{
  g_autofree char *folder = NULL;

  if (failing == (self->save_problem != NULL))
    return;

  g_clear_pointer (&self->save_problem, g_free);
  if (failing)
    {
      folder = g_path_get_dirname (self->path);
      /* The folder, not the file: the error names a temporary file that
       * means nothing to a student. */
      self->save_problem =
        g_strdup_printf (_("Your answers are not being saved: the folder “%s” cannot be "
                           "written to. They will be saved as soon as it can be."), folder);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_PROBLEM]);
}

/**
 * fw_work_store_take_restore_problem:
 * @self: a store
 *
 * Takes the message fw_work_store_get_restore_problem() returns, so that
 * the student is told once.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL
 */
char *
fw_work_store_take_restore_problem (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return g_steal_pointer (&self->restore_problem);
}

static void
session_changed_cb (FwWorkStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!fw_work_store_save (self, &error))
    {
      set_save_failing (self, TRUE);
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
    }
}

/* Saved answers that no longer fit are left out of the session, and the
 * next saves would write the work without them: the work as it was read
 * is first kept beside the save file, once per opening of the store
 * however many exercises lose answers, as "PATH.before-update-STAMP"
 * (the usual cause is a pack updated since the work was saved). */
static void
note_restore_problem (FwWorkStore  *self,
                      const GError *problem)
{
  g_autoptr(GError) error = NULL;
  const char *copy;
  char *message;

  if (self->restore_copy == NULL)
    {
      g_autofree char *name = free_copy_name (self->path, "before-update");

      if (name == NULL)
        g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                     _("Too many copies of the saved work are kept already"));
      else if (g_file_set_contents_full (name, self->last_saved != NULL ? self->last_saved : "",
                                         -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        self->restore_copy = g_steal_pointer (&name);
    }
  copy = self->restore_copy;

  if (error == NULL)
    /* TRANSLATORS: the first %s is a sentence naming the answer that was
     * not restored, the second a file name */
    message = g_strdup_printf (_("%s Nothing was deleted: your saved work as it was has been "
                                 "kept as “%s”."), problem->message, copy);
  else
    /* TRANSLATORS: the first %s is a sentence naming the answer that was
     * not restored, the second why no copy could be written */
    message = g_strdup_printf (_("%s A copy of your saved work as it was could not be kept: "
                                 "%s."), problem->message, error->message);

  g_free (self->restore_problem);
  self->restore_problem = message;
}

/**
 * fw_work_store_get_session:
 * @self: a store
 * @exercise: an exercise of the store's pack
 *
 * Returns the student's session on @exercise, restored from the saved work
 * the first time it is asked for. From then on every change to the session
 * is saved at once; a failed save emits #FwWorkStore::save-failed.
 *
 * Returns: (transfer none): the session
 */
FwExerciseSession *
fw_work_store_get_session (FwWorkStore *self,
                           FwExercise  *exercise)
{
  FwExerciseSession *session;
  JsonObject *saved;

  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  g_return_val_if_fail (FW_IS_EXERCISE (exercise), NULL);

  session = g_hash_table_lookup (self->sessions, fw_exercise_get_id (exercise));
  if (session != NULL)
    return session;

  session = fw_exercise_session_new (self->pack, exercise);
  saved = g_hash_table_lookup (self->pending, fw_exercise_get_id (exercise));
  if (saved != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!fw_exercise_session_restore (session, saved, &error))
        note_restore_problem (self, error);
    }

  g_hash_table_insert (self->sessions, g_strdup (fw_exercise_get_id (exercise)), session);
  g_signal_connect_swapped (session, "step-changed", G_CALLBACK (session_changed_cb), self);
  g_signal_connect_swapped (session, "notify::current-step", G_CALLBACK (session_changed_cb),
                            self);

  return session;
}

/**
 * fw_work_store_get_current_exercise:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): the id of the exercise the student
 *   was on last
 */
const char *
fw_work_store_get_current_exercise (FwWorkStore *self)
{
  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);
  return self->current_exercise;
}

/**
 * fw_work_store_set_current_exercise:
 * @self: a store
 * @exercise_id: (nullable): the id of the exercise the student is on
 *
 * Remembers where the student is; it is saved with the next save.
 */
void
fw_work_store_set_current_exercise (FwWorkStore *self,
                                    const char  *exercise_id)
{
  g_return_if_fail (FW_IS_WORK_STORE (self));
  if (g_strcmp0 (self->current_exercise, exercise_id) == 0)
    return;
  g_free (self->current_exercise);
  self->current_exercise = g_strdup (exercise_id);
}

/**
 * fw_work_store_to_json:
 * @self: a store
 *
 * Builds the student's work document: `format` "framewise-work",
 * `version`, `student`, `pack` (`id`, `title`), `saved` (ISO 8601),
 * `current_exercise`, and `exercises`, each as
 * fw_exercise_session_to_json() makes it. Exercises the student has not
 * opened since the work was loaded are written back as they were read.
 * The same document is the save file and the JSON hand-in.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
fw_work_store_to_json (FwWorkStore *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (FW_IS_WORK_STORE (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "framewise-work");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, FW_WORK_FORMAT_VERSION);
  json_builder_set_member_name (b, "student");
  json_builder_add_string_value (b, self->student);
  json_builder_set_member_name (b, "pack");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, fw_pack_get_id (self->pack));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, fw_pack_get_title (self->pack));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "saved");
  json_builder_add_string_value (b, saved);
  json_builder_set_member_name (b, "current_exercise");
  if (self->current_exercise != NULL)
    json_builder_add_string_value (b, self->current_exercise);
  else
    json_builder_add_null_value (b);

  /* In the pack's order, so that hand-ins read the way the pack does;
   * saved exercises the pack no longer has are kept at the end. */
  json_builder_set_member_name (b, "exercises");
  json_builder_begin_array (b);
  for (guint i = 0; i < fw_pack_get_n_exercises (self->pack); i++)
    {
      FwExercise *exercise = fw_pack_get_exercise (self->pack, i);
      const char *id = fw_exercise_get_id (exercise);
      FwExerciseSession *session = g_hash_table_lookup (self->sessions, id);
      JsonObject *saved_exercise = g_hash_table_lookup (self->pending, id);

      if (session != NULL)
        {
          json_builder_add_value (b, fw_exercise_session_to_json (session));
        }
      else if (saved_exercise != NULL)
        {
          JsonNode *node = json_node_alloc ();

          json_builder_add_value (b, json_node_init_object (node, saved_exercise));
        }
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->pending);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (fw_pack_find_exercise (self->pack, key) == NULL)
        {
          JsonNode *node = json_node_alloc ();

          json_builder_add_value (b, json_node_init_object (node, value));
        }
  }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/**
 * fw_work_store_to_data:
 * @self: a store
 * @length: (out) (optional): the length of the result in bytes
 *
 * Returns: (transfer full): fw_work_store_to_json() as indented UTF-8 text
 */
char *
fw_work_store_to_data (FwWorkStore *self,
                       gsize       *length)
{
  g_autoptr(JsonNode) root = fw_work_store_to_json (self);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

/**
 * fw_work_store_save:
 * @self: a store
 * @error: return location for a #GFileError
 *
 * Saves the student's work atomically: the version saved before is first
 * written to the backup file (the save file's name plus `.bak`), then the
 * new version replaces the save file. Each write goes to a temporary file
 * that is synced and renamed over the target (g_file_set_contents_full()
 * with %G_FILE_SET_CONTENTS_CONSISTENT), so a crash or a kill at any moment
 * leaves the save file holding the last completed save or the new one,
 * never a mixture. When this returns %TRUE the new version is on disk.
 *
 * Returns: %TRUE on success
 */
gboolean
fw_work_store_save (FwWorkStore  *self,
                    GError      **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (FW_IS_WORK_STORE (self), FALSE);

  data = fw_work_store_to_data (self, &length);

  if (self->last_saved != NULL
      && !g_file_set_contents_full (self->backup_path, self->last_saved, -1,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  if (!g_file_set_contents_full (self->path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  g_free (self->last_saved);
  self->last_saved = g_steal_pointer (&data);
  set_save_failing (self, FALSE);
  return TRUE;
}

/**
 * fw_work_store_export_json:
 * @self: a store
 * @file: where to write the hand-in
 * @error: return location for a #GIOError
 *
 * Writes the student's work as a JSON hand-in for the teacher (the same
 * document as the save file, see fw_work_store_to_json()), replacing
 * @file atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
fw_work_store_export_json (FwWorkStore  *self,
                           GFile        *file,
                           GError      **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (FW_IS_WORK_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = fw_work_store_to_data (self, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  NULL, error);
}
