/* fw-pack-library.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library lists the packs a teacher or student can open without
 * looking for a file: the recently opened ones, those in the user's
 * library, those installed for everyone, and the bundled one. Packs live
 * in `framewise/packs` under the XDG data directories (the XDG Base
 * Directory Specification, as GLib reads it). Every file listed is
 * validated, so the library says at once which packs cannot be opened.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-pack-library.h"
#include "fw-pack-loader.h"

/* The most files read from one folder; a folder with more is not a pack
 * library, and reading it all would take long. */
#define MAX_FILES_PER_DIR 1000

G_DEFINE_BOXED_TYPE (FwPackLibraryEntry, fw_pack_library_entry, fw_pack_library_entry_copy,
                     fw_pack_library_entry_free)

/**
 * fw_pack_library_entry_copy:
 * @self: an entry
 *
 * Returns: (transfer full): a deep copy of @self
 */
FwPackLibraryEntry *
fw_pack_library_entry_copy (const FwPackLibraryEntry *self)
{
  FwPackLibraryEntry *copy = g_new0 (FwPackLibraryEntry, 1);

  *copy = *self;
  copy->file = self->file != NULL ? g_object_ref (self->file) : NULL;
  copy->id = g_strdup (self->id);
  copy->title = g_strdup (self->title);
  copy->problem = g_strdup (self->problem);

  return copy;
}

/**
 * fw_pack_library_entry_free:
 * @self: (transfer full) (nullable): an entry
 *
 * Frees @self.
 */
void
fw_pack_library_entry_free (FwPackLibraryEntry *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->file);
  g_free (self->id);
  g_free (self->title);
  g_free (self->problem);
  g_free (self);
}

/**
 * fw_pack_library_dup_user_dir:
 *
 * Returns: (transfer full): the user's pack library,
 *   `g_get_user_data_dir()/framewise/packs`; it may not exist yet
 */
char *
fw_pack_library_dup_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "framewise", "packs", NULL);
}

/**
 * fw_pack_library_dup_system_dirs:
 *
 * Returns: (transfer full) (array zero-terminated=1): the folders of packs
 *   installed for everyone, `framewise/packs` in each of
 *   g_get_system_data_dirs(), in order of precedence
 */
char **
fw_pack_library_dup_system_dirs (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (dirs[i], "framewise", "packs", NULL);

      g_strv_builder_add (builder, dir);
    }

  return g_strv_builder_end (builder);
}

static FwPackLibraryEntry *
entry_for_bytes (FwPackLocation  location,
                 GFile          *file,
                 GBytes         *bytes,
                 const GError   *read_error)
{
  FwPackLibraryEntry *entry = g_new0 (FwPackLibraryEntry, 1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  entry->location = location;
  entry->file = file != NULL ? g_object_ref (file) : NULL;

  if (bytes == NULL)
    {
      entry->n_errors = 1;
      entry->problem = g_strdup (read_error->message);
      return entry;
    }

  pack = fw_pack_load_bytes (bytes, &diagnostics, &error);
  entry->n_errors = fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR);
  entry->n_warnings = fw_diagnostics_count (diagnostics, FW_SEVERITY_WARNING);

  if (pack == NULL)
    {
      /* One error says itself; several are counted (the app lists them all
       * when the pack is opened). */
      const FwDiagnostic *first = fw_diagnostics_find_first (diagnostics, FW_SEVERITY_ERROR);

      entry->n_errors = MAX (entry->n_errors, 1);
      entry->problem = g_strdup (entry->n_errors == 1 && first != NULL ? first->message
                                                                        : error->message);
      return entry;
    }

  entry->id = g_strdup (fw_pack_get_id (pack));
  entry->title = g_strdup (fw_pack_get_title (pack));
  entry->n_pieces = fw_pack_get_n_pieces (pack);

  return entry;
}

