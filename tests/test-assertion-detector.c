/* test-assertion-detector.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fw-analyzer.h"

static FwAnalyzer *analyzer;

/* Analyses @input, which must be one sentence, and returns its result. */
static FwSentence *
detect (const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new (input, -1, NULL, 0, &error);
  g_autoptr(FwAnalysis) analysis = NULL;

  g_assert_no_error (error);
  analysis = fw_analyzer_analyze (analyzer, text, FW_ANALYSIS_ASSERTIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_analysis_get_n_sentences (analysis), ==, 1);

  return fw_sentence_copy (fw_analysis_get_sentence (analysis, 0));
}

/* Asserts that a cue of @kind covers exactly @cue in @input. */
static void
assert_cue (const char       *input,
            const FwSentence *s,
            FwCueKind         kind,
            const char       *cue)
{
  const char *at = strstr (input, cue);
  guint start, end;

  g_assert_nonnull (at);
  start = (guint) g_utf8_pointer_to_offset (input, at);
  end = start + (guint) g_utf8_strlen (cue, -1);

  for (guint i = 0; i < s->n_cues; i++)
    if (s->cues[i].kind == kind && s->cues[i].start == start && s->cues[i].end == end)
      return;

  g_error ("no %s cue on “%s” in “%s”", fw_cue_kind_to_nick (kind), cue, input);
}

static void
assert_no_cue (const FwSentence *s,
               FwCueKind         kind)
{
  g_assert_false (fw_sentence_has_cue (s, kind));
}

static void
test_reporting_verb (void)
{
  const char *input = "President Aliyev repeatedly said that peace is near.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_false (s->flagged);
  g_assert_cmpstr (s->speaker, ==, "President Aliyev");
  g_assert_cmpuint (s->speaker_start, ==, 0);
  g_assert_cmpuint (s->speaker_end, ==, 16);
  g_assert_cmpuint (s->source_start, ==, 0);
  g_assert_cmpuint (s->source_end, ==, 32);
  g_assert_cmpstr (s->category_id, ==, "named-source");
  assert_cue (input, s, FW_CUE_REPORTING_VERB, "said");
  assert_cue (input, s, FW_CUE_NAMED_SOURCE, "President Aliyev");
  g_assert_nonnull (strstr (s->rationale, "President Aliyev"));
}

static void
test_appositive_source (void)
{
  const char *input = "In this regard, Hikmet Hajiyev, the Foreign Policy Advisor to the President "
                      "of Azerbaijan, emphasized that talks matter.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_cmpstr (s->speaker, ==, "Hikmet Hajiyev, the Foreign Policy Advisor to the President "
                                   "of Azerbaijan");
}

static void
test_according_to (void)
{
  const char *input = "According to the statement of the Ministry of Defense of the Republic of "
                      "Azerbaijan, the operation ended.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_cmpstr (s->speaker, ==, "the Ministry of Defense of the Republic of Azerbaijan");
  assert_cue (input, s, FW_CUE_ACCORDING_TO, "According to");
  assert_cue (input, s, FW_CUE_NAMED_SOURCE,
              "the Ministry of Defense of the Republic of Azerbaijan");
}

