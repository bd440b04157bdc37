/* fw-report-pdf.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fw-json-read.h"
#include "fw-report-pdf.h"

/* The hand-in report: a paginated A4 PDF drawn with cairo and laid out
 * with Pango, from the same JSON document as the JSON hand-in, so that the
 * two never disagree. Text is laid out paragraph by paragraph and drawn
 * line by line, so a paragraph longer than a page (a long reflection)
 * flows on to the next page. */

G_DEFINE_QUARK (fw-report-error-quark, fw_report_error)

/* A4 in PostScript points (1/72 inch), with 2 cm margins. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 56.693
#define FOOTER 24.0

typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;
  double y;
  guint page;
  GError *write_error;
  GOutputStream *stream;
  GCancellable *cancellable;
} Report;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Report *report = closure;

  if (report->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (report->stream, data, length, NULL, report->cancellable,
                                  &report->write_error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
draw_footer (Report *report)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (report->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autofree char *text = g_strdup_printf (_("Page %u"), report->page);
  int width, height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (report->cr, PAGE_WIDTH - MARGIN - (double) width / PANGO_SCALE,
                 PAGE_HEIGHT - MARGIN + FOOTER - (double) height / PANGO_SCALE);
  pango_cairo_show_layout (report->cr, layout);
}

static void
new_page (Report *report)
{
  draw_footer (report);
  cairo_show_page (report->cr);
  report->page++;
  report->y = MARGIN;
}

/* Lays out @text (plain text, never markup) in @font, indented by @indent
 * points, and draws it line by line, breaking pages as needed. @space is
 * the gap above the paragraph. */
