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
#include <string.h>

#include "fw-analyzer.h"
#include "fw-cli.h"
#include "fw-json-writer.h"
#include "fw-pack-loader.h"
#include "fw-pack-writer.h"
#include "fw-plain-text.h"
#include "fw-ptc-eval.h"

/* A file's name for a terminal line; file names may hold control
 * characters too. */
static char *
display_name (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  return fw_plain_text_make_visible (name, G_MAXUINT);
}

/* Writes one line per diagnostic; a warning repeated word for word (such
 * as the one for each suggested annotation of a new pack) is written once,
 * where it first occurs, with how many more there are. */
static void
append_diagnostics (GString   *out,
                    GFile     *file,
                    GPtrArray *diagnostics)
{
  g_autofree char *name = display_name (file);
  g_autoptr(GHashTable) repeats = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == FW_SEVERITY_WARNING)
        g_hash_table_insert (repeats, d->message,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                                                 repeats, d->message)) + 1));
    }

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const FwDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = fw_diagnostic_to_string (d);
      guint more = 0;

      if (d->severity == FW_SEVERITY_WARNING)
        {
          gpointer count;

          /* Written already, or written here with the count of the rest. */
          if (!g_hash_table_lookup_extended (repeats, d->message, NULL, &count))
            continue;
          more = GPOINTER_TO_UINT (count) - 1;
          g_hash_table_remove (repeats, d->message);
        }
      if (more > 0)
        {
          char *counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%s (and %u more like it)",
                                                        "%s (and %u more like it)", more),
                                           line, more);

          g_free (line);
          line = counted;
        }

      /* "FILE:LINE:COLUMN: error: …" as compilers print it, or
       * "FILE: error: …" when the problem has no position. */
      g_string_append_printf (out, d->line > 0 ? "%s:%s\n" : "%s: %s\n", name, line);
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

  /* TRANSLATORS: the pack's title, then its id and language tag */
  g_string_append_printf (out, _("Valid lesson pack: %s (%s, %s)"), title, fw_pack_get_id (pack),
                          language);
  g_string_append_c (out, '\n');

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u piece:\n", "%u pieces:\n",
                                            n_pieces),
                          n_pieces);
  for (guint i = 0; i < n_pieces; i++)
    {
      FwPiece *piece = fw_pack_get_piece (pack, i);
      GPtrArray *annotations = fw_piece_get_annotations (piece);
      const FwOutlet *outlet = fw_piece_get_outlet (piece);
      g_autofree char *authors = fw_piece_dup_author_names (piece);
      g_autoptr(GString) kinds = g_string_new (NULL);
      g_autofree char *piece_title = visible (fw_piece_get_title (piece));
      g_autofree char *shown_authors = authors != NULL ? visible (authors) : NULL;
      g_autofree char *outlet_name = outlet != NULL && outlet->name != NULL ? visible (outlet->name)
                                                                            : NULL;
      guint counts[FW_N_ANNOTATION_KINDS] = { 0 };
      gboolean first = TRUE;

      for (guint j = 0; j < annotations->len; j++)
        counts[((FwAnnotation *) g_ptr_array_index (annotations, j))->kind]++;

      g_string_append_printf (out, "  %s — %s\n", fw_piece_get_id (piece), piece_title);
      g_string_append (out, "    ");
      g_string_append_printf (out, _("Authors: %s"),
                              shown_authors != NULL ? shown_authors : _("Author not stated"));
      g_string_append (out, "\n    ");
      g_string_append_printf (out, _("Outlet: %s"),
                              outlet_name != NULL ? outlet_name : _("Not stated"));

      /* The counts name each kind as pack files spell it, e.g. "24
       * loaded-term", so that teachers can search their pack for it. */
      for (guint k = 0; k < FW_N_ANNOTATION_KINDS; k++)
        {
          if (counts[k] == 0)
            continue;
          g_string_append_printf (kinds, "%s%u %s", first ? "" : ", ", counts[k],
                                  fw_annotation_kind_nicks[k]);
          first = FALSE;
        }
      g_string_append (out, "\n    ");
      /* TRANSLATORS: %s is a list of counts by kind, e.g. "24 loaded-term,
       * 9 unsupported-assertion"; the kinds are not translated */
      g_string_append_printf (out, _("Annotations: %s"), first ? _("none") : kinds->str);
      g_string_append_c (out, '\n');
    }

  /* A pack of readings alone has no exercise list to introduce. */
  if (n_exercises > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u exercise:\n",
                                              "%u exercises:\n", n_exercises),
                            n_exercises);
  for (guint i = 0; i < n_exercises; i++)
    {
      FwExercise *exercise = fw_pack_get_exercise (pack, i);
      guint n_steps = fw_exercise_get_n_steps (exercise);
      g_autofree char *exercise_title = visible (fw_exercise_get_title (exercise));

      g_string_append (out, "  ");
      /* TRANSLATORS: an exercise's id, its title and how many steps it has */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s — %s (%u step)",
                                                "%s — %s (%u steps)", n_steps),
                              fw_exercise_get_id (exercise), exercise_title,
                              n_steps);
      g_string_append_c (out, '\n');
    }
}

/* Whether one of @diagnostics has @message, so that a summary line does not
 * repeat it. */
static gboolean
diagnostics_say (GPtrArray  *diagnostics,
                 const char *message)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    if (g_str_equal (((const FwDiagnostic *) g_ptr_array_index (diagnostics, i))->message,
                     message))
      return TRUE;

  return FALSE;
}

/* @name as one word of a shell command to copy: as it is when it has only
 * characters that no shell treats specially, quoted otherwise. */
static char *
shell_word (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._-+,:@%=", *p) == NULL && (guchar) *p < 0x80)
      return g_shell_quote (name);

  return g_strdup (name);
}

