/* test-bundled-pack.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pack every student sees first: it must load without a single
 * warning, every annotation must land on exactly the words it quotes, the
 * bylines must say what the sources say, and each exercise must have the
 * steps its lesson plan needs. */

#include "config.h"

#include <string.h>

#include "fw-bundled-pack.h"
#include "fw-pack-loader.h"
#include "fw-selector.h"


static GBytes *
bundled_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = fw_pack_loader_read_bundled (&error);

  g_assert_no_error (error);
  return bytes;
}

static FwPack *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  FwPack *pack = fw_pack_load_bundled (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static void
test_bundled_loads_cleanly (void)
{
  g_autoptr(GBytes) bytes = bundled_bytes ();
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = NULL;

  pack = fw_pack_load_bytes (bytes, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = fw_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", line);
    }
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (fw_diagnostics_count (diagnostics, FW_SEVERITY_WARNING), ==, 0);

  g_assert_cmpstr (fw_pack_get_id (pack), ==, "karabakh-poland");
  g_assert_cmpstr (fw_pack_get_language (pack), ==, "en");
  g_assert_cmpuint (fw_pack_get_n_pieces (pack), ==, 4);
  g_assert_cmpuint (fw_pack_get_n_exercises (pack), ==, 4);
  g_assert_nonnull (fw_pack_find_frame (pack, "sovereignty"));
  g_assert_nonnull (fw_pack_find_frame (pack, "humanitarian"));

  g_assert_finalize_object (g_steal_pointer (&pack));
}

static void
test_bundled_matches_source (void)
{
  g_autoptr(GBytes) bytes = bundled_bytes ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  /* The resource is compiled from data/packs; a stale build would show an
   * older pack than the one in the repository. */
  path = g_build_filename (g_getenv ("FW_SOURCE_ROOT"), "data", "packs", "karabakh-poland.fwpack",
                           NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every annotation of the JSON resolves, on its own, to a span whose text
 * is its quote, and the loaded piece carries an annotation of that kind
 * on that span. */
static void
test_bundled_annotations_match_quotes (void)
{
  g_autoptr(GBytes) bytes = bundled_bytes ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = load_bundled ();
  JsonArray *pieces;
  guint n_checked = 0;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  pieces = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "pieces");
  g_assert_cmpuint (json_array_get_length (pieces), ==, fw_pack_get_n_pieces (pack));

  for (guint i = 0; i < json_array_get_length (pieces); i++)
    {
      JsonObject *json_piece = json_array_get_object_element (pieces, i);
      JsonArray *json_annotations = json_object_get_array_member (json_piece, "annotations");
      FwPiece *piece = fw_pack_get_piece (pack, i);
      GPtrArray *annotations = fw_piece_get_annotations (piece);

      g_assert_cmpstr (fw_piece_get_id (piece), ==,
                       json_object_get_string_member (json_piece, "id"));
      g_assert_cmpuint (annotations->len, ==, json_array_get_length (json_annotations));
      g_assert_cmpuint (annotations->len, >, 30);

      for (guint j = 0; j < json_array_get_length (json_annotations); j++)
        {
          JsonObject *a = json_array_get_object_element (json_annotations, j);
          const char *exact = json_object_get_string_member_with_default (a, "exact", NULL);
          FwAnnotationKind kind;
          g_autofree char *span = NULL;
          gboolean found = FALSE;
          guint start, end;

          /* The bundled pack quotes every span, so that a reader of the
           * JSON can see what each note is about. */
          g_assert_nonnull (exact);
          g_assert_true (fw_selector_resolve (
            fw_piece_get_text (piece), fw_piece_get_length (piece),
            fw_piece_get_utf8_index (piece), exact,
            json_object_get_string_member_with_default (a, "prefix", NULL),
            json_object_get_string_member_with_default (a, "suffix", NULL),
            json_object_get_int_member_with_default (a, "start", -1),
            json_object_get_int_member_with_default (a, "end", -1), &start, &end, &error));
          g_assert_no_error (error);

          span = fw_piece_dup_span_text (piece, start, end);
          g_assert_cmpstr (span, ==, exact);

          g_assert_true (fw_annotation_kind_from_nick (json_object_get_string_member (a, "kind"),
                                                       &kind));
          for (guint k = 0; k < annotations->len && !found; k++)
            {
              const FwAnnotation *loaded = g_ptr_array_index (annotations, k);

              found = loaded->start == start && loaded->end == end && loaded->kind == kind
                      && g_strcmp0 (loaded->note, json_object_get_string_member (a, "note")) == 0;
            }
          g_assert_true (found);
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, ==, 194);
}

static void
test_bundled_annotations_within_text (void)
{
  g_autoptr(FwPack) pack = load_bundled ();

  for (guint i = 0; i < fw_pack_get_n_pieces (pack); i++)
    {
      FwPiece *piece = fw_pack_get_piece (pack, i);
      GPtrArray *annotations = fw_piece_get_annotations (piece);
      guint counts[FW_N_ANNOTATION_KINDS] = { 0 };

      for (guint j = 0; j < annotations->len; j++)
        {
          const FwAnnotation *a = g_ptr_array_index (annotations, j);

          g_assert_cmpuint (a->start, <, a->end);
          g_assert_cmpuint (a->end, <=, fw_piece_get_length (piece));
          g_assert_cmpstr (a->note, !=, "");
          if (j > 0)
            g_assert_cmpint (fw_annotation_compare (g_ptr_array_index (annotations, j - 1), a),
                             <=, 0);
          if (a->frame != NULL)
            g_assert_nonnull (fw_pack_find_frame (pack, a->frame));
          counts[a->kind]++;
        }

      /* Each piece teaches loaded language and unsupported assertions. */
      g_assert_cmpuint (counts[FW_ANNOTATION_LOADED_TERM], >=, 20);
      g_assert_cmpuint (counts[FW_ANNOTATION_UNSUPPORTED_ASSERTION], >=, 5);
    }
}

static void
assert_unnamed_author (FwPiece *piece)
{
  GPtrArray *contributors = fw_piece_get_contributors (piece);
  const FwContributor *c;

  g_assert_cmpuint (contributors->len, ==, 1);
  c = g_ptr_array_index (contributors, 0);
  g_assert_cmpint (c->role, ==, FW_ROLE_AUTHOR);
  g_assert_cmpint (c->confidence, ==, FW_CONFIDENCE_NOT_STATED);
  g_assert_null (c->name);
  g_assert_null (c->affiliation);
  /* A missing byline is explained, never left blank. */
  g_assert_nonnull (c->note);
  g_assert_null (fw_piece_dup_author_names (piece));
}

static void
assert_outlet (FwPiece      *piece,
               const char   *name,
               const char   *kind,
               FwConfidence  confidence)
{
  const FwOutlet *outlet = fw_piece_get_outlet (piece);

  g_assert_nonnull (outlet);
  g_assert_cmpstr (outlet->name, ==, name);
  g_assert_cmpstr (outlet->kind, ==, kind);
  g_assert_cmpint (outlet->confidence, ==, confidence);
  g_assert_nonnull (outlet->description);
}

static void
test_bundled_bylines (void)
{
  g_autoptr(FwPack) pack = load_bundled ();
  g_autofree char *names = NULL;
  GPtrArray *contributors;
  const FwContributor *c;
  FwPiece *piece;

  piece = fw_pack_get_piece (pack, 0);
  g_assert_cmpstr (fw_piece_get_id (piece), ==, "anti-terror-operation");
  assert_unnamed_author (piece);
  assert_outlet (piece, "links-newsandtimes.com", "re-posting site", FW_CONFIDENCE_UNCONFIRMED);
  g_assert_cmpstr (fw_piece_get_published (piece), ==, "2023-09-21");
  g_assert_cmpint (fw_piece_get_published_confidence (piece), ==, FW_CONFIDENCE_UNCONFIRMED);
  g_assert_cmpstr (fw_piece_get_image_credit (piece), ==,
                   "Image source: Azerbaijan Ministry of Defence");

  piece = fw_pack_get_piece (pack, 1);
  g_assert_cmpstr (fw_piece_get_id (piece), ==, "poland-refugees");
  assert_unnamed_author (piece);
  assert_outlet (piece, "Modern Diplomacy", "online opinion magazine", FW_CONFIDENCE_CONFIRMED);
  g_assert_cmpstr (fw_piece_get_published (piece), ==, "2023-09-17");
  g_assert_cmpint (fw_piece_get_published_confidence (piece), ==, FW_CONFIDENCE_CONFIRMED);
  g_assert_cmpstr (fw_piece_get_image_credit (piece), ==, "photo: © UNICEF/Vincent Tremeau");

  piece = fw_pack_get_piece (pack, 2);
  g_assert_cmpstr (fw_piece_get_id (piece), ==, "sham-elections");
  assert_unnamed_author (piece);
  assert_outlet (piece, "AIR Center (Center of Analysis of International Relations, Baku)",
                 "state-founded think tank", FW_CONFIDENCE_UNCONFIRMED);
  g_assert_cmpstr (fw_piece_get_published (piece), ==, "2023-09-18");
  g_assert_cmpstr (fw_piece_get_image_credit (piece), ==, "Image source: azernews");

  /* The one piece with named authors, both confirmed, with affiliations
   * whose 2023 roles are not. */
  piece = fw_pack_get_piece (pack, 3);
  g_assert_cmpstr (fw_piece_get_id (piece), ==, "siege-lessons-syria");
  contributors = fw_piece_get_contributors (piece);
  g_assert_cmpuint (contributors->len, ==, 2);
  c = g_ptr_array_index (contributors, 0);
  g_assert_cmpstr (c->name, ==, "David Akopyan");
  g_assert_cmpint (c->role, ==, FW_ROLE_AUTHOR);
  g_assert_cmpint (c->confidence, ==, FW_CONFIDENCE_CONFIRMED);
  g_assert_nonnull (c->affiliation);
  g_assert_nonnull (c->source);
  c = g_ptr_array_index (contributors, 1);
  g_assert_cmpstr (c->name, ==, "Hrair Balian");
  g_assert_cmpint (c->role, ==, FW_ROLE_AUTHOR);
  g_assert_cmpint (c->confidence, ==, FW_CONFIDENCE_CONFIRMED);
  g_assert_nonnull (c->affiliation);
  names = fw_piece_dup_author_names (piece);
  g_assert_cmpstr (names, ==, "David Akopyan, Hrair Balian");
  assert_outlet (piece, "CivilNet", "online news outlet", FW_CONFIDENCE_CONFIRMED);
  g_assert_cmpstr (fw_piece_get_published (piece), ==, "2023-09");
  /* No image credit came with it, and that is shown as not stated. */
  g_assert_null (fw_piece_get_image_credit (piece));
  g_assert_cmpint (fw_piece_get_image_credit_confidence (piece), ==, FW_CONFIDENCE_NOT_STATED);
  g_assert_nonnull (fw_piece_get_image_credit_note (piece));

  for (guint i = 0; i < fw_pack_get_n_pieces (pack); i++)
    g_assert_nonnull (fw_piece_get_perspective_note (fw_pack_get_piece (pack, i)));
}

static void
assert_step_kinds (FwExercise       *exercise,
                   const FwStepKind *kinds,
                   guint             n_kinds)
{
  g_assert_nonnull (exercise);
  g_assert_cmpuint (fw_exercise_get_n_steps (exercise), ==, n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    g_assert_cmpint (fw_exercise_get_step (exercise, i)->kind, ==, kinds[i]);
}

static void
assert_step_sound (FwPack               *pack,
                   const FwExerciseStep *step)
{
  guint n_correct = 0;

  g_assert_nonnull (step->title);
  switch (step->kind)
    {
    case FW_STEP_READ:
      g_assert_nonnull (step->pieces[0]);
      for (guint i = 0; step->pieces[i] != NULL; i++)
        g_assert_nonnull (fw_pack_find_piece (pack, step->pieces[i]));
      break;

    case FW_STEP_CHOICE:
      g_assert_nonnull (step->question);
      g_assert_cmpuint (step->options->len, >=, 2);
      for (guint i = 0; i < step->options->len; i++)
        {
          const FwChoiceOption *option = g_ptr_array_index (step->options, i);

          n_correct += option->correct ? 1 : 0;
          /* Every option tells the student why it is right or wrong. */
          g_assert_nonnull (option->feedback);
        }
      g_assert_cmpuint (n_correct, >=, 1);
      if (!step->multiple)
        g_assert_cmpuint (n_correct, ==, 1);
      break;

    case FW_STEP_FIND_SPANS:
      {
        FwPiece *piece = fw_pack_find_piece (pack, step->piece);
        GPtrArray *annotations;
        guint n_key = 0;

        g_assert_nonnull (piece);
        g_assert_cmpuint (step->key_kinds, !=, 0);
        annotations = fw_piece_get_annotations (piece);
        for (guint i = 0; i < annotations->len; i++)
          if (step->key_kinds & (1u << ((FwAnnotation *) g_ptr_array_index (annotations, i))->kind))
            n_key++;
        g_assert_cmpuint (n_key, >=, 10);
        g_assert_cmpfloat (step->pass_f1, >, 0.0);
        g_assert_cmpfloat (step->pass_f1, <=, 1.0);
      }
      break;

    case FW_STEP_CLASSIFY_SENTENCES:
      g_assert_cmpuint (step->categories->len, >=, 2);
      g_assert_cmpuint (step->sentences->len, >=, 6);
      for (guint i = 0; i < step->sentences->len; i++)
        {
          const FwStepSentence *s = g_ptr_array_index (step->sentences, i);
          FwPiece *piece = fw_pack_find_piece (pack, s->piece);
          g_autofree char *span = NULL;

          g_assert_nonnull (piece);
          span = fw_piece_dup_span_text (piece, s->start, s->end);
          g_assert_cmpstr (span, ==, s->text);
        }
      break;

    case FW_STEP_COMPARE_FRAMES:
      g_assert_cmpuint (g_strv_length (step->pieces), ==, 2);
      g_assert_cmpuint (g_strv_length (step->frames), ==, 2);
      for (guint i = 0; step->frames[i] != NULL; i++)
        g_assert_nonnull (fw_pack_find_frame (pack, step->frames[i]));
      break;

    case FW_STEP_REFLECT:
      g_assert_nonnull (step->prompt);
      g_assert_cmpuint (step->min_words, >=, 50);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_bundled_exercises (void)
{
  static const FwStepKind spot[] = { FW_STEP_READ, FW_STEP_FIND_SPANS, FW_STEP_REFLECT };
  static const FwStepKind sovereignty[] = {
    FW_STEP_READ, FW_STEP_CHOICE, FW_STEP_CLASSIFY_SENTENCES, FW_STEP_COMPARE_FRAMES,
    FW_STEP_REFLECT
  };
  static const FwStepKind two_framings[] = {
    FW_STEP_READ, FW_STEP_CHOICE, FW_STEP_CHOICE, FW_STEP_CLASSIFY_SENTENCES,
    FW_STEP_COMPARE_FRAMES, FW_STEP_REFLECT
  };
  static const FwStepKind speaking[] = {
    FW_STEP_CHOICE, FW_STEP_CHOICE, FW_STEP_CHOICE, FW_STEP_CHOICE, FW_STEP_CHOICE,
    FW_STEP_CHOICE, FW_STEP_REFLECT
  };
  g_autoptr(FwPack) pack = load_bundled ();
  const FwExerciseStep *step;

  assert_step_kinds (fw_pack_find_exercise (pack, "spot-loaded-terms"), spot, G_N_ELEMENTS (spot));
  assert_step_kinds (fw_pack_find_exercise (pack, "sovereignty-or-humanitarian"), sovereignty,
                     G_N_ELEMENTS (sovereignty));
  assert_step_kinds (fw_pack_find_exercise (pack, "one-conflict-two-framings"), two_framings,
                     G_N_ELEMENTS (two_framings));
  assert_step_kinds (fw_pack_find_exercise (pack, "who-is-speaking"), speaking,
                     G_N_ELEMENTS (speaking));

  /* The lesson's comparisons: Karabakh against Poland, and the two sides
   * of Karabakh, each on sovereignty against humanitarian duty. */
  step = fw_exercise_get_step (fw_pack_find_exercise (pack, "sovereignty-or-humanitarian"), 3);
  g_assert_cmpstr (step->pieces[0], ==, "anti-terror-operation");
  g_assert_cmpstr (step->pieces[1], ==, "poland-refugees");
  step = fw_exercise_get_step (fw_pack_find_exercise (pack, "one-conflict-two-framings"), 4);
  g_assert_cmpstr (step->pieces[0], ==, "anti-terror-operation");
  g_assert_cmpstr (step->pieces[1], ==, "siege-lessons-syria");
  step = fw_exercise_get_step (fw_pack_find_exercise (pack, "spot-loaded-terms"), 1);
  g_assert_cmpstr (step->piece, ==, "sham-elections");
  g_assert_cmpuint (step->key_kinds, ==, 1u << FW_ANNOTATION_LOADED_TERM);

  for (guint i = 0; i < fw_pack_get_n_exercises (pack); i++)
    {
      FwExercise *exercise = fw_pack_get_exercise (pack, i);

      for (guint j = 0; j < fw_exercise_get_n_steps (exercise); j++)
        assert_step_sound (pack, fw_exercise_get_step (exercise, j));
    }
}

typedef struct
{
  FwPack *pack;
  GBytes *bytes;
} Taken;

static gpointer
take_in_thread (gpointer data)
{
  Taken *taken = data;
  g_autoptr(GError) error = NULL;

  taken->pack = fw_bundled_pack_load (&taken->bytes, &error);
  g_assert_no_error (error);
  return NULL;
}

/* The pack preloaded in a thread is the pack as read directly; each load
 * returns a pack of its own, with or without a preload waiting, and from
 * any thread. */
static void
test_bundled_preload (void)
{
  g_autoptr(GBytes) direct = bundled_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FwPack) first = NULL;
  g_autoptr(FwPack) second = NULL;
  Taken taken = { NULL, NULL };
  GThread *thread;

  g_assert_true (fw_bundled_pack_preload ());
  g_assert_false (fw_bundled_pack_preload ());
  first = fw_bundled_pack_load (&bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_bytes_equal (bytes, direct));
  g_assert_cmpuint (fw_pack_get_n_pieces (first), ==, 4);

  /* Nothing waits now: the next load reads the pack itself. */
  second = fw_bundled_pack_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_true (second != first);
  g_assert_cmpstr (fw_pack_get_id (second), ==, fw_pack_get_id (first));

  /* Preloaded here, taken in another thread. */
  g_assert_true (fw_bundled_pack_preload ());
  thread = g_thread_new ("take", take_in_thread, &taken);
  g_thread_join (thread);
  g_assert_nonnull (taken.pack);
  g_assert_true (g_bytes_equal (taken.bytes, direct));
  g_object_unref (taken.pack);
  g_bytes_unref (taken.bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundled-pack/loads-cleanly", test_bundled_loads_cleanly);
  g_test_add_func ("/bundled-pack/preload", test_bundled_preload);
  g_test_add_func ("/bundled-pack/matches-source", test_bundled_matches_source);
  g_test_add_func ("/bundled-pack/annotations/match-quotes", test_bundled_annotations_match_quotes);
  g_test_add_func ("/bundled-pack/annotations/within-text", test_bundled_annotations_within_text);
  g_test_add_func ("/bundled-pack/bylines", test_bundled_bylines);
  g_test_add_func ("/bundled-pack/exercises", test_bundled_exercises);

  return g_test_run ();
}
