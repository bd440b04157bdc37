/* fw-text.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-piece.h"

G_BEGIN_DECLS

/**
 * FwTextSpan:
 * @start: first code point of the span
 * @end: code point after the span (exclusive)
 *
 * A span of an #FwText in Unicode code points, as in a W3C
 * TextPositionSelector.
 */
typedef struct
{
  guint start;
  guint end;
} FwTextSpan;

/**
 * FW_TEXT_MAX_SIZE:
 *
 * The largest text an #FwText holds, in bytes of UTF-8 (1 GiB). Offsets are
 * kept in 32 bits.
 */
#define FW_TEXT_MAX_SIZE (1024u * 1024u * 1024u)

#define FW_TEXT_ERROR (fw_text_error_quark ())

/**
 * FwTextError:
 * @FW_TEXT_ERROR_INVALID_UTF8: the text is not valid UTF-8 (or holds a NUL
 *   byte); the message gives the byte position
 * @FW_TEXT_ERROR_TOO_LARGE: the text is over %FW_TEXT_MAX_SIZE
 *
 * Errors from building or segmenting an #FwText.
 */
typedef enum
{
  FW_TEXT_ERROR_INVALID_UTF8,
  FW_TEXT_ERROR_TOO_LARGE,
} FwTextError;

#define FW_TYPE_TEXT (fw_text_get_type ())

G_DECLARE_FINAL_TYPE (FwText, fw_text, FW, TEXT, GObject)

GQuark            fw_text_error_quark              (void);

char             *fw_text_normalize                (const char        *text,
                                                    gssize             n_bytes);

FwText           *fw_text_new                      (const char        *text,
                                                    gssize             n_bytes,
                                                    const FwTextSpan  *paragraphs,
                                                    guint              n_paragraphs,
                                                    GError           **error);
FwText           *fw_text_new_plain                (const char        *text,
                                                    gssize             n_bytes,
                                                    GError           **error);
FwText           *fw_text_new_for_piece            (FwPiece           *piece);

const char       *fw_text_get_text                 (FwText            *self,
                                                    gsize             *n_bytes);
guint             fw_text_get_length               (FwText            *self);
guint             fw_text_get_n_paragraphs         (FwText            *self);
FwTextSpan        fw_text_get_paragraph            (FwText            *self,
                                                    guint              index);
guint             fw_text_find_paragraph           (FwText            *self,
                                                    guint              offset);
const char       *fw_text_get_pointer              (FwText            *self,
                                                    guint              offset);
char             *fw_text_dup_span                 (FwText            *self,
                                                    guint              start,
                                                    guint              end);

const char       *fw_text_get_normalized           (FwText            *self,
                                                    gsize             *n_bytes);
gboolean          fw_text_map_normalized           (FwText            *self,
                                                    gsize              start_byte,
                                                    gsize              end_byte,
                                                    guint             *start,
                                                    guint             *end);

gboolean          fw_text_segment                  (FwText            *self,
                                                    const char        *language,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
gboolean          fw_text_is_segmented             (FwText            *self);
gboolean          fw_text_is_word_boundary         (FwText            *self,
                                                    guint              offset);
gboolean          fw_text_next_word                (FwText            *self,
                                                    guint              offset,
                                                    guint              limit,
                                                    FwTextSpan        *word);
guint             fw_text_count_words              (FwText            *self,
                                                    guint              start,
                                                    guint              end);
const FwTextSpan *fw_text_get_sentences            (FwText            *self,
                                                    guint             *n_sentences);

G_END_DECLS