/* A plain text given for a pack: what the teacher may have meant. */
static void
append_not_json_hint (GString    *err,
                      const char *name)
{
  g_autofree char *word = shell_word (name);

  g_string_append_printf (err, _("%s: to make a lesson pack of this text, run "
                                 "framewise --new-pack TITLE %s; to analyse the text as it is, "
                                 "run framewise analyze %s\n"),
                          name, word, word);
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
       * the list, unless the list says it already; any other failure is its
       * one line already. */
      if (pack == NULL && (g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID)
                           || g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_A_PACK))
          && !diagnostics_say (diagnostics, error->message))
        g_string_append_printf (err, "%s: %s\n", name, error->message);

      if (g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_JSON))
        append_not_json_hint (err, name);
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

/* Reads @input to its end. */
static GBytes *
read_stream (GInputStream  *input,
             GError       **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (memory, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                              error) < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Runs the automatic analysis with the built-in data for @language (%NULL
 * when the teacher gave none) on each piece of @writer and adds every
 * annotation it finds as a suggestion, with the built-in frames that its
 * frame cues name. A language without a built-in lexicon leaves the pack
 * without suggestions, and @notes says so, as it says when a piece has more
 * suggestions than it may keep; the caller shows @notes once the pack is
 * written. */
static gboolean
add_suggestions (FwPackWriter  *writer,
                 const char    *language,
                 GString       *notes,
                 GError       **error)
{
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *frames;

  analyzer = fw_analyzer_new (language != NULL ? language : "und", &local_error);
  if (analyzer == NULL)
    {
      if (!g_error_matches (local_error, FW_ANALYZER_ERROR,
                            FW_ANALYZER_ERROR_UNSUPPORTED_LANGUAGE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (language == NULL)
        g_string_append (notes, _("The pack has no suggested annotations: give the texts’ "
                                "language with --language, such as --language en, for "
                                "Framewise to suggest some.\n"));
      else
        g_string_append_printf (notes, _("Framewise has no built-in lexicon for the language "
                                         "“%s”, so the pack has no suggested annotations.\n"),
                                language);
      return TRUE;
    }

  frames = fw_analyzer_get_frames (analyzer);
  for (guint i = 0; i < fw_pack_writer_get_n_pieces (writer); i++)
    {
      g_autoptr(FwAnalysis) analysis = NULL;
      GPtrArray *annotations;

      analysis = fw_analyzer_analyze_piece (analyzer, fw_pack_writer_get_piece (writer, i),
                                            FW_ANALYSIS_ALL, NULL, error);
      if (analysis == NULL)
        return FALSE;

      /* A piece takes at most FW_MAX_ANNOTATIONS_PER_PIECE annotations; the
       * first ones in reading order are kept. */
      annotations = fw_analysis_get_annotations (analysis);
      if (annotations->len > FW_MAX_ANNOTATIONS_PER_PIECE)
        g_string_append_printf (notes,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: only the first %u of %u suggestion are kept, "
                                             "the most a piece may hold.\n",
                                             "%s: only the first %u of %u suggestions are kept, "
                                             "the most a piece may hold.\n",
                                             annotations->len),
                                fw_piece_get_id (fw_pack_writer_get_piece (writer, i)),
                                (guint) FW_MAX_ANNOTATIONS_PER_PIECE, annotations->len);
      for (guint j = 0; j < annotations->len && j < FW_MAX_ANNOTATIONS_PER_PIECE; j++)
        {
          const FwAnnotation *a = g_ptr_array_index (annotations, j);

          fw_pack_writer_add_suggestion (writer, i, a);
          for (guint f = 0; a->frame != NULL && frames != NULL && f < frames->len; f++)
            {
              const FwFrame *frame = g_ptr_array_index (frames, f);

              if (g_str_equal (frame->id, a->frame))
                fw_pack_writer_add_frame (writer, frame);
            }
        }
    }

  return TRUE;
}

static void
append_suggestion_note (GString *err,
                        guint    n_suggestions)
{
  if (n_suggestions == 0)
    return;

  g_string_append_printf (err,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Framewise suggests %u annotation: check it against the "
                                       "text, then delete its “status” or set it to "
                                       "“reviewed”.\n",
                                       "Framewise suggests %u annotations: check each against "
                                       "the text, then delete its “status” or set it to "
                                       "“reviewed”.\n",
                                       n_suggestions),
                          n_suggestions);
}

/**
 * fw_cli_new_pack:
 * @title: the new pack's title
 * @language: (nullable): BCP 47 tag of the texts' language, or %NULL for
 *   `und`
 * @paths: (array length=n_paths): plain-text files, one piece each, as
 *   given on the command line (g_file_new_for_commandline_arg()); `-`
 *   stands for @input
 * @n_paths: how many, at least one
 * @input: (nullable): standard input, read to its end as one piece where
 *   @paths holds `-`
 * @output: (nullable): the file to create, or %NULL to append the pack to
 *   @out
 * @out: standard output
 * @err: standard error: problems, and what to do next
 *
 * Implements `framewise --new-pack TITLE FILE…`: builds a pack skeleton
 * with #FwPackWriter (one piece per file, paragraphs split, provenance
 * marked not stated), runs the automatic analysis (fw_analyzer_new() with
 * the built-in lexicon, cue words and frames for @language) on each piece
 * and adds what it finds as suggested annotations (`"status":
 * "suggested"`, which `--validate` warns about until the author reviews
 * each), with the built-in frames that the frame cues name, and checks
 * that the pack validates. A language without a built-in lexicon gives a
 * pack without suggestions. An existing @output is never replaced. An
 * empty @title or a @language that is no BCP 47 tag
 * (fw_pack_language_tag_is_valid()) is reported as the argument or option
 * it came from, before any file is read.
 *
 * Returns: %FW_CLI_OK (0) when the pack was written; %FW_CLI_USAGE (2)
 *   when @title or @language cannot be used, a file cannot be read or
 *   used, `-` is given twice, or @output exists; %FW_CLI_INVALID (1) when
 *   the pack built does not validate
 */
FwCliStatus
fw_cli_new_pack (const char          *title,
                 const char          *language,
                 const char * const  *paths,
                 guint                n_paths,
                 GInputStream        *input,
                 GFile               *output,
                 GString             *out,
                 GString             *err)
{
  g_autoptr(FwPackWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(FwPack) check = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *output_name = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  guint n_suggestions = 0;
  gboolean read_input = FALSE;

  g_return_val_if_fail (title != NULL, FW_CLI_USAGE);

  /* The title and the language are checked here, where the option that
   * gave them can be named, rather than by the validator below, which
   * would point into JSON that was never written. */
  {
    g_autofree char *stripped = g_strstrip (g_strdup (title));

    if (stripped[0] == '\0')
      {
        g_string_append (err, _("--new-pack: the title must not be empty\n"));
        return FW_CLI_USAGE;
      }
  }
  if (language != NULL && !fw_pack_language_tag_is_valid (language))
    {
      g_autofree char *shown = fw_plain_text_make_visible (language, 40);

      g_string_append_printf (err, _("--language: “%s” is not a BCP 47 language tag such as en "
                                     "or pl\n"),
                              shown);
      return FW_CLI_USAGE;
    }

  if (n_paths == 0)
    {
      g_string_append (err, _("Give at least one plain-text file for the pack’s pieces\n"));
      return FW_CLI_USAGE;
    }

  /* Said before the files are read and analysed; g_file_create() below
   * still refuses a file that appears meanwhile. */
  if (output != NULL && g_file_query_exists (output, NULL))
    {
      output_name = display_name (output);
      g_string_append_printf (err, _("%s already exists; choose another name, Framewise "
                                     "does not replace it\n"),
                              output_name);
      return FW_CLI_USAGE;
    }

  writer = fw_pack_writer_new (title, language);
  for (guint i = 0; i < n_paths; i++)
    {
      gboolean added;

      if (g_str_equal (paths[i], "-"))
        {
          g_autoptr(GBytes) text = NULL;

          /* Standard input holds one text, read to its end. */
          if (read_input || input == NULL)
            {
              g_string_append (err, _("-: standard input can be one piece of the pack only\n"));
              return FW_CLI_USAGE;
            }
          read_input = TRUE;
          text = read_stream (input, &error);
          added = text != NULL
                  && fw_pack_writer_add_text (writer, "standard-input", text, &error);
          if (!added)
            {
              g_string_append_printf (err, _("%s: cannot read the input: %s\n"), "-",
                                      error->message);
              return FW_CLI_USAGE;
            }
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

          if (!fw_pack_writer_add_file (writer, file, NULL, &error))
            {
              g_autofree char *name = display_name (file);

              g_string_append_printf (err, "%s: %s\n", name, error->message);
              return FW_CLI_USAGE;
            }
        }
    }

  if (!add_suggestions (writer, language, notes, &error))
    {
      g_string_append_printf (err, "%s\n", error->message);
      return FW_CLI_USAGE;
    }
  for (guint i = 0; i < fw_pack_writer_get_n_pieces (writer); i++)
    n_suggestions += fw_pack_writer_get_n_suggestions (writer, i);

  bytes = fw_pack_writer_to_bytes (writer, &error);
  if (bytes == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return FW_CLI_USAGE;
    }

  /* The skeleton must pass the validator that will read it. Its lines and
   * columns are in JSON that was never written, so they are left out. */
  check = fw_pack_load_bytes (bytes, &diagnostics, &error);
  if (check == NULL)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          FwDiagnostic unplaced = *(const FwDiagnostic *) g_ptr_array_index (diagnostics, i);
          g_autofree char *line = NULL;

          unplaced.line = 0;
          unplaced.column = 0;
          line = fw_diagnostic_to_string (&unplaced);
          g_string_append_printf (err, "%s\n", line);
        }
      g_string_append_printf (err, "%s\n", error->message);
      return FW_CLI_INVALID;
    }

  if (output == NULL)
    {
      g_string_append_len (out, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
      g_string_append (err, notes->str);
      append_suggestion_note (err, n_suggestions);
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

  g_string_append (err, notes->str);
  g_string_append_printf (err,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Wrote a pack with %u piece to %s. Fill in what is not "
                                       "stated, then check it with framewise --validate.\n",
                                       "Wrote a pack with %u pieces to %s. Fill in what is not "
                                       "stated, then check it with framewise --validate.\n",
                                       fw_pack_writer_get_n_pieces (writer)),
                          fw_pack_writer_get_n_pieces (writer), output_name);
  append_suggestion_note (err, n_suggestions);
  return FW_CLI_OK;
}

/* Parses the options of `framewise COMMAND`: @argv[0] is the command
 * name, as GOption expects. @parameter_string and @summary are the
 * translated texts of its --help. Returns the arguments left after the
 * options, the command name first, or %NULL after appending the problem to
 * @err. */
static GStrv
parse_options (const char    *command,
               const char    *parameter_string,
               const char    *summary,
               GOptionEntry  *entries,
               int            argc,
               char         **argv,
               GString       *err)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* GOption removes what it parses, so it gets a copy. */
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_string_append_printf (err, "framewise %s: %s\n", command, error->message);
      return NULL;
    }

  return g_steal_pointer (&args);
}

