/* fw-lexicon.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fw-types.h"
#include "fw-validator.h"

G_BEGIN_DECLS

/**
 * FwLexiconEntry:
 * @term: the head term, e.g. "separatist"
 * @variants: (array zero-terminated=1): other spellings and inflections
 * @kind: %FW_ANNOTATION_LOADED_TERM or %FW_ANNOTATION_CONTESTED_NAME
 * @category: category id, e.g. "name-calling"
 * @explanation: one sentence on why the term is loaded
 * @neutral: (nullable): a more neutral wording
 * @modifiers: (array zero-terminated=1): the forms among @term and
 *   @variants that are adjectives, participles or adverbs, such as
 *   "brutal" and "brutally"; right before a word they modify they take
 *   that word into the highlight (see fw_analyzer_analyze())
 * @modifier_only: whether the term is loaded only as a modifier: it is
 *   highlighted only where one of its @modifiers stands right before a
 *   content word, as "evil" in "evil regime" but not in "good and evil"
 * @literal_before: (array zero-terminated=1): words that, right after the
 *   term or a variant, make it part of a literal compound ("muzzle" in
 *   "muzzle flash"), where it is not highlighted
 *
 * One term of a loaded-language lexicon.
 */
typedef struct
{
  char *term;
  char **variants;
  FwAnnotationKind kind;
  char *category;
  char *explanation;
  char *neutral;
  char **modifiers;
  gboolean modifier_only;
  char **literal_before;
} FwLexiconEntry;

void fw_lexicon_entry_free (FwLexiconEntry *self);

#define FW_TYPE_LEXICON (fw_lexicon_get_type ())

G_DECLARE_FINAL_TYPE (FwLexicon, fw_lexicon, FW, LEXICON, GObject)

FwLexicon            *fw_lexicon_parse               (FwValidator  *validator,
                                                      JsonObject   *object);
FwLexicon            *fw_lexicon_new_from_bytes      (GBytes       *bytes,
                                                      GError      **error);
FwLexicon            *fw_lexicon_new_builtin         (const char   *language,
                                                      GError      **error);
const char           *fw_lexicon_get_id              (FwLexicon    *self);
const char           *fw_lexicon_get_language        (FwLexicon    *self);
const char           *fw_lexicon_get_title           (FwLexicon    *self);
const char * const   *fw_lexicon_get_intensifiers    (FwLexicon    *self);
const char * const   *fw_lexicon_get_function_words  (FwLexicon    *self);
const char * const   *fw_lexicon_get_figurative_heads (FwLexicon   *self);
guint                 fw_lexicon_get_n_entries       (FwLexicon    *self);
const FwLexiconEntry *fw_lexicon_get_entry           (FwLexicon    *self,
                                                      guint         index);
const char           *fw_lexicon_get_category_label  (FwLexicon    *self,
                                                      const char   *category);

G_END_DECLS