static FwPackLibraryEntry *
entry_for_file (FwPackLocation  location,
                GFile          *file,
                GCancellable   *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fw_pack_loader_read_file (file, cancellable, &error);

  return entry_for_bytes (location, file, bytes, error);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FwPackLibraryEntry *ea = *(FwPackLibraryEntry * const *) a;
  const FwPackLibraryEntry *eb = *(FwPackLibraryEntry * const *) b;
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (ea->location != eb->location)
    return (int) ea->location - (int) eb->location;

  na = ea->title != NULL ? g_utf8_collate_key (ea->title, -1) : g_file_get_basename (ea->file);
  nb = eb->title != NULL ? g_utf8_collate_key (eb->title, -1) : g_file_get_basename (eb->file);
  return strcmp (na, nb);
}

static gboolean
is_pack_name (const char *name)
{
  if (name[0] == '.' || g_str_has_suffix (name, "~"))
    return FALSE;

  return g_str_has_suffix (name, ".fwpack") || g_str_has_suffix (name, ".json");
}

static void
scan_dir (GPtrArray      *entries,
          FwPackLocation  location,
          const char     *path,
          GHashTable     *seen,
          GCancellable   *cancellable)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  guint n = 0;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      g_autofree char *key = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, NULL) || info == NULL)
        break;

      if (!is_pack_name (g_file_info_get_name (info)))
        continue;
      if (++n > MAX_FILES_PER_DIR)
        break;

      key = g_file_get_uri (child);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;

      g_ptr_array_add (entries, entry_for_file (location, child, cancellable));
    }
}

/**
 * fw_pack_library_scan:
 * @recent_uris: (nullable) (array zero-terminated=1): URIs of recently
 *   opened packs, newest first
 * @cancellable: (nullable): a #GCancellable
 *
 * Lists and validates every pack the library knows: the recent ones that
 * still exist, then those in fw_pack_library_dup_user_dir(), then those in
 * fw_pack_library_dup_system_dirs() (files ending in `.fwpack` or `.json`,
 * not hidden, at most 1,000 a folder), then the bundled one. A system
 * pack with the bundled pack's id is the bundled pack as installed and is
 * not listed again; a file is listed once even when it is also recent.
 * This reads and validates every file, so run it in a worker thread.
 *
 * Returns: (transfer full) (element-type FwPackLibraryEntry): the entries:
 *   recent ones newest first, the others by title
 */
GPtrArray *
fw_pack_library_scan (const char * const *recent_uris,
                      GCancellable       *cancellable)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) bundled_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_dir = fw_pack_library_dup_user_dir ();
  g_auto(GStrv) system_dirs = fw_pack_library_dup_system_dirs ();
  FwPackLibraryEntry *bundled;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_pack_library_entry_free);
  recent = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_pack_library_entry_free);

  for (guint i = 0; recent_uris != NULL && recent_uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent_uris[i]);
      g_autofree char *key = g_file_get_uri (file);

      /* Only local files are ever touched, whatever the setting holds. */
      if (!g_file_is_native (file) || !g_file_query_exists (file, cancellable)
          || !g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;

      g_ptr_array_add (recent, entry_for_file (FW_PACK_LOCATION_RECENT, file, cancellable));
    }

  scan_dir (entries, FW_PACK_LOCATION_USER, user_dir, seen, cancellable);
  for (guint i = 0; system_dirs[i] != NULL; i++)
    scan_dir (entries, FW_PACK_LOCATION_SYSTEM, system_dirs[i], seen, cancellable);

  bundled_bytes = fw_pack_loader_read_bundled (&error);
  bundled = entry_for_bytes (FW_PACK_LOCATION_BUNDLED, NULL, bundled_bytes, error);

  for (guint i = entries->len; i > 0; i--)
    {
      const FwPackLibraryEntry *e = g_ptr_array_index (entries, i - 1);

      if (e->location == FW_PACK_LOCATION_SYSTEM && g_strcmp0 (e->id, bundled->id) == 0)
        g_ptr_array_remove_index (entries, i - 1);
    }
  g_ptr_array_add (entries, bundled);
  g_ptr_array_sort (entries, compare_entries);

  g_ptr_array_extend_and_steal (recent, g_steal_pointer (&entries));
  return g_steal_pointer (&recent);
}

/**
 * fw_pack_library_contains:
 * @file: a file
 *
 * Returns: %TRUE when @file lies in the user's library folder
 */
