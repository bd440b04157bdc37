/* fw-pack.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fw-exercise.h"
#include "fw-frame.h"
#include "fw-lexicon.h"
#include "fw-piece.h"
#include "fw-validator.h"

G_BEGIN_DECLS

/**
 * FW_PACK_FORMAT_VERSION:
 *
 * The major version of the pack format this Framewise reads.
 */
#define FW_PACK_FORMAT_VERSION 1

/**
 * FW_MAX_PIECES:
 *
 * The most pieces a pack may hold.
 */
#define FW_MAX_PIECES 500

#define FW_TYPE_PACK (fw_pack_get_type ())

G_DECLARE_FINAL_TYPE (FwPack, fw_pack, FW, PACK, GObject)

gboolean      fw_pack_id_is_valid       (const char  *id);
gboolean      fw_pack_language_tag_is_valid (const char *tag);
FwPack       *fw_pack_parse             (FwValidator *validator,
                                         JsonObject  *object);
const char   *fw_pack_get_id            (FwPack      *self);
const char   *fw_pack_get_title         (FwPack      *self);
const char   *fw_pack_get_language      (FwPack      *self);
const char   *fw_pack_get_description   (FwPack      *self);
const char   *fw_pack_get_audience      (FwPack      *self);
const char   *fw_pack_get_license       (FwPack      *self);
const char   *fw_pack_get_teacher_notes (FwPack      *self);
const char * const *fw_pack_get_authors (FwPack      *self);
guint         fw_pack_get_n_pieces      (FwPack      *self);
FwPiece      *fw_pack_get_piece         (FwPack      *self,
                                         guint        index);
FwPiece      *fw_pack_find_piece        (FwPack      *self,
                                         const char  *id);
GPtrArray    *fw_pack_get_frames        (FwPack      *self);
const FwFrame *fw_pack_find_frame       (FwPack      *self,
                                         const char  *id);
GPtrArray    *fw_pack_get_lexicons      (FwPack      *self);
guint         fw_pack_get_n_exercises   (FwPack      *self);
FwExercise   *fw_pack_get_exercise      (FwPack      *self,
                                         guint        index);
FwExercise   *fw_pack_find_exercise     (FwPack      *self,
                                         const char  *id);

G_END_DECLS
