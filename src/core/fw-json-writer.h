/* fw-json-writer.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _FwJsonWriter FwJsonWriter;

FwJsonWriter *fw_json_writer_new           (GOutputStream  *stream);
void          fw_json_writer_free          (FwJsonWriter   *self);
void          fw_json_writer_begin_object  (FwJsonWriter   *self);
void          fw_json_writer_end_object    (FwJsonWriter   *self);
void          fw_json_writer_begin_array   (FwJsonWriter   *self);
void          fw_json_writer_end_array     (FwJsonWriter   *self);
void          fw_json_writer_member        (FwJsonWriter   *self,
                                            const char     *name);
void          fw_json_writer_string        (FwJsonWriter   *self,
                                            const char     *value);
void          fw_json_writer_string_len    (FwJsonWriter   *self,
                                            const char     *value,
                                            gsize           length);
void          fw_json_writer_uint          (FwJsonWriter   *self,
                                            guint64         value);
void          fw_json_writer_double        (FwJsonWriter   *self,
                                            double          value);
void          fw_json_writer_boolean       (FwJsonWriter   *self,
                                            gboolean        value);
void          fw_json_writer_null          (FwJsonWriter   *self);
gboolean      fw_json_writer_finish        (FwJsonWriter   *self,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwJsonWriter, fw_json_writer_free)

G_END_DECLS
