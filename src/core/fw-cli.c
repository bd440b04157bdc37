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
#include "fw-pack-writer.h"
#include "fw-plain-text.h"

/* A file's name for a terminal line; file names may hold control
 * characters too. */
static char *
display_name (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  return fw_plain_text_make_visible (name, G_MAXUINT);
}

static void
append_diagnostics (GString   *out,
                    GFile     *file,
                    GPtrArray *diagnostics)
{
  g_autofree char *name = display_name (file);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      g_autofree char *line = fw_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_string_append_printf (out, "%s:%s\n", name, line);
    }
}

static void
build_report (JsonBuilder *builder,
              GFile       *file,
              FwPack      *pack,
              GPtrArray   *diagnostics)
{
  g_autofree char *name = g_file_get_parse_name (file);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, name);
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
}

static void
append_json (GString  *out,
             JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append_printf (out, "%s\n", text);
}

/* Pack text shown in a terminal: control, format and bidirectional
 * characters are written out, so that a pack cannot send escape sequences
 * to the teacher's terminal or reorder the line. */
static char *
visible (const char *text)
{
  return fw_plain_text_make_visible (text, 200);
}

static void
append_summary (GString *out,
                FwPack  *pack)
{
  guint n_pieces = fw_pack_get_n_pieces (pack);
  guint n_exercises = fw_pack_get_n_exercises (pack);
  g_autofree char *title = visible (fw_pack_get_title (pack));
  g_autofree char *language = visible (fw_pack_get_language (pack));

  g_string_append_printf (out, _("Valid lesson pack: %s"), title);
  g_string_append_printf (out, " (%s, %s)\n", fw_pack_get_id (pack), language);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u piece:\n", "%u pieces:\n",
                                            n_pieces),
                          n_pieces);
  for (guint i = 0; i < n_pieces; i++)
    {
      FwPiece *piece = fw_pack_get_piece (pack, i);
      GPtrArray *annotations = fw_piece_get_annotations (piece);
      const FwOutlet *outlet = fw_piece_get_outlet (piece);
      g_autofree char *authors = fw_piece_dup_author_names (piece);
      g_autofree char *piece_title = visible (fw_piece_get_title (piece));
      g_autofree char *shown_authors = authors != NULL ? visible (authors) : NULL;
      g_autofree char *outlet_name = outlet != NULL && outlet->name != NULL ? visible (outlet->name)
                                                                            : NULL;
      guint counts[FW_N_ANNOTATION_KINDS] = { 0 };
      gboolean first = TRUE;

      for (guint j = 0; j < annotations->len; j++)
        counts[((FwAnnotation *) g_ptr_array_index (annotations, j))->kind]++;

      g_string_append_printf (out, "  %s — %s\n", fw_piece_get_id (piece), piece_title);
      g_string_append_printf (out, "    %s: %s\n", _("Authors"),
                              shown_authors != NULL ? shown_authors : _("Author not stated"));
      g_string_append_printf (out, "    %s: %s\n", _("Outlet"),
                              outlet_name != NULL ? outlet_name : _("Not stated"));
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
      g_autofree char *exercise_title = visible (fw_exercise_get_title (exercise));

      g_string_append_printf (out, "  %s — %s (", fw_exercise_get_id (exercise), exercise_title);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_steps),
                              n_steps);
      g_string_append (out, ")\n");
    }
}

/* Validates one file: text to @out (summary) and @err (problems), or a
 * report added to @builder. */
static FwCliStatus
validate_one (GFile       *file,
              JsonBuilder *builder,
              GString     *out,
              GString     *err)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autofree char *name = display_name (file);

  pack = fw_pack_load_file (file, NULL, &diagnostics, &error);

  if (builder != NULL)
    build_report (builder, file, pack, diagnostics);

  if (pack == NULL && error != NULL && error->domain != FW_PACK_ERROR)
    {
      if (builder == NULL)
        g_string_append_printf (err, _("%s: cannot read the file: %s\n"), name, error->message);
      return FW_CLI_USAGE;
    }

  if (builder == NULL)
    {
      if (pack != NULL)
        append_summary (out, pack);
      append_diagnostics (err, file, diagnostics);

      /* A count of errors, or the reason the file is no pack at all, adds to
       * the list; any other failure is its one line already. */
      if (pack == NULL && (g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID)
                           || g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_A_PACK)))
        g_string_append_printf (err, "%s: %s\n", name, error->message);
    }

  return pack != NULL ? FW_CLI_OK : FW_CLI_INVALID;
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
 * `FILE:LINE:COLUMN: error: /json/path: message`. The JSON report is one
 * object: `file`, `valid`, `errors`, `warnings`, `diagnostics` (each
 * `severity`, `path`, `line`, `column`, `message`; line and column are 0
 * when unknown) and, for a valid pack, `id`, `title`, `pieces` and
 * `exercises`.
 *
 * Returns: %FW_CLI_OK (0) for a valid pack, warnings allowed;
 *   %FW_CLI_INVALID (1) when it has errors; %FW_CLI_USAGE (2) when the
 *   file cannot be read
 */