/* Optimal string alignment distance between @a and @b (ASCII, compared
 * without case): insertions, deletions, substitutions and swaps of two
 * neighbours cost one each (Damerau 1964), capped at 3. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *d = NULL;

  if (n > m + 3 || m > n + 3)
    return 3;

  d = g_new (guint, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
  for (gsize i = 0; i <= n; i++)
    D (i, 0) = (guint) i;
  for (gsize j = 0; j <= m; j++)
    D (0, j) = (guint) j;
  for (gsize i = 1; i <= n; i++)
    for (gsize j = 1; j <= m; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) != g_ascii_tolower (b[j - 1]);
        guint best = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);

        if (i > 1 && j > 1 && g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 2])
            && g_ascii_tolower (a[i - 2]) == g_ascii_tolower (b[j - 1]))
          best = MIN (best, D (i - 2, j - 2) + 1);
        D (i, j) = best;
      }
  return MIN (D (n, m), 3);
#undef D
}

/**
 * fw_cli_suggest_command:
 * @word: the first argument of the command line
 *
 * Finds the subcommand (`analyze`, `eval-ptc`) that @word was probably
 * meant to be: @word looks like a command word (ASCII letters and
 * hyphens only), is not one, and is at most two edits from it (with
 * letters compared without case), as in `analyse` or `Analyze` for
 * `analyze`. The
 * caller checks first that @word is not a file to open.
 *
 * Returns: (transfer none) (nullable): the subcommand, a static string, or
 *   %NULL when @word is no near miss
 */