static void
test_quotation (void)
{
  const char *said = "“We will not stop until the job is done,” said Defence Minister Zakir "
                     "Hasanov.";
  const char *bare = "“The corridor must be reopened now and without conditions.”";
  const char *scare = "The so-called “elections” were held.";
  g_autoptr(FwSentence) s = detect (said);
  g_autoptr(FwSentence) b = detect (bare);
  g_autoptr(FwSentence) q = detect (scare);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_cmpstr (s->speaker, ==, "Defence Minister Zakir Hasanov");
  assert_cue (said, s, FW_CUE_QUOTATION, "“We will not stop until the job is done,”");

  /* A quotation says the words are someone else's, even unnamed; a booster
   * inside it is the speaker's, not the writer's. */
  g_assert_cmpint (b->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_null (b->speaker);
  g_assert_cmpstr (b->category_id, ==, "quotation");
  assert_no_cue (b, FW_CUE_BOOSTER);

  /* Scare quotes around one word are no quotation. */
  assert_no_cue (q, FW_CUE_QUOTATION);
  g_assert_cmpint (q->label, ==, FW_ASSERTION_UNSUPPORTED);
}

static void
test_quotation_across_sentences (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new ("He added: \"We will win this war. Nobody can stop us.\" "
                                        "Nobody believed him.", -1, NULL, 0, &error);
  g_autoptr(FwAnalysis) analysis = NULL;
  const FwSentence *s;

  analysis = fw_analyzer_analyze (analyzer, text, FW_ANALYSIS_ASSERTIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_analysis_get_n_sentences (analysis), ==, 3);

  /* The quotation opened in the first sentence goes on in the second, so
   * its sweeping "Nobody" is the speaker's; the third is the writer's. */
  s = fw_analysis_get_sentence (analysis, 1);
  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_false (s->flagged);
  g_assert_false (fw_sentence_has_cue (s, FW_CUE_GENERALISATION));
  s = fw_analysis_get_sentence (analysis, 2);
  g_assert_true (s->flagged);
  g_assert_cmpstr (s->category_id, ==, "sweeping-generalisation");
}

static void
test_subject_with_clause (void)
{
  const char *input = "Keith Vaz, chairman of the committee, who had called for the ban, said it "
                      "was right.";
  const char *two_verbs = "They met on Monday and said Ms Geller was wrong.";
  g_autoptr(FwSentence) s = detect (input);
  g_autoptr(FwSentence) t = detect (two_verbs);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_cmpstr (s->speaker, ==, "Keith Vaz");

  /* Whoever comes after "said" in the middle of a sentence is what was
   * said about, not who said it. */
  g_assert_null (t->speaker);
  g_assert_false (fw_sentence_has_cue (t, FW_CUE_NAMED_SOURCE));
}

static void
test_citations (void)
{
  const char *resolution = "The UNSC adopted resolution 2139 (2014) on aid access.";
  const char *data = "According to UNHCR data (2023), 8,255,288 refugees left Ukraine.";
  const char *link = "The figures are published at https://data.unhcr.org/en/ukraine for all.";
  const char *rulings = "Azerbaijan ignored the International Court of Justice rulings of "
                        "February and July 2023.";
  g_autoptr(FwSentence) r = detect (resolution);
  g_autoptr(FwSentence) d = detect (data);
  g_autoptr(FwSentence) l = detect (link);
  g_autoptr(FwSentence) j = detect (rulings);

  g_assert_cmpint (r->label, ==, FW_ASSERTION_SOURCED);
  assert_cue (resolution, r, FW_CUE_CITATION, "resolution 2139");
  assert_cue (resolution, r, FW_CUE_DATE, "(2014)");

  g_assert_cmpint (d->label, ==, FW_ASSERTION_SOURCED);
  g_assert_cmpstr (d->speaker, ==, "UNHCR");
  g_assert_false (d->flagged);

  g_assert_cmpint (l->label, ==, FW_ASSERTION_SOURCED);
  assert_cue (link, l, FW_CUE_CITATION, "https://data.unhcr.org/en/ukraine");

  g_assert_cmpint (j->label, ==, FW_ASSERTION_SOURCED);
  assert_cue (rulings, j, FW_CUE_CITATION,
              "the International Court of Justice rulings of February and July 2023");
}

static void
test_dates (void)
{
  const char *input = "In May 2023, the road closed.";
  g_autoptr(FwSentence) s = detect (input);

  /* "May" is a month here, not a hedge. */
  assert_cue (input, s, FW_CUE_DATE, "May 2023");
  assert_no_cue (s, FW_CUE_HEDGE);
  g_assert_cmpint (s->label, ==, FW_ASSERTION_UNSUPPORTED);
  g_assert_false (s->flagged);
}

static void
test_unnamed_source (void)
{
  const char *experts = "Experts say the ceasefire will collapse.";
  const char *reportedly = "Reportedly, the talks failed.";
  const char *according = "According to reports, the road is closed.";
  g_autoptr(FwSentence) e = detect (experts);
  g_autoptr(FwSentence) r = detect (reportedly);
  g_autoptr(FwSentence) a = detect (according);

  g_assert_cmpint (e->label, ==, FW_ASSERTION_UNSUPPORTED);
  g_assert_true (e->flagged);
  g_assert_cmpstr (e->category_id, ==, "unnamed-source");
  assert_cue (experts, e, FW_CUE_UNNAMED_SOURCE, "Experts");
  g_assert_null (e->speaker);

  g_assert_true (r->flagged);
  assert_cue (reportedly, r, FW_CUE_UNNAMED_SOURCE, "Reportedly");

  g_assert_true (a->flagged);
  g_assert_cmpstr (a->category_id, ==, "unnamed-source");
}

static void
test_hedge (void)
{
  const char *input = "The talks may perhaps resume next week.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_HEDGED);
  g_assert_false (s->flagged);
  assert_cue (input, s, FW_CUE_HEDGE, "may");
  assert_cue (input, s, FW_CUE_HEDGE, "perhaps");
  g_assert_nonnull (strstr (s->rationale, "“may”"));
}

static void
test_booster (void)
{
  const char *input = "Clearly, the elections were illegitimate.";
  const char *mixed = "It may clearly be the only way.";
  g_autoptr(FwSentence) s = detect (input);
  g_autoptr(FwSentence) m = detect (mixed);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_UNSUPPORTED);
  g_assert_true (s->flagged);
  g_assert_cmpstr (s->category_id, ==, "claim-without-evidence");
  assert_cue (input, s, FW_CUE_BOOSTER, "Clearly");

  /* A hedge does not soften a claim that a booster hardens. */
  g_assert_cmpint (m->label, ==, FW_ASSERTION_UNSUPPORTED);
  g_assert_true (m->flagged);
}

