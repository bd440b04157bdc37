/* fw-compat.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place where API newer than the Debian 12 baseline (GTK 4.8,
 * libadwaita 1.2) may be used, behind GTK_CHECK_VERSION and
 * ADW_CHECK_VERSION: on the baseline these functions use the baseline's
 * widgets, on newer stacks their replacements (GtkFileDialog,
 * AdwAlertDialog, AdwAboutDialog, AdwPreferencesDialog,
 * gtk_widget_compute_point(),
 * gtk_widget_get_color()). See the version fences in meson.build. */

void        fw_compat_open_files               (GtkWindow            *parent,
                                                const char           *title,
                                                GListModel           *filters,
                                                gboolean              multiple,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GListModel *fw_compat_open_files_finish        (GAsyncResult         *result,
                                                GError              **error);
void        fw_compat_save_file                (GtkWindow            *parent,
                                                const char           *title,
                                                const char           *accept_label,
                                                const char           *initial_name,
                                                GListModel           *filters,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GFile      *fw_compat_save_file_finish         (GAsyncResult         *result,
                                                GError              **error);
gboolean    fw_compat_file_error_is_cancel     (const GError         *error);
GtkFileChooser *fw_compat_file_chooser_find    (GtkWindow            *parent);

GtkWidget  *fw_compat_alert_new                (const char           *heading,
                                                const char           *body);
void        fw_compat_alert_add_response       (GtkWidget            *alert,
                                                const char           *id,
                                                const char           *label,
                                                gboolean              destructive);
void        fw_compat_alert_set_close_response (GtkWidget            *alert,
                                                const char           *id);
void        fw_compat_alert_respond            (GtkWidget            *alert,
                                                const char           *id);
GtkWidget  *fw_compat_alert_find               (GtkWindow            *window);

GtkWidget  *fw_compat_about_new                (void);
void        fw_compat_about_add_credit_section (GtkWidget            *about,
                                                const char           *name,
                                                const char          **people);
void        fw_compat_about_add_legal_section  (GtkWidget            *about,
                                                const char           *title,
                                                const char           *copyright,
                                                GtkLicense            license_type,
                                                const char           *license);
gboolean    fw_compat_is_about                 (GtkWidget            *widget);

void        fw_compat_present                  (GtkWidget            *dialog,
                                                GtkWidget            *parent);

GtkWidget  *fw_compat_preferences_new          (const char           *title);
void        fw_compat_preferences_add          (GtkWidget            *preferences,
                                                AdwPreferencesPage   *page);

gboolean    fw_compat_translate_point          (GtkWidget            *widget,
                                                GtkWidget            *target,
                                                double                x,
                                                double                y,
                                                double               *out_x,
                                                double               *out_y);
void        fw_compat_get_color                (GtkWidget            *widget,
                                                GdkRGBA              *color);
GtkAccessibleRole fw_compat_toggle_button_role (void);

G_END_DECLS
