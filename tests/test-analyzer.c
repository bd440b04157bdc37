/* test-analyzer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-analyzer.h"
#include "fw-pack-loader.h"

static const char *lexicon_json =
  "{\"format\":\"framewise-lexicon\",\"version\":1,\"id\":\"test\",\"language\":\"en\","
  "\"categories\":[{\"id\":\"delegitimising\",\"label\":\"Delegitimising qualifiers\"}],"
  "\"entries\":["
  "{\"term\":\"sham\",\"variants\":[\"shams\"],\"category\":\"delegitimising\","
  "\"explanation\":\"Sham calls the vote fake.\",\"neutral\":\"disputed\"},"
  "{\"term\":\"brutal\",\"category\":\"emotive\","
  "\"explanation\":\"Brutal tells you how to feel.\"},"
  "{\"term\":\"Artsakh\",\"kind\":\"contested-name\",\"category\":\"contested-name\","
  "\"explanation\":\"The Armenian name.\"}]}";

static FwLexicon *
lexicon_from (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  FwLexicon *lexicon = fw_lexicon_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return lexicon;
}

static FwAnalyzer *
custom_analyzer (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (lexicons, lexicon_from (lexicon_json));
  return fw_analyzer_new_custom ("en", lexicons, NULL, NULL);
}

static FwAnalysis *
analyze (FwAnalyzer      *analyzer,
         const char      *input,
         FwAnalysisFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new_plain (input, -1, &error);
  FwAnalysis *analysis;

  g_assert_no_error (error);
  analysis = fw_analyzer_analyze (analyzer, text, flags, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static void
test_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en-GB", &error);
  g_autoptr(FwAnalyzer) none = NULL;
  FwLexicon *lexicon;

  g_assert_no_error (error);
  g_assert_cmpstr (fw_analyzer_get_language (analyzer), ==, "en-GB");
  g_assert_cmpint (fw_analyzer_get_available (analyzer), ==, FW_ANALYSIS_ALL);
  g_assert_cmpuint (fw_analyzer_get_lexicons (analyzer)->len, ==, 1);
  lexicon = g_ptr_array_index (fw_analyzer_get_lexicons (analyzer), 0);
  g_assert_cmpuint (fw_lexicon_get_n_entries (lexicon), >=, 400);
  g_assert_cmpuint (fw_analyzer_count_terms (analyzer), >=, 400);
  g_assert_cmpuint (fw_analyzer_get_frames (analyzer)->len, ==, 6);

  none = fw_analyzer_new ("tlh", &error);
  g_assert_null (none);
  g_assert_error (error, FW_ANALYZER_ERROR, FW_ANALYZER_ERROR_UNSUPPORTED_LANGUAGE);
  g_assert_nonnull (strstr (error->message, "tlh"));
}

static void
test_lexicon_annotations (void)
{
  g_autoptr(FwAnalyzer) analyzer = custom_analyzer ();
  g_autoptr(FwAnalysis) analysis = analyze (analyzer, "Shams and a brutal war in Artsakh.",
                                            FW_ANALYSIS_ALL);
  GPtrArray *annotations = fw_analysis_get_annotations (analysis);
  const FwAnnotation *a;

  /* No cue words and no frames: only the lexicon stage runs. */
  g_assert_cmpint (fw_analysis_get_flags (analysis), ==, FW_ANALYSIS_LEXICON);
  g_assert_cmpuint (annotations->len, ==, 3);

  a = g_ptr_array_index (annotations, 0);
  g_assert_cmpint (a->kind, ==, FW_ANNOTATION_LOADED_TERM);
  g_assert_cmpint (a->source, ==, FW_SOURCE_LEXICON);
  g_assert_cmpuint (a->start, ==, 0);
  g_assert_cmpuint (a->end, ==, 5);
  g_assert_cmpstr (a->category, ==, "Delegitimising qualifiers");
  g_assert_cmpstr (a->note, ==, "Sham calls the vote fake.");
  g_assert_cmpstr (a->neutral, ==, "disputed");
  g_assert_cmpstr (fw_analysis_get_category_id (analysis, 0), ==, "delegitimising");

  a = g_ptr_array_index (annotations, 1);
  g_assert_cmpstr (a->category, ==, "emotive");
  g_assert_null (a->neutral);

  a = g_ptr_array_index (annotations, 2);
  g_assert_cmpint (a->kind, ==, FW_ANNOTATION_CONTESTED_NAME);
  g_assert_cmpuint (a->start, ==, 26);
}