static void
test_factive (void)
{
  const char *input = "The vote revealed that the regime is weak.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_UNSUPPORTED);
  g_assert_true (s->flagged);
  assert_cue (input, s, FW_CUE_FACTIVE, "revealed");
  g_assert_nonnull (strstr (s->rationale, "revealed"));
}

static void
test_assertive (void)
{
  const char *input = "The minister claimed that the border was closed.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_cmpstr (s->speaker, ==, "The minister");
  assert_cue (input, s, FW_CUE_ASSERTIVE, "claimed");
  g_assert_nonnull (strstr (s->rationale, "“claimed”"));
}

static void
test_generalisation (void)
{
  const char *input = "Armenians have always rejected every compromise.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_true (s->flagged);
  g_assert_cmpstr (s->category_id, ==, "sweeping-generalisation");
  assert_cue (input, s, FW_CUE_GENERALISATION, "always");
}

static void
test_numbers (void)
{
  const char *million = "Poland has at least 1.3 million Ukrainian refugees.";
  const char *percent = "As much as 56% of refugees are women.";
  const char *plain = "The war of 2020 ended after 44 days, the 19th attempt since the 1990s.";
  g_autoptr(FwSentence) m = detect (million);
  g_autoptr(FwSentence) p = detect (percent);
  g_autoptr(FwSentence) n = detect (plain);

  g_assert_true (m->flagged);
  g_assert_cmpstr (m->category_id, ==, "statistic-without-source");
  assert_cue (million, m, FW_CUE_NUMBER, "1.3 million");
  g_assert_nonnull (strstr (m->rationale, "1.3 million"));

  g_assert_true (p->flagged);
  assert_cue (percent, p, FW_CUE_NUMBER, "56%");

  /* Years, durations, ordinals and decades are not figures. */
  assert_no_cue (n, FW_CUE_NUMBER);
  g_assert_false (n->flagged);
}

static void
test_plain_statement (void)
{
  const char *input = "The negotiations have been moving slowly.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_UNSUPPORTED);
  g_assert_false (s->flagged);
  g_assert_cmpuint (s->n_cues, ==, 0);
  g_assert_null (s->category_id);
  g_assert_nonnull (s->rationale);
}

static void
test_names_are_not_verbs (void)
{
  const char *input = "The United States condemned the vote.";
  g_autoptr(FwSentence) s = detect (input);

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_cmpstr (s->speaker, ==, "The United States");
  assert_cue (input, s, FW_CUE_REPORTING_VERB, "condemned");
}

