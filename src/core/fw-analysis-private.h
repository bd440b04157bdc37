/* fw-analysis-private.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fw-analysis.h"

G_BEGIN_DECLS

FwAnalysis *fw_analysis_new                (FwText          *text,
                                            FwAnalysisFlags  flags);
void        fw_analysis_add_annotation     (FwAnalysis      *self,
                                            FwAnnotation    *annotation,
                                            const char      *category_id);
void        fw_analysis_take_sentences     (FwAnalysis      *self,
                                            GPtrArray       *sentences);
void        fw_analysis_set_frame_profile  (FwAnalysis      *self,
                                            FwFrameProfile  *profile);
void        fw_analysis_finish             (FwAnalysis      *self);

G_END_DECLS