static void
test_lexicon_precedence (void)
{
  const char *other =
    "{\"id\":\"pack\",\"language\":\"en\",\"entries\":[{\"term\":\"SHAM\",\"category\":"
    "\"pack-category\",\"explanation\":\"The pack's reason.\"}]}";
  g_autoptr(FwAnalyzer) analyzer = custom_analyzer ();
  g_autoptr(FwLexicon) pack_lexicon = lexicon_from (other);
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bundled (NULL, &error);
  g_autoptr(FwAnalyzer) for_pack = NULL;
  g_autoptr(FwAnalysis) pack_analysis = NULL;
  GPtrArray *annotations;
  const FwLexiconEntry *entry = NULL;

  /* Where two lexicons define a term, the earlier one wins. */
  fw_analyzer_add_lexicon (analyzer, pack_lexicon);
  analysis = analyze (analyzer, "a sham", FW_ANALYSIS_LEXICON);
  annotations = fw_analysis_get_annotations (analysis);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (((FwAnnotation *) annotations->pdata[0])->note, ==,
                   "Sham calls the vote fake.");

  /* A pack's lexicon wins over the built-in one. */
  g_assert_no_error (error);
  for_pack = fw_analyzer_new_for_pack (pack, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_analyzer_get_lexicons (for_pack)->len, ==, 2);
  for (guint i = 0; i < fw_lexicon_get_n_entries (fw_pack_get_lexicons (pack)->pdata[0]); i++)
    if (g_str_equal (fw_lexicon_get_entry (fw_pack_get_lexicons (pack)->pdata[0], i)->term,
                     "Stepanakert"))
      entry = fw_lexicon_get_entry (fw_pack_get_lexicons (pack)->pdata[0], i);
  g_assert_nonnull (entry);
  pack_analysis = analyze (for_pack, "Stepanakert", FW_ANALYSIS_LEXICON);
  annotations = fw_analysis_get_annotations (pack_analysis);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (((FwAnnotation *) annotations->pdata[0])->note, ==, entry->explanation);
}

static const char *intensifier_json =
  "{\"id\":\"amp\",\"language\":\"en\",\"intensifiers\":[\"utterly\",\"so\",\"All too\"],"
  "\"entries\":["
  "{\"term\":\"brutal\",\"category\":\"emotive\",\"explanation\":\"Brutal tells you how to feel.\"},"
  "{\"term\":\"utterly\",\"category\":\"booster\",\"explanation\":\"Utterly insists.\"},"
  "{\"term\":\"Artsakh\",\"kind\":\"contested-name\",\"category\":\"contested-name\","
  "\"explanation\":\"The Armenian name.\"}]}";

static const FwAnnotation *
annotation_at (GPtrArray *annotations,
               guint      index)
{
  g_assert_cmpuint (index, <, annotations->len);
  return g_ptr_array_index (annotations, index);
}

static void
test_intensifiers (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autoptr(FwLexicon) plain = lexicon_from (lexicon_json);
  GPtrArray *annotations;
  const FwAnnotation *a;
  const char * const *intensifiers;

  g_ptr_array_add (lexicons, lexicon_from (intensifier_json));
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);

  intensifiers = fw_lexicon_get_intensifiers (g_ptr_array_index (lexicons, 0));
  g_assert_cmpuint (g_strv_length ((char **) intensifiers), ==, 3);
  g_assert_cmpstr (intensifiers[2], ==, "All too");
  g_assert_cmpuint (g_strv_length ((char **) fw_lexicon_get_intensifiers (plain)), ==, 0);

  /* Intensifiers are not terms: three entries, three patterns. */
  g_assert_cmpuint (fw_analyzer_count_terms (analyzer), ==, 3);

  analysis = analyze (analyzer,
                      "An utterly brutal war, SO  brutal; so, brutal. So utterly brutal! All too\n"
                      "brutal. Utterly wrong. So Artsakh. So\n\nbrutal.",
                      FW_ANALYSIS_LEXICON);
  annotations = fw_analysis_get_annotations (analysis);

  /* The booster "utterly" is taken into the term's highlight, not kept
   * beside it. */
  a = annotation_at (annotations, 0);
  g_assert_cmpuint (a->start, ==, 3);
  g_assert_cmpuint (a->end, ==, 17);
  g_assert_cmpstr (a->note, ==, "Brutal tells you how to feel.");

  /* Case and white space do not matter. */
  a = annotation_at (annotations, 1);
  g_assert_cmpuint (a->start, ==, 23);
  g_assert_cmpuint (a->end, ==, 33);

  /* Punctuation between them does. */
  a = annotation_at (annotations, 2);
  g_assert_cmpuint (a->start, ==, 39);
  g_assert_cmpuint (a->end, ==, 45);

  /* Intensifiers chain. */
  a = annotation_at (annotations, 3);
  g_assert_cmpuint (a->start, ==, 47);
  g_assert_cmpuint (a->end, ==, 64);

  /* A phrase can be an intensifier; a line break inside a paragraph is
   * white space. */
  a = annotation_at (annotations, 4);
  g_assert_cmpuint (a->start, ==, 66);
  g_assert_cmpuint (a->end, ==, 80);

  /* Without a loaded term after it, the booster stands alone. */
  a = annotation_at (annotations, 5);
  g_assert_cmpuint (a->start, ==, 82);
  g_assert_cmpuint (a->end, ==, 89);
  g_assert_cmpstr (a->note, ==, "Utterly insists.");

  /* A contested name is not intensified. */
  a = annotation_at (annotations, 6);
  g_assert_cmpint (a->kind, ==, FW_ANNOTATION_CONTESTED_NAME);
  g_assert_cmpuint (a->start, ==, 100);

  /* Nor does an intensifier reach into the next paragraph; alone it is
   * never highlighted. */
  a = annotation_at (annotations, 7);
  g_assert_cmpuint (a->start, ==, 113);
  g_assert_cmpuint (a->end, ==, 119);
  g_assert_cmpuint (annotations->len, ==, 8);
}

