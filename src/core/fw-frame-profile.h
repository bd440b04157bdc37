/* fw-frame-profile.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fw-frame.h"
#include "fw-text.h"

G_BEGIN_DECLS

/**
 * FwFrameHit:
 * @frame: index of the frame in the profile's frame list
 * @start: first code point of the cue in the text
 * @end: code point after the cue
 *
 * One occurrence of a frame's cue: the evidence for a frame.
 */
typedef struct
{
  guint frame;
  guint start;
  guint end;
} FwFrameHit;

#define FW_TYPE_FRAME_PROFILE (fw_frame_profile_get_type ())

G_DECLARE_FINAL_TYPE (FwFrameProfile, fw_frame_profile, FW, FRAME_PROFILE, GObject)

FwFrameProfile   *fw_frame_profile_new                 (FwText           *text,
                                                        GPtrArray        *frames,
                                                        const FwFrameHit *hits,
                                                        guint             n_hits);
guint             fw_frame_profile_get_n_frames        (FwFrameProfile   *self);
const FwFrame    *fw_frame_profile_get_frame           (FwFrameProfile   *self,
                                                        guint             frame);
int               fw_frame_profile_find_frame          (FwFrameProfile   *self,
                                                        const char       *id);
guint             fw_frame_profile_get_n_words         (FwFrameProfile   *self);
guint             fw_frame_profile_get_count           (FwFrameProfile   *self,
                                                        guint             frame);
double            fw_frame_profile_get_density         (FwFrameProfile   *self,
                                                        guint             frame);
double            fw_frame_profile_get_share           (FwFrameProfile   *self,
                                                        guint             frame);
guint             fw_frame_profile_get_n_paragraphs    (FwFrameProfile   *self);
guint             fw_frame_profile_get_paragraph_words (FwFrameProfile   *self,
                                                        guint             paragraph);
guint             fw_frame_profile_get_paragraph_count (FwFrameProfile   *self,
                                                        guint             frame,
                                                        guint             paragraph);
double            fw_frame_profile_get_paragraph_density (FwFrameProfile *self,
                                                          guint           frame,
                                                          guint           paragraph);
const FwFrameHit *fw_frame_profile_get_evidence        (FwFrameProfile   *self,
                                                        guint             frame,
                                                        guint            *n_hits);

G_END_DECLS
