/* fw-json-read.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonArray  *fw_json_member_array   (JsonObject *object,
                                    const char *member);
JsonObject *fw_json_member_object  (JsonObject *object,
                                    const char *member);
const char *fw_json_member_string  (JsonObject *object,
                                    const char *member);
gint64      fw_json_member_int     (JsonObject *object,
                                    const char *member,
                                    gint64      fallback);
double      fw_json_member_double  (JsonObject *object,
                                    const char *member,
                                    double      fallback);
gboolean    fw_json_member_boolean (JsonObject *object,
                                    const char *member,
                                    gboolean    fallback);
JsonObject *fw_json_element_object (JsonArray  *array,
                                    guint       index);
const char *fw_json_node_string    (JsonNode   *node);
gint64      fw_json_node_int       (JsonNode   *node,
                                    gint64      fallback);

G_END_DECLS