static void
test_intensifiers_invalid (void)
{
  const char *json = "{\"id\":\"x\",\"language\":\"en\",\"intensifiers\":[\"so\",7],\"entries\":[]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(FwLexicon) lexicon = fw_lexicon_new_from_bytes (bytes, &error);

  g_assert_null (lexicon);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "/intensifiers/1"));
}

static const char *modifier_json =
  "{\"id\":\"mod\",\"language\":\"en\",\"intensifiers\":[\"utterly\"],"
  "\"function_words\":[\"the\",\"AND\",\"of\",\"a\"],"
  "\"entries\":["
  "{\"term\":\"brutal\",\"variants\":[\"brutally\",\"brutality\"],\"category\":\"emotive\","
  "\"explanation\":\"Brutal tells you how to feel.\",\"modifiers\":[\"brutal\",\"Brutally\"]},"
  "{\"term\":\"regime\",\"category\":\"name-calling\",\"explanation\":\"A label.\"}]}";

static void
test_modifiers (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FwAnalyzer) analyzer = NULL;
  g_autoptr(FwAnalysis) analysis = NULL;
  GPtrArray *annotations;
  static const guint expected[][2] = {
    { 2, 18 },    /* a modifier takes in the word it modifies */
    { 20, 29 },   /* "brutality" is not a modifier form */
    { 41, 68 },   /* capitals after capitals, coordinated modifiers */
    { 70, 76 },   /* but not a name after a lower-case modifier */
    { 85, 91 },   /* nor across punctuation */
    { 100, 106 }, /* nor into another highlight */
    { 107, 113 },
    { 115, 133 }, /* a hyphen inside the word */
    { 135, 157 }, /* an intensifier before, the head after */
    { 159, 165 }, /* not into the next paragraph */
  };

  g_ptr_array_add (lexicons, lexicon_from (modifier_json));
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);
  analysis = analyze (analyzer,
                      "A brutal crackdown; brutality continues; brutal and BRUTAL CRACKDOWN, "
                      "brutal Aliyev, brutal, sad; a brutal regime. Brutally left-wing; utterly "
                      "brutal tactics. Brutal\n\ncrackdown.",
                      FW_ANALYSIS_LEXICON);
  annotations = fw_analysis_get_annotations (analysis);

  g_assert_cmpuint (annotations->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const FwAnnotation *a = annotation_at (annotations, i);

      g_assert_cmpuint (a->start, ==, expected[i][0]);
      g_assert_cmpuint (a->end, ==, expected[i][1]);
    }
}

static void
test_modifiers_invalid (void)
{
  const char *json =
    "{\"id\":\"x\",\"language\":\"en\",\"entries\":[{\"term\":\"brutal\",\"variants\":[\"brutally\"],"
    "\"category\":\"emotive\",\"explanation\":\"E.\",\"modifiers\":[\"BRUTALLY\",\"brute\"]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(FwLexicon) lexicon = fw_lexicon_new_from_bytes (bytes, &error);

  /* Forms compare after normalisation; one that is not the term or a
   * variant is an error. */
  g_assert_null (lexicon);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "/entries/0/modifiers/1"));
  g_assert_nonnull (strstr (error->message, "brute"));
}

static void
test_merge_teacher_wins (void)
{
  g_autoptr(FwAnalyzer) analyzer = custom_analyzer ();
  g_autoptr(FwAnalysis) analysis = analyze (analyzer, "a sham vote and a brutal war",
                                            FW_ANALYSIS_ALL);
  g_autoptr(GPtrArray) teacher = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  const FwAnnotation *a;

  teacher = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_annotation_free);
  g_ptr_array_add (teacher, fw_annotation_new (FW_ANNOTATION_LOADED_TERM, FW_SOURCE_PACK, 0, 11,
                                               "delegitimising qualifier", "Teacher's reason."));
  g_ptr_array_add (teacher, fw_annotation_new (FW_ANNOTATION_UNSUPPORTED_ASSERTION,
                                               FW_SOURCE_PACK, 0, 28, "claim without evidence",
                                               "Teacher's sentence."));

  g_assert_cmpuint (fw_analysis_get_annotations (analysis)->len, ==, 2);
  merged = fw_analysis_merge_annotations (analysis, teacher);

  /* "sham" overlaps the teacher's loaded term and gives way; "brutal"
   * overlaps only an annotation of another kind and stays. */
  g_assert_cmpuint (merged->len, ==, 3);
  a = g_ptr_array_index (merged, 0);
  g_assert_cmpint (a->kind, ==, FW_ANNOTATION_UNSUPPORTED_ASSERTION);
  a = g_ptr_array_index (merged, 1);
  g_assert_cmpint (a->source, ==, FW_SOURCE_PACK);
  g_assert_cmpstr (a->note, ==, "Teacher's reason.");
  a = g_ptr_array_index (merged, 2);
  g_assert_cmpint (a->source, ==, FW_SOURCE_LEXICON);
  g_assert_cmpuint (a->start, ==, 18);
  g_assert_cmpuint (a->end, ==, 24);

  /* The analysis itself is unchanged. */
  g_assert_cmpuint (fw_analysis_get_annotations (analysis)->len, ==, 2);
  g_ptr_array_unref (fw_analysis_merge_annotations (analysis, NULL));
}