static void
test_sentence_paragraphs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwText) text = fw_text_new_plain ("One is here.\n\nExperts say two. Three.", -1,
                                              &error);
  g_autoptr(FwAnalysis) analysis = NULL;
  GPtrArray *annotations;

  analysis = fw_analyzer_analyze (analyzer, text, FW_ANALYSIS_ASSERTIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_analysis_get_n_sentences (analysis), ==, 3);
  g_assert_cmpuint (fw_analysis_get_sentence (analysis, 0)->paragraph, ==, 0);
  g_assert_cmpuint (fw_analysis_get_sentence (analysis, 1)->paragraph, ==, 1);
  g_assert_cmpuint (fw_analysis_get_sentence (analysis, 2)->paragraph, ==, 1);

  /* The flagged sentence becomes an unsupported-assertion annotation over
   * the whole sentence, with the rationale as its note. */
  annotations = fw_analysis_get_annotations (analysis);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpint (((FwAnnotation *) annotations->pdata[0])->kind, ==,
                   FW_ANNOTATION_UNSUPPORTED_ASSERTION);
  g_assert_cmpint (((FwAnnotation *) annotations->pdata[0])->source, ==, FW_SOURCE_DETECTOR);
  g_assert_cmpuint (((FwAnnotation *) annotations->pdata[0])->start, ==, 14);
  g_assert_cmpuint (((FwAnnotation *) annotations->pdata[0])->end, ==, 30);
  g_assert_cmpstr (((FwAnnotation *) annotations->pdata[0])->note, ==,
                   fw_analysis_get_sentence (analysis, 1)->rationale);
}

static GBytes *
bytes_from (const char *json)
{
  return g_bytes_new_static (json, strlen (json));
}

static void
test_cue_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) wrong_group = bytes_from (
    "{\"format\":\"framewise-assertion-cues\",\"version\":1,\"language\":\"en\","
    "\"groups\":[{\"id\":\"nonsense\",\"terms\":[\"a\"]}]}");
  g_autoptr(GBytes) newer = bytes_from (
    "{\"format\":\"framewise-assertion-cues\",\"version\":2,\"groups\":[]}");
  g_autoptr(GBytes) merged = bytes_from (
    "{\"format\":\"framewise-assertion-cues\",\"version\":1,\"language\":\"en\","
    "\"groups\":[{\"id\":\"hedge\",\"terms\":[\"Claims\"]},"
    "{\"id\":\"assertive\",\"terms\":[\"claims\"]}]}");
  g_autoptr(FwAssertionDetector) detector = NULL;

  g_assert_null (fw_assertion_detector_new_from_bytes (wrong_group, &error));
  g_assert_error (error, FW_ASSERTION_DETECTOR_ERROR, FW_ASSERTION_DETECTOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nonsense"));
  g_clear_error (&error);

  g_assert_null (fw_assertion_detector_new_from_bytes (newer, &error));
  g_assert_error (error, FW_ASSERTION_DETECTOR_ERROR, FW_ASSERTION_DETECTOR_ERROR_INVALID);
  g_clear_error (&error);

  /* A term in two groups is one term with both. */
  detector = fw_assertion_detector_new_from_bytes (merged, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_assertion_detector_get_n_terms (detector), ==, 1);
  g_assert_cmpuint (fw_assertion_detector_get_term_groups (detector, 0), ==,
                    FW_CUE_GROUP_HEDGE | FW_CUE_GROUP_ASSERTIVE);
}

/* "…, police said.", "…, aid workers say.", "…, said police.": the source
 * after the claim. */
