/* benchmark-reader.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How fast Framewise is on a headless display, measured against the cost
 * of the toolkit itself. Run it with `meson test --benchmark` under a
 * display (see README.md). It reports medians over repeated runs, with the
 * minimum and the maximum, of:
 *
 *  - the time from process start to the first painted frame of the reading
 *    page with the bundled pack, and the same for a bare
 *    AdwApplicationWindow with a header bar built by this program (the
 *    floor), and their ratio;
 *  - the peak resident memory of both;
 *  - the time to open a generated piece of 1 MB of prose with about 10,000
 *    highlights, to its first painted frame, and the longest main-loop
 *    stall (interval between frame-clock ticks) while the highlights are
 *    applied;
 *  - the time to load and validate a generated 16 MiB pack.
 *
 * Every measurement runs in a fresh child process of this program, so that
 * each run starts cold in the same way. It exits 1 when a target is
 * missed, 77 (skipped) without a display.
 *
 * For profiling start-up, one child can be run alone, under a display:
 *
 *   FW_BENCHMARK_QUIT_AT_FIRST_FRAME=1 perf record -g -- \
 *     benchmark-reader --child start-app 0
 *
 * (or start-floor): the child exits as soon as its first frame is painted,
 * so that the profile holds start-up only. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fw-application.h"
#include "fw-pack-loader.h"
#include "fw-reader-page.h"
#include "fw-test-ui.h"
#include "fw-window.h"

/* The targets of issue 7. */
#define TARGET_START_RATIO 1.5
#define TARGET_RSS_EXTRA_MB 30.0
#define TARGET_BIG_FIRST_FRAME_MS 300.0
#define TARGET_STALL_MS 50.0
#define TARGET_PACK_LOAD_MS 1000.0

/* The generated piece: 1 MB of prose, the most annotations a pack may give
 * one piece, and loaded terms, contested names and sources enough in the
 * prose for the analyzer to find about as many again. */
#define BIG_PIECE_BYTES 1000000
#define BIG_PIECE_ANNOTATIONS FW_MAX_ANNOTATIONS_PER_PIECE

/* How long the start-up children wait after the first frame before they
 * read their peak memory, so that work deferred past the first frame
 * (Framewise's analysis of the first piece) counts too. */
#define SETTLE_MS 500

/* ------------------------------------------------------------------ */
/* Prose                                                               */

static const char * const common_words[] = {
  "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be",
  "by", "on", "not", "this", "are", "or", "from", "at", "which", "but", "have", "an", "they",
  "were", "there", "been", "one", "all", "their", "has", "would", "when", "if", "so", "no",
  "will", "more", "out", "who", "them", "some", "could", "into", "only", "time", "than",
  "other", "then", "also", "two", "after", "most", "these", "over", "new", "people", "such",
  "first", "year", "years", "state", "government", "country", "region", "war", "peace",
  "border", "talks", "process", "power", "policy", "public", "support", "security", "aid",
  "refugees", "city", "town", "families", "children", "water", "food", "schools", "road",
  "villages", "community", "leaders", "report", "week", "month", "day", "sovereignty",
  "negotiations", "agreement", "civilians", "shelter", "economy", "trade", "law", "court",
  "history", "future", "rights", "election", "vote", "parliament", "army", "ceasefire",
  /* Prose has curly quotes, dashes and accents: offsets in code points and
   * in bytes differ, as they do in real pieces. */
  "Armenia’s", "Azerbaijan’s", "Türkiye", "“security”", "—", "naïve", "régime", "café",
};

/* Terms of the built-in English lexicon (data/lexicons/en.json). */
static const char * const loaded_words[] = {
  "bogus", "ludicrous", "pandering", "bloodbath", "mob", "decadent", "separatist",
  "repulsive", "inexcusable", "shill", "crony", "lawless", "plunder", "tragic", "dreadful",
  "heart-wrenching", "obliterate", "betrayal", "bungling", "glorious", "gory", "astonishing",
  "defenceless", "inundate", "pompous", "huckster", "horror", "scrounger",
};

static const char * const contested_words[] = {
  "Khankendi", "Stepanakert", "Artsakh", "Shusha", "Shushi", "Kalbajar", "Karvachar",
};

static const char * const sources[] = {
  "the foreign minister said", "officials told reporters", "experts say",
  "Anna Novak said in a statement", "the ministry claimed", "sources say",
};

