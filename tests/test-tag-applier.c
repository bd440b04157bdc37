/* test-tag-applier.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tag applier puts thousands of highlights on a buffer in idle
 * slices. However the work is sliced, the buffer must end up tagged
 * exactly as if every range had been applied at once. A range covers the
 * text of each line it touches but never a line end, so that every line
 * ends in the style the next one starts in. */

#include "config.h"

#include <gtk/gtk.h>

#include "fw-tag-applier.h"

#define N_TAGS 3
#define N_RANGES 3000
#define PREFIX "\n\n\n"
#define PREFIX_CHARS 3

typedef struct
{
  guint start;
  guint end;
  guint tag;
} Range;

static char *
make_text (guint n_chars)
{
  GString *text = g_string_new (PREFIX);
  GRand *rand = g_rand_new_with_seed (7);

  /* Words and paragraphs, with some characters outside ASCII so that
   * offsets in characters and bytes differ. */
  for (guint i = 0; i < n_chars; i++)
    {
      guint r = (guint) g_rand_int_range (rand, 0, 100);

      if (r < 2)
        g_string_append_c (text, '\n');
      else if (r < 18)
        g_string_append_c (text, ' ');
      else if (r < 21)
        g_string_append_unichar (text, 0x00E9);
      else
        g_string_append_c (text, (char) ('a' + r % 26));
    }

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

static GArray *
make_ranges (guint n_chars)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GRand *rand = g_rand_new_with_seed (11);

  /* Overlapping and nested ranges of all lengths, some empty, some at
   * the very end, in no particular order. */
  for (guint i = 0; i < N_RANGES; i++)
    {
      Range range;
      guint length = (guint) g_rand_int_range (rand, 0, i % 10 == 0 ? 400 : 30);

      range.start = (guint) g_rand_int_range (rand, 0, (gint32) n_chars);
      range.end = MIN (range.start + length, n_chars);
      range.tag = (guint) g_rand_int_range (rand, 0, N_TAGS);
      g_array_append_val (ranges, range);
    }

  g_rand_free (rand);
  return ranges;
}

static GtkTextBuffer *
make_buffer (const char  *text,
             GtkTextTag **tags)
{
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);

  gtk_text_buffer_set_text (buffer, text, -1);
  for (guint t = 0; t < N_TAGS; t++)
    {
      g_autofree char *name = g_strdup_printf ("tag-%u", t);

      tags[t] = gtk_text_buffer_create_tag (buffer, name, NULL);
    }

  return buffer;
}

static FwTagApplier *
make_applier (GtkTextBuffer *buffer,
              GtkTextTag   **tags,
              GArray        *ranges)
{
  FwTagApplier *applier = fw_tag_applier_new (buffer);

  fw_tag_applier_set_offset (applier, PREFIX_CHARS);
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);

      fw_tag_applier_push (applier, tags[range->tag], range->start, range->end);
    }

  return applier;
}

/* The places where @tag starts and ends, in buffer offsets: the whole
 * state of one tag. */
static GArray *
toggles (GtkTextBuffer *buffer,
         GtkTextTag    *tag)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      if (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_ends_tag (&iter, tag))
        {
          int offset = gtk_text_iter_get_offset (&iter);

          g_array_append_val (out, offset);
        }
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  return out;
}

static void
assert_same_tags (GtkTextBuffer  *a,
                  GtkTextTag    **tags_a,
                  GtkTextBuffer  *b,
                  GtkTextTag    **tags_b)
{
  for (guint t = 0; t < N_TAGS; t++)
    {
      g_autoptr(GArray) ta = toggles (a, tags_a[t]);
      g_autoptr(GArray) tb = toggles (b, tags_b[t]);

      g_assert_cmpuint (ta->len, >, 10);
      g_assert_cmpmem (ta->data, ta->len * sizeof (int), tb->data, tb->len * sizeof (int));
    }
}

/* A character-by-character check of one buffer against the ranges: the
 * reference that the applier is measured against. Line ends are never
 * tagged. */
static void
assert_tags_match_ranges (GtkTextBuffer  *buffer,
                          GtkTextTag    **tags,
                          GArray         *ranges,
                          guint           n_chars)
{
  g_autofree guint8 *expected = g_new0 (guint8, n_chars * N_TAGS);

  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);

      for (guint c = range->start; c < range->end; c++)
        expected[c * N_TAGS + range->tag] = 1;
    }

  for (guint c = 0; c < n_chars; c++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) (c + PREFIX_CHARS));
      for (guint t = 0; t < N_TAGS; t++)
        {
          gboolean want = expected[c * N_TAGS + t] && !gtk_text_iter_ends_line (&iter);

          if (gtk_text_iter_has_tag (&iter, tags[t]) != want)
            g_error ("character %u: tag %u is %s", c, t, want ? "missing" : "extra");
        }
    }
}

