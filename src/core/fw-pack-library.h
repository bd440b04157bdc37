/* fw-pack-library.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * FW_MAX_RECENT_PACKS:
 *
 * How many recently opened packs are remembered.
 */
#define FW_MAX_RECENT_PACKS 10

/**
 * FwPackLocation:
 * @FW_PACK_LOCATION_RECENT: a pack opened recently, wherever it is
 * @FW_PACK_LOCATION_USER: in the user's library,
 *   `$XDG_DATA_HOME/framewise/packs`
 * @FW_PACK_LOCATION_SYSTEM: installed for everyone, `framewise/packs` in
 *   one of `$XDG_DATA_DIRS`
 * @FW_PACK_LOCATION_BUNDLED: the pack built into Framewise
 *
 * Where a pack in the library was found.
 */
typedef enum
{
  FW_PACK_LOCATION_RECENT,
  FW_PACK_LOCATION_USER,
  FW_PACK_LOCATION_SYSTEM,
  FW_PACK_LOCATION_BUNDLED,
} FwPackLocation;

/**
 * FwPackLibraryAdded:
 * @FW_PACK_LIBRARY_ADDED: the pack was added as `ID.fwpack`
 * @FW_PACK_LIBRARY_ADDED_AS_NEW_NAME: a different pack with the same id
 *   is in the library, and stays there: this one was added under a free
 *   name, `ID-2.fwpack`, `ID-3.fwpack`, …
 * @FW_PACK_LIBRARY_ALREADY_THERE: the library already has a file with
 *   exactly these contents; nothing was written
 *
 * What fw_pack_library_add() did.
 */
typedef enum
{
  FW_PACK_LIBRARY_ADDED,
  FW_PACK_LIBRARY_ADDED_AS_NEW_NAME,
  FW_PACK_LIBRARY_ALREADY_THERE,
} FwPackLibraryAdded;

#define FW_TYPE_PACK_LIBRARY_ENTRY (fw_pack_library_entry_get_type ())

/**
 * FwPackLibraryEntry:
 * @location: where the pack was found
 * @file: (nullable): the pack file; %NULL for the bundled pack
 * @id: (nullable): the pack id, %NULL when the pack cannot be opened
 * @title: (nullable): the pack title, %NULL when the pack cannot be opened
 * @n_pieces: how many pieces the pack has, 0 when it cannot be opened
 * @n_errors: how many errors validation found
 * @n_warnings: how many warnings validation found
 * @problem: (nullable): why the pack cannot be opened, a sentence
 *
 * One pack listed in the library.
 */
typedef struct
{
  FwPackLocation location;
  GFile *file;
  char *id;
  char *title;
  guint n_pieces;
  guint n_errors;
  guint n_warnings;
  char *problem;
} FwPackLibraryEntry;

GType               fw_pack_library_entry_get_type  (void) G_GNUC_CONST;
FwPackLibraryEntry *fw_pack_library_entry_copy      (const FwPackLibraryEntry *self);
void                fw_pack_library_entry_free      (FwPackLibraryEntry       *self);

char               *fw_pack_library_dup_user_dir    (void);
char              **fw_pack_library_dup_system_dirs (void);
GPtrArray          *fw_pack_library_scan            (const char * const       *recent_uris,
                                                     GCancellable             *cancellable);
GFile              *fw_pack_library_add             (GBytes                   *bytes,
                                                     FwPackLibraryAdded       *added,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
gboolean            fw_pack_library_contains        (GFile                    *file);
char              **fw_pack_library_push_recent     (const char * const       *recent_uris,
                                                     const char               *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwPackLibraryEntry, fw_pack_library_entry_free)

G_END_DECLS