FwCliStatus
fw_cli_validate (GFile   *file,
                 gboolean json_output,
                 GString *out,
                 GString *err)
{
  return fw_cli_validate_files (&file, 1, json_output, out, err);
}

/**
 * fw_cli_validate_files:
 * @files: (array length=n_files): the pack files to check
 * @n_files: how many, at least one
 * @json_output: %TRUE for a JSON report, %FALSE for text
 * @out: where the report goes (standard output)
 * @err: where problems go in text mode (standard error)
 *
 * Checks each file as fw_cli_validate() does. With @json_output and more
 * than one file, the report is a JSON array of the per-file objects.
 *
 * Returns: the worst status of the files (%FW_CLI_USAGE over
 *   %FW_CLI_INVALID over %FW_CLI_OK)
 */
FwCliStatus
fw_cli_validate_files (GFile   **files,
                       guint     n_files,
                       gboolean  json_output,
                       GString  *out,
                       GString  *err)
{
  g_autoptr(JsonBuilder) builder = NULL;
  FwCliStatus status = FW_CLI_OK;

  g_return_val_if_fail (n_files > 0, FW_CLI_USAGE);

  if (json_output)
    {
      builder = json_builder_new ();
      if (n_files > 1)
        json_builder_begin_array (builder);
    }

  for (guint i = 0; i < n_files; i++)
    {
      FwCliStatus one = validate_one (files[i], builder, out, err);

      status = MAX (status, one);
    }

  if (json_output)
    {
      g_autoptr(JsonNode) root = NULL;

      if (n_files > 1)
        json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      append_json (out, root);
    }

  return status;
}

/**
 * fw_cli_new_pack:
 * @title: the new pack's title
 * @language: (nullable): BCP 47 tag of the texts' language, or %NULL for
 *   `und`
 * @files: (array length=n_files): plain-text files, one piece each
 * @n_files: how many, at least one
 * @output: (nullable): the file to create, or %NULL to append the pack to
 *   @out
 * @out: standard output
 * @err: standard error: problems, and what to do next
 *
 * Implements `framewise --new-pack TITLE FILE…`: builds a pack skeleton
 * with #FwPackWriter (one piece per file, paragraphs split, provenance
 * marked not stated) and checks that it validates. An existing @output
 * is never replaced.
 *
 * Returns: %FW_CLI_OK (0) when the pack was written; %FW_CLI_USAGE (2)
 *   when a file cannot be read or used, or @output exists
 */
FwCliStatus
fw_cli_new_pack (const char  *title,
                 const char  *language,
                 GFile      **files,
                 guint        n_files,
                 GFile       *output,
                 GString     *out,
                 GString     *err)
{
  g_autoptr(FwPackWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(FwPack) check = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *output_name = NULL;

  g_return_val_if_fail (title != NULL, FW_CLI_USAGE);

  if (n_files == 0)
    {
      g_string_append (err, _("Give at least one plain-text file for the pack’s pieces\n"));
      return FW_CLI_USAGE;
    }

  writer = fw_pack_writer_new (title, language);
  for (guint i = 0; i < n_files; i++)
    {
      if (!fw_pack_writer_add_file (writer, files[i], NULL, &error))
        {
          g_autofree char *name = display_name (files[i]);

          g_string_append_printf (err, "%s: %s\n", name, error->message);
          return FW_CLI_USAGE;
        }
    }

  bytes = fw_pack_writer_to_bytes (writer, &error);
  if (bytes == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return FW_CLI_USAGE;
    }

  /* The skeleton must pass the validator that will read it. */
  check = fw_pack_load_bytes (bytes, &diagnostics, &error);
  if (check == NULL)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          g_autofree char *line = fw_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          g_string_append_printf (err, "%s\n", line);
        }
      g_string_append_printf (err, "%s\n", error->message);
      return FW_CLI_INVALID;
    }

  if (output == NULL)
    {
      g_string_append_len (out, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
      return FW_CLI_OK;
    }

  output_name = display_name (output);
  stream = g_file_create (output, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL
      || !g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), NULL, NULL, &error)
      || !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_string_append_printf (err, _("%s already exists; choose another name, Framewise "
                                       "does not replace it\n"),
                                output_name);
      else
        g_string_append_printf (err, _("%s: cannot write the pack: %s\n"), output_name,
                                error->message);
      return FW_CLI_USAGE;
    }

  g_string_append_printf (err,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Wrote a pack with %u piece to %s. Fill in what is not "
                                       "stated, then check it with framewise --validate.\n",
                                       "Wrote a pack with %u pieces to %s. Fill in what is not "
                                       "stated, then check it with framewise --validate.\n",
                                       fw_pack_writer_get_n_pieces (writer)),
                          fw_pack_writer_get_n_pieces (writer), output_name);
  return FW_CLI_OK;
}
