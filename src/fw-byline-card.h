/* fw-byline-card.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fw-piece.h"

G_BEGIN_DECLS

#define FW_TYPE_BYLINE_CARD (fw_byline_card_get_type ())

G_DECLARE_FINAL_TYPE (FwBylineCard, fw_byline_card, FW, BYLINE_CARD, GtkWidget)

GtkWidget  *fw_byline_card_new             (void);
void        fw_byline_card_set_piece       (FwBylineCard *self,
                                            FwPiece      *piece);
char       *fw_byline_card_dup_text        (FwBylineCard *self);
const char *fw_byline_card_get_description (FwBylineCard *self);

GtkWidget  *fw_byline_card_new_confidence_badge (FwConfidence confidence);

G_END_DECLS