static void
test_lexicon_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);
  g_autoptr(FwText) text = fw_text_new_plain ("The separatists held sham elections. "
                                              "Experts say refugees suffer.", -1, &error);
  g_autoptr(FwAnalysis) analysis = NULL;
  GPtrArray *annotations;

  analysis = fw_analyzer_analyze (analyzer, text, FW_ANALYSIS_LEXICON, NULL, &error);
  g_assert_no_error (error);
  annotations = fw_analysis_get_annotations (analysis);

  /* Lexicon matching alone needs no segmentation. */
  g_assert_false (fw_text_is_segmented (text));
  g_assert_cmpuint (fw_analysis_get_n_sentences (analysis), ==, 0);
  g_assert_null (fw_analysis_get_frame_profile (analysis));
  g_assert_cmpuint (annotations->len, >=, 2);
  for (guint i = 0; i < annotations->len; i++)
    g_assert_cmpint (((FwAnnotation *) annotations->pdata[i])->source, ==, FW_SOURCE_LEXICON);
}

static void
test_full_analysis (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);
  g_autoptr(FwAnalysis) analysis = analyze (analyzer, "The separatists held sham elections. "
                                            "Experts say refugees suffer.", FW_ANALYSIS_ALL);
  GPtrArray *annotations = fw_analysis_get_annotations (analysis);
  gboolean kinds[FW_N_ANNOTATION_KINDS] = { FALSE };

  g_assert_cmpint (fw_analysis_get_flags (analysis), ==, FW_ANALYSIS_ALL);
  g_assert_cmpuint (fw_analysis_get_n_sentences (analysis), ==, 2);
  g_assert_nonnull (fw_analysis_get_frame_profile (analysis));

  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = g_ptr_array_index (annotations, i);

      kinds[a->kind] = TRUE;
      g_assert_nonnull (a->note);
      g_assert_cmpstr (a->note, !=, "");
      g_assert_cmpint (a->source, !=, FW_SOURCE_PACK);
      if (i > 0)
        g_assert_cmpint (fw_annotation_compare (annotations->pdata[i - 1], a), <=, 0);
    }
  g_assert_true (kinds[FW_ANNOTATION_LOADED_TERM]);
  g_assert_true (kinds[FW_ANNOTATION_UNSUPPORTED_ASSERTION]);
  g_assert_true (kinds[FW_ANNOTATION_FRAME_CUE]);
}

/* Counts the frame-cue annotations of @input. */
static guint
count_frame_cues (FwAnalyzer *analyzer,
                  const char *input)
{
  g_autoptr(FwAnalysis) analysis = analyze (analyzer, input, FW_ANALYSIS_ALL);
  GPtrArray *annotations = fw_analysis_get_annotations (analysis);
  guint n = 0;

  for (guint i = 0; i < annotations->len; i++)
    n += ((FwAnnotation *) g_ptr_array_index (annotations, i))->kind == FW_ANNOTATION_FRAME_CUE;
  return n;
}

/* "border" in a dog's name is no sovereignty frame; a state border is. */
static void
test_border_compound (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (count_frame_cues (analyzer, "The border collie ran home."), ==, 0);
  g_assert_cmpuint (count_frame_cues (analyzer, "The border terrier ran home."), ==, 0);
  g_assert_cmpuint (count_frame_cues (analyzer, "Troops crossed the state border."), >=, 1);
  g_assert_cmpuint (count_frame_cues (analyzer, "They redrew the borders."), ==, 1);
}

/* The built-in lexicon's highlights in @input, as "text [category id]"
 * joined by "; ". */