const char *
fw_cli_suggest_command (const char *word)
{
  static const char * const commands[] = { "analyze", "eval-ptc" };

  g_return_val_if_fail (word != NULL, NULL);

  if (word[0] == '\0' || word[0] == '-')
    return NULL;
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p) && *p != '-')
      return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (!g_str_equal (word, commands[i]) && edit_distance (word, commands[i]) <= 2)
      return commands[i];
  return NULL;
}

/* framewise analyze ----------------------------------------------------- */

static gboolean
parse_only (const char      *value,
            FwAnalysisFlags *flags)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);

  *flags = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (g_str_equal (part, "lexicon"))
        *flags |= FW_ANALYSIS_LEXICON;
      else if (g_str_equal (part, "assertions"))
        *flags |= FW_ANALYSIS_ASSERTIONS;
      else if (g_str_equal (part, "frames"))
        *flags |= FW_ANALYSIS_FRAMES;
      else
        return FALSE;
    }

  return *flags != 0;
}

/* Writes the text of a span straight from the original, without a copy. */
static void
write_span (FwJsonWriter *w,
            FwText       *text,
            guint         start,
            guint         end)
{
  const char *a = fw_text_get_pointer (text, start);
  const char *b = fw_text_get_pointer (text, end);

  fw_json_writer_string_len (w, a, b - a);
}

static void
write_annotation_json (FwJsonWriter       *w,
                       FwText             *text,
                       const FwAnnotation *a)
{
  fw_json_writer_begin_object (w);
  fw_json_writer_member (w, "kind");
  fw_json_writer_string (w, fw_annotation_kind_to_nick (a->kind));
  fw_json_writer_member (w, "category");
  fw_json_writer_string (w, a->category);
  fw_json_writer_member (w, "start");
  fw_json_writer_uint (w, a->start);
  fw_json_writer_member (w, "end");
  fw_json_writer_uint (w, a->end);
  fw_json_writer_member (w, "text");
  write_span (w, text, a->start, a->end);
  fw_json_writer_member (w, "rationale");
  fw_json_writer_string (w, a->note);
  fw_json_writer_member (w, "source");
  fw_json_writer_string (w, fw_annotation_source_nicks[a->source]);
  if (a->neutral != NULL)
    {
      fw_json_writer_member (w, "neutral");
      fw_json_writer_string (w, a->neutral);
    }
  if (a->frame != NULL)
    {
      fw_json_writer_member (w, "frame");
      fw_json_writer_string (w, a->frame);
    }
  if (a->speaker != NULL)
    {
      fw_json_writer_member (w, "speaker");
      fw_json_writer_string (w, a->speaker);
    }
  fw_json_writer_end_object (w);
}

static void
write_sentence_json (FwJsonWriter     *w,
                     FwText           *text,
                     const FwSentence *s)
{
  fw_json_writer_begin_object (w);
  fw_json_writer_member (w, "start");
  fw_json_writer_uint (w, s->start);
  fw_json_writer_member (w, "end");
  fw_json_writer_uint (w, s->end);
  fw_json_writer_member (w, "paragraph");
  fw_json_writer_uint (w, s->paragraph);
  fw_json_writer_member (w, "label");
  fw_json_writer_string (w, fw_assertion_label_to_nick (s->label));
  fw_json_writer_member (w, "flagged");
  fw_json_writer_boolean (w, s->flagged);
  fw_json_writer_member (w, "rationale");
  fw_json_writer_string (w, s->rationale);
  fw_json_writer_member (w, "speaker");
  fw_json_writer_string (w, s->speaker);
  fw_json_writer_member (w, "cues");
  fw_json_writer_begin_array (w);
  for (guint i = 0; i < s->n_cues; i++)
    {
      fw_json_writer_begin_object (w);
      fw_json_writer_member (w, "kind");
      fw_json_writer_string (w, fw_cue_kind_to_nick (s->cues[i].kind));
      fw_json_writer_member (w, "start");
      fw_json_writer_uint (w, s->cues[i].start);
      fw_json_writer_member (w, "end");
      fw_json_writer_uint (w, s->cues[i].end);
      fw_json_writer_member (w, "text");
      write_span (w, text, s->cues[i].start, s->cues[i].end);
      fw_json_writer_end_object (w);
    }
  fw_json_writer_end_array (w);
  fw_json_writer_end_object (w);
}

static void
write_frame_json (FwJsonWriter   *w,
                  FwText         *text,
                  FwFrameProfile *profile,
                  guint           f)
{
  const FwFrame *frame = fw_frame_profile_get_frame (profile, f);
  const FwFrameHit *hits;
  guint n_hits;

  fw_json_writer_begin_object (w);
  fw_json_writer_member (w, "id");
  fw_json_writer_string (w, frame->id);
  fw_json_writer_member (w, "label");
  fw_json_writer_string (w, frame->label);
  fw_json_writer_member (w, "count");
  fw_json_writer_uint (w, fw_frame_profile_get_count (profile, f));
  fw_json_writer_member (w, "density");
  fw_json_writer_double (w, fw_frame_profile_get_density (profile, f));
  fw_json_writer_member (w, "share");
  fw_json_writer_double (w, fw_frame_profile_get_share (profile, f));
  fw_json_writer_member (w, "paragraphs");
  fw_json_writer_begin_array (w);
  for (guint p = 0; p < fw_frame_profile_get_n_paragraphs (profile); p++)
    fw_json_writer_uint (w, fw_frame_profile_get_paragraph_count (profile, f, p));
  fw_json_writer_end_array (w);
  fw_json_writer_member (w, "evidence");
  fw_json_writer_begin_array (w);
  hits = fw_frame_profile_get_evidence (profile, f, &n_hits);
  for (guint i = 0; i < n_hits; i++)
    {
      fw_json_writer_begin_object (w);
      fw_json_writer_member (w, "start");
      fw_json_writer_uint (w, hits[i].start);
      fw_json_writer_member (w, "end");
      fw_json_writer_uint (w, hits[i].end);
      fw_json_writer_member (w, "text");
      write_span (w, text, hits[i].start, hits[i].end);
      fw_json_writer_end_object (w);
    }
  fw_json_writer_end_array (w);
  fw_json_writer_end_object (w);
}

