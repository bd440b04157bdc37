/* fw-work-store.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fw-exercise-session.h"
#include "fw-pack.h"

G_BEGIN_DECLS

/**
 * FW_WORK_FORMAT_VERSION:
 *
 * The version of the student-work format (save files and JSON hand-ins)
 * this Framewise writes and reads.
 */
#define FW_WORK_FORMAT_VERSION 1

#define FW_WORK_STORE_ERROR (fw_work_store_error_quark ())

/**
 * FwWorkStoreError:
 * @FW_WORK_STORE_ERROR_NAME: the student's name is empty or too long
 * @FW_WORK_STORE_ERROR_DAMAGED: a work file is not valid student work
 * @FW_WORK_STORE_ERROR_OTHER_PACK: a work file belongs to another pack or
 *   student
 * @FW_WORK_STORE_ERROR_NEWER_VERSION: a work file needs a newer Framewise
 *
 * Errors from the student-work store.
 */
typedef enum
{
  FW_WORK_STORE_ERROR_NAME,
  FW_WORK_STORE_ERROR_DAMAGED,
  FW_WORK_STORE_ERROR_OTHER_PACK,
  FW_WORK_STORE_ERROR_NEWER_VERSION,
} FwWorkStoreError;

/**
 * FwWorkRecovery:
 * @FW_WORK_RECOVERY_NONE: the save file was read as written, or there was
 *   none yet
 * @FW_WORK_RECOVERY_FROM_BACKUP: the save file was damaged or missing and
 *   the previous version was restored
 * @FW_WORK_RECOVERY_LOST: the save file and its previous version were both
 *   unreadable; the student starts afresh, both files are kept aside
 *
 * What fw_work_store_open() had to do to read the student's work.
 */
typedef enum
{
  FW_WORK_RECOVERY_NONE,
  FW_WORK_RECOVERY_FROM_BACKUP,
  FW_WORK_RECOVERY_LOST,
} FwWorkRecovery;

/**
 * FW_MAX_STUDENT_NAME:
 *
 * The longest student name or initials accepted, in characters.
 */
#define FW_MAX_STUDENT_NAME 80

/**
 * FW_MAX_WORK_SIZE:
 *
 * The largest work file read, in bytes (8 MiB).
 */
#define FW_MAX_WORK_SIZE (8 * 1024 * 1024)

#define FW_TYPE_WORK_STORE (fw_work_store_get_type ())

G_DECLARE_FINAL_TYPE (FwWorkStore, fw_work_store, FW, WORK_STORE, GObject)

GQuark             fw_work_store_error_quark           (void);
char              *fw_work_store_default_directory     (void);
char              *fw_work_store_find_latest_student   (const char   *directory,
                                                        const char   *pack_id);
FwWorkStore       *fw_work_store_open                  (const char   *directory,
                                                        FwPack       *pack,
                                                        const char   *student,
                                                        GError      **error);
FwPack            *fw_work_store_get_pack              (FwWorkStore  *self);
const char        *fw_work_store_get_student           (FwWorkStore  *self);
const char        *fw_work_store_get_path              (FwWorkStore  *self);
FwWorkRecovery     fw_work_store_get_recovery          (FwWorkStore  *self);
const char        *fw_work_store_get_recovery_message  (FwWorkStore  *self);
const char        *fw_work_store_get_restore_problem   (FwWorkStore  *self);
char              *fw_work_store_take_restore_problem  (FwWorkStore  *self);
const char        *fw_work_store_get_save_problem      (FwWorkStore  *self);
FwExerciseSession *fw_work_store_get_session           (FwWorkStore  *self,
                                                        FwExercise   *exercise);
const char        *fw_work_store_get_current_exercise  (FwWorkStore  *self);
void               fw_work_store_set_current_exercise  (FwWorkStore  *self,
                                                        const char   *exercise_id);
gboolean           fw_work_store_save                  (FwWorkStore  *self,
                                                        GError      **error);
JsonNode          *fw_work_store_to_json               (FwWorkStore  *self);
char              *fw_work_store_to_data               (FwWorkStore  *self,
                                                        gsize        *length);
gboolean           fw_work_store_export_json           (FwWorkStore  *self,
                                                        GFile        *file,
                                                        GError      **error);
JsonObject        *fw_work_parse                       (const char   *data,
                                                        gsize         length,
                                                        GError      **error);

G_END_DECLS