static char *
lexicon_highlights (FwAnalyzer *analyzer,
                    const char *input)
{
  g_autoptr(FwAnalysis) analysis = analyze (analyzer, input, FW_ANALYSIS_LEXICON);
  GPtrArray *annotations = fw_analysis_get_annotations (analysis);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < annotations->len; i++)
    {
      const FwAnnotation *a = annotation_at (annotations, i);
      g_autofree char *span = g_utf8_substring (input, a->start, a->end);

      g_string_append_printf (out, "%s%s [%s]", i > 0 ? "; " : "", span,
                              fw_analysis_get_category_id (analysis, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_highlights (FwAnalyzer *analyzer,
                   const char *input,
                   const char *expected)
{
  g_autofree char *highlights = lexicon_highlights (analyzer, input);

  g_assert_cmpstr (highlights, ==, expected);
}

static void
test_figurative_heads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);

  g_assert_no_error (error);
  /* A loaded adjective said of the weather blames no one. */
  assert_highlights (analyzer, "The brutal cold kept everyone inside.", "");
  assert_highlights (analyzer, "A brutal storm and brutally cold winds hit the coast.", "");
  assert_highlights (analyzer, "The brutal crackdown kept everyone inside.",
                     "brutal crackdown [emotive]");
}

static const char *sense_json =
  "{\"id\":\"senses\",\"language\":\"en\",\"intensifiers\":[\"utterly\"],"
  "\"function_words\":[\"the\",\"and\",\"is\",\"of\",\"a\"],"
  "\"entries\":["
  "{\"term\":\"wicked\",\"variants\":[\"wickedness\"],\"category\":\"emotive\","
  "\"explanation\":\"W.\",\"modifiers\":[\"wicked\"],\"modifier_only\":true},"
  "{\"term\":\"gag\",\"variants\":[\"gags\"],\"category\":\"dehumanising\","
  "\"explanation\":\"G.\",\"literal_before\":[\"Reflex\",\"reflexes\"]},"
  "{\"term\":\"utterly\",\"category\":\"booster\",\"explanation\":\"U.\"}]}";

static void
test_sense_restrictions (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FwAnalyzer) analyzer = NULL;
  const FwLexiconEntry *entry;

  g_ptr_array_add (lexicons, lexicon_from (sense_json));
  entry = fw_lexicon_get_entry (g_ptr_array_index (lexicons, 0), 0);
  g_assert_true (entry->modifier_only);
  g_assert_cmpuint (g_strv_length (entry->literal_before), ==, 0);
  entry = fw_lexicon_get_entry (g_ptr_array_index (lexicons, 0), 1);
  g_assert_false (entry->modifier_only);
  g_assert_cmpstr (entry->literal_before[1], ==, "reflexes");
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);

  /* A modifier-only term is highlighted where it modifies a word, and not
   * as a noun, a predicate or in its forms that are no modifiers. */
  assert_highlights (analyzer, "A wicked plan.", "wicked plan [emotive]");
  assert_highlights (analyzer, "The wicked and the good.", "");
  assert_highlights (analyzer, "Their plan is wicked.", "");
  assert_highlights (analyzer, "Such wickedness spreads.", "");
  /* A name it cannot take in is still modified. */
  assert_highlights (analyzer, "The wicked Aliyev spoke.", "wicked [emotive]");
  /* An intensifier before an unused modifier-only term keeps its own
   * highlight. */
  assert_highlights (analyzer, "It is utterly wicked.", "utterly [booster]");
  assert_highlights (analyzer, "An utterly wicked plan.", "utterly wicked plan [emotive]");

  /* A literal compound is not highlighted; other uses of the term are,
   * and the words compare after normalisation. */
  assert_highlights (analyzer, "They gag the press.", "gag [dehumanising]");
  assert_highlights (analyzer, "A gag reflex and two gags Reflexes.", "");
  assert_highlights (analyzer, "The gag, reflexively.", "gag [dehumanising]");
}

static void
assert_lexicon_invalid (const char *json,
                        const char *path)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(FwLexicon) lexicon = fw_lexicon_new_from_bytes (bytes, &error);

  g_assert_null (lexicon);
  g_assert_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_sense_restrictions_invalid (void)
{
  /* Only as a modifier needs a modifier form; the fields have types. */
  assert_lexicon_invalid ("{\"id\":\"x\",\"language\":\"en\",\"entries\":[{\"term\":\"evil\","
                          "\"category\":\"emotive\",\"explanation\":\"E.\","
                          "\"modifier_only\":true}]}",
                          "/entries/0/modifier_only: “modifier_only” is true but no form");
  assert_lexicon_invalid ("{\"id\":\"x\",\"language\":\"en\",\"entries\":[{\"term\":\"evil\","
                          "\"category\":\"emotive\",\"explanation\":\"E.\","
                          "\"modifiers\":[\"evil\"],\"modifier_only\":\"yes\"}]}",
                          "/entries/0/modifier_only");
  assert_lexicon_invalid ("{\"id\":\"x\",\"language\":\"en\",\"entries\":[{\"term\":\"evil\","
                          "\"category\":\"emotive\",\"explanation\":\"E.\","
                          "\"literal_before\":[\"eye\",3]}]}",
                          "/entries/0/literal_before/1");
}

static void
test_builtin_senses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);

  g_assert_no_error (error);
  /* "evil" is loaded said of someone, not as the abstract noun. */
  assert_highlights (analyzer, "They speak of good and evil.", "");
  assert_highlights (analyzer, "Evil is part of ordinary life.", "");
  assert_highlights (analyzer, "An evil regime rules the land.", "evil regime [emotive]");
  /* A gun's muzzle, blood in a symptom, a film genre. */
  assert_highlights (analyzer, "Videos show muzzle flashes.", "");
  assert_highlights (analyzer, "They muzzle the press.", "muzzle [dehumanising]");
  assert_highlights (analyzer, "Symptoms include bloody diarrhoea.", "");
  assert_highlights (analyzer, "She loves horror films.", "");
  /* Terms of law and religion, and the verb's everyday sense. */
  assert_highlights (analyzer, "He was charged with reckless driving.", "");
  assert_highlights (analyzer, "They prayed against evil spirits.", "");
  assert_highlights (analyzer, "The cause needs proof of heroic virtue.", "");
  assert_highlights (analyzer, "The firm hoped to appease investors.", "");
  assert_highlights (analyzer, "It was a policy of appeasement.", "appeasement [emotive]");
  /* "fake news" labels an outlet or a story; as a noun it names a topic. */
  assert_highlights (analyzer, "They study the spread of fake news.", "");
  assert_highlights (analyzer, "He attacked the fake news outlets again.",
                     "fake news outlets [delegitimising]");
}

