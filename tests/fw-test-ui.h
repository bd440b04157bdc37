/* fw-test-ui.h
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       fw_test_init               (int        *argc,
                                       char     ***argv);
void       fw_test_spin               (void);
void       fw_test_set_true_cb        (gboolean   *flag);
void       fw_test_wait_for_frame     (GtkWidget  *widget);
GtkWidget *fw_test_find_descendant    (GtkWidget  *root,
                                       GType       type);
GtkWidget *fw_test_find_toggle        (GtkWidget  *root,
                                       const char *label);
void       fw_test_assert_contains    (const char *haystack,
                                       const char *needle);

G_END_DECLS
