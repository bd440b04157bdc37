/* fw-assertion-detector.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-sentence.h"
#include "fw-text.h"

G_BEGIN_DECLS

#define FW_ASSERTION_DETECTOR_ERROR (fw_assertion_detector_error_quark ())

/**
 * FwAssertionDetectorError:
 * @FW_ASSERTION_DETECTOR_ERROR_INVALID: the cue file is not a valid
 *   `framewise-assertion-cues` document
 *
 * Errors from loading the detector's cue words.
 */
typedef enum
{
  FW_ASSERTION_DETECTOR_ERROR_INVALID,
} FwAssertionDetectorError;

/**
 * FwCueGroups:
 * @FW_CUE_GROUP_REPORTING_VERB: `reporting-verb`: verbs that report speech
 * @FW_CUE_GROUP_ACCORDING_TO: `according-to`: phrases the source follows
 * @FW_CUE_GROUP_SOURCE_DOCUMENT: `source-document`: reports, data,
 *   resolutions
 * @FW_CUE_GROUP_SPEECH_NOUN: `speech-noun`: statements, remarks
 * @FW_CUE_GROUP_ROLE_NOUN: `role-noun`: offices and bodies
 * @FW_CUE_GROUP_UNNAMED_SOURCE: `unnamed-source`
 * @FW_CUE_GROUP_HEDGE: `hedge`
 * @FW_CUE_GROUP_BOOSTER: `booster`
 * @FW_CUE_GROUP_FACTIVE: `factive`
 * @FW_CUE_GROUP_ASSERTIVE: `assertive`
 * @FW_CUE_GROUP_GENERALISATION: `generalisation`
 * @FW_CUE_GROUP_QUANTITY: `quantity`: amounts in words
 * @FW_CUE_GROUP_MONTH: `month`: month names
 * @FW_CUE_GROUP_TIME_UNIT: `time-unit`: years, days and the like
 *
 * The word groups of a cue file, as bits; a term may be in several.
 */
typedef enum
{
  FW_CUE_GROUP_REPORTING_VERB = 1 << 0,
  FW_CUE_GROUP_ACCORDING_TO = 1 << 1,
  FW_CUE_GROUP_SOURCE_DOCUMENT = 1 << 2,
  FW_CUE_GROUP_SPEECH_NOUN = 1 << 3,
  FW_CUE_GROUP_ROLE_NOUN = 1 << 4,
  FW_CUE_GROUP_UNNAMED_SOURCE = 1 << 5,
  FW_CUE_GROUP_HEDGE = 1 << 6,
  FW_CUE_GROUP_BOOSTER = 1 << 7,
  FW_CUE_GROUP_FACTIVE = 1 << 8,
  FW_CUE_GROUP_ASSERTIVE = 1 << 9,
  FW_CUE_GROUP_GENERALISATION = 1 << 10,
  FW_CUE_GROUP_QUANTITY = 1 << 11,
  FW_CUE_GROUP_MONTH = 1 << 12,
  FW_CUE_GROUP_TIME_UNIT = 1 << 13,
} FwCueGroups;

/**
 * FwCueHit:
 * @start: first code point of the occurrence
 * @end: code point after it
 * @groups: the #FwCueGroups of the term found
 *
 * One occurrence of a cue term in the text, as the matcher finds them.
 */
typedef struct
{
  guint start;
  guint end;
  guint groups;
} FwCueHit;

#define FW_TYPE_ASSERTION_DETECTOR (fw_assertion_detector_get_type ())

G_DECLARE_FINAL_TYPE (FwAssertionDetector, fw_assertion_detector, FW, ASSERTION_DETECTOR, GObject)

GQuark               fw_assertion_detector_error_quark     (void);
FwAssertionDetector *fw_assertion_detector_new_from_bytes  (GBytes              *bytes,
                                                            GError             **error);
FwAssertionDetector *fw_assertion_detector_new_builtin     (const char          *language,
                                                            GError             **error);
guint                fw_assertion_detector_get_n_terms     (FwAssertionDetector *self);
const char          *fw_assertion_detector_get_term        (FwAssertionDetector *self,
                                                            guint                index);
guint                fw_assertion_detector_get_term_groups (FwAssertionDetector *self,
                                                            guint                index);
GPtrArray           *fw_assertion_detector_detect          (FwAssertionDetector *self,
                                                            FwText              *text,
                                                            const FwCueHit      *hits,
                                                            guint                n_hits,
                                                            GCancellable        *cancellable,
                                                            GError             **error);
gboolean             fw_assertion_detector_is_manner_adverb (const char         *adverb,
                                                             gssize              adverb_length,
                                                             const char         *next_word,
                                                             gssize              next_length);

G_END_DECLS