static void
test_slices_equal_at_once (void)
{
  g_autofree char *text = make_text (40000);
  guint n_chars = (guint) g_utf8_strlen (text, -1) - PREFIX_CHARS;
  g_autoptr(GArray) ranges = make_ranges (n_chars);
  GtkTextTag *tags_once[N_TAGS], *tags_sliced[N_TAGS], *tags_idle[N_TAGS];
  g_autoptr(GtkTextBuffer) once = make_buffer (text, tags_once);
  g_autoptr(GtkTextBuffer) sliced = make_buffer (text, tags_sliced);
  g_autoptr(GtkTextBuffer) idle = make_buffer (text, tags_idle);
  g_autoptr(FwTagApplier) applier_once = make_applier (once, tags_once, ranges);
  g_autoptr(FwTagApplier) applier_sliced = make_applier (sliced, tags_sliced, ranges);
  g_autoptr(FwTagApplier) applier_idle = make_applier (idle, tags_idle, ranges);
  guint n_slices = 0;

  /* At once. */
  g_assert_cmpuint (fw_tag_applier_get_n_pending (applier_once), ==, N_RANGES);
  g_assert_false (fw_tag_applier_apply (applier_once, G_MAXINT64));
  g_assert_cmpuint (fw_tag_applier_get_n_pending (applier_once), ==, 0);
  assert_tags_match_ranges (once, tags_once, ranges, n_chars);

  /* In the smallest slices there are: a budget of nothing still applies
   * a few ranges each time. */
  while (fw_tag_applier_apply (applier_sliced, 0))
    n_slices++;
  g_assert_cmpuint (n_slices, >, 100);
  assert_same_tags (once, tags_once, sliced, tags_sliced);

  /* In idle slices from the main loop, as the reader does. */
  g_assert_true (fw_tag_applier_get_busy (applier_idle));
  fw_tag_applier_schedule (applier_idle);
  while (fw_tag_applier_get_busy (applier_idle))
    g_main_context_iteration (NULL, TRUE);
  assert_same_tags (once, tags_once, idle, tags_idle);

  /* The prefix before offset 0 is never tagged. */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_start_iter (idle, &iter);
    for (guint t = 0; t < N_TAGS; t++)
      g_assert_false (gtk_text_iter_has_tag (&iter, tags_idle[t]));
  }
}

static void
busy_changed_cb (guint *n_notified)
{
  (*n_notified)++;
}

static void
test_drop_and_clear (void)
{
  g_autofree char *text = make_text (5000);
  guint n_chars = (guint) g_utf8_strlen (text, -1) - PREFIX_CHARS;
  g_autoptr(GArray) ranges = make_ranges (n_chars);
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (Range));
  GtkTextTag *tags[N_TAGS], *tags_ref[N_TAGS];
  g_autoptr(GtkTextBuffer) buffer = make_buffer (text, tags);
  g_autoptr(GtkTextBuffer) reference = make_buffer (text, tags_ref);
  g_autoptr(FwTagApplier) applier = make_applier (buffer, tags, ranges);
  g_autoptr(FwTagApplier) applier_ref = NULL;
  guint n_notified = 0;

  g_signal_connect_swapped (applier, "notify::busy", G_CALLBACK (busy_changed_cb), &n_notified);

  /* A hidden kind leaves the queue: only the other tags get applied. */
  fw_tag_applier_drop (applier, tags[1]);
  for (guint i = 0; i < ranges->len; i++)
    if (g_array_index (ranges, Range, i).tag != 1)
      g_array_append_val (kept, g_array_index (ranges, Range, i));
  g_assert_cmpuint (fw_tag_applier_get_n_pending (applier), ==, kept->len);
  while (fw_tag_applier_apply (applier, 0))
    ;
  g_assert_cmpuint (n_notified, ==, 1);
  applier_ref = make_applier (reference, tags_ref, kept);
  fw_tag_applier_apply (applier_ref, G_MAXINT64);
  for (guint t = 0; t < N_TAGS; t++)
    {
      g_autoptr(GArray) ta = toggles (buffer, tags[t]);
      g_autoptr(GArray) tb = toggles (reference, tags_ref[t]);

      g_assert_cmpmem (ta->data, ta->len * sizeof (int), tb->data, tb->len * sizeof (int));
    }
  {
    g_autoptr(GArray) none = toggles (buffer, tags[1]);

    g_assert_cmpuint (none->len, ==, 0);
  }

  /* Clearing empties the queue and stops the slices. */
  fw_tag_applier_push (applier, tags[1], 0, 5);
  g_assert_cmpuint (n_notified, ==, 2);
  fw_tag_applier_schedule (applier);
  fw_tag_applier_clear (applier);
  g_assert_cmpuint (n_notified, ==, 3);
  g_assert_false (fw_tag_applier_get_busy (applier));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    g_autoptr(GArray) none = toggles (buffer, tags[1]);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* The buffer offsets where @tag starts and ends in @buffer, as a string
 * such as "4-7 9-12". */
