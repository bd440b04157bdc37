/* fw-piece.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fw-annotation.h"
#include "fw-contributor.h"
#include "fw-outlet.h"
#include "fw-utf8-index.h"
#include "fw-validator.h"

G_BEGIN_DECLS

/**
 * FW_MAX_ANNOTATIONS_PER_PIECE:
 *
 * The most annotations one piece may carry.
 */
#define FW_MAX_ANNOTATIONS_PER_PIECE 5000

#define FW_TYPE_PIECE (fw_piece_get_type ())

G_DECLARE_FINAL_TYPE (FwPiece, fw_piece, FW, PIECE, GObject)

FwPiece            *fw_piece_new                     (const char         *id,
                                                      const char         *title,
                                                      const char * const *paragraphs);
FwPiece            *fw_piece_parse                   (FwValidator        *validator,
                                                      JsonObject         *object);
const char         *fw_piece_get_id                  (FwPiece            *self);
const char         *fw_piece_get_title               (FwPiece            *self);
const char         *fw_piece_get_text                (FwPiece            *self);
guint               fw_piece_get_length              (FwPiece            *self);
const FwUtf8Index  *fw_piece_get_utf8_index          (FwPiece            *self);
guint               fw_piece_get_n_paragraphs        (FwPiece            *self);
const char         *fw_piece_get_paragraph           (FwPiece            *self,
                                                      guint               index);
guint               fw_piece_get_paragraph_start     (FwPiece            *self,
                                                      guint               index);
GPtrArray          *fw_piece_get_contributors        (FwPiece            *self);
char               *fw_piece_dup_author_names        (FwPiece            *self);
const FwOutlet     *fw_piece_get_outlet              (FwPiece            *self);
const char         *fw_piece_get_published           (FwPiece            *self);
FwConfidence        fw_piece_get_published_confidence(FwPiece            *self);
const char         *fw_piece_get_published_note      (FwPiece            *self);
char               *fw_piece_format_published        (FwPiece            *self);
const char         *fw_piece_get_url                 (FwPiece            *self);
const char         *fw_piece_get_image_credit        (FwPiece            *self);
const char         *fw_piece_get_image_credit_note   (FwPiece            *self);
FwConfidence        fw_piece_get_image_credit_confidence (FwPiece        *self);
const char         *fw_piece_get_perspective_note    (FwPiece            *self);
const char         *fw_piece_get_teacher_note        (FwPiece            *self);
GPtrArray          *fw_piece_get_annotations         (FwPiece            *self);
char               *fw_piece_dup_span_text           (FwPiece            *self,
                                                      guint               start,
                                                      guint               end);

G_END_DECLS