static gboolean
write_analysis_json (GOutputStream  *output,
                     FwAnalysis     *analysis,
                     GPtrArray      *annotations,
                     const char     *piece_id,
                     GError        **error)
{
  FwJsonWriter *w = fw_json_writer_new (output);
  FwText *text = fw_analysis_get_text (analysis);
  FwFrameProfile *profile = fw_analysis_get_frame_profile (analysis);

  fw_json_writer_begin_object (w);
  fw_json_writer_member (w, "piece");
  fw_json_writer_string (w, piece_id);
  fw_json_writer_member (w, "length");
  fw_json_writer_uint (w, fw_text_get_length (text));
  fw_json_writer_member (w, "paragraphs");
  fw_json_writer_begin_array (w);
  for (guint p = 0; p < fw_text_get_n_paragraphs (text); p++)
    {
      FwTextSpan span = fw_text_get_paragraph (text, p);

      fw_json_writer_begin_object (w);
      fw_json_writer_member (w, "start");
      fw_json_writer_uint (w, span.start);
      fw_json_writer_member (w, "end");
      fw_json_writer_uint (w, span.end);
      if (profile != NULL)
        {
          fw_json_writer_member (w, "words");
          fw_json_writer_uint (w, fw_frame_profile_get_paragraph_words (profile, p));
        }
      fw_json_writer_end_object (w);
    }
  fw_json_writer_end_array (w);
  if (profile != NULL)
    {
      fw_json_writer_member (w, "words");
      fw_json_writer_uint (w, fw_frame_profile_get_n_words (profile));
    }

  fw_json_writer_member (w, "annotations");
  fw_json_writer_begin_array (w);
  for (guint i = 0; i < annotations->len; i++)
    write_annotation_json (w, text, g_ptr_array_index (annotations, i));
  fw_json_writer_end_array (w);

  fw_json_writer_member (w, "sentences");
  fw_json_writer_begin_array (w);
  for (guint i = 0; i < fw_analysis_get_n_sentences (analysis); i++)
    write_sentence_json (w, text, fw_analysis_get_sentence (analysis, i));
  fw_json_writer_end_array (w);

  fw_json_writer_member (w, "frames");
  fw_json_writer_begin_array (w);
  for (guint f = 0; profile != NULL && f < fw_frame_profile_get_n_frames (profile); f++)
    write_frame_json (w, text, profile, f);
  fw_json_writer_end_array (w);
  fw_json_writer_end_object (w);

  return fw_json_writer_finish (w, error);
}

static const char *
source_label (FwAnnotationSource source)
{
  switch (source)
    {
    case FW_SOURCE_PACK: return C_("annotation source", "pack");
    case FW_SOURCE_LEXICON: return C_("annotation source", "lexicon");
    case FW_SOURCE_DETECTOR: return C_("annotation source", "detector");
    default: g_return_val_if_reached ("");
    }
}

static gboolean
write_analysis_text (GOutputStream  *output,
                     FwAnalysis     *analysis,
                     GPtrArray      *annotations,
                     GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  FwText *text = fw_analysis_get_text (analysis);
  FwFrameProfile *profile = fw_analysis_get_frame_profile (analysis);
  guint n_sentences = fw_analysis_get_n_sentences (analysis);
  guint labels[FW_N_ASSERTION_LABELS] = { 0 };
  guint flagged = 0;

  /* An empty text has no sentences, and every frame at 0 would only look
   * like a result. */
  if (fw_text_get_length (text) == 0)
    {
      g_string_append (out, _("The text is empty, so there is nothing to analyse.\n"));
      return g_output_stream_write_all (output, out->str, out->len, NULL, NULL, error);
    }

  if (annotations->len == 0)
    g_string_append (out, _("Nothing in the text is highlighted.\n"));
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u highlight:\n",
                                              "%u highlights:\n", annotations->len),
                            annotations->len);
  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);
      g_autofree char *span = fw_text_dup_span (text, a->start, a->end);

      g_autofree char *quoted = NULL;

      /* TRANSLATORS: the highlighted words, in quotation marks */
      quoted = g_strdup_printf (_("“%s”"), span);
      g_string_append_printf (out, "  %u–%u %s [%s] (%s) %s\n", a->start, a->end,
                              fw_annotation_kind_to_label (a->kind), a->category,
                              source_label (a->source), quoted);
      g_string_append_printf (out, "      %s\n", a->note);
      if (a->neutral != NULL)
        {
          g_string_append (out, "      ");
          /* TRANSLATORS: %s is an alternative wording */
          g_string_append_printf (out, _("More neutral: %s"), a->neutral);
          g_string_append_c (out, '\n');
        }
      if (a->speaker != NULL)
        {
          g_string_append (out, "      ");
          /* TRANSLATORS: %s names who is quoted or cited, e.g. "the Ministry of Defense" */
          g_string_append_printf (out, _("Source: %s"), a->speaker);
          g_string_append_c (out, '\n');
        }

      if (out->len > 64 * 1024
          && !g_output_stream_write_all (output, out->str, out->len, NULL, NULL, error))
        return FALSE;
      if (out->len > 64 * 1024)
        g_string_truncate (out, 0);
    }

  if (n_sentences > 0)
    {
      for (guint i = 0; i < n_sentences; i++)
        {
          const FwSentence *s = fw_analysis_get_sentence (analysis, i);

          labels[s->label]++;
          flagged += s->flagged;
        }

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u sentence:\n",
                                                "%u sentences:\n", n_sentences),
                              n_sentences);
      for (guint l = 0; l < FW_N_ASSERTION_LABELS; l++)
        g_string_append_printf (out, "  %s: %u\n", fw_assertion_label_to_label (l), labels[l]);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "  %u unsupported sentence is flagged\n",
                                                "  %u unsupported sentences are flagged\n",
                                                flagged),
                              flagged);
    }

  if (profile != NULL)
    {
      guint words = fw_frame_profile_get_n_words (profile);

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Frames (cues per 1,000 words, %u word):\n",
                                                "Frames (cues per 1,000 words, %u words):\n",
                                                words),
                              words);
      for (guint f = 0; f < fw_frame_profile_get_n_frames (profile); f++)
        g_string_append_printf (out, "  %-40s %5u %8.1f\n",
                                fw_frame_profile_get_frame (profile, f)->label,
                                fw_frame_profile_get_count (profile, f),
                                fw_frame_profile_get_density (profile, f));
    }

  return g_output_stream_write_all (output, out->str, out->len, NULL, NULL, error);
}