static void
paragraph (Report     *report,
           const char *text,
           const char *font,
           double      indent,
           double      space)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  PangoLayoutIter *iter;

  if (text == NULL || *text == '\0')
    return;

  pango_layout_set_font_description (report->layout, description);
  pango_layout_set_width (report->layout,
                          (int) ((PAGE_WIDTH - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_wrap (report->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (report->layout, text, -1);

  report->y += space;
  iter = pango_layout_get_iter (report->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      if (report->y + height > PAGE_HEIGHT - MARGIN)
        new_page (report);

      cairo_move_to (report->cr, MARGIN + indent + (double) logical.x / PANGO_SCALE,
                     report->y + baseline);
      pango_cairo_show_layout_line (report->cr, line);
      report->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static gboolean
exercise_begun (JsonArray *steps)
{
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = fw_json_element_object (steps, i);
      JsonArray *lines = step != NULL ? fw_json_member_array (step, "answer_text") : NULL;

      if (step != NULL && (fw_json_member_boolean (step, "checked", FALSE)
                           || (lines != NULL && json_array_get_length (lines) > 0)))
        return TRUE;
    }

  return FALSE;
}

static void
draw_step (Report     *report,
           JsonObject *step)
{
  JsonObject *result = fw_json_member_object (step, "result");
  JsonArray *lines = fw_json_member_array (step, "answer_text");
  JsonArray *missed = result != NULL ? fw_json_member_array (result, "missed") : NULL;
  JsonArray *extra = result != NULL ? fw_json_member_array (result, "extra") : NULL;
  const char *formatted = result != NULL ? fw_json_member_string (result, "formatted") : NULL;
  g_autofree char *heading = NULL;

  heading = g_strdup_printf (_("Step %u: %s"),
                             (guint) fw_json_member_int (step, "index", 0) + 1,
                             fw_json_member_string (step, "title") != NULL
                             ? fw_json_member_string (step, "title") : "");
  paragraph (report, heading, "Sans Bold 11", 0, 10);
  if (formatted != NULL)
    {
      g_autofree char *score = g_strdup_printf (_("Result: %s"), formatted);

      paragraph (report, score, "Sans Italic 10", 12, 2);
    }

  if (lines == NULL || json_array_get_length (lines) == 0)
    paragraph (report, _("No answer given."), "Sans 10", 12, 4);
  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    paragraph (report, fw_json_node_string (json_array_get_element (lines, i)), "Serif 10.5",
               12, 4);

  for (guint i = 0; missed != NULL && i < json_array_get_length (missed); i++)
    {
      JsonObject *span = fw_json_element_object (missed, i);
      g_autofree char *text = NULL;

      if (span == NULL)
        continue;
      text = g_strdup_printf (_("Missed: “%s” — %s"),
                              fw_json_member_string (span, "text") != NULL
                              ? fw_json_member_string (span, "text") : "",
                              fw_json_member_string (span, "reason") != NULL
                              ? fw_json_member_string (span, "reason") : "");
      paragraph (report, text, "Sans 9.5", 24, 3);
    }

  for (guint i = 0; extra != NULL && i < json_array_get_length (extra); i++)
    {
      JsonObject *span = fw_json_element_object (extra, i);
      g_autofree char *text = NULL;

      if (span == NULL)
        continue;
      text = g_strdup_printf (_("Not in the key: “%s”"),
                              fw_json_member_string (span, "text") != NULL
                              ? fw_json_member_string (span, "text") : "");
      paragraph (report, text, "Sans 9.5", 24, 3);
    }
}

/**
 * fw_report_pdf_write:
 * @work: a student-work document (fw_work_store_to_json())
 * @file: where to write the PDF; replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the student's work as a PDF report for the teacher: the
 * student's name, the date, the pack, and for every exercise begun (one
 * with an answer or a checked step) its
 * mean score and per step the result, the answers as given (chosen
 * options, marked spans, sorted sentences, predictions, reflections in
 * full) and, for find-spans steps, the missed key spans with the key's
 * reasons and the extra spans. A4 pages with numbered footers.
 *
 * Returns: %TRUE on success; %FALSE with a #GIOError when @file cannot be
 *   written or %FW_REPORT_ERROR_DRAWING when cairo fails
 */
gboolean
fw_report_pdf_write (JsonObject    *work,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* TRANSLATORS: a full date, in g_date_time_format() syntax: %-d is the
   * day without padding, %B the month name as written with a day (genitive
   * in Polish or Ukrainian), %OB the month name standing alone, %Y the year */
  g_autofree char *date = g_date_time_format (now, _("%-d %B %Y"));
  g_autofree char *student_line = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *pack_line = NULL;
  JsonObject *pack;
  JsonArray *exercises;
  cairo_surface_t *surface;
  cairo_status_t status;
  Report report = { 0 };

  g_return_val_if_fail (work != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  report.stream = G_OUTPUT_STREAM (stream);
  report.cancellable = cancellable;
  report.page = 1;
  report.y = MARGIN;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &report, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Framewise report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Framewise");
  report.cr = cairo_create (surface);
  report.layout = pango_cairo_create_layout (report.cr);
  cairo_set_source_rgb (report.cr, 0, 0, 0);

  pack = fw_json_member_object (work, "pack");
  student_line = g_strdup_printf (_("Student: %s"), fw_json_member_string (work, "student"));
  date_line = g_strdup_printf (_("Date: %s"), date);
  pack_line = g_strdup_printf (_("Lesson pack: %s"),
                               pack != NULL && fw_json_member_string (pack, "title") != NULL
                               ? fw_json_member_string (pack, "title") : "");

  paragraph (&report, _("Framewise report"), "Sans Bold 18", 0, 0);
  paragraph (&report, student_line, "Sans 11", 0, 8);
  paragraph (&report, date_line, "Sans 11", 0, 2);
  paragraph (&report, pack_line, "Sans 11", 0, 2);

  exercises = fw_json_member_array (work, "exercises");
  for (guint e = 0; exercises != NULL && e < json_array_get_length (exercises); e++)
    {
      JsonObject *exercise = fw_json_element_object (exercises, e);
      JsonArray *steps = exercise != NULL ? fw_json_member_array (exercise, "steps") : NULL;
      double mean;

      if (steps == NULL || !exercise_begun (steps))
        continue;

      /* Keep an exercise heading off the foot of a page. */
      if (report.y > PAGE_HEIGHT - MARGIN - 120)
        new_page (&report);
      paragraph (&report, fw_json_member_string (exercise, "title"), "Sans Bold 14", 0, 22);
      mean = fw_json_member_double (exercise, "mean_score", -1.0);
      if (mean >= 0.0)
        {
          g_autofree char *text = g_strdup_printf (_("Mean score of the scored steps: %.0f%%"),
                                                   100.0 * mean);

          paragraph (&report, text, "Sans 10", 0, 2);
        }

      for (guint i = 0; i < json_array_get_length (steps); i++)
        {
          JsonObject *step = fw_json_element_object (steps, i);

          if (step != NULL)
            draw_step (&report, step);
        }
    }

  draw_footer (&report);
  g_object_unref (report.layout);
  cairo_destroy (report.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (report.write_error != NULL)
    {
      g_propagate_error (error, report.write_error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FW_REPORT_ERROR, FW_REPORT_ERROR_DRAWING,
                   _("The PDF report could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
