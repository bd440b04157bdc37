/* fw-application.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-pack.h"

G_BEGIN_DECLS

#define FW_TYPE_APPLICATION (fw_application_get_type ())

G_DECLARE_FINAL_TYPE (FwApplication, fw_application, FW, APPLICATION, AdwApplication)

FwApplication *fw_application_new          (void);
GSettings     *fw_application_get_settings (FwApplication *self);
GtkWidget     *fw_application_create_about (FwApplication *self);

G_END_DECLS
