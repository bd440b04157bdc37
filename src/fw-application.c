/* fw-application.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "fw-application.h"
#include "fw-bundled-pack.h"
#include "fw-cli.h"
#include "fw-compat.h"
#include "fw-pack-loader.h"
#include "fw-preferences-window.h"
#include "fw-window.h"

struct _FwApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  /* Whether the command line was parsed and its options handled. */
  gboolean options_handled;
};

G_DEFINE_FINAL_TYPE (FwApplication, fw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check lesson packs (FILE and any more after it), list every problem, and exit: "
       "status 0 valid, 1 invalid, 2 unreadable"),
    N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format of --validate: text or json"), N_("FORMAT") },
  { "new-pack", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Make a new lesson pack called TITLE from plain-text files, one piece each, and exit"),
    N_("TITLE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Where --new-pack writes the pack (never replaced); standard output if not given"),
    N_("FILE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the texts for --new-pack, a BCP 47 tag such as en (default: und)"),
    N_("TAG") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/**
 * fw_application_new:
 *
 * Creates the application. It opens pack files given on the command line
 * and offers the teachers' command-line tools.
 *
 * Returns: (transfer full): a new #FwApplication
 */
FwApplication *
fw_application_new (void)
{
  return g_object_new (FW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * fw_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none): the application's #GSettings
 */
GSettings *
fw_application_get_settings (FwApplication *self)
{
  g_return_val_if_fail (FW_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);

  return self->settings;
}

static void
print_strings (GString *out,
               GString *err)
{
  fputs (out->str, stdout);
  fputs (err->str, stderr);
}

/* The teachers' command-line tools run here, in the calling process, with
 * the core only; without one of them the files given open in the app. The
 * files are collected by our own G_OPTION_REMAINING entry (GApplication
 * does not pass them to this handler otherwise), so they are handed on to
 * the primary instance with g_application_open(). */
static int
fw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree const char **remaining = NULL;
  const char *validate = NULL;
  const char *format = NULL;
  const char *new_pack = NULL;
  const char *output = NULL;
  const char *language = NULL;
  FwCliStatus status;

  FW_APPLICATION (app)->options_handled = TRUE;

  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "validate", "^&ay", &validate);
  g_variant_dict_lookup (options, "new-pack", "&s", &new_pack);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "language", "&s", &language);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (g_variant_dict_contains (options, "version"))
    {
      if (remaining != NULL || format != NULL || validate != NULL || new_pack != NULL
          || output != NULL || language != NULL)
        {
          g_printerr (_("--version takes no other arguments\n"));
          return FW_CLI_USAGE;
        }
      g_print ("framewise %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* An empty name would be the current folder. */
  if ((validate != NULL && validate[0] == '\0') || (output != NULL && output[0] == '\0'))
    {
      g_printerr (_("A file name must not be empty\n"));
      return FW_CLI_USAGE;
    }
  for (guint i = 0; remaining != NULL && remaining[i] != NULL; i++)
    if (remaining[i][0] == '\0')
      {
        g_printerr (_("A file name must not be empty\n"));
        return FW_CLI_USAGE;
      }

  /* An option of one tool given without it is a mistake in the command
   * line, not a reason to start the app (which without a display cannot
   * start at all). */
  if (format != NULL && validate == NULL)
    {
      g_printerr (_("--format goes with --validate, as in framewise --validate FILE --format "
                    "json\n"));
      return FW_CLI_USAGE;
    }
  if (output != NULL && new_pack == NULL)
    {
      g_printerr (_("--output goes with --new-pack, as in framewise --new-pack TITLE FILE "
                    "--output PACK\n"));
      return FW_CLI_USAGE;
    }
  if (language != NULL && new_pack == NULL)
    {
      g_printerr (_("--language goes with --new-pack, as in framewise --new-pack TITLE FILE "
                    "--language en\n"));
      return FW_CLI_USAGE;
    }

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr (_("Unknown format “%s”: use text or json\n"), format);
      return FW_CLI_USAGE;
    }

  if (validate != NULL)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (validate));
  for (guint i = 0; remaining != NULL && remaining[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (remaining[i]));

  if (validate != NULL && new_pack != NULL)
    {
      g_printerr (_("Use --validate or --new-pack, not both\n"));
      return FW_CLI_USAGE;
    }

  if (validate != NULL)
    {
      status = fw_cli_validate_files ((GFile **) files->pdata, files->len,
                                      g_strcmp0 (format, "json") == 0, out, err);
      print_strings (out, err);
      return status;
    }

  if (new_pack != NULL)
    {
      g_autoptr(GFile) output_file = output ? g_file_new_for_commandline_arg (output) : NULL;
      g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      guint n_paths = remaining != NULL ? g_strv_length ((char **) remaining) : 0;

      /* `-` as a file is standard input, as for `framewise analyze -`. */
      status = fw_cli_new_pack (new_pack, language, remaining, n_paths, input, output_file,
                                out, err);
      print_strings (out, err);
      return status;
    }

  if (files->len > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_application_open (app, (GFile **) files->pdata, (int) files->len, "");
      if (g_application_get_is_remote (app))
        return 0;
    }

  /* Carry on: the primary instance starts (or, with files, presents the
   * window they opened in). */
  return -1;
}