static void
test_regime_senses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);

  g_assert_no_error (error);
  /* The hydrological, dietary and legal senses of "regime". */
  assert_highlights (analyzer, "The regime of the river changes in spring.", "");
  assert_highlights (analyzer, "She kept to the regime her coach set.", "");
  /* The political sense stays where the phrase shows it. */
  assert_highlights (analyzer, "The regime's forces shelled the town.",
                     "The regime's [name-calling]");
  assert_highlights (analyzer, "Regime forces and the Assad regime.",
                     "Regime forces [name-calling]; Assad regime [name-calling]");
}

static void
test_clearly_manner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new ("en", &error);

  g_assert_no_error (error);
  /* "clearly" before a participle it describes is no booster, as in the
   * assertion detector. */
  assert_highlights (analyzer, "Our goal is clearly defined.", "");
  assert_highlights (analyzer, "The exits are Clearly Marked.", "");
  assert_highlights (analyzer, "They clearly knew.", "clearly [booster]");
}

static const char *coordination_json =
  "{\"id\":\"coord\",\"language\":\"en\",\"intensifiers\":[\"utterly\"],"
  "\"function_words\":[\"AND\",\"or\",\"the\"],"
  "\"entries\":["
  "{\"term\":\"bogus\",\"category\":\"delegitimising\",\"explanation\":\"B.\","
  "\"modifiers\":[\"bogus\"]},"
  "{\"term\":\"farcical\",\"category\":\"delegitimising\",\"explanation\":\"F.\","
  "\"modifiers\":[\"farcical\"]},"
  "{\"term\":\"farce\",\"category\":\"delegitimising\",\"explanation\":\"F.\"}]}";

static void
test_coordinated_modifiers (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FwAnalyzer) analyzer = NULL;

  g_ptr_array_add (lexicons, lexicon_from (coordination_json));
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);

  /* Two loaded modifiers joined by "and" or "or" make one loaded phrase
   * with the word they both modify. */
  assert_highlights (analyzer, "These bogus and farcical claims fell.",
                     "bogus and farcical claims [delegitimising]");
  assert_highlights (analyzer, "Bogus or utterly farcical claims.",
                     "Bogus or utterly farcical claims [delegitimising]");
  /* When the second term is no modifier, "and" is a function word,
   * whatever its case, and the modifier takes in no head; the second term
   * joins it (see test_preceding_words()). Not across other words or
   * punctuation. */
  assert_highlights (analyzer, "A bogus and farce.", "bogus and farce [delegitimising]");
  assert_highlights (analyzer, "Bogus, farcical claims.",
                     "Bogus [delegitimising]; farcical claims [delegitimising]");
  assert_highlights (analyzer, "Bogus and the farcical claims.",
                     "Bogus [delegitimising]; farcical claims [delegitimising]");
}

static void
test_compound_heads (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FwAnalyzer) analyzer = NULL;

  g_ptr_array_add (lexicons, lexicon_from (modifier_json));
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);

  /* A noun adjunct and its noun, where the phrase ends at punctuation. */
  assert_highlights (analyzer, "It was a brutal police crackdown.",
                     "brutal police crackdown [emotive]");
  assert_highlights (analyzer, "After the brutal police crackdown, nothing.",
                     "brutal police crackdown [emotive]");
  /* Where the phrase may go on, one word only. */
  assert_highlights (analyzer, "A brutal police crackdown began.", "brutal police [emotive]");
  /* Not a plural subject and its verb, a clause-ending verb or adverb, a
   * capitalised word or a function word. */
  assert_highlights (analyzer, "The brutal raids stopped.", "brutal raids [emotive]");
  assert_highlights (analyzer, "The brutal crackdown ended.", "brutal crackdown [emotive]");
  assert_highlights (analyzer, "They were brutal police privately.", "brutal police [emotive]");
  assert_highlights (analyzer, "A brutal police Commander.", "brutal police [emotive]");
  assert_highlights (analyzer, "So brutal police of.", "brutal police [emotive]");
}

