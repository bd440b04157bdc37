/* fw-cli.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command-line tools for teachers. They use the core only, write into
 * strings (so tests can read them) and return an exit status; the
 * application's command-line handler prints and exits. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fw-cli.h"
#include "fw-pack-loader.h"

static void
append_diagnostics (GString   *out,
                    GFile     *file,
                    GPtrArray *diagnostics)
{
  g_autofree char *name = g_file_get_parse_name (file);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      g_autofree char *line = fw_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_string_append_printf (out, "%s:%s\n", name, line);
    }
}

static void
append_json (GString    *out,
             FwPack     *pack,
             GPtrArray  *diagnostics)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, pack != NULL);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR));
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, fw_diagnostics_count (diagnostics, FW_SEVERITY_WARNING));
  json_builder_set_member_name (builder, "diagnostics");
  json_builder_begin_array (builder);
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder,
                                     d->severity == FW_SEVERITY_ERROR ? "error" : "warning");
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, d->path);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, d->line);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, d->column);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, d->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (pack != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, fw_pack_get_id (pack));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, fw_pack_get_title (pack));
      json_builder_set_member_name (builder, "pieces");
      json_builder_add_int_value (builder, fw_pack_get_n_pieces (pack));
      json_builder_set_member_name (builder, "exercises");
      json_builder_add_int_value (builder, fw_pack_get_n_exercises (pack));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append_printf (out, "%s\n", text);
}

static void
append_summary (GString *out,
                FwPack  *pack)
{
  guint n_pieces = fw_pack_get_n_pieces (pack);
  guint n_exercises = fw_pack_get_n_exercises (pack);

  g_string_append_printf (out, _("Valid lesson pack: %s"), fw_pack_get_title (pack));
  g_string_append_printf (out, " (%s, %s)\n", fw_pack_get_id (pack), fw_pack_get_language (pack));

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u piece:\n", "%u pieces:\n",
                                            n_pieces),
                          n_pieces);
  for (guint i = 0; i < n_pieces; i++)
    {
      FwPiece *piece = fw_pack_get_piece (pack, i);
      GPtrArray *annotations = fw_piece_get_annotations (piece);
      const FwOutlet *outlet = fw_piece_get_outlet (piece);
      g_autofree char *authors = fw_piece_dup_author_names (piece);
      guint counts[FW_N_ANNOTATION_KINDS] = { 0 };
      gboolean first = TRUE;

      for (guint j = 0; j < annotations->len; j++)
        counts[((FwAnnotation *) g_ptr_array_index (annotations, j))->kind]++;

      g_string_append_printf (out, "  %s — %s\n", fw_piece_get_id (piece),
                              fw_piece_get_title (piece));
      g_string_append_printf (out, "    %s: %s\n", _("Authors"),
                              authors != NULL ? authors : _("Author not stated"));
      g_string_append_printf (out, "    %s: %s\n", _("Outlet"),
                              outlet != NULL && outlet->name != NULL ? outlet->name
                                                                     : _("Not stated"));
      g_string_append_printf (out, "    %s: ", _("Annotations"));
      for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
        {
          if (counts[k] == 0)
            continue;
          g_string_append_printf (out, "%s%u %s", first ? "" : ", ", counts[k],
                                  fw_annotation_kind_nicks[k]);
          first = FALSE;
        }
      g_string_append_printf (out, "%s\n", first ? _("none") : "");
    }

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u exercise:\n", "%u exercises:\n",
                                            n_exercises),
                          n_exercises);
  for (guint i = 0; i < n_exercises; i++)
    {
      FwExercise *exercise = fw_pack_get_exercise (pack, i);
      guint n_steps = fw_exercise_get_n_steps (exercise);

      g_string_append_printf (out, "  %s — %s (", fw_exercise_get_id (exercise),
                              fw_exercise_get_title (exercise));
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_steps),
                              n_steps);
      g_string_append (out, ")\n");
    }
}

/**
 * fw_cli_validate:
 * @file: the pack file to check
 * @json_output: %TRUE for a JSON report (for scripts), %FALSE for text
 * @out: where the report goes (standard output)
 * @err: where problems go in text mode (standard error)
 *
 * Implements `framewise --validate FILE`: for a valid pack, a one-screen
 * summary (pieces, contributors, annotation counts by kind, exercises)
 * followed by any warnings; otherwise every problem as
 * `FILE:LINE:COLUMN: error: /json/path: message`.
 *
 * Returns: %FW_CLI_OK for a valid pack, %FW_CLI_INVALID when it has errors,
 *   %FW_CLI_USAGE when the file cannot be read
 */
FwCliStatus
fw_cli_validate (GFile   *file,
                 gboolean json_output,
                 GString *out,
                 GString *err)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = fw_pack_load_file (file, NULL, &diagnostics, &error);

  if (json_output)
    append_json (out, pack, diagnostics);

  if (pack == NULL && error != NULL && error->domain != FW_PACK_ERROR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (!json_output)
        g_string_append_printf (err, _("%s: cannot read the file: %s\n"), name, error->message);
      return FW_CLI_USAGE;
    }

  if (!json_output)
    {
      if (pack != NULL)
        append_summary (out, pack);
      append_diagnostics (err, file, diagnostics);
      if (pack == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_string_append_printf (err, "%s: %s\n", name, error->message);
        }
    }

  return pack != NULL ? FW_CLI_OK : FW_CLI_INVALID;
}