/* The analysis subcommands run before anything else, so that they never
 * touch GTK or need a display: `framewise analyze …` and
 * `framewise eval-ptc …`. */
static gboolean
fw_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  char **argv = *arguments;
  int argc = (int) g_strv_length (argv);

  if (argc >= 2 && g_str_equal (argv[1], "analyze"))
    {
      g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) output = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autoptr(GString) err = g_string_new (NULL);

      /* For the usage line of --help. */
      g_set_prgname ("framewise analyze");
      *exit_status = fw_cli_analyze (argc - 1, argv + 1, input, output, err);
      fputs (err->str, stderr);
      return TRUE;
    }

  if (argc >= 2 && g_str_equal (argv[1], "eval-ptc"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);

      g_set_prgname ("framewise eval-ptc");
      *exit_status = fw_cli_eval_ptc (argc - 1, argv + 1, out, err);
      fputs (out->str, stdout);
      fputs (err->str, stderr);
      return TRUE;
    }

  /* A mistyped subcommand would otherwise be a file to open in the app. */
  if (argc >= 2 && fw_cli_suggest_command (argv[1]) != NULL
      && !g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("Unknown command “%s”; did you mean “%s”?\n"), argv[1],
                  fw_cli_suggest_command (argv[1]));
      *exit_status = FW_CLI_USAGE;
      return TRUE;
    }

  /* GApplication ends with status 1 when its option parser rejects the
   * command line (an unknown option, --validate without a FILE), before
   * our handler runs; for us 1 means an invalid pack, and a wrong command
   * line is 2, as README.md and the manual page say. */
  if (G_APPLICATION_CLASS (fw_application_parent_class)->local_command_line (app, arguments,
                                                                            exit_status))
    {
      if (!FW_APPLICATION (app)->options_handled && *exit_status == 1)
        *exit_status = FW_CLI_USAGE;
      return TRUE;
    }

  return FALSE;
}

static FwWindow *
get_window (FwApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (fw_window_new (self));

  return FW_WINDOW (window);
}