gboolean
fw_pack_library_contains (GFile *file)
{
  g_autofree char *user_dir = fw_pack_library_dup_user_dir ();
  g_autoptr(GFile) dir = g_file_new_for_path (user_dir);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return parent != NULL && g_file_equal (parent, dir);
}

/* Whether @file holds exactly @bytes. A file that cannot be read does
 * not. */
static gboolean
file_has_contents (GFile        *file,
                   GBytes       *bytes,
                   GCancellable *cancellable)
{
  g_autoptr(GBytes) contents = g_file_load_bytes (file, cancellable, NULL, NULL);

  return contents != NULL && g_bytes_equal (contents, bytes);
}

/**
 * fw_pack_library_add:
 * @bytes: the contents of a valid pack, as it was loaded
 * @added: (out) (optional): what was done
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies a pack into the user's library as `ID.fwpack` (the pack id is
 * safe as a file name, see fw_pack_id_is_valid()). The bytes that were
 * validated are written, not the file as it may be now, and the write is
 * atomic. No pack already in the library is ever replaced: pack ids come
 * from titles, so two teachers' packs may share one. When `ID.fwpack`
 * holds a different pack, the first free name of `ID-2.fwpack`,
 * `ID-3.fwpack`, … is taken; when one of these names already holds
 * exactly @bytes, nothing is written and that file is returned.
 *
 * Returns: (transfer full) (nullable): the library file holding the pack,
 *   or %NULL with @error set: %FW_PACK_ERROR_INVALID when @bytes is not a
 *   valid pack, or a #GIOError
 */
GFile *
fw_pack_library_add (GBytes             *bytes,
                     FwPackLibraryAdded *added,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *user_dir = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  guint n = 1;

  g_return_val_if_fail (bytes != NULL, NULL);

  pack = fw_pack_load_bytes (bytes, NULL, &local_error);
  if (pack == NULL)
    {
      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID,
                   _("Only a valid pack can be added to the library: %s"), local_error->message);
      return NULL;
    }

  user_dir = fw_pack_library_dup_user_dir ();
  dir = g_file_new_for_path (user_dir);
  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The first name that is free or already holds this very pack. */
  for (;; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (fw_pack_get_id (pack), ".fwpack", NULL)
                                     : g_strdup_printf ("%s-%u.fwpack", fw_pack_get_id (pack), n);

      g_set_object (&file, g_file_get_child (dir, name));
      g_clear_object (&stream);
      g_clear_error (&local_error);
      /* Creating the file claims the name, so that nothing written there
       * meanwhile is overwritten. */
      stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        break;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (file_has_contents (file, bytes, cancellable))
        {
          if (added != NULL)
            *added = FW_PACK_LIBRARY_ALREADY_THERE;
          return g_steal_pointer (&file);
        }
    }

  /* The empty file claims the name; the contents are written atomically
   * over it. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error)
      || !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error))
    {
      g_file_delete (file, NULL, NULL);
      return NULL;
    }

  if (added != NULL)
    *added = n == 1 ? FW_PACK_LIBRARY_ADDED : FW_PACK_LIBRARY_ADDED_AS_NEW_NAME;
  return g_steal_pointer (&file);
}

/**
 * fw_pack_library_push_recent:
 * @recent_uris: (nullable) (array zero-terminated=1): the recent list,
 *   newest first
 * @uri: the URI of a pack just opened
 *
 * Puts @uri first in the list of recent packs, removing it further down,
 * and keeps at most %FW_MAX_RECENT_PACKS.
 *
 * Returns: (transfer full) (array zero-terminated=1): the new list
 */
char **
fw_pack_library_push_recent (const char * const *recent_uris,
                             const char         *uri)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 1;

  g_return_val_if_fail (uri != NULL, NULL);

  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent_uris != NULL && recent_uris[i] != NULL && n < FW_MAX_RECENT_PACKS; i++)
    {
      if (g_str_equal (recent_uris[i], uri))
        continue;
      g_strv_builder_add (builder, recent_uris[i]);
      n++;
    }

  return g_strv_builder_end (builder);
}