/**
 * fw_cli_analyze:
 * @argc: number of @argv
 * @argv: (array length=argc): the arguments from `analyze` on:
 *   `analyze [--pack PACK --piece ID | FILE | -] [--format json|text]
 *   [--only lexicon,assertions,frames] [--language TAG]`
 * @input: standard input, read for `-`
 * @output: where the report goes (standard output)
 * @err: where problems go (standard error)
 *
 * Implements `framewise analyze`: the automatic analysis of a pack's piece
 * (with the pack's lexicons and frames, and its teacher annotations merged
 * in, which win where both flag the same passage with the same kind) or of
 * a plain-text file. Plain text is read as UTF-8 without a byte-order mark
 * (one is skipped and not counted); a paragraph is a block of lines
 * separated by blank lines. All offsets are code points into the input as
 * read. The JSON report has `annotations`, `sentences` and `frames`; the
 * text report lists highlights, sentence labels and the frame profile.
 * `--only lexicon` runs lexicon matching alone.
 *
 * Returns: %FW_CLI_OK on success, %FW_CLI_INVALID when the pack has
 *   errors, %FW_CLI_USAGE for a wrong command line, an unreadable file or
 *   input that is not UTF-8 (the message gives the byte offset)
 */
FwCliStatus
fw_cli_analyze (int            argc,
                char         **argv,
                GInputStream  *input,
                GOutputStream *output,
                GString       *err)
{
  g_autofree char *pack_path = NULL;
  g_autofree char *piece_id = NULL;
  g_autofree char *format = NULL;
  g_autofree char *only = NULL;
  g_autofree char *language = NULL;
  GOptionEntry entries[] = {
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &pack_path, N_("Analyse a piece of this pack"),
      N_("PACK") },
    { "piece", 0, 0, G_OPTION_ARG_STRING, &piece_id, N_("The id of the piece to analyse"),
      N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"),
      N_("FORMAT") },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      N_("Run only these stages: lexicon, assertions, frames (comma-separated)"), N_("STAGES") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of a plain-text input (default: en)"), N_("TAG") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autoptr(FwText) text = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_auto(GStrv) args = NULL;
  FwAnalysisFlags flags = FW_ANALYSIS_ALL;
  FwPiece *piece = NULL;
  int n_args;
  gboolean json;

  args = parse_options ("analyze", _("[FILE | -]"),
                        _("Find loaded terms, unsupported assertions and framing in a piece, "
                          "and say why for each."),
                        entries, argc, argv, err);
  if (args == NULL)
    return FW_CLI_USAGE;
  n_args = (int) g_strv_length (args);

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_string_append_printf (err, _("Unknown format “%s”: use text or json\n"), format);
      return FW_CLI_USAGE;
    }
  json = g_strcmp0 (format, "json") == 0;

  if (only != NULL && !parse_only (only, &flags))
    {
      g_string_append_printf (err, _("Unknown stage in “%s”: use lexicon, assertions or "
                                     "frames\n"), only);
      return FW_CLI_USAGE;
    }

  if ((pack_path != NULL) != (piece_id != NULL) || (pack_path != NULL && n_args > 1)
      || (pack_path == NULL && n_args != 2))
    {
      g_string_append (err, _("Usage: framewise analyze [--pack PACK --piece ID | FILE | -] "
                              "[--format json|text] [--only lexicon,assertions,frames] "
                              "[--language TAG]\n"));
      return FW_CLI_USAGE;
    }

  if (pack_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (pack_path);
      g_autoptr(GPtrArray) diagnostics = NULL;

      pack = fw_pack_load_file (file, NULL, &diagnostics, &error);
      if (pack == NULL)
        {
          g_autofree char *name = display_name (file);

          /* The list, then what it adds up to, unless it says that already
           * (a file that cannot be read, or is no JSON, has one line). */
          append_diagnostics (err, file, diagnostics);
          if (!diagnostics_say (diagnostics, error->message))
            g_string_append_printf (err, "%s: %s\n", name, error->message);
          if (g_error_matches (error, FW_PACK_ERROR, FW_PACK_ERROR_NOT_JSON))
            append_not_json_hint (err, name);
          return error->domain == FW_PACK_ERROR ? FW_CLI_INVALID : FW_CLI_USAGE;
        }

      piece = fw_pack_find_piece (pack, piece_id);
      if (piece == NULL)
        {
          g_string_append_printf (err, _("The pack has no piece “%s”. Its pieces are:"), piece_id);
          for (guint i = 0; i < fw_pack_get_n_pieces (pack); i++)
            g_string_append_printf (err, " %s", fw_piece_get_id (fw_pack_get_piece (pack, i)));
          g_string_append_c (err, '\n');
          return FW_CLI_USAGE;
        }

      analyzer = fw_analyzer_new_for_pack (pack, &error);
      if (analyzer != NULL)
        text = fw_text_new_for_piece (piece);
    }
  else
    {
      const char *path = args[1];
      g_autoptr(GBytes) bytes = NULL;
      const char *data;
      gsize size;

      if (g_str_equal (path, "-"))
        {
          bytes = read_stream (input, &error);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
          char *contents = NULL;
          gsize length = 0;

          if (g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
            bytes = g_bytes_new_take (contents, length);
        }
      if (bytes == NULL)
        {
          g_string_append_printf (err, _("%s: cannot read the input: %s\n"), path, error->message);
          return FW_CLI_USAGE;
        }

      data = g_bytes_get_data (bytes, &size);
      if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          size -= 3;
        }

      text = fw_text_new_plain (data, (gssize) size, &error);
      if (text == NULL)
        {
          g_string_append_printf (err, "%s: %s\n", path, error->message);
          return FW_CLI_USAGE;
        }

      analyzer = fw_analyzer_new (language != NULL ? language : "en", &error);
    }

  if (analyzer == NULL)
    {
      g_string_append_printf (err, "framewise analyze: %s\n", error->message);
      return FW_CLI_USAGE;
    }

  analysis = fw_analyzer_analyze (analyzer, text, flags, NULL, &error);
  g_assert_no_error (error);

  if (piece != NULL)
    annotations = fw_analysis_merge_annotations (analysis, fw_piece_get_annotations (piece));
  else
    annotations = g_ptr_array_ref (fw_analysis_get_annotations (analysis));

  if (!(json ? write_analysis_json (output, analysis, annotations, piece_id, &error)
             : write_analysis_text (output, analysis, annotations, &error)))
    {
      g_string_append_printf (err, "framewise analyze: %s\n", error->message);
      return FW_CLI_USAGE;
    }

  return FW_CLI_OK;
}

