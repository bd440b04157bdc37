/* fw-types.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-types.h"

/* The strings a pack file uses for each enumeration, in enum order. */
const char * const fw_confidence_nicks[] = {
  "confirmed", "unconfirmed", "not-stated", NULL
};

const char * const fw_annotation_kind_nicks[] = {
  "loaded-term", "unsupported-assertion", "attribution", "frame-cue", "contested-name", NULL
};

const char * const fw_annotation_source_nicks[] = {
  "pack", "lexicon", "detector", NULL
};

const char * const fw_contributor_role_nicks[] = {
  "author", "editor", "translator", "photographer", "other", NULL
};

/**
 * fw_confidence_to_label:
 * @confidence: a confidence
 *
 * Returns: (transfer none): the translated label shown to students, e.g.
 *   "Confirmed"
 */
const char *
fw_confidence_to_label (FwConfidence confidence)
{
  switch (confidence)
    {
    case FW_CONFIDENCE_CONFIRMED: return _("Confirmed");
    case FW_CONFIDENCE_UNCONFIRMED: return _("Unconfirmed");
    case FW_CONFIDENCE_NOT_STATED: return _("Not stated");
    default: g_return_val_if_reached ("");
    }
}

/**
 * fw_annotation_kind_to_label:
 * @kind: an annotation kind
 *
 * Returns: (transfer none): the translated name of @kind, e.g.
 *   "Loaded term"
 */
const char *
fw_annotation_kind_to_label (FwAnnotationKind kind)
{
  switch (kind)
    {
    case FW_ANNOTATION_LOADED_TERM: return _("Loaded term");
    case FW_ANNOTATION_UNSUPPORTED_ASSERTION: return _("Unsupported assertion");
    case FW_ANNOTATION_ATTRIBUTION: return _("Attribution");
    case FW_ANNOTATION_FRAME_CUE: return _("Frame cue");
    case FW_ANNOTATION_CONTESTED_NAME: return _("Contested name");
    default: g_return_val_if_reached ("");
    }
}

/**
 * fw_annotation_kind_to_nick:
 * @kind: an annotation kind
 *
 * Returns: (transfer none): the untranslated name a pack file uses for
 *   @kind, e.g. `loaded-term`
 */
const char *
fw_annotation_kind_to_nick (FwAnnotationKind kind)
{
  g_return_val_if_fail ((guint) kind < FW_N_ANNOTATION_KINDS, "");

  return fw_annotation_kind_nicks[kind];
}

/**
 * fw_annotation_kind_from_nick:
 * @nick: a kind as a pack file spells it, e.g. `loaded-term`
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @nick names a kind
 */
gboolean
fw_annotation_kind_from_nick (const char       *nick,
                              FwAnnotationKind *kind)
{
  for (guint i = 0; i < FW_N_ANNOTATION_KINDS; i++)
    {
      if (g_strcmp0 (nick, fw_annotation_kind_nicks[i]) == 0)
        {
          *kind = (FwAnnotationKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fw_contributor_role_to_label:
 * @role: a contributor role
 *
 * Returns: (transfer none): the translated role, e.g. "Author"
 */
const char *
fw_contributor_role_to_label (FwContributorRole role)
{
  switch (role)
    {
    case FW_ROLE_AUTHOR: return _("Author");
    case FW_ROLE_EDITOR: return _("Editor");
    case FW_ROLE_TRANSLATOR: return _("Translator");
    case FW_ROLE_PHOTOGRAPHER: return _("Photographer");
    case FW_ROLE_OTHER: return _("Contributor");
    default: g_return_val_if_reached ("");
    }
}