static void
test_trailing_attribution (void)
{
  const char *inputs[][2] = {
    { "A terrorist attack killed 12 people, police said.", "police" },
    { "Helping refugees is a humanitarian duty, aid workers say.", "aid workers" },
    { "Aid is a duty, said police.", "police" },
    { "Aid is a duty, according to UNICEF.", "UNICEF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(FwSentence) s = detect (inputs[i][0]);

      g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
      g_assert_false (s->flagged);
      g_assert_cmpstr (s->category_id, ==, "named-source");
      g_assert_cmpstr (s->speaker, ==, inputs[i][1]);
    }
}

/* A pronoun points back to someone; it is not a name. */
static void
test_pronoun_source (void)
{
  const char *input = "He said nothing.";
  g_autoptr(FwSentence) s = detect (input);
  g_autoptr(FwSentence) someone = detect ("Someone said the war was over.");

  g_assert_cmpint (s->label, ==, FW_ASSERTION_ATTRIBUTED);
  g_assert_cmpstr (s->category_id, ==, "earlier-source");
  g_assert_null (s->speaker);
  assert_no_cue (s, FW_CUE_NAMED_SOURCE);
  assert_cue (input, s, FW_CUE_REPORTING_VERB, "said");
  g_assert_nonnull (strstr (s->rationale, "He"));

  g_assert_cmpint (someone->label, ==, FW_ASSERTION_UNSUPPORTED);
  g_assert_cmpstr (someone->category_id, ==, "unnamed-source");
  g_assert_null (someone->speaker);
}

/* "nothing short of" is an intensifier, "the international community" a
 * vague actor: neither is a sweeping generalisation. */
static void
test_not_generalisations (void)
{
  const char *input = "This was nothing short of an invasion.";
  g_autoptr(FwSentence) s = detect (input);
  g_autoptr(FwSentence) community = detect ("The elections caused a serious reaction of the "
                                            "international community.");

  assert_no_cue (s, FW_CUE_GENERALISATION);
  assert_cue (input, s, FW_CUE_BOOSTER, "nothing short of");
  g_assert_cmpstr (s->category_id, ==, "claim-without-evidence");

  assert_no_cue (community, FW_CUE_GENERALISATION);
  g_assert_cmpstr (community->category_id, ==, "unnamed-source");
}

/* "clearly defined" describes how, not how sure. */
static void
test_manner_clearly (void)
{
  g_autoptr(FwSentence) s = detect ("Our goal is clearly defined.");
  g_autoptr(FwSentence) booster = detect ("This is clearly a crime.");

  assert_no_cue (s, FW_CUE_BOOSTER);
  g_assert_false (s->flagged);
  g_assert_true (fw_sentence_has_cue (booster, FW_CUE_BOOSTER));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FwAssertionDetector) detector = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  detector = fw_assertion_detector_new_builtin ("en-GB", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fw_assertion_detector_get_n_terms (detector), >, 500);
  analyzer = fw_analyzer_new_custom ("en", NULL, NULL, detector);

  g_test_add_func ("/assertion-detector/reporting-verb", test_reporting_verb);
  g_test_add_func ("/assertion-detector/appositive-source", test_appositive_source);
  g_test_add_func ("/assertion-detector/according-to", test_according_to);
  g_test_add_func ("/assertion-detector/trailing-attribution", test_trailing_attribution);
  g_test_add_func ("/assertion-detector/pronoun-source", test_pronoun_source);
  g_test_add_func ("/assertion-detector/not-generalisations", test_not_generalisations);
  g_test_add_func ("/assertion-detector/manner-clearly", test_manner_clearly);
  g_test_add_func ("/assertion-detector/quotation", test_quotation);
  g_test_add_func ("/assertion-detector/quotation-across-sentences",
                   test_quotation_across_sentences);
  g_test_add_func ("/assertion-detector/subject-with-clause", test_subject_with_clause);
  g_test_add_func ("/assertion-detector/citations", test_citations);
  g_test_add_func ("/assertion-detector/dates", test_dates);
  g_test_add_func ("/assertion-detector/unnamed-source", test_unnamed_source);
  g_test_add_func ("/assertion-detector/hedge", test_hedge);
  g_test_add_func ("/assertion-detector/booster", test_booster);
  g_test_add_func ("/assertion-detector/factive", test_factive);
  g_test_add_func ("/assertion-detector/assertive", test_assertive);
  g_test_add_func ("/assertion-detector/generalisation", test_generalisation);
  g_test_add_func ("/assertion-detector/numbers", test_numbers);
  g_test_add_func ("/assertion-detector/plain-statement", test_plain_statement);
  g_test_add_func ("/assertion-detector/names-are-not-verbs", test_names_are_not_verbs);
  g_test_add_func ("/assertion-detector/paragraphs", test_sentence_paragraphs);
  g_test_add_func ("/assertion-detector/cue-file-errors", test_cue_file_errors);

  status = g_test_run ();
  g_clear_object (&analyzer);

  return status;
}
