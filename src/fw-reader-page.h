/* fw-reader-page.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-pack.h"
#include "fw-piece.h"

G_BEGIN_DECLS

#define FW_TYPE_READER_PAGE (fw_reader_page_get_type ())

G_DECLARE_FINAL_TYPE (FwReaderPage, fw_reader_page, FW, READER_PAGE, GtkWidget)

void                fw_reader_page_bind_settings          (FwReaderPage     *self,
                                                           GSettings        *settings);
void                fw_reader_page_set_pack               (FwReaderPage     *self,
                                                           FwPack           *pack);
void                fw_reader_page_set_piece              (FwReaderPage     *self,
                                                           FwPiece          *piece);
FwPiece            *fw_reader_page_get_piece              (FwReaderPage     *self);
GPtrArray          *fw_reader_page_get_highlights         (FwReaderPage     *self);
gboolean            fw_reader_page_get_busy               (FwReaderPage     *self);
void                fw_reader_page_get_iter_at_offset     (FwReaderPage     *self,
                                                           GtkTextIter      *iter,
                                                           guint             offset);
GtkWidget          *fw_reader_page_get_byline_card        (FwReaderPage     *self);
GtkWidget          *fw_reader_page_get_summary            (FwReaderPage     *self);
GtkWidget          *fw_reader_page_get_teacher_note       (FwReaderPage     *self);
GtkTextView        *fw_reader_page_get_text_view          (FwReaderPage     *self);
gboolean            fw_reader_page_focus_highlight        (FwReaderPage     *self,
                                                           int               direction);
const FwAnnotation *fw_reader_page_get_annotation_at      (FwReaderPage     *self,
                                                           guint             offset);
gboolean            fw_reader_page_open_highlight_at      (FwReaderPage     *self,
                                                           guint             offset);
GtkWidget          *fw_reader_page_get_popover            (FwReaderPage     *self);
guint               fw_reader_page_count_tagged           (FwReaderPage     *self,
                                                           FwAnnotationKind  kind);
GtkCssProvider     *fw_reader_page_get_header_css         (FwReaderPage     *self);
guint               fw_reader_page_count_tagged_automatic (FwReaderPage     *self,
                                                           FwAnnotationKind  kind);

G_END_DECLS