static char *
dup_toggles (GtkTextBuffer *buffer,
             GtkTextTag    *tag)
{
  g_autoptr(GArray) offsets = toggles (buffer, tag);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (out, i == 0 ? "%d" : i % 2 == 1 ? "-%d" : " %d",
                            g_array_index (offsets, int, i));

  return g_string_free (out, FALSE);
}

static void
test_line_ends_left_out (void)
{
  /* Buffer offsets: "\n" 0, "one" 1-4, "\n" 4, "two" 5-8, "\n" 8, the
   * empty line's "\n" 9, "three" 10-15. */
  const char *text = "\none\ntwo\n\nthree";
  GtkTextTag *tags[N_TAGS];
  g_autoptr(GtkTextBuffer) buffer = make_buffer (text, tags);
  g_autoptr(FwTagApplier) applier = fw_tag_applier_new (buffer);
  g_autofree char *queued = NULL;
  g_autofree char *at_once = NULL;
  g_autofree char *within = NULL;
  g_autofree char *ending = NULL;
  GtkTextIter start, end;

  fw_tag_applier_set_offset (applier, 1);

  /* A range over three line ends, queued: the text of each line. */
  fw_tag_applier_push (applier, tags[0], 1, 13);
  g_assert_false (fw_tag_applier_apply (applier, G_MAXINT64));
  queued = dup_toggles (buffer, tags[0]);
  g_assert_cmpstr (queued, ==, "2-4 5-8 10-14");

  /* The same, at once. */
  fw_tag_applier_apply_range (applier, tags[1], 1, 13);
  at_once = dup_toggles (buffer, tags[1]);
  g_assert_cmpstr (at_once, ==, queued);

  /* A range within a line is applied whole; one that ends on a line end
   * stops before it. */
  fw_tag_applier_apply_range (applier, tags[2], 4, 6);
  fw_tag_applier_apply_range (applier, tags[2], 9, 14);
  within = dup_toggles (buffer, tags[2]);
  g_assert_cmpstr (within, ==, "5-7 10-15");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tags[2], &start, &end);
  fw_tag_applier_apply_range (applier, tags[2], 0, 4);
  ending = dup_toggles (buffer, tags[2]);
  g_assert_cmpstr (ending, ==, "1-4");
}

/* The same rule for any buffer, without an applier: the exercise page's
 * answer and key tags go through it. */
static void
test_within_lines (void)
{
  const char *text = "one\ntwo\n\nthree";
  GtkTextTag *tags[N_TAGS];
  g_autoptr(GtkTextBuffer) buffer = make_buffer (text, tags);
  g_autofree char *whole = NULL;
  g_autofree char *part = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  fw_tag_applier_apply_within_lines (buffer, tags[0], &start, &end);
  whole = dup_toggles (buffer, tags[0]);
  g_assert_cmpstr (whole, ==, "0-3 4-7 9-14");

  gtk_text_buffer_get_iter_at_offset (buffer, &start, 5);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 6);
  fw_tag_applier_apply_within_lines (buffer, tags[1], &start, &end);
  part = dup_toggles (buffer, tags[1]);
  g_assert_cmpstr (part, ==, "5-6");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tag-applier/slices-equal-at-once", test_slices_equal_at_once);
  g_test_add_func ("/tag-applier/drop-and-clear", test_drop_and_clear);
  g_test_add_func ("/tag-applier/line-ends-left-out", test_line_ends_left_out);
  g_test_add_func ("/tag-applier/within-lines", test_within_lines);

  return g_test_run ();
}
