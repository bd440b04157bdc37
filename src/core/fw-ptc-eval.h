/* fw-ptc-eval.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fw-analyzer.h"

G_BEGIN_DECLS

#define FW_PTC_LOADED_LANGUAGE "Loaded_Language"
#define FW_PTC_NAME_CALLING "Name_Calling,Labeling"

#define FW_PTC_ERROR (fw_ptc_error_quark ())

/**
 * FwPtcError:
 * @FW_PTC_ERROR_INVALID_LABELS: a line of the labels file is not
 *   `ID TECHNIQUE START END`
 * @FW_PTC_ERROR_NO_ARTICLES: the articles folder has no `article*.txt`
 *
 * Errors from reading a corpus in the PTC format.
 */
typedef enum
{
  FW_PTC_ERROR_INVALID_LABELS,
  FW_PTC_ERROR_NO_ARTICLES,
} FwPtcError;

/**
 * FwPtcSpan:
 * @article: the article id, an interned string
 * @technique: the technique class, an interned string, e.g.
 *   `Loaded_Language`
 * @start: first code point of the span in the article file
 * @end: code point after the span
 *
 * A labelled or predicted span of a PTC article.
 */
typedef struct
{
  const char *article;
  const char *technique;
  guint start;
  guint end;
} FwPtcSpan;

/**
 * FwPtcScore:
 * @precision: partial-overlap precision, 0–1 (it can exceed 1 when gold
 *   spans of one class overlap each other)
 * @recall: partial-overlap recall
 * @f1: harmonic mean of @precision and @recall
 * @n_predicted: predicted spans counted
 * @n_gold: gold spans counted
 *
 * A span-identification score as in SemEval-2020 Task 11.
 */
typedef struct
{
  double precision;
  double recall;
  double f1;
  guint n_predicted;
  guint n_gold;
} FwPtcScore;

GQuark      fw_ptc_error_quark           (void);
GArray     *fw_ptc_parse_labels          (const char          *tsv,
                                          gsize                length,
                                          GError             **error);
void        fw_ptc_score                 (const FwPtcSpan     *predicted,
                                          guint                n_predicted,
                                          const FwPtcSpan     *gold,
                                          guint                n_gold,
                                          const char * const  *techniques,
                                          gboolean             same_technique,
                                          FwPtcScore          *score);
const char *fw_ptc_technique_for         (FwAnnotationKind     kind,
                                          const char          *category_id);
GArray     *fw_ptc_predict_article       (FwAnalyzer          *analyzer,
                                          const char          *article,
                                          const char          *text,
                                          gsize                length,
                                          GError             **error);
GArray     *fw_ptc_predict_directory     (FwAnalyzer          *analyzer,
                                          GFile               *directory,
                                          GHashTable         **articles,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS
