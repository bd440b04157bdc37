/* fw-matcher.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-text.h"

G_BEGIN_DECLS

/**
 * FW_MATCHER_NO_PATTERN:
 *
 * Returned by fw_matcher_add() for a term that normalises to nothing.
 */
#define FW_MATCHER_NO_PATTERN G_MAXUINT

/**
 * FW_MATCHER_MAX_GROUPS:
 *
 * How many groups of patterns one matcher keeps apart.
 */
#define FW_MATCHER_MAX_GROUPS 32

/**
 * FwMatch:
 * @start: first code point of the match in the original text
 * @end: code point after the match
 * @pattern: the pattern id fw_matcher_add() returned
 * @group: the pattern's group
 *
 * One occurrence of a pattern. A possessive ’s after a term is not part
 * of the match.
 */
typedef struct
{
  guint start;
  guint end;
  guint pattern;
  guint group;
} FwMatch;

#define FW_TYPE_MATCHER (fw_matcher_get_type ())

G_DECLARE_FINAL_TYPE (FwMatcher, fw_matcher, FW, MATCHER, GObject)

FwMatcher  *fw_matcher_new                (void);
guint       fw_matcher_add                (FwMatcher     *self,
                                           const char    *term,
                                           guint          group);
guint       fw_matcher_get_n_patterns     (FwMatcher     *self);
const char *fw_matcher_get_pattern        (FwMatcher     *self,
                                           guint          pattern);
guint       fw_matcher_get_pattern_group  (FwMatcher     *self,
                                           guint          pattern);
void        fw_matcher_compile            (FwMatcher     *self);
guint       fw_matcher_get_n_states       (FwMatcher     *self);
GArray     *fw_matcher_find               (FwMatcher     *self,
                                           FwText        *text,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
