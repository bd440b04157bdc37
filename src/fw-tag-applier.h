/* fw-tag-applier.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * FW_TAG_APPLIER_SLICE_USEC:
 *
 * How long one idle slice of an #FwTagApplier may apply tags, in
 * microseconds (4 ms): a quarter of a 60 Hz frame, so that frames keep
 * coming while thousands of highlights are applied.
 */
#define FW_TAG_APPLIER_SLICE_USEC 4000

#define FW_TYPE_TAG_APPLIER (fw_tag_applier_get_type ())

G_DECLARE_FINAL_TYPE (FwTagApplier, fw_tag_applier, FW, TAG_APPLIER, GObject)

FwTagApplier *fw_tag_applier_new           (GtkTextBuffer *buffer);
void          fw_tag_applier_set_offset    (FwTagApplier  *self,
                                            guint          offset);
guint         fw_tag_applier_get_offset    (FwTagApplier  *self);
void          fw_tag_applier_push          (FwTagApplier  *self,
                                            GtkTextTag    *tag,
                                            guint          start,
                                            guint          end);
void          fw_tag_applier_apply_range   (FwTagApplier  *self,
                                            GtkTextTag    *tag,
                                            guint          start,
                                            guint          end);
void          fw_tag_applier_drop          (FwTagApplier  *self,
                                            GtkTextTag    *tag);
void          fw_tag_applier_clear         (FwTagApplier  *self);
guint         fw_tag_applier_get_n_pending (FwTagApplier  *self);
gboolean      fw_tag_applier_apply         (FwTagApplier  *self,
                                            gint64         budget_usec);
void          fw_tag_applier_schedule      (FwTagApplier  *self);
gboolean      fw_tag_applier_get_busy      (FwTagApplier  *self);

void          fw_tag_applier_apply_within_lines (GtkTextBuffer     *buffer,
                                                 GtkTextTag        *tag,
                                                 const GtkTextIter *start,
                                                 const GtkTextIter *end);

G_END_DECLS
