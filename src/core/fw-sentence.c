/* fw-sentence.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-sentence.h"

G_DEFINE_BOXED_TYPE (FwSentence, fw_sentence, fw_sentence_copy, fw_sentence_free)

/* The names of cue kinds and labels in JSON output, in enum order. */
static const char * const cue_kind_nicks[] = {
  "reporting-verb", "according-to", "quotation", "named-source", "citation", "date-of-data",
  "unnamed-source", "hedge", "booster", "factive-verb", "assertive-verb", "generalisation",
  "number",
};

static const char * const label_nicks[] = {
  "unsupported", "attributed", "hedged", "sourced",
};

G_STATIC_ASSERT (G_N_ELEMENTS (cue_kind_nicks) == FW_N_CUE_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (label_nicks) == FW_N_ASSERTION_LABELS);

/**
 * fw_sentence_copy:
 * @self: a sentence result
 *
 * Returns: (transfer full): a deep copy of @self
 */
FwSentence *
fw_sentence_copy (const FwSentence *self)
{
  FwSentence *copy = g_new0 (FwSentence, 1);

  *copy = *self;
  copy->cues = g_memdup2 (self->cues, self->n_cues * sizeof (FwCue));
  copy->rationale = g_strdup (self->rationale);
  copy->speaker = g_strdup (self->speaker);

  return copy;
}

/**
 * fw_sentence_free:
 * @self: (transfer full) (nullable): a sentence result
 *
 * Frees @self.
 */
void
fw_sentence_free (FwSentence *self)
{
  if (self == NULL)
    return;

  g_free (self->cues);
  g_free (self->rationale);
  g_free (self->speaker);
  g_free (self);
}

/**
 * fw_sentence_has_cue:
 * @self: a sentence result
 * @kind: a cue kind
 *
 * Returns: %TRUE when a cue of @kind fired in the sentence
 */
gboolean
fw_sentence_has_cue (const FwSentence *self,
                     FwCueKind         kind)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->n_cues; i++)
    if (self->cues[i].kind == kind)
      return TRUE;
  return FALSE;
}

/**
 * fw_cue_kind_to_nick:
 * @kind: a cue kind
 *
 * Returns: (transfer none): the untranslated name of @kind used in JSON
 *   output, e.g. `hedge` or `factive-verb`
 */
const char *
fw_cue_kind_to_nick (FwCueKind kind)
{
  g_return_val_if_fail ((guint) kind < FW_N_CUE_KINDS, "");
  return cue_kind_nicks[kind];
}

/**
 * fw_cue_kind_to_label:
 * @kind: a cue kind
 *
 * Returns: (transfer none): the translated name of @kind students see,
 *   e.g. "Hedge"
 */
const char *
fw_cue_kind_to_label (FwCueKind kind)
{
  switch (kind)
    {
    case FW_CUE_REPORTING_VERB: return _("Reporting verb");
    case FW_CUE_ACCORDING_TO: return _("“According to”");
    case FW_CUE_QUOTATION: return _("Quotation");
    case FW_CUE_NAMED_SOURCE: return _("Named source");
    case FW_CUE_CITATION: return _("Citation");
    case FW_CUE_DATE: return _("Date of data");
    case FW_CUE_UNNAMED_SOURCE: return _("Unnamed source");
    case FW_CUE_HEDGE: return _("Hedge");
    case FW_CUE_BOOSTER: return _("Booster");
    case FW_CUE_FACTIVE: return _("Factive verb");
    case FW_CUE_ASSERTIVE: return _("Assertive verb");
    case FW_CUE_GENERALISATION: return _("Sweeping generalisation");
    case FW_CUE_NUMBER: return _("Figure");
    default: g_return_val_if_reached ("");
    }
}

/**
 * fw_assertion_label_to_nick:
 * @label: a sentence label
 *
 * Returns: (transfer none): the untranslated name of @label used in JSON
 *   output: `unsupported`, `attributed`, `hedged` or `sourced`
 */
const char *
fw_assertion_label_to_nick (FwAssertionLabel label)
{
  g_return_val_if_fail ((guint) label < FW_N_ASSERTION_LABELS, "");
  return label_nicks[label];
}

/**
 * fw_assertion_label_to_label:
 * @label: a sentence label
 *
 * Returns: (transfer none): the translated name of @label students see,
 *   e.g. "Hedged"
 */
const char *
fw_assertion_label_to_label (FwAssertionLabel label)
{
  switch (label)
    {
    case FW_ASSERTION_UNSUPPORTED: return _("Unsupported");
    case FW_ASSERTION_ATTRIBUTED: return _("Attributed");
    case FW_ASSERTION_HEDGED: return _("Hedged");
    case FW_ASSERTION_SOURCED: return _("Sourced");
    default: g_return_val_if_reached ("");
    }
}
