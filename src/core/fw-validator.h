/* fw-validator.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fw-diagnostic.h"

G_BEGIN_DECLS

/**
 * FW_MAX_STRING_LENGTH:
 *
 * The longest string a pack may hold, in bytes (1 MiB).
 */
#define FW_MAX_STRING_LENGTH (1024 * 1024)

/**
 * FW_MAX_SEARCH_BYTES:
 *
 * How many bytes of piece text the validator may search, in all, to
 * resolve one pack's quote selectors (4 GiB). Each quote is found in time
 * linear in its piece's length, but a hostile pack of long pieces with
 * thousands of quotes could otherwise keep the validator busy for minutes;
 * real packs search a few megabytes (the bundled pack about 2 MB).
 */
#define FW_MAX_SEARCH_BYTES (G_GUINT64_CONSTANT (4) * 1024 * 1024 * 1024)

typedef struct _FwValidator FwValidator;

FwValidator  *fw_validator_new                (void);
void          fw_validator_free               (FwValidator  *self);
void          fw_validator_push_member        (FwValidator  *self,
                                               const char   *name);
void          fw_validator_push_index         (FwValidator  *self,
                                               guint         index);
void          fw_validator_pop                (FwValidator  *self);
const char   *fw_validator_get_path           (FwValidator  *self);
void          fw_validator_report             (FwValidator  *self,
                                               FwSeverity    severity,
                                               const char   *member,
                                               const char   *format,
                                               ...) G_GNUC_PRINTF (4, 5);
gboolean      fw_validator_has_errors         (FwValidator  *self);
guint         fw_validator_count_errors       (FwValidator  *self);
GPtrArray    *fw_validator_steal_diagnostics  (FwValidator  *self);
void          fw_validator_check_members      (FwValidator  *self,
                                               JsonObject   *object,
                                               const char * const *known);
const char   *fw_validator_get_string         (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               gboolean      required);
gboolean      fw_validator_get_int            (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               gboolean      required,
                                               gint64        min,
                                               gint64        max,
                                               gint64       *value);
gboolean      fw_validator_get_double         (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               double        min,
                                               double        max,
                                               double       *value);
gboolean      fw_validator_get_boolean        (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               gboolean      default_value);
JsonObject   *fw_validator_get_object         (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               gboolean      required);
JsonArray    *fw_validator_get_array          (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               gboolean      required,
                                               guint         max_length);
char        **fw_validator_get_strv           (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               gboolean      required);
JsonObject   *fw_validator_element_object     (FwValidator  *self,
                                               JsonArray    *array,
                                               guint         index);
int           fw_validator_get_enum           (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member,
                                               gboolean      required,
                                               const char * const *nicks,
                                               int           default_value);
gboolean      fw_validator_check_id           (FwValidator  *self,
                                               const char   *id,
                                               GHashTable   *seen);
gboolean      fw_validator_spend_search       (FwValidator  *self,
                                               gsize         n_bytes);
const char   *fw_validator_get_url            (FwValidator  *self,
                                               JsonObject   *object,
                                               const char   *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwValidator, fw_validator_free)

G_END_DECLS