typedef struct
{
  guint start;
  guint end;
  FwAnnotationKind kind;
} Span;

/* Appends one sentence of @words_min to @words_max words; the spans of its
 * loaded terms and contested names go to @spans, in byte offsets of @text,
 * and the whole sentence too. */
static void
append_sentence (GString *text,
                 GArray  *spans,
                 GRand   *rand,
                 guint    words_min,
                 guint    words_max)
{
  guint n = (guint) g_rand_int_range (rand, (gint32) words_min, (gint32) words_max + 1);
  guint sentence_start = (guint) text->len;
  Span sentence;

  if (g_rand_int_range (rand, 0, 12) == 0)
    g_string_append (text, "According to the ministry, ");

  for (guint w = 0; w < n; w++)
    {
      guint r = (guint) g_rand_int_range (rand, 0, 1000);
      const char *word;
      Span span = { 0, 0, FW_ANNOTATION_LOADED_TERM };

      if (w > 0 || text->len > sentence_start)
        g_string_append_c (text, ' ');

      if (r < 25)
        {
          word = loaded_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (loaded_words))];
          span.kind = FW_ANNOTATION_LOADED_TERM;
        }
      else if (r < 32)
        {
          word = contested_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (contested_words))];
          span.kind = FW_ANNOTATION_CONTESTED_NAME;
        }
      else if (r < 47)
        {
          g_string_append_printf (text, "%d ", g_rand_int_range (rand, 2, 99));
          word = "percent";
        }
      else
        {
          word = common_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (common_words))];
        }

      if (w == 0 && text->len == sentence_start)
        {
          g_string_append_c (text, g_ascii_toupper (word[0]));
          g_string_append (text, word + 1);
        }
      else
        {
          span.start = (guint) text->len;
          g_string_append (text, word);
          span.end = (guint) text->len;
          if (r < 32)
            g_array_append_val (spans, span);
        }
    }

  if (g_rand_int_range (rand, 0, 6) == 0)
    g_string_append_printf (text, ", %s",
                            sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))]);
  g_string_append_c (text, '.');

  sentence.start = sentence_start;
  sentence.end = (guint) text->len;
  sentence.kind = FW_ANNOTATION_UNSUPPORTED_ASSERTION;
  g_array_append_val (spans, sentence);
}

/* The code-point offset of every byte offset of @text, so that spans found
 * in bytes can be written as W3C positions; spans start and end on
 * characters. */
static guint *
char_offsets (const char *text,
              gsize       n_bytes)
{
  guint *offsets = g_new (guint, n_bytes + 1);
  guint chars = 0;

  for (gsize i = 0; i <= n_bytes; i++)
    {
      offsets[i] = chars;
      if (i < n_bytes && ((guchar) text[i] & 0xC0) != 0x80)
        chars++;
    }
  return offsets;
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
begin_pack (JsonBuilder *b,
            const char  *id,
            const char  *title)
{
  json_builder_begin_object (b);
  add_string (b, "format", "framewise-pack");
  add_int (b, "version", 1);
  add_string (b, "id", id);
  add_string (b, "title", title);
  add_string (b, "language", "en");
  json_builder_set_member_name (b, "pieces");
  json_builder_begin_array (b);
}

static void
begin_piece (JsonBuilder *b,
             const char  *id,
             const char  *title)
{
  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "title", title);
  json_builder_set_member_name (b, "outlet");
  json_builder_begin_object (b);
  add_string (b, "name", "Generated Gazette");
  add_string (b, "kind", "generated text for measuring");
  json_builder_end_object (b);
}

static const char *
kind_category (FwAnnotationKind kind)
{
  switch (kind)
    {
    case FW_ANNOTATION_LOADED_TERM:
      return "emotive language";
    case FW_ANNOTATION_CONTESTED_NAME:
      return "contested name";
    case FW_ANNOTATION_UNSUPPORTED_ASSERTION:
      return "claim without evidence";
    case FW_ANNOTATION_ATTRIBUTION:
    case FW_ANNOTATION_FRAME_CUE:
    default:
      return "other";
    }
}

static void
begin_annotation (JsonBuilder      *b,
                  FwAnnotationKind  kind)
{
  json_builder_begin_object (b);
  add_string (b, "kind", fw_annotation_kind_to_nick (kind));
  add_string (b, "category", kind_category (kind));
  add_string (b, "note", "Generated so that the reader has something to highlight here.");
}