static const char *phrase_json =
  "{\"id\":\"phrase\",\"language\":\"en\",\"intensifiers\":[\"utterly\"],"
  "\"function_words\":[\"a\",\"an\",\"the\",\"and\",\"or\",\"it\",\"was\",\"they\",\"him\"],"
  "\"entries\":["
  "{\"term\":\"smear\",\"variants\":[\"smeared\",\"smearing\"],"
  "\"category\":\"delegitimising\",\"explanation\":\"S.\"},"
  "{\"term\":\"farce\",\"category\":\"delegitimising\",\"explanation\":\"F.\"},"
  "{\"term\":\"spiteful\",\"category\":\"emotive\",\"explanation\":\"S.\","
  "\"modifiers\":[\"spiteful\"]},"
  "{\"term\":\"thug\",\"category\":\"name-calling\",\"explanation\":\"T.\"},"
  "{\"term\":\"clearly\",\"category\":\"booster\",\"explanation\":\"C.\"}]}";

static void
test_preceding_words (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FwAnalyzer) analyzer = NULL;

  g_ptr_array_add (lexicons, lexicon_from (phrase_json));
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);

  /* A loaded word on its own takes in the lower-case content word before
   * it, the way annotators mark the whole loaded phrase. */
  assert_highlights (analyzer, "Then came the latest smear.", "latest smear [delegitimising]");
  assert_highlights (analyzer, "They called him a petty thug.", "petty thug [name-calling]");
  /* Not a function word, a capitalised word, a word across punctuation or
   * in the paragraph before. */
  assert_highlights (analyzer, "It was a smear.", "smear [delegitimising]");
  assert_highlights (analyzer, "A Pravda smear ran.", "smear [delegitimising]");
  assert_highlights (analyzer, "They said, smear it.", "smear [delegitimising]");
  assert_highlights (analyzer, "It was the latest\n\nsmear.", "smear [delegitimising]");
  assert_highlights (analyzer, "The latest\nsmear.", "smear [delegitimising]");
  /* Nor a genitive or a contraction, which stand where a determiner or an
   * auxiliary would. */
  assert_highlights (analyzer, "It was the paper's smear.", "smear [delegitimising]");
  assert_highlights (analyzer, "It was the paper\u2019s smear.", "smear [delegitimising]");
  assert_highlights (analyzer, "They won't smear us.", "smear [delegitimising]");
  /* Before a participle or gerund, only an adverb in "-ly": the word
   * before it is mostly its subject or a verb it completes. */
  assert_highlights (analyzer, "The general smeared them.", "smeared [delegitimising]");
  assert_highlights (analyzer, "It kept smearing him.", "smearing [delegitimising]");
  assert_highlights (analyzer, "It uncritically smeared him.",
                     "uncritically smeared [delegitimising]");
  /* A highlight of more words already is the phrase. */
  assert_highlights (analyzer, "A new utterly spiteful note.", "utterly spiteful note [emotive]");
  /* A booster qualifies the clause, not the word before it. */
  assert_highlights (analyzer, "Experts clearly knew.", "clearly [booster]");
  /* A content word joined by "and" or "or" comes with the loaded one, and
   * so does a highlight of the same category; one of another category
   * stays apart. */
  assert_highlights (analyzer, "It was partisan and spiteful.",
                     "partisan and spiteful [emotive]");
  assert_highlights (analyzer, "It was a farce or smear.", "farce or smear [delegitimising]");
  assert_highlights (analyzer, "It was a thug and smear.",
                     "thug [name-calling]; smear [delegitimising]");
}

static void
test_names (void)
{
  g_autoptr(GPtrArray) lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FwAnalyzer) analyzer = NULL;

  g_ptr_array_add (lexicons, lexicon_from (phrase_json));
  analyzer = fw_analyzer_new_custom ("en", lexicons, NULL, NULL);

  /* A capital inside a sentence makes the term part of a name or title. */
  assert_highlights (analyzer, "Critics wrote in the Daily Smear on Monday.", "");
  assert_highlights (analyzer, "He wrote to them (Spiteful Press) at once.", "");
  /* Not at the start of a sentence or paragraph, after quotation marks,
   * in capitals only, in a headline in title case, or for a label. */
  assert_highlights (analyzer, "Smear works. \"Smear\" was the word.",
                     "Smear [delegitimising]; Smear [delegitimising]");
  assert_highlights (analyzer, "It ended\nSmear came next.", "Smear [delegitimising]");
  assert_highlights (analyzer, "It was a SMEAR, they said.", "SMEAR [delegitimising]");
  assert_highlights (analyzer, "Critics Call The Vote A Farce\n\nIt was over.",
                     "Farce [delegitimising]");
  assert_highlights (analyzer, "They called him a Thug on air.", "Thug [name-calling]");
}

