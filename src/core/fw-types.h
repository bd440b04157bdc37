/* fw-types.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * FwConfidence:
 * @FW_CONFIDENCE_CONFIRMED: checked against a public source
 * @FW_CONFIDENCE_UNCONFIRMED: given or likely, but not checked
 * @FW_CONFIDENCE_NOT_STATED: the piece does not say
 *
 * How sure the pack's authors are of a piece of provenance.
 */
typedef enum
{
  FW_CONFIDENCE_CONFIRMED,
  FW_CONFIDENCE_UNCONFIRMED,
  FW_CONFIDENCE_NOT_STATED,
} FwConfidence;

/**
 * FwAnnotationKind:
 * @FW_ANNOTATION_LOADED_TERM: loaded language: a word chosen for its
 *   emotional or judgemental charge
 * @FW_ANNOTATION_UNSUPPORTED_ASSERTION: a contested claim stated as fact
 *   with no source
 * @FW_ANNOTATION_ATTRIBUTION: the text says who a claim comes from
 * @FW_ANNOTATION_FRAME_CUE: a word that invites one framing of the issue
 * @FW_ANNOTATION_CONTESTED_NAME: a name that one side of a dispute uses
 *
 * What an annotation or automatic flag is about.
 */
typedef enum
{
  FW_ANNOTATION_LOADED_TERM,
  FW_ANNOTATION_UNSUPPORTED_ASSERTION,
  FW_ANNOTATION_ATTRIBUTION,
  FW_ANNOTATION_FRAME_CUE,
  FW_ANNOTATION_CONTESTED_NAME,
} FwAnnotationKind;

#define FW_N_ANNOTATION_KINDS 5

/**
 * FwAnnotationSource:
 * @FW_SOURCE_PACK: written by the pack's authors (a teacher annotation)
 * @FW_SOURCE_LEXICON: found automatically by the lexicon matcher
 * @FW_SOURCE_DETECTOR: found automatically by the assertion detector or
 *   frame profiler
 *
 * Where an annotation comes from. Teacher annotations take precedence over
 * automatic ones.
 */
typedef enum
{
  FW_SOURCE_PACK,
  FW_SOURCE_LEXICON,
  FW_SOURCE_DETECTOR,
} FwAnnotationSource;

/**
 * FwContributorRole:
 * @FW_ROLE_AUTHOR: wrote the piece
 * @FW_ROLE_EDITOR: edited it
 * @FW_ROLE_TRANSLATOR: translated it
 * @FW_ROLE_PHOTOGRAPHER: made its image
 * @FW_ROLE_OTHER: any other part
 *
 * A contributor's part in a piece.
 */
typedef enum
{
  FW_ROLE_AUTHOR,
  FW_ROLE_EDITOR,
  FW_ROLE_TRANSLATOR,
  FW_ROLE_PHOTOGRAPHER,
  FW_ROLE_OTHER,
} FwContributorRole;

extern const char * const fw_confidence_nicks[];
extern const char * const fw_annotation_kind_nicks[];
extern const char * const fw_annotation_source_nicks[];
extern const char * const fw_contributor_role_nicks[];

const char *fw_confidence_to_label        (FwConfidence       confidence);
const char *fw_annotation_kind_to_label   (FwAnnotationKind   kind);
const char *fw_annotation_kind_to_nick    (FwAnnotationKind   kind);
gboolean    fw_annotation_kind_from_nick  (const char        *nick,
                                           FwAnnotationKind  *kind);
const char *fw_contributor_role_to_label  (FwContributorRole  role);

G_END_DECLS
