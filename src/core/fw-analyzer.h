/* fw-analyzer.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-analysis.h"
#include "fw-assertion-detector.h"
#include "fw-lexicon.h"
#include "fw-pack.h"

G_BEGIN_DECLS

#define FW_ANALYZER_ERROR (fw_analyzer_error_quark ())

/**
 * FwAnalyzerError:
 * @FW_ANALYZER_ERROR_UNSUPPORTED_LANGUAGE: Framewise has no built-in
 *   lexicon for the language
 *
 * Errors from setting up an analyzer.
 */
typedef enum
{
  FW_ANALYZER_ERROR_UNSUPPORTED_LANGUAGE,
} FwAnalyzerError;

#define FW_TYPE_ANALYZER (fw_analyzer_get_type ())

G_DECLARE_FINAL_TYPE (FwAnalyzer, fw_analyzer, FW, ANALYZER, GObject)

GQuark           fw_analyzer_error_quark            (void);
FwAnalyzer      *fw_analyzer_new                    (const char           *language,
                                                     GError              **error);
FwAnalyzer      *fw_analyzer_new_for_pack           (FwPack               *pack,
                                                     GError              **error);
FwAnalyzer      *fw_analyzer_dup_for_pack           (FwPack               *pack,
                                                     GError              **error);
FwAnalyzer      *fw_analyzer_new_custom             (const char           *language,
                                                     GPtrArray            *lexicons,
                                                     GPtrArray            *frames,
                                                     FwAssertionDetector  *detector);
void             fw_analyzer_add_lexicon            (FwAnalyzer           *self,
                                                     FwLexicon            *lexicon);
void             fw_analyzer_add_frame              (FwAnalyzer           *self,
                                                     const FwFrame        *frame);
const char      *fw_analyzer_get_language           (FwAnalyzer           *self);
GPtrArray       *fw_analyzer_get_lexicons           (FwAnalyzer           *self);
GPtrArray       *fw_analyzer_get_frames             (FwAnalyzer           *self);
FwAnalysisFlags  fw_analyzer_get_available          (FwAnalyzer           *self);
guint            fw_analyzer_count_terms            (FwAnalyzer           *self);
FwAnalysis      *fw_analyzer_analyze                (FwAnalyzer           *self,
                                                     FwText               *text,
                                                     FwAnalysisFlags       flags,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
FwAnalysis      *fw_analyzer_analyze_piece          (FwAnalyzer           *self,
                                                     FwPiece              *piece,
                                                     FwAnalysisFlags       flags,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void             fw_analyzer_analyze_piece_async    (FwAnalyzer           *self,
                                                     FwPiece              *piece,
                                                     FwAnalysisFlags       flags,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
FwAnalysis      *fw_analyzer_analyze_piece_finish   (FwAnalyzer           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
