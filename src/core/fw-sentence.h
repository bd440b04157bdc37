/* fw-sentence.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FwCueKind:
 * @FW_CUE_REPORTING_VERB: a verb that reports speech, with a source as its
 *   subject ("the ministry *stated*")
 * @FW_CUE_ACCORDING_TO: "according to" and phrases like it
 * @FW_CUE_QUOTATION: a quotation of four words or more
 * @FW_CUE_NAMED_SOURCE: who the sentence says the claim comes from
 * @FW_CUE_CITATION: something a reader could look up: a named report,
 *   resolution or data set, a reference number, a dated source, a link
 * @FW_CUE_DATE: the date of data ("(2023)", "in July 2023")
 * @FW_CUE_UNNAMED_SOURCE: a source that is not named ("experts",
 *   "reportedly")
 * @FW_CUE_HEDGE: the writer holds back ("may", "perhaps")
 * @FW_CUE_BOOSTER: a booster or certainty marker ("clearly", "of course")
 * @FW_CUE_FACTIVE: a factive verb that presupposes the claim is true
 *   ("revealed", "proves")
 * @FW_CUE_ASSERTIVE: an assertive verb that asserts without presupposing
 *   ("claimed", "believes")
 * @FW_CUE_GENERALISATION: a sweeping generalisation ("everyone",
 *   "never")
 * @FW_CUE_NUMBER: a figure: a number with a unit, a percentage, an
 *   amount in words
 *
 * The cues the unsupported-assertion detector looks for, after Hyland
 * (2005) for hedges and boosters and Hooper (1975) and Recasens et al.
 * (2013) for factive and assertive verbs.
 */
typedef enum
{
  FW_CUE_REPORTING_VERB,
  FW_CUE_ACCORDING_TO,
  FW_CUE_QUOTATION,
  FW_CUE_NAMED_SOURCE,
  FW_CUE_CITATION,
  FW_CUE_DATE,
  FW_CUE_UNNAMED_SOURCE,
  FW_CUE_HEDGE,
  FW_CUE_BOOSTER,
  FW_CUE_FACTIVE,
  FW_CUE_ASSERTIVE,
  FW_CUE_GENERALISATION,
  FW_CUE_NUMBER,
} FwCueKind;

#define FW_N_CUE_KINDS 13

/**
 * FwCue:
 * @kind: what fired
 * @start: first code point of the cue in the text
 * @end: code point after the cue
 *
 * One cue in a sentence.
 */
typedef struct
{
  FwCueKind kind;
  guint start;
  guint end;
} FwCue;

/**
 * FwAssertionLabel:
 * @FW_ASSERTION_UNSUPPORTED: stated in the writer's own voice with no
 *   source (or only unnamed ones)
 * @FW_ASSERTION_ATTRIBUTED: says who makes the claim, or quotes someone
 * @FW_ASSERTION_HEDGED: no source, but the writer holds back
 * @FW_ASSERTION_SOURCED: points to something a reader could look up
 *
 * How a sentence stands behind what it says.
 */
typedef enum
{
  FW_ASSERTION_UNSUPPORTED,
  FW_ASSERTION_ATTRIBUTED,
  FW_ASSERTION_HEDGED,
  FW_ASSERTION_SOURCED,
} FwAssertionLabel;

#define FW_N_ASSERTION_LABELS 4

#define FW_TYPE_SENTENCE (fw_sentence_get_type ())

/**
 * FwSentence:
 * @start: first code point of the sentence
 * @end: code point after the sentence
 * @paragraph: index of its paragraph
 * @label: how the sentence stands behind its claim
 * @flagged: %TRUE when the sentence is an unsupported assertion worth a
 *   highlight: unsupported and with a figure, an unnamed source, a
 *   sweeping generalisation, a booster or a factive verb
 * @category_id: (nullable): for a flagged or attributed sentence, the
 *   category of its annotation: `statistic-without-source`,
 *   `unnamed-source`, `sweeping-generalisation`, `claim-without-evidence`,
 *   `named-source`, `quotation` or `cited-source`
 * @cues: (array length=n_cues): the cues that fired, in text order
 * @n_cues: number of @cues
 * @rationale: one sentence for a 15-year-old on why the sentence got its
 *   label
 * @speaker: (nullable): for an attributed or sourced sentence, who is
 *   quoted or cited, as written ("the Ministry of Defense of the Republic
 *   of Azerbaijan")
 * @speaker_start: first code point of @speaker, when there is one
 * @speaker_end: code point after @speaker
 * @source_start: for an attributed or sourced sentence, first code point
 *   of the passage that says where the claim comes from (the speaker with
 *   the reporting verb, "according to …", the citation or the quotation)
 * @source_end: code point after that passage
 *
 * The unsupported-assertion detector's result for one sentence.
 */
typedef struct
{
  guint start;
  guint end;
  guint paragraph;
  FwAssertionLabel label;
  gboolean flagged;
  const char *category_id;
  FwCue *cues;
  guint n_cues;
  char *rationale;
  char *speaker;
  guint speaker_start;
  guint speaker_end;
  guint source_start;
  guint source_end;
} FwSentence;

GType       fw_sentence_get_type          (void) G_GNUC_CONST;
FwSentence *fw_sentence_copy              (const FwSentence *self);
void        fw_sentence_free              (FwSentence       *self);
gboolean    fw_sentence_has_cue           (const FwSentence *self,
                                           FwCueKind         kind);

const char *fw_cue_kind_to_nick           (FwCueKind         kind);
const char *fw_cue_kind_to_label          (FwCueKind         kind);
const char *fw_assertion_label_to_nick    (FwAssertionLabel  label);
const char *fw_assertion_label_to_label   (FwAssertionLabel  label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwSentence, fw_sentence_free)

G_END_DECLS