static gboolean
write_builder (JsonBuilder  *b,
               const char   *path,
               gsize        *length,
               GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *data = NULL;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, length);
  return g_file_set_contents (path, data, (gssize) *length, error);
}

/* A pack with one piece of 1 MB of prose and BIG_PIECE_ANNOTATIONS
 * annotations spread through it, anchored by position. */
static gboolean
write_big_piece_pack (const char  *path,
                      GError     **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (2026);
  g_autofree guint *offsets = NULL;
  guint n_chosen = 0;
  gsize length;
  double step;

  while (text->len < BIG_PIECE_BYTES)
    {
      guint n = (guint) g_rand_int_range (rand, 3, 8);
      guint start;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      start = (guint) text->len;
      for (guint s = 0; s < n; s++)
        {
          if (s > 0)
            g_string_append_c (text, ' ');
          append_sentence (text, spans, rand, 8, 26);
        }
      g_ptr_array_add (paragraphs, g_strndup (text->str + start, text->len - start));
    }
  g_rand_free (rand);

  begin_pack (b, "benchmark-big-piece", "A long piece for measuring");
  begin_piece (b, "big", "A very long opinion piece");
  json_builder_set_member_name (b, "paragraphs");
  json_builder_begin_array (b);
  for (guint i = 0; i < paragraphs->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (paragraphs, i));
  json_builder_end_array (b);

  /* Every so many candidate spans becomes a teacher annotation, so that
   * they are spread evenly through the piece. */
  json_builder_set_member_name (b, "annotations");
  json_builder_begin_array (b);
  offsets = char_offsets (text->str, text->len);
  step = (double) spans->len / BIG_PIECE_ANNOTATIONS;
  for (double x = 0; (guint) x < spans->len && n_chosen < BIG_PIECE_ANNOTATIONS; x += step)
    {
      const Span *span = &g_array_index (spans, Span, (guint) x);

      begin_annotation (b, span->kind);
      add_int (b, "start", offsets[span->start]);
      add_int (b, "end", offsets[span->end]);
      json_builder_end_object (b);
      n_chosen++;
    }
  json_builder_end_array (b);

  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  return write_builder (b, path, &length, error);
}

/* A pack just under 16 MiB: pieces of generated prose in which every
 * sentence ends with a unique reference, so that quotes can be anchored
 * the way teachers anchor them, by their text with a prefix or suffix,
 * besides by position. */
