/* main.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "fw-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FwApplication) app = NULL;
  /* Run from the build tree (build-aux/setup.sh run, meson devenv), the
   * translations are in the build's po folder, not yet installed. */
  const char *localedir = g_getenv ("FW_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Set once, here: GTK would set it again while the bundled pack is
   * being read in another thread (fw-bundled-pack.c), and setlocale() is
   * not safe to call while other threads use the locale. */
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
