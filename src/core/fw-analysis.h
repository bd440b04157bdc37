/* fw-analysis.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-annotation.h"
#include "fw-frame-profile.h"
#include "fw-sentence.h"
#include "fw-text.h"

G_BEGIN_DECLS

/**
 * FwAnalysisFlags:
 * @FW_ANALYSIS_LEXICON: match the loaded-language lexicons
 * @FW_ANALYSIS_ASSERTIONS: label sentences with the unsupported-assertion
 *   detector
 * @FW_ANALYSIS_FRAMES: profile the frames
 *
 * The stages of an automatic analysis.
 */
typedef enum
{
  FW_ANALYSIS_LEXICON = 1 << 0,
  FW_ANALYSIS_ASSERTIONS = 1 << 1,
  FW_ANALYSIS_FRAMES = 1 << 2,
} FwAnalysisFlags;

/**
 * FW_ANALYSIS_ALL:
 *
 * All stages of the analysis.
 */
#define FW_ANALYSIS_ALL (FW_ANALYSIS_LEXICON | FW_ANALYSIS_ASSERTIONS | FW_ANALYSIS_FRAMES)

#define FW_TYPE_ANALYSIS (fw_analysis_get_type ())

G_DECLARE_FINAL_TYPE (FwAnalysis, fw_analysis, FW, ANALYSIS, GObject)

FwText           *fw_analysis_get_text              (FwAnalysis *self);
FwAnalysisFlags   fw_analysis_get_flags             (FwAnalysis *self);
GPtrArray        *fw_analysis_get_annotations       (FwAnalysis *self);
const char       *fw_analysis_get_category_id       (FwAnalysis *self,
                                                     guint       index);
guint             fw_analysis_get_n_sentences       (FwAnalysis *self);
const FwSentence *fw_analysis_get_sentence          (FwAnalysis *self,
                                                     guint       index);
FwFrameProfile   *fw_analysis_get_frame_profile     (FwAnalysis *self);
GPtrArray        *fw_analysis_merge_annotations     (FwAnalysis *self,
                                                     GPtrArray  *teacher);

G_END_DECLS