static gboolean
write_large_pack (const char  *path,
                  gsize       *size,
                  GError     **error)
{
  guint n_pieces = 100;
  guint piece_bytes = 96000;

  for (;;)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      GRand *rand = g_rand_new_with_seed (16);
      g_autofree guint *offsets = NULL;
      guint reference = 0;

      begin_pack (b, "benchmark-large", "A large pack for measuring");
      for (guint p = 0; p < n_pieces; p++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
          g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autofree char *id = g_strdup_printf ("piece-%u", p);
          guint paragraph_start = 0;

          begin_piece (b, id, "A generated piece");
          json_builder_set_member_name (b, "paragraphs");
          json_builder_begin_array (b);
          while (text->len < piece_bytes)
            {
              guint n = (guint) g_rand_int_range (rand, 3, 8);

              if (text->len > 0)
                g_string_append_c (text, '\n');
              paragraph_start = (guint) text->len;
              for (guint s = 0; s < n; s++)
                {
                  guint end;

                  if (s > 0)
                    g_string_append_c (text, ' ');
                  append_sentence (text, spans, rand, 8, 22);
                  g_string_truncate (text, text->len - 1);
                  end = (guint) text->len;
                  g_array_append_val (ends, end);
                  g_string_append_printf (text, " (ref. %u).", reference++);
                }
              json_builder_add_string_value (b, text->str + paragraph_start);
            }
          json_builder_end_array (b);

          /* 400 annotations: a third by position, a third by the last word
           * of a sentence with its reference as suffix, a third by that
           * word with its prefix and its position too. */
          json_builder_set_member_name (b, "annotations");
          json_builder_begin_array (b);
          g_free (offsets);
          offsets = char_offsets (text->str, text->len);
          for (guint a = 0; a < 400; a++)
            {
              guint s = (guint) ((guint64) a * ends->len / 400);
              guint end = g_array_index (ends, guint, s);
              guint start = end;
              g_autofree char *exact = NULL;

              while (start > 0 && text->str[start - 1] != ' ')
                start--;
              exact = g_strndup (text->str + start, end - start);

              begin_annotation (b, FW_ANNOTATION_LOADED_TERM);
              switch (a % 3)
                {
                case 0:
                  add_int (b, "start", offsets[start]);
                  add_int (b, "end", offsets[end]);
                  break;

                case 1:
                  {
                    const char *ref = text->str + end;
                    const char *close = strchr (ref, ')');
                    g_autofree char *suffix = g_strndup (ref, (gsize) (close - ref + 1));

                    add_string (b, "exact", exact);
                    add_string (b, "suffix", suffix);
                  }
                  break;

                default:
                  {
                    guint from = start >= 24 ? start - 24 : 0;
                    g_autofree char *prefix = NULL;

                    while (((guchar) text->str[from] & 0xC0) == 0x80)
                      from++;
                    prefix = g_strndup (text->str + from, start - from);
                    add_string (b, "exact", exact);
                    add_string (b, "prefix", prefix);
                    add_int (b, "start", offsets[start]);
                    add_int (b, "end", offsets[end]);
                  }
                  break;
                }
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_rand_free (rand);

      if (!write_builder (b, path, size, error))
        return FALSE;
      if (*size <= FW_MAX_PACK_SIZE)
        return TRUE;

      /* Over the limit: a little less text per piece. */
      piece_bytes -= piece_bytes / 40;
    }
}

/* ------------------------------------------------------------------ */
/* Children                                                            */

static gint64 child_t0;
static gint64 child_first_frame;
static gboolean child_floor;
static GtkApplication *child_app;

static gsize
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? (gsize) g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static gboolean
settled_cb (gpointer user_data)
{
  GtkWindow *window = user_data;
  GtkWidget *page = fw_test_find_descendant (GTK_WIDGET (window), FW_TYPE_READER_PAGE);

  if (page != NULL && fw_reader_page_get_busy (FW_READER_PAGE (page)))
    return G_SOURCE_CONTINUE;
  if (g_get_monotonic_time () - child_first_frame < SETTLE_MS * 1000)
    return G_SOURCE_CONTINUE;

  g_print ("first_frame_us=%" G_GINT64_FORMAT "\n", child_first_frame - child_t0);
  g_print ("peak_rss_kb=%" G_GSIZE_FORMAT "\n", peak_rss_kb ());
  g_application_quit (G_APPLICATION (child_app));
  return G_SOURCE_REMOVE;
}

static void
start_after_paint_cb (GdkFrameClock *clock,
                      GtkWindow     *window)
{
  GtkWidget *page;

  if (child_first_frame != 0)
    return;

  /* Framewise's first frame counts once it shows the reading page with a
   * piece. */
  if (!child_floor)
    {
      page = fw_test_find_descendant (GTK_WIDGET (window), FW_TYPE_READER_PAGE);
      if (page == NULL || !gtk_widget_get_mapped (page)
          || fw_reader_page_get_piece (FW_READER_PAGE (page)) == NULL)
        return;
    }

  child_first_frame = g_get_monotonic_time ();
  if (g_getenv ("FW_BENCHMARK_QUIT_AT_FIRST_FRAME") != NULL)
    {
      g_print ("first_frame_us=%" G_GINT64_FORMAT "\n", child_first_frame - child_t0);
      exit (0);
    }
  g_timeout_add (20, settled_cb, window);
}

static void
start_realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (start_after_paint_cb), window, 0);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (start_realize_cb), NULL);
}

static void
floor_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Framewise", "Floor"));
  gtk_box_append (GTK_BOX (box), header);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* From process start to the first frame, as main.c starts Framewise. */
static int
child_start (gboolean floor)
{
  char *argv[] = { (char *) "framewise", NULL };
  int status;

  child_floor = floor;
  setlocale (LC_ALL, "");
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (floor)
    {
      /* The same flags as Framewise, so that both register alike. */
      child_app = GTK_APPLICATION (adw_application_new ("io.github.framewise.BenchmarkFloor",
                                                        G_APPLICATION_HANDLES_OPEN));
      g_signal_connect (child_app, "activate", G_CALLBACK (floor_activate_cb), NULL);
    }
  else
    {
      child_app = GTK_APPLICATION (fw_application_new ());
    }
  g_signal_connect (child_app, "window-added", G_CALLBACK (window_added_cb), NULL);

  status = g_application_run (G_APPLICATION (child_app), 1, argv);
  g_object_unref (child_app);
  return status;
}

typedef struct
{
  GArray *ticks;
  gint64 t0;
  gint64 first_frame;
  FwReaderPage *page;
  FwPiece *piece;
} BigRun;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BigRun *run = user_data;
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (run->ticks, now);
  return G_SOURCE_CONTINUE;
}

static void
big_after_paint_cb (GdkFrameClock *clock,
                    BigRun        *run)
{
  if (run->first_frame == 0 && run->t0 != 0
      && fw_reader_page_get_piece (run->page) == run->piece)
    run->first_frame = g_get_monotonic_time ();
}

static gint64
longest_interval (GArray *ticks,
                  gint64  from,
                  gint64  to)
{
  gint64 longest = 0;

  for (guint i = 1; i < ticks->len; i++)
    {
      gint64 a = g_array_index (ticks, gint64, i - 1);
      gint64 b = g_array_index (ticks, gint64, i);

      if (a >= from && b <= to)
        longest = MAX (longest, b - a);
    }

  return longest;
}

/* Opens the generated 1 MB piece in a window already showing the bundled
 * pack. */
static int
child_big_piece (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  BigRun run = { ticks, 0, 0, NULL, NULL };
  FwWindow *window;
  GPtrArray *highlights;
  gint64 done, end;
  guint n_pack = 0, n_automatic = 0;

  gtk_init ();
  adw_init ();

  pack = fw_pack_load_file (file, NULL, NULL, &error);
  if (pack == NULL)
    {
      g_printerr ("The generated pack does not load: %s\n", error->message);
      return 1;
    }
  run.piece = fw_pack_get_piece (pack, 0);

  window = g_object_new (FW_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  run.page = FW_READER_PAGE (fw_test_find_descendant (GTK_WIDGET (window), FW_TYPE_READER_PAGE));
  while (fw_reader_page_get_busy (run.page))
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (big_after_paint_cb), &run);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &run, NULL);
  while (ticks->len < 10)
    g_main_context_iteration (NULL, TRUE);

  run.t0 = g_get_monotonic_time ();
  fw_window_set_pack (window, pack);
  while (run.first_frame == 0 || fw_reader_page_get_busy (run.page))
    g_main_context_iteration (NULL, TRUE);
  done = g_get_monotonic_time ();

  /* A second more: GTK goes on laying out the rest of the text in the
   * background. */
  while (g_get_monotonic_time () < done + G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();

  highlights = fw_reader_page_get_highlights (run.page);
  for (guint i = 0; i < highlights->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (highlights, i);

      if (a->kind == FW_ANNOTATION_FRAME_CUE)
        continue;
      if (a->source == FW_SOURCE_PACK)
        n_pack++;
      else
        n_automatic++;
    }

  g_print ("first_frame_us=%" G_GINT64_FORMAT "\n", run.first_frame - run.t0);
  g_print ("applied_us=%" G_GINT64_FORMAT "\n", done - run.t0);
  g_print ("stall_us=%" G_GINT64_FORMAT "\n", longest_interval (ticks, run.first_frame, done));
  g_print ("stall_after_us=%" G_GINT64_FORMAT "\n", longest_interval (ticks, done, end));
  g_print ("highlights_pack=%u\nhighlights_automatic=%u\n", n_pack, n_automatic);
  g_print ("piece_chars=%u\n", fw_piece_get_length (run.piece));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
child_load_pack (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(FwPack) pack = NULL;
  gint64 t0 = g_get_monotonic_time ();
  guint n_annotations = 0;

  pack = fw_pack_load_file (file, NULL, &diagnostics, &error);
  if (pack == NULL)
    {
      g_printerr ("The generated pack does not load: %s\n", error->message);
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len && i < 5; i++)
        g_printerr ("  %s: %s\n", ((FwDiagnostic *) g_ptr_array_index (diagnostics, i))->path,
                    ((FwDiagnostic *) g_ptr_array_index (diagnostics, i))->message);
      return 1;
    }
  g_print ("load_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time () - t0);
  for (guint i = 0; i < fw_pack_get_n_pieces (pack); i++)
    n_annotations += fw_piece_get_annotations (fw_pack_get_piece (pack, i))->len;
  g_print ("pieces=%u\nannotations=%u\n", fw_pack_get_n_pieces (pack), n_annotations);
  return 0;
}

/* ------------------------------------------------------------------ */
/* The driver                                                          */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_array_sort (sorted, compare_doubles);
  if (n == 0)
    return 0.0;
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
minimum (GArray *values)
{
  double m = G_MAXDOUBLE;

  for (guint i = 0; i < values->len; i++)
    m = MIN (m, g_array_index (values, double, i));
  return values->len > 0 ? m : 0.0;
}

static double
maximum (GArray *values)
{
  double m = 0.0;

  for (guint i = 0; i < values->len; i++)
    m = MAX (m, g_array_index (values, double, i));
  return m;
}

/* Runs this program as a child with @args and returns the key=value lines
 * it printed. The child gets the time just before it was started. */
static GHashTable *
run_child (const char  *self_path,
           const char  *mode,
           const char  *arg,
           GError     **error)
{
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  const char *argv[] = { self_path, "--child", mode, t0, arg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *values;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s", mode, err);
      return NULL;
    }

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');

      if (eq != NULL)
        g_hash_table_insert (values, g_strndup (lines[i], (gsize) (eq - lines[i])),
                             g_strdup (eq + 1));
    }

  return values;
}