static void
analyzed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bundled (NULL, &error);
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new_for_pack (pack, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autoptr(FwAnalysis) none = NULL;
  FwPiece *piece = fw_pack_get_piece (pack, 0);

  fw_analyzer_analyze_piece_async (analyzer, piece, FW_ANALYSIS_ALL, NULL, analyzed_cb, &result);
  g_cancellable_cancel (cancellable);
  fw_analyzer_analyze_piece_async (analyzer, piece, FW_ANALYSIS_ALL, cancellable, analyzed_cb,
                                   &cancelled_result);
  while (result == NULL || cancelled_result == NULL)
    g_main_context_iteration (NULL, TRUE);

  analysis = fw_analyzer_analyze_piece_finish (analyzer, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_text_get_length (fw_analysis_get_text (analysis)), ==,
                    fw_piece_get_length (piece));
  g_assert_cmpuint (fw_analysis_get_n_sentences (analysis), >, 20);

  none = fw_analyzer_analyze_piece_finish (analyzer, cancelled_result, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  FwAnalyzer *analyzer;
  FwPiece *piece;
  guint n_annotations;
} ThreadData;

static gpointer
analyze_thread (gpointer user_data)
{
  ThreadData *data = user_data;
  g_autoptr(FwAnalysis) analysis = NULL;

  analysis = fw_analyzer_analyze_piece (data->analyzer, data->piece, FW_ANALYSIS_ALL, NULL, NULL);
  data->n_annotations = fw_analysis_get_annotations (analysis)->len;
  return NULL;
}

/* One analyzer serves several threads at once, with the same results. */
static void
test_threads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwPack) pack = fw_pack_load_bundled (NULL, &error);
  g_autoptr(FwAnalyzer) analyzer = fw_analyzer_new_for_pack (pack, &error);
  g_autoptr(FwAnalysis) reference = NULL;
  ThreadData data[4];
  GThread *threads[4];

  for (guint i = 0; i < 4; i++)
    {
      data[i].analyzer = analyzer;
      data[i].piece = fw_pack_get_piece (pack, i % fw_pack_get_n_pieces (pack));
      threads[i] = g_thread_new ("analysis", analyze_thread, &data[i]);
    }
  for (guint i = 0; i < 4; i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(FwAnalysis) again = fw_analyzer_analyze_piece (analyzer, data[i].piece,
                                                               FW_ANALYSIS_ALL, NULL, NULL);

      g_assert_cmpuint (data[i].n_annotations, ==, fw_analysis_get_annotations (again)->len);
      g_assert_cmpuint (data[i].n_annotations, >, 0);
    }
}

static gpointer
dup_for_pack_thread (gpointer data)
{
  return fw_analyzer_dup_for_pack (data, NULL);
}

/* The analyzer kept with a pack is made once, even when several threads
 * ask for it at the same time, and lives as long as the pack. */
static void
test_dup_for_pack (void)
{
  g_autoptr(GError) error = NULL;
  FwPack *pack = fw_pack_load_bundled (NULL, &error);
  GThread *threads[4];
  FwAnalyzer *analyzers[4];
  FwAnalyzer *first;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("dup", dup_for_pack_thread, pack);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    analyzers[i] = g_thread_join (threads[i]);

  first = fw_analyzer_dup_for_pack (pack, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (analyzers); i++)
    {
      g_assert_true (analyzers[i] == first);
      g_object_unref (analyzers[i]);
    }

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_unref (first);
  g_assert_nonnull (first);
  g_assert_finalize_object (pack);
  g_assert_null (first);
}

static void
test_finalize (void)
{
  FwAnalyzer *analyzer = custom_analyzer ();
  FwAnalysis *analysis = analyze (analyzer, "a sham", FW_ANALYSIS_ALL);

  g_assert_finalize_object (analysis);
  g_assert_finalize_object (analyzer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analyzer/builtin", test_builtin);
  g_test_add_func ("/analyzer/lexicon-annotations", test_lexicon_annotations);
  g_test_add_func ("/analyzer/lexicon-precedence", test_lexicon_precedence);
  g_test_add_func ("/analyzer/intensifiers", test_intensifiers);
  g_test_add_func ("/analyzer/intensifiers-invalid", test_intensifiers_invalid);
  g_test_add_func ("/analyzer/modifiers", test_modifiers);
  g_test_add_func ("/analyzer/modifiers-invalid", test_modifiers_invalid);
  g_test_add_func ("/analyzer/merge-teacher-wins", test_merge_teacher_wins);
  g_test_add_func ("/analyzer/lexicon-only", test_lexicon_only);
  g_test_add_func ("/analyzer/full-analysis", test_full_analysis);
  g_test_add_func ("/analyzer/async-and-cancel", test_async_and_cancel);
  g_test_add_func ("/analyzer/threads", test_threads);
  g_test_add_func ("/analyzer/dup-for-pack", test_dup_for_pack);
  g_test_add_func ("/analyzer/finalize", test_finalize);
  g_test_add_func ("/analyzer/border-compound", test_border_compound);
  g_test_add_func ("/analyzer/figurative-heads", test_figurative_heads);
  g_test_add_func ("/analyzer/sense-restrictions", test_sense_restrictions);
  g_test_add_func ("/analyzer/sense-restrictions-invalid", test_sense_restrictions_invalid);
  g_test_add_func ("/analyzer/builtin-senses", test_builtin_senses);
  g_test_add_func ("/analyzer/regime-senses", test_regime_senses);
  g_test_add_func ("/analyzer/clearly-manner", test_clearly_manner);
  g_test_add_func ("/analyzer/coordinated-modifiers", test_coordinated_modifiers);
  g_test_add_func ("/analyzer/compound-heads", test_compound_heads);
  g_test_add_func ("/analyzer/preceding-words", test_preceding_words);
  g_test_add_func ("/analyzer/names", test_names);

  return g_test_run ();
}
