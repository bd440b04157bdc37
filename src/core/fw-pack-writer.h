/* fw-pack-writer.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-annotation.h"
#include "fw-frame.h"
#include "fw-piece.h"

G_BEGIN_DECLS

#define FW_PACK_WRITER_ERROR (fw_pack_writer_error_quark ())

/**
 * FwPackWriterError:
 * @FW_PACK_WRITER_ERROR_INVALID_UTF8: a text file is not UTF-8
 * @FW_PACK_WRITER_ERROR_EMPTY: a text file holds no text
 * @FW_PACK_WRITER_ERROR_LIMIT: the pack would break one of the limits of
 *   the pack format
 *
 * Errors from building a pack skeleton.
 */
typedef enum
{
  FW_PACK_WRITER_ERROR_INVALID_UTF8,
  FW_PACK_WRITER_ERROR_EMPTY,
  FW_PACK_WRITER_ERROR_LIMIT,
} FwPackWriterError;

#define FW_TYPE_PACK_WRITER (fw_pack_writer_get_type ())

G_DECLARE_FINAL_TYPE (FwPackWriter, fw_pack_writer, FW, PACK_WRITER, GObject)

GQuark        fw_pack_writer_error_quark       (void);
FwPackWriter *fw_pack_writer_new               (const char          *title,
                                                const char          *language);
char        **fw_pack_writer_split_paragraphs  (const char          *text);
gboolean      fw_pack_writer_add_text          (FwPackWriter        *self,
                                                const char          *name,
                                                GBytes              *bytes,
                                                GError             **error);
gboolean      fw_pack_writer_add_file          (FwPackWriter        *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);
guint         fw_pack_writer_get_n_pieces      (FwPackWriter        *self);
FwPiece      *fw_pack_writer_get_piece         (FwPackWriter        *self,
                                                guint                index);
void          fw_pack_writer_add_suggestion    (FwPackWriter        *self,
                                                guint                index,
                                                const FwAnnotation  *annotation);
guint         fw_pack_writer_get_n_suggestions (FwPackWriter        *self,
                                                guint                index);
void          fw_pack_writer_add_frame         (FwPackWriter        *self,
                                                const FwFrame       *frame);
GBytes       *fw_pack_writer_to_bytes          (FwPackWriter        *self,
                                                GError             **error);

G_END_DECLS