/* framewise eval-ptc ---------------------------------------------------- */

/* Appends @s and pads it with spaces to @width code points, so that the
 * table lines up for translated text too (a code point is taken as one
 * column, which holds for the scripts Framewise is translated into). */
static void
append_padded (GString    *out,
               const char *s,
               guint       width,
               gboolean    right_align)
{
  glong n = g_utf8_strlen (s, -1);

  if (!right_align)
    g_string_append (out, s);
  for (glong i = n; i < (glong) width; i++)
    g_string_append_c (out, ' ');
  if (right_align)
    g_string_append (out, s);
}

static void
append_score_row (GString          *out,
                  const char       *name,
                  const FwPtcScore *score)
{
  append_padded (out, name, 62, FALSE);
  g_string_append_printf (out, " %9u %6u %9.3f %7.3f %6.3f\n", score->n_predicted,
                          score->n_gold, score->precision, score->recall, score->f1);
}

static void
append_score_json (FwJsonWriter     *w,
                   const char       *name,
                   const FwPtcScore *score)
{
  fw_json_writer_member (w, name);
  fw_json_writer_begin_object (w);
  fw_json_writer_member (w, "predicted");
  fw_json_writer_uint (w, score->n_predicted);
  fw_json_writer_member (w, "gold");
  fw_json_writer_uint (w, score->n_gold);
  fw_json_writer_member (w, "precision");
  fw_json_writer_double (w, score->precision);
  fw_json_writer_member (w, "recall");
  fw_json_writer_double (w, score->recall);
  fw_json_writer_member (w, "f1");
  fw_json_writer_double (w, score->f1);
  fw_json_writer_end_object (w);
}

/**
 * fw_cli_eval_ptc:
 * @argc: number of @argv
 * @argv: (array length=argc): the arguments from `eval-ptc` on:
 *   `eval-ptc [--lexicon FILE] [--format text|json] ARTICLES_DIR LABELS.tsv`
 * @out: where the report goes (standard output)
 * @err: where problems go (standard error)
 *
 * Implements `framewise eval-ptc`: scores the lexicon matcher against a
 * corpus in the format of the Propaganda Techniques Corpus (article files
 * and a tab-separated labels file) with the partial-overlap precision,
 * recall and F1 of SemEval-2020 Task 11 span identification (see
 * fw_ptc_score()), for Loaded_Language alone and for Loaded_Language and
 * Name_Calling,Labeling together (classes must agree, and as one class).
 * Which lexicon categories map to which class is listed in the report
 * (see fw_ptc_technique_for()). Gold spans of articles that are not in the
 * folder are left out. `--lexicon` scores a lexicon file instead of the
 * built-in English one.
 *
 * Returns: %FW_CLI_OK when the corpus was scored, %FW_CLI_USAGE for a
 *   wrong command line or a corpus or lexicon that cannot be read
 */