static double
value_of (GHashTable *values,
          const char *key,
          double      scale)
{
  const char *text = g_hash_table_lookup (values, key);

  if (text == NULL)
    g_error ("a child did not report %s", key);
  return g_ascii_strtod (text, NULL) * scale;
}

static void
add (GArray *series,
     double  value)
{
  g_array_append_val (series, value);
}

static void
print_row (const char *name,
           GArray     *values,
           const char *unit)
{
  g_print ("%-58s %9.1f %9.1f %9.1f  %s\n", name, median (values), minimum (values),
           maximum (values), unit);
}

static gboolean
check (const char *what,
       double      value,
       double      target,
       const char *unit)
{
  gboolean ok = value <= target;

  g_print ("%-58s %9.2f  target <= %g %s  %s\n", what, value, target, unit,
           ok ? "ok" : "MISSED");
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *big_path = NULL;
  g_autofree char *large_path = NULL;
  g_autoptr(GArray) start_app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) start_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss_app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_applied = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pack_load = g_array_new (FALSE, FALSE, sizeof (double));
  const char *runs_env = g_getenv ("FW_BENCHMARK_RUNS");
  guint runs = runs_env != NULL ? (guint) CLAMP (atoi (runs_env), 1, 100) : 7;
  double highlights = 0, automatic = 0, piece_chars = 0, annotations = 0;
  gsize large_size = 0;
  gboolean ok = TRUE;

  if (argc >= 4 && g_str_equal (argv[1], "--child"))
    {
      child_t0 = g_ascii_strtoll (argv[3], NULL, 10);
      if (g_str_equal (argv[2], "start-app"))
        return child_start (FALSE);
      if (g_str_equal (argv[2], "start-floor"))
        return child_start (TRUE);
      if (g_str_equal (argv[2], "big-piece") && argc >= 5)
        return child_big_piece (argv[4]);
      if (g_str_equal (argv[2], "load-pack") && argc >= 5)
        return child_load_pack (argv[4]);
      g_printerr ("Unknown child mode %s\n", argv[2]);
      return 2;
    }

  /* The generated packs, for looking at them or profiling the loader. */
  if (argc == 3 && g_str_equal (argv[1], "--write-packs"))
    {
      g_autofree char *big = g_build_filename (argv[2], "big-piece.fwpack", NULL);
      g_autofree char *large = g_build_filename (argv[2], "large.fwpack", NULL);

      if (!write_big_piece_pack (big, &error) || !write_large_pack (large, &large_size, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("%s\n%s\n", big, large);
      return 0;
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("No display: run the benchmark under one, e.g. with xvfb-run (see README.md).\n");
      return 77;
    }
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (g_getenv ("GSETTINGS_BACKEND") == NULL)
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  dir = g_dir_make_tmp ("framewise-benchmark-XXXXXX", &error);
  g_assert_no_error (error);
  big_path = g_build_filename (dir, "big-piece.fwpack", NULL);
  large_path = g_build_filename (dir, "large.fwpack", NULL);
  if (!write_big_piece_pack (big_path, &error)
      || !write_large_pack (large_path, &large_size, &error))
    g_error ("Cannot write the generated packs: %s", error->message);

  g_print ("Framewise benchmark: %u runs each, renderer GSK_RENDERER=%s, display %s\n\n", runs,
           g_getenv ("GSK_RENDERER"),
           g_getenv ("WAYLAND_DISPLAY") != NULL ? g_getenv ("WAYLAND_DISPLAY")
                                               : g_getenv ("DISPLAY"));

  for (guint i = 0; i < runs; i++)
    {
      /* Floor and Framewise take turns, so that drift hits both alike. */
      g_autoptr(GHashTable) floor = run_child (argv[0], "start-floor", NULL, &error);
      g_autoptr(GHashTable) app = NULL;

      if (floor == NULL)
        g_error ("%s", error->message);
      app = run_child (argv[0], "start-app", NULL, &error);
      if (app == NULL)
        g_error ("%s", error->message);

      add (start_floor, value_of (floor, "first_frame_us", 1e-3));
      add (rss_floor, value_of (floor, "peak_rss_kb", 1.0 / 1024));
      add (start_app, value_of (app, "first_frame_us", 1e-3));
      add (rss_app, value_of (app, "peak_rss_kb", 1.0 / 1024));
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GHashTable) big = run_child (argv[0], "big-piece", big_path, &error);

      if (big == NULL)
        g_error ("%s", error->message);
      add (big_first, value_of (big, "first_frame_us", 1e-3));
      add (big_stall, value_of (big, "stall_us", 1e-3));
      add (big_applied, value_of (big, "applied_us", 1e-3));
      add (big_after, value_of (big, "stall_after_us", 1e-3));
      highlights = value_of (big, "highlights_pack", 1.0);
      automatic = value_of (big, "highlights_automatic", 1.0);
      piece_chars = value_of (big, "piece_chars", 1.0);
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GHashTable) load = run_child (argv[0], "load-pack", large_path, &error);

      if (load == NULL)
        g_error ("%s", error->message);
      add (pack_load, value_of (load, "load_us", 1e-3));
      annotations = value_of (load, "annotations", 1.0);
    }

  g_print ("%-58s %9s %9s %9s\n", "measure", "median", "min", "max");
  print_row ("first frame, reading page with the bundled pack", start_app, "ms");
  print_row ("first frame, floor (AdwApplicationWindow + header bar)", start_floor, "ms");
  print_row ("peak RSS, bundled pack open", rss_app, "MiB");
  print_row ("peak RSS, floor", rss_floor, "MiB");
  {
    g_autofree char *what = g_strdup_printf ("1 MB piece (%.0f chars, %.0f + %.0f highlights): "
                                             "first frame", piece_chars, highlights, automatic);

    print_row (what, big_first, "ms");
  }
  print_row ("  longest stall while highlights are applied", big_stall, "ms");
  print_row ("  all highlights applied", big_applied, "ms");
  print_row ("  longest stall in the second after", big_after, "ms");
  {
    g_autofree char *what = g_strdup_printf ("%.1f MiB pack (%.0f annotations): load and validate",
                                             large_size / 1048576.0, annotations);

    print_row (what, pack_load, "ms");
  }

  g_print ("\n");
  ok &= check ("first frame / floor (medians)", median (start_app) / median (start_floor),
               TARGET_START_RATIO, "x");
  ok &= check ("peak RSS - floor (medians)", median (rss_app) - median (rss_floor),
               TARGET_RSS_EXTRA_MB, "MiB");
  ok &= check ("1 MB piece, first frame (median)", median (big_first),
               TARGET_BIG_FIRST_FRAME_MS, "ms");
  ok &= check ("1 MB piece, longest stall (median)", median (big_stall), TARGET_STALL_MS, "ms");
  ok &= check ("16 MiB pack, load and validate (median)", median (pack_load),
               TARGET_PACK_LOAD_MS, "ms");

  g_unlink (big_path);
  g_unlink (large_path);
  g_rmdir (dir);

  return ok ? 0 : 1;
}
