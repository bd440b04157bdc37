/* fw-frame-comparison.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-analyzer.h"
#include "fw-frame-profile.h"
#include "fw-pack.h"

G_BEGIN_DECLS

/**
 * FwFrameEvidence:
 * @piece: 0 for the first piece of the comparison, 1 for the second
 * @frame: index of the frame in the comparison's frame list
 * @start: first code point of the evidence span in the piece text
 * @end: code point after the span
 *
 * One passage that counts towards a frame: a cue occurrence.
 */
typedef struct
{
  guint piece;
  guint frame;
  guint start;
  guint end;
} FwFrameEvidence;

#define FW_TYPE_FRAME_COMPARISON (fw_frame_comparison_get_type ())

G_DECLARE_FINAL_TYPE (FwFrameComparison, fw_frame_comparison, FW, FRAME_COMPARISON, GObject)

FwFrameComparison *fw_frame_comparison_new              (const char * const *piece_ids,
                                                         const char * const *frame_ids);
FwFrameComparison *fw_frame_comparison_new_for_pack     (FwPack             *pack,
                                                         FwAnalyzer         *analyzer,
                                                         const char * const *piece_ids,
                                                         const char * const *frame_ids,
                                                         GCancellable       *cancellable,
                                                         GError            **error);
guint              fw_frame_comparison_get_n_frames     (FwFrameComparison  *self);
const char        *fw_frame_comparison_get_frame_id     (FwFrameComparison  *self,
                                                         guint               frame);
const char        *fw_frame_comparison_get_piece_id     (FwFrameComparison  *self,
                                                         guint               piece);
int                fw_frame_comparison_find_frame       (FwFrameComparison  *self,
                                                         const char         *frame_id);
void               fw_frame_comparison_set_profile      (FwFrameComparison  *self,
                                                         guint               piece,
                                                         guint               frame,
                                                         guint               count,
                                                         double              density);
void               fw_frame_comparison_set_piece_profile (FwFrameComparison *self,
                                                          guint              piece,
                                                          FwFrameProfile    *profile);
void               fw_frame_comparison_set_words        (FwFrameComparison  *self,
                                                         guint               piece,
                                                         guint               words);
void               fw_frame_comparison_add_evidence     (FwFrameComparison  *self,
                                                         guint               piece,
                                                         guint               frame,
                                                         guint               start,
                                                         guint               end);
guint              fw_frame_comparison_get_count        (FwFrameComparison  *self,
                                                         guint               piece,
                                                         guint               frame);
double             fw_frame_comparison_get_density      (FwFrameComparison  *self,
                                                         guint               piece,
                                                         guint               frame);
guint              fw_frame_comparison_get_words        (FwFrameComparison  *self,
                                                         guint               piece);
int                fw_frame_comparison_get_leaning      (FwFrameComparison  *self,
                                                         guint               frame);
GArray            *fw_frame_comparison_get_evidence     (FwFrameComparison  *self);

G_END_DECLS