static void
fw_application_activate (GApplication *app)
{
  FwWindow *window = get_window (FW_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
fw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  FwWindow *window = get_window (FW_APPLICATION (app));

  /* The first pack opens in the current window, any others each in a
   * window of their own. */
  fw_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * fw_application_create_about:
 * @self: the application
 *
 * Builds the About window (an About dialog from libadwaita 1.5): name,
 * icon, version, licence, links, developers and translators, the outlets
 * of the bundled pieces, and the licence of the bundled pack.
 *
 * Returns: (transfer floating): the About window or dialog; show it with
 *   fw_compat_present()
 */
GtkWidget *
fw_application_create_about (FwApplication *self)
{
  const char *developers[] = { _("The Framewise authors"), NULL };
  GtkWidget *about = fw_compat_about_new ();

  g_return_val_if_fail (FW_IS_APPLICATION (self), NULL);

  g_object_set (about,
                "application-name", _("Framewise"),
                "application-icon", APPLICATION_ID,
                "developer-name", _("The Framewise authors"),
                "version", PACKAGE_VERSION,
                "website", "https://github.com/framewise/framewise",
                "issue-url", "https://github.com/framewise/framewise/issues",
                "copyright", "© 2026 The Framewise authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Read opinion pieces like a careful editor: who wrote them, "
                              "for whom, with which words, on what evidence."),
                "developers", developers,
                /* TRANSLATORS: your name(s), one per line */
                "translator-credits", _("translator-credits"),
                NULL);

  /* The bundled pieces are quoted for criticism and teaching; their outlets
   * are credited here as well as in each byline. */
  fw_compat_about_add_credit_section (about, _("Pieces in the bundled lesson pack"),
                                      (const char *[]) {
                                        "Modern Diplomacy https://moderndiplomacy.eu",
                                        "AIR Center https://aircenter.az",
                                        "CivilNet https://www.civilnet.am",
                                        "links-newsandtimes.com https://links-newsandtimes.com",
                                        NULL });
  fw_compat_about_add_legal_section (about, _("Lesson pack"), NULL, GTK_LICENSE_CUSTOM,
                                     _("The bundled pack’s annotations and exercises are "
                                       "licensed CC BY-SA 4.0. The pieces are quoted for "
                                       "criticism and teaching and remain their authors’ and "
                                       "outlets’."));

  return about;
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  FwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  fw_compat_present (fw_application_create_about (self), GTK_WIDGET (window));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = fw_preferences_window_new (fw_application_get_settings (self));

  fw_compat_present (preferences, window != NULL ? GTK_WIDGET (window) : NULL);
}

static void
color_scheme_changed_cb (FwApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
};

static void
fw_application_startup (GApplication *app)
{
  FwApplication *self = FW_APPLICATION (app);

  /* The first window shows the bundled pack: it is read and checked on
   * another processor core while GTK starts. A preload already waiting
   * (FALSE) serves as well. */
  (void) fw_bundled_pack_preload ();

  G_APPLICATION_CLASS (fw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  g_signal_connect_object (fw_application_get_settings (self), "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Ctrl>comma", NULL });

  /* Teacher mode is a preference: the menu item toggles the setting. */
  {
    g_autoptr(GAction) teacher_mode =
      g_settings_create_action (fw_application_get_settings (self), "teacher-mode");

    g_action_map_add_action (G_ACTION_MAP (self), teacher_mode);
  }
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Ctrl>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open",
                                         (const char *[]) { "<Ctrl>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-library",
                                         (const char *[]) { "<Ctrl>l", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.next-highlight",
                                         (const char *[]) { "<Alt>Down", "F8", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.previous-highlight",
                                         (const char *[]) { "<Alt>Up", "<Shift>F8", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Ctrl>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Ctrl>w", NULL });
}

static void
fw_application_dispose (GObject *object)
{
  FwApplication *self = FW_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fw_application_parent_class)->dispose (object);
}

static void
fw_application_class_init (FwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = fw_application_dispose;

  app_class->local_command_line = fw_application_local_command_line;
  app_class->handle_local_options = fw_application_handle_local_options;
  app_class->activate = fw_application_activate;
  app_class->open = fw_application_open;
  app_class->startup = fw_application_startup;
}

static void
fw_application_init (FwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read lesson packs of opinion pieces with their "
                                              "bylines, loaded terms and framing."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Analysis without a window:\n"
                                                  "  framewise analyze [--pack PACK --piece ID | "
                                                  "FILE | -] [--format json|text] "
                                                  "[--only lexicon,assertions,frames]\n"
                                                  "  framewise eval-ptc [--lexicon FILE] "
                                                  "[--format text|json] ARTICLES_DIR LABELS.tsv\n"
                                                  "Add --help to either for details."));
}