FwCliStatus
fw_cli_eval_ptc (int       argc,
                 char    **argv,
                 GString  *out,
                 GString  *err)
{
  static const char * const loaded[] = { FW_PTC_LOADED_LANGUAGE, NULL };
  static const char * const both[] = { FW_PTC_LOADED_LANGUAGE, FW_PTC_NAME_CALLING, NULL };
  g_autofree char *lexicon_path = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "lexicon", 0, 0, G_OPTION_ARG_FILENAME, &lexicon_path,
      N_("Score this lexicon file instead of the built-in one"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"),
      N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autoptr(GArray) predicted = NULL;
  g_autoptr(GArray) gold = NULL;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GHashTable) articles = NULL;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GFile) labels = NULL;
  g_autofree char *tsv = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GList) keys = NULL;
  FwPtcScore score_loaded, score_both, score_either;
  gsize tsv_length;
  guint skipped = 0;

  args = parse_options ("eval-ptc", _("ARTICLES_DIR LABELS.tsv"),
                        _("Score the loaded-language lexicon against a corpus in the Propaganda "
                          "Techniques Corpus format."),
                        entries, argc, argv, err);
  if (args == NULL)
    return FW_CLI_USAGE;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_string_append_printf (err, _("Unknown format “%s”: use text or json\n"), format);
      return FW_CLI_USAGE;
    }
  if (g_strv_length (args) != 3)
    {
      g_string_append (err, _("Usage: framewise eval-ptc [--lexicon FILE] [--format text|json] "
                              "ARTICLES_DIR LABELS.tsv\n"));
      return FW_CLI_USAGE;
    }

  if (lexicon_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (lexicon_path);
      g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
      FwLexicon *lexicon = bytes != NULL ? fw_lexicon_new_from_bytes (bytes, &error) : NULL;

      if (lexicon == NULL)
        {
          g_string_append_printf (err, "%s: %s\n", lexicon_path, error->message);
          return FW_CLI_USAGE;
        }
      g_ptr_array_add (lexicons, lexicon);
      analyzer = fw_analyzer_new_custom (fw_lexicon_get_language (lexicon), lexicons, NULL, NULL);
    }
  else
    {
      analyzer = fw_analyzer_new ("en", &error);
      if (analyzer == NULL)
        {
          g_string_append_printf (err, "framewise eval-ptc: %s\n", error->message);
          return FW_CLI_USAGE;
        }
    }

  directory = g_file_new_for_commandline_arg (args[1]);
  labels = g_file_new_for_commandline_arg (args[2]);

  if (!g_file_load_contents (labels, NULL, &tsv, &tsv_length, NULL, &error)
      || (gold = fw_ptc_parse_labels (tsv, tsv_length, &error)) == NULL)
    {
      g_string_append_printf (err, "%s: %s\n", args[2], error->message);
      return FW_CLI_USAGE;
    }

  predicted = fw_ptc_predict_directory (analyzer, directory, &articles, NULL, &error);
  if (predicted == NULL)
    {
      g_string_append_printf (err, "%s: %s\n", args[1], error->message);
      return FW_CLI_USAGE;
    }

  kept = g_array_new (FALSE, FALSE, sizeof (FwPtcSpan));
  for (guint i = 0; i < gold->len; i++)
    {
      const FwPtcSpan *span = &g_array_index (gold, FwPtcSpan, i);

      if (g_hash_table_contains (articles, span->article))
        g_array_append_val (kept, *span);
      else
        skipped++;
    }

  fw_ptc_score ((FwPtcSpan *) (gpointer) predicted->data, predicted->len,
                (FwPtcSpan *) (gpointer) kept->data, kept->len, loaded, TRUE, &score_loaded);
  fw_ptc_score ((FwPtcSpan *) (gpointer) predicted->data, predicted->len,
                (FwPtcSpan *) (gpointer) kept->data, kept->len, both, TRUE, &score_both);
  fw_ptc_score ((FwPtcSpan *) (gpointer) predicted->data, predicted->len,
                (FwPtcSpan *) (gpointer) kept->data, kept->len, both, FALSE, &score_either);

  /* Which categories were scored as what. */
  categories = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint l = 0; l < fw_analyzer_get_lexicons (analyzer)->len; l++)
    {
      FwLexicon *lexicon = g_ptr_array_index (fw_analyzer_get_lexicons (analyzer), l);

      for (guint e = 0; e < fw_lexicon_get_n_entries (lexicon); e++)
        {
          const FwLexiconEntry *entry = fw_lexicon_get_entry (lexicon, e);
          const char *technique = fw_ptc_technique_for (entry->kind, entry->category);
          const char *key = g_intern_string (entry->kind == FW_ANNOTATION_CONTESTED_NAME
                                             ? "contested-name" : entry->category);

          g_hash_table_insert (categories, (gpointer) key,
                               (gpointer) (technique != NULL ? technique : "-"));
        }
    }
  keys = g_hash_table_get_keys (categories);
  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      FwJsonWriter *w = fw_json_writer_new (memory);
      g_autoptr(GBytes) bytes = NULL;

      fw_json_writer_begin_object (w);
      fw_json_writer_member (w, "articles");
      fw_json_writer_uint (w, g_hash_table_size (articles));
      fw_json_writer_member (w, "gold_spans_skipped");
      fw_json_writer_uint (w, skipped);
      fw_json_writer_member (w, "terms");
      fw_json_writer_uint (w, fw_analyzer_count_terms (analyzer));
      fw_json_writer_member (w, "categories");
      fw_json_writer_begin_object (w);
      for (GList *k = keys; k != NULL; k = k->next)
        {
          const char *technique = g_hash_table_lookup (categories, k->data);

          fw_json_writer_member (w, k->data);
          fw_json_writer_string (w, g_str_equal (technique, "-") ? NULL : technique);
        }
      fw_json_writer_end_object (w);
      append_score_json (w, "loaded_language", &score_loaded);
      append_score_json (w, "loaded_language_and_name_calling", &score_both);
      append_score_json (w, "loaded_language_and_name_calling_as_one_class", &score_either);
      fw_json_writer_end_object (w);
      fw_json_writer_finish (w, NULL);
      g_output_stream_close (memory, NULL, NULL);
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
      g_string_append_len (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      return FW_CLI_OK;
    }

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u article read\n",
                                            "%u articles read\n", g_hash_table_size (articles)),
                          g_hash_table_size (articles));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%u lexicon term or variant searched for\n",
                                            "%u lexicon terms and variants searched for\n",
                                            fw_analyzer_count_terms (analyzer)),
                          fw_analyzer_count_terms (analyzer));
  if (skipped > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%u gold span of articles not in the folder left "
                                              "out\n",
                                              "%u gold spans of articles not in the folder left "
                                              "out\n", skipped),
                            skipped);
  g_string_append_printf (out, "%s\n", _("Lexicon categories and the PTC class they are scored "
                                         "as (“-”: not a propaganda-technique class, not "
                                         "scored):"));
  for (GList *k = keys; k != NULL; k = k->next)
    g_string_append_printf (out, "  %-40s %s\n", (const char *) k->data,
                            (const char *) g_hash_table_lookup (categories, k->data));
  {
    const char *headings[] = { _("predicted"), _("gold"), _("precision"), _("recall"), "F1" };
    const guint widths[] = { 10, 7, 10, 8, 7 };

    append_padded (out, "", 62, FALSE);
    for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
      append_padded (out, headings[i], widths[i], TRUE);
    g_string_append_c (out, '\n');
  }
  append_score_row (out, "Loaded_Language", &score_loaded);
  append_score_row (out, _("Loaded_Language + Name_Calling,Labeling (classes must agree)"),
                    &score_both);
  append_score_row (out, _("Loaded_Language + Name_Calling,Labeling (as one class)"),
                    &score_either);

  return FW_CLI_OK;
}
