/* fw-library-page.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fw-pack-library.h"

G_BEGIN_DECLS

#define FW_TYPE_LIBRARY_PAGE (fw_library_page_get_type ())

G_DECLARE_FINAL_TYPE (FwLibraryPage, fw_library_page, FW, LIBRARY_PAGE, GtkWidget)

GtkWidget *fw_library_page_new          (void);
void       fw_library_page_reload       (FwLibraryPage      *self,
                                         const char * const *recent_uris);
gboolean   fw_library_page_is_loading   (FwLibraryPage      *self);
GPtrArray *fw_library_page_get_entries  (FwLibraryPage      *self);
GtkWidget *fw_library_page_get_row      (FwLibraryPage      *self,
                                         guint               index);

G_END_DECLS
