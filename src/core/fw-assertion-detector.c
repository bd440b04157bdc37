/* fw-assertion-detector.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The unsupported-assertion detector reads a text sentence by sentence and
 * asks what the epistemological-bias literature asks of a claim: does the
 * sentence say who makes it (attribution: a reporting verb with a source,
 * "according to", a quotation), point to something checkable (a citation,
 * a dated source), hold back (hedges), or press it as beyond doubt
 * (boosters, factive verbs, sweeping generalisations, figures with no
 * source)? The cue words come from a data file (see
 * data/lexicons/assertion-cues-en.json) and are found by the matcher in
 * the same pass as lexicon terms; this file decides, from the cues and the
 * words around them, the sentence's label, the source it names and a
 * rationale in plain language.
 *
 * The cue classes follow Hyland (2005), Metadiscourse, for hedges and
 * boosters, and Hooper (1975), On assertive predicates, as used by
 * Recasens, Danescu-Niculescu-Mizil and Jurafsky (2013), "Linguistic models
 * for analyzing and detecting biased language", ACL, for factive and
 * assertive verbs. Finding who is quoted is a heuristic over capitalised
 * names, office nouns and connecting words ("the Ministry of Defense of
 * the Republic of Azerbaijan"), written for news English. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fw-assertion-detector.h"
#include "fw-pack-loader.h"

#define CUE_FORMAT "framewise-assertion-cues"
#define CUE_FORMAT_VERSION 1

/* The longest source name followed after "according to", in words. */
#define MAX_SOURCE_WORDS 20

/* The shortest quotation that counts as quoting someone, in words; shorter
 * ones are usually scare quotes. */
#define MIN_QUOTATION_WORDS 4

/* The longest speaker read back from a verb that ends the sentence
 * ("…, senior aid workers in the region say."), in words. */
#define MAX_TRAILING_SOURCE_WORDS 6

static const struct
{
  const char *id;
  guint group;
} group_ids[] = {
  { "reporting-verb", FW_CUE_GROUP_REPORTING_VERB },
  { "according-to", FW_CUE_GROUP_ACCORDING_TO },
  { "source-document", FW_CUE_GROUP_SOURCE_DOCUMENT },
  { "speech-noun", FW_CUE_GROUP_SPEECH_NOUN },
  { "role-noun", FW_CUE_GROUP_ROLE_NOUN },
  { "unnamed-source", FW_CUE_GROUP_UNNAMED_SOURCE },
  { "hedge", FW_CUE_GROUP_HEDGE },
  { "booster", FW_CUE_GROUP_BOOSTER },
  { "factive", FW_CUE_GROUP_FACTIVE },
  { "assertive", FW_CUE_GROUP_ASSERTIVE },
  { "generalisation", FW_CUE_GROUP_GENERALISATION },
  { "quantity", FW_CUE_GROUP_QUANTITY },
  { "month", FW_CUE_GROUP_MONTH },
  { "time-unit", FW_CUE_GROUP_TIME_UNIT },
};

/* Small closed classes of English grammar that the source finder needs. */
static const char * const connectors[] = {
  "of", "for", "and", "to", "on", "at", "de", "da", "del", "di", "du", "la", "le", "al", "van",
  "von", "der", "bin", "ibn", NULL
};

static const char * const determiners[] = { "the", "a", "an", NULL };

/* Personal pronouns point back to someone named earlier (or to the writer):
 * a source, but not a name to record. */
static const char * const pronouns[] = { "he", "she", "they", "it", "we", "i", "you", NULL };

/* Indefinite pronouns name no one at all: "someone said" is an unnamed
 * source. */
static const char * const indefinite_pronouns[] = {
  "someone", "somebody", "people", "anyone", "anybody", NULL
};

/* Past participles that "clearly" describes the manner of ("clearly
 * defined", "clearly marked"): there it means "in a clear way", not "it is
 * obvious that", so it is no booster (Hyland 2005 counts only the stance
 * use). */
static const char * const manner_participles[] = {
  "defined", "visible", "marked", "stated", "labelled", "labeled", "written", "signposted",
  "audible", "legible", "displayed", "explained", "described", "set", "laid", "separated",
  "identified", "indicated", "outlined", "structured", "worded", "printed", "seen", "heard",
  NULL
};

/* Words that can stand between a source and its verb ("Ministry of Defense
 * has also emphasized"). */
static const char * const between_subject_and_verb[] = {
  "has", "have", "had", "also", "is", "was", "were", "been", "will", "would", "did", "does",
  "do", "not", "once", "again", "then", "later", "earlier", "recently", "previously",
  "already", "further", "first", "today", "yesterday", "repeatedly", "publicly", "officially",
  "openly", "firmly", "strongly", "explicitly", "categorically", "separately", "personally",
  "directly", "formally", "privately", "jointly", "clearly", NULL
};

/* Capitalised words that begin sentences and clauses but are not names. */
static const char * const not_names[] = {
  "As", "In", "On", "At", "But", "And", "Or", "However", "Meanwhile", "According", "After",
  "Following", "While", "When", "If", "Although", "Though", "Since", "Moreover", "Furthermore",
  "Yet", "So", "Then", "Also", "This", "That", "These", "Those", "It", "Its", "Their", "His",
  "Her", "Our", "My", "Your", "There", "Here", "Thus", "Therefore", "Consequently", "Still",
  "Now", "Today", "Yesterday", "Earlier", "Later", "Last", "Next", "Previously", "Instead",
  "Indeed", "Nevertheless", "Nonetheless", "Finally", "First", "Second", "Third",
  "Additionally", "For", "By", "From", "With", "Without", "Under", "Over", "During", "Before",
  "Because", "Despite", "Whether", "What", "Who", "Why", "How", "Which", "Where", "Such",
  "Some", "Many", "Most", "All", "Both", "Each", "Every", "Several", "Other", "Another",
  "Unlike", "Like", "Amid", "Against", "Among", "Simultaneously", "Historically", "Recently",
  "Similarly", "Likewise", "Overall", "Clearly", "Obviously", "Of", "To", "Not", "No", "Even",
  "Only", "Just", "Once", "Until", "Unless", "Through", "Throughout", "Regarding", "Given",
  "Notably", "Importantly", "Accordingly", "Hence", "Otherwise", "Rather", NULL
};

/* Words before a document noun that do not name its owner. */
static const char * const document_modifiers[] = {
  "the", "a", "an", "its", "their", "his", "her", "recent", "latest", "new", "official",
  "last", "first", "annual", "preliminary", "final", "joint", "this", "that", NULL
};

static const char * const clause_words[] = { "that", "which", "who", "whom", "whose", NULL };

static const char * const document_links[] = { "of", "by", "from", "in", NULL };

/* A word not in the -ly list of adverbs. */
static const char * const not_adverbs[] = {
  "family", "assembly", "supply", "ally", "rally", "july", "italy", "anomaly", "monopoly",
  "daily", "weekly", "monthly", "yearly", "early", "likely", "only", "holy", "belly", NULL
};

/* The lists above as sets, built once in class_init: looking a word up is
 * one hash, where the source finder asks often. */
static struct
{
  GHashTable *connectors;
  GHashTable *determiners;
  GHashTable *pronouns;
  GHashTable *indefinite_pronouns;
  GHashTable *between_subject_and_verb;
  GHashTable *not_names;
  GHashTable *document_modifiers;
  GHashTable *clause_words;
  GHashTable *document_links;
  GHashTable *not_adverbs;
} sets;

static GHashTable *
make_set (const char * const *list)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; list[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) list[i]);
  return set;
}

struct _FwAssertionDetector
{
  GObject parent_instance;

  GPtrArray *terms;
  GArray *groups;
};

G_DEFINE_FINAL_TYPE (FwAssertionDetector, fw_assertion_detector, G_TYPE_OBJECT)

G_DEFINE_QUARK (fw-assertion-detector-error-quark, fw_assertion_detector_error)

static void
fw_assertion_detector_finalize (GObject *object)
{
  FwAssertionDetector *self = (FwAssertionDetector *) object;

  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);

  G_OBJECT_CLASS (fw_assertion_detector_parent_class)->finalize (object);
}

static void
fw_assertion_detector_class_init (FwAssertionDetectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_assertion_detector_finalize;

  sets.connectors = make_set (connectors);
  sets.determiners = make_set (determiners);
  sets.pronouns = make_set (pronouns);
  sets.indefinite_pronouns = make_set (indefinite_pronouns);
  sets.between_subject_and_verb = make_set (between_subject_and_verb);
  sets.not_names = make_set (not_names);
  sets.document_modifiers = make_set (document_modifiers);
  sets.clause_words = make_set (clause_words);
  sets.document_links = make_set (document_links);
  sets.not_adverbs = make_set (not_adverbs);
}

static void
fw_assertion_detector_init (FwAssertionDetector *self)
{
  self->terms = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_array_new (FALSE, FALSE, sizeof (guint));
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error (error, FW_ASSERTION_DETECTOR_ERROR, FW_ASSERTION_DETECTOR_ERROR_INVALID,
               _("Invalid assertion cue file: %s"), message);
  return FALSE;
}

static gboolean
load_groups (FwAssertionDetector  *self,
             JsonObject           *root,
             GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *groups;

  if (!json_object_has_member (root, "groups")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "groups")))
    return invalid (error, _("“groups” must be an array"));

  groups = json_object_get_array_member (root, "groups");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonNode *node = json_array_get_element (groups, i);
      JsonObject *group;
      const char *id;
      JsonArray *terms;
      guint bit = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, _("each group must be an object"));
      group = json_node_get_object (node);
      id = json_object_get_string_member_with_default (group, "id", NULL);
      for (guint k = 0; id != NULL && k < G_N_ELEMENTS (group_ids); k++)
        if (g_str_equal (id, group_ids[k].id))
          bit = group_ids[k].group;
      if (bit == 0)
        {
          g_autofree char *message = g_strdup_printf (_("unknown group “%s”"),
                                                      id != NULL ? id : "");

          return invalid (error, message);
        }

      if (!json_object_has_member (group, "terms")
          || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (group, "terms")))
        return invalid (error, _("each group needs a “terms” array"));
      terms = json_object_get_array_member (group, "terms");

      for (guint k = 0; k < json_array_get_length (terms); k++)
        {
          JsonNode *t = json_array_get_element (terms, k);
          g_autofree char *normalized = NULL;
          gpointer index;

          if (!JSON_NODE_HOLDS_VALUE (t) || json_node_get_value_type (t) != G_TYPE_STRING)
            return invalid (error, _("terms must be strings"));

          normalized = fw_text_normalize (json_node_get_string (t), -1);
          if (normalized[0] == '\0')
            continue;

          if (g_hash_table_lookup_extended (seen, normalized, NULL, &index))
            {
              g_array_index (self->groups, guint, GPOINTER_TO_UINT (index)) |= bit;
              continue;
            }

          g_hash_table_insert (seen, g_strdup (normalized), GUINT_TO_POINTER (self->terms->len));
          g_ptr_array_add (self->terms, g_strdup (json_node_get_string (t)));
          g_array_append_val (self->groups, bit);
        }
    }

  return TRUE;
}

/**
 * fw_assertion_detector_new_from_bytes:
 * @bytes: a cue file: UTF-8 JSON with `format`
 *   (`framewise-assertion-cues`), `version` (1), `language` and `groups`,
 *   each group an `id` (one of the #FwCueGroups names, e.g. `hedge`) and
 *   `terms`, an array of words and phrases
 * @error: return location for an #FwAssertionDetectorError
 *
 * Creates a detector with the cue words of @bytes. A term listed in
 * several groups belongs to all of them.
 *
 * Returns: (transfer full) (nullable): the detector, or %NULL with
 *   @error set to %FW_ASSERTION_DETECTOR_ERROR_INVALID
 */
FwAssertionDetector *
fw_assertion_detector_new_from_bytes (GBytes  *bytes,
                                      GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FwAssertionDetector) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      invalid (error, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, _("the file must hold one JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL),
                 CUE_FORMAT) != 0)
    {
      invalid (error, _("“format” must be “framewise-assertion-cues”"));
      return NULL;
    }
  if (json_object_get_int_member_with_default (object, "version", 0) != CUE_FORMAT_VERSION)
    {
      invalid (error, _("this Framewise reads version 1 only"));
      return NULL;
    }

  self = g_object_new (FW_TYPE_ASSERTION_DETECTOR, NULL);
  if (!load_groups (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fw_assertion_detector_new_builtin:
 * @language: a BCP 47 language tag; its primary subtag selects the cue
 *   file, e.g. `en-GB` reads `lexicons/assertion-cues-en.json`
 * @error: return location for a #GError
 *
 * Creates a detector with the built-in cue words for @language.
 *
 * Returns: (transfer full) (nullable): the detector, or %NULL with @error
 *   set (%G_RESOURCE_ERROR_NOT_FOUND when there are no cue words for
 *   @language)
 */
FwAssertionDetector *
fw_assertion_detector_new_builtin (const char  *language,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = fw_pack_loader_read_builtin_lexicon ("assertion-cues-", language, error);

  if (bytes == NULL)
    return NULL;

  return fw_assertion_detector_new_from_bytes (bytes, error);
}

/**
 * fw_assertion_detector_get_n_terms:
 * @self: a detector
 *
 * Returns: the number of distinct cue terms (after normalisation)
 */
guint
fw_assertion_detector_get_n_terms (FwAssertionDetector *self)
{
  g_return_val_if_fail (FW_IS_ASSERTION_DETECTOR (self), 0);
  return self->terms->len;
}

/**
 * fw_assertion_detector_get_term:
 * @self: a detector
 * @index: a term index, less than fw_assertion_detector_get_n_terms()
 *
 * Returns: (transfer none): the term as the cue file spells it, for the
 *   matcher to find
 */
const char *
fw_assertion_detector_get_term (FwAssertionDetector *self,
                                guint                index)
{
  g_return_val_if_fail (FW_IS_ASSERTION_DETECTOR (self), NULL);
  g_return_val_if_fail (index < self->terms->len, NULL);
  return g_ptr_array_index (self->terms, index);
}

/**
 * fw_assertion_detector_get_term_groups:
 * @self: a detector
 * @index: a term index
 *
 * Returns: the #FwCueGroups of term @index
 */
guint
fw_assertion_detector_get_term_groups (FwAssertionDetector *self,
                                       guint                index)
{
  g_return_val_if_fail (FW_IS_ASSERTION_DETECTOR (self), 0);
  g_return_val_if_fail (index < self->groups->len, 0);
  return g_array_index (self->groups, guint, index);
}

/* One sentence at a time ------------------------------------------------- */

typedef struct
{
  guint start;
  guint end;
  const char *p;   /* UTF-8 of the word */
  const char *q;   /* after it */
  guint groups;    /* groups of the cue hits that cover the word */
} Word;

typedef struct
{
  guint start;
  guint end;
  guint groups;
  guint first;     /* first word it covers */
  guint last;      /* last word it covers */
} Hit;

typedef enum
{
  GAP_SPACE,
  GAP_HYPHEN,
  GAP_COMMA,
  GAP_OTHER,
} GapKind;

typedef struct
{
  gboolean found;
  guint first;
  guint last;
  gboolean named;
  gboolean unnamed;
  gboolean pronoun;
} Np;

typedef struct
{
  FwText *text;
  FwTextSpan sentence;
  const char *sp;       /* UTF-8 of the sentence */
  const char *sq;       /* after it */
  GArray *words;        /* Word */
  GArray *hits;         /* Hit */
  GArray *cues;         /* FwCue */
  GArray *quotations;   /* FwTextSpan */

  /* Whether a quotation is still open at the end of the last sentence. */
  gboolean quote_open;

  /* The first source the sentence names. */
  gboolean have_source;
  gboolean source_named;
  /* The first source is a personal pronoun ("he said"). */
  gboolean source_pronoun;
  FwTextSpan pronoun;
  FwTextSpan pronoun_verb;
  FwTextSpan speaker;
  FwTextSpan source;
  FwCueKind source_verb;
  FwTextSpan verb;
} Ctx;

static inline Word *
word (Ctx   *c,
      guint  i)
{
  return &g_array_index (c->words, Word, i);
}

/* Whether word @i is in @set; with @fold, compared in ASCII lower case. */
static gboolean
word_in_set (Ctx        *c,
             guint       i,
             GHashTable *set,
             gboolean    fold)
{
  Word *w = word (c, i);
  char buffer[32];
  gsize len = w->q - w->p;

  if (len >= sizeof buffer)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    buffer[k] = fold ? g_ascii_tolower (w->p[k]) : w->p[k];
  buffer[len] = '\0';

  return g_hash_table_contains (set, buffer);
}

static inline gboolean
word_in (Ctx        *c,
         guint       i,
         GHashTable *set)
{
  return word_in_set (c, i, set, TRUE);
}

static inline gboolean
word_in_exact_case (Ctx        *c,
                    guint       i,
                    GHashTable *set)
{
  return word_in_set (c, i, set, FALSE);
}

static gboolean
word_is_capitalised (Ctx   *c,
                     guint  i)
{
  gunichar ch = g_utf8_get_char (word (c, i)->p);

  return g_unichar_isupper (ch) || g_unichar_istitle (ch);
}

static gboolean
word_is_acronym (Ctx   *c,
                 guint  i)
{
  Word *w = word (c, i);

  if (w->q - w->p < 2)
    return FALSE;
  for (const char *p = w->p; p < w->q; p = g_utf8_next_char (p))
    if (!g_unichar_isupper (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
word_has_letter (Ctx   *c,
                 guint  i)
{
  Word *w = word (c, i);

  for (const char *p = w->p; p < w->q; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
word_has_digit (Ctx   *c,
                guint  i)
{
  Word *w = word (c, i);

  for (const char *p = w->p; p < w->q; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

static gboolean
word_is_year (Ctx   *c,
              guint  i)
{
  Word *w = word (c, i);
  int year;

  if (w->q - w->p != 4)
    return FALSE;
  for (const char *p = w->p; p < w->q; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  year = atoi (w->p);
  return year >= 1500 && year <= 2099;
}

/* A month name as a month: capitalised, since "may" and "march" are also
 * a hedge and a verb. */
static gboolean
word_is_month (Ctx   *c,
               guint  i)
{
  return (word (c, i)->groups & FW_CUE_GROUP_MONTH) && word_is_capitalised (c, i);
}

static GapKind
gap_kind (Ctx   *c,
          guint  i)
{
  const char *a = word (c, i)->q;
  const char *b = word (c, i + 1)->p;
  gboolean space = FALSE, hyphen = FALSE;

  for (const char *p = a; p < b; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == ',')
        return GAP_COMMA;
      if (g_unichar_isspace (ch))
        space = TRUE;
      else if (ch == '-' || ch == 0x2010 || ch == 0x2011)
        hyphen = TRUE;
      else
        return GAP_OTHER;
    }

  if (hyphen && !space)
    return GAP_HYPHEN;
  return hyphen ? GAP_OTHER : GAP_SPACE;
}

static gboolean
gap_joins (Ctx   *c,
           guint  i)
{
  GapKind kind = gap_kind (c, i);

  return kind == GAP_SPACE || kind == GAP_HYPHEN;
}

static gboolean
gap_has_quote (Ctx   *c,
               guint  i)
{
  for (const char *p = word (c, i)->q; p < word (c, i + 1)->p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '"' || ch == 0x201C || ch == 0x201D || ch == 0x2019 || ch == '\'')
        return TRUE;
    }
  return FALSE;
}

static void
add_cue (Ctx       *c,
         FwCueKind  kind,
         guint      start,
         guint      end)
{
  FwCue cue = { kind, start, end };

  g_array_append_val (c->cues, cue);
}

static gboolean
inside_quotation (Ctx   *c,
                  guint  start,
                  guint  end)
{
  for (guint i = 0; i < c->quotations->len; i++)
    {
      const FwTextSpan *q = &g_array_index (c->quotations, FwTextSpan, i);

      if (q->start <= start && end <= q->end)
        return TRUE;
    }
  return FALSE;
}

/* A word that can carry a source: a name, an office or body, a document, a
 * source that is not named. */
static gboolean
is_head (Ctx   *c,
         guint  i)
{
  return word (c, i)->groups & (FW_CUE_GROUP_ROLE_NOUN | FW_CUE_GROUP_SOURCE_DOCUMENT
                                | FW_CUE_GROUP_UNNAMED_SOURCE);
}

static void
np_finish (Ctx  *c,
           Np   *np,
           guint head)
{
  gboolean has_name = FALSE;

  for (guint j = np->first; j <= np->last; j++)
    if (word_is_capitalised (c, j) && !word_in (c, j, sets.determiners))
      has_name = TRUE;

  /* An office or body is a source with a determiner ("the minister"); a
   * bare plural ("officials") is not. */
  np->found = TRUE;
  np->unnamed = (word (c, head)->groups & FW_CUE_GROUP_UNNAMED_SOURCE) != 0;
  np->named = !np->unnamed
              && (has_name || (is_head (c, head) && word_in (c, np->first, sets.determiners)));
}

/* The source phrase that ends with word @k, read leftwards: names,
 * offices, connecting words, a few lower-case modifiers, and at most one
 * determiner at its start. */
static Np
np_left (Ctx   *c,
         guint  k)
{
  Np np = { FALSE, 0, k, FALSE, FALSE, FALSE };
  guint first = G_MAXUINT;
  guint modifiers = 0;
  gboolean after_connector = FALSE;

  if (word_in (c, k, sets.pronouns) || word_in (c, k, sets.indefinite_pronouns))
    {
      np.found = TRUE;
      np.pronoun = word_in (c, k, sets.pronouns);
      np.unnamed = !np.pronoun;
      np.first = k;
      return np;
    }

  for (guint j = k; ; j--)
    {
      if (j < k && !gap_joins (c, j))
        break;
      if (word_in_exact_case (c, j, sets.not_names))
        break;

      if (word_in (c, j, sets.determiners))
        {
          if (first == G_MAXUINT)
            break;
          /* "the" after a connecting word, as in "of the Republic", is
           * inside the phrase; otherwise it opens it. */
          if (j > 0 && gap_joins (c, j - 1) && word_in (c, j - 1, sets.connectors))
            continue;
          first = j;
          break;
        }
      else if (word_is_capitalised (c, j) || is_head (c, j))
        {
          first = j;
          modifiers = 0;
          after_connector = FALSE;
        }
      else if (word_in (c, j, sets.connectors) && first != G_MAXUINT)
        {
          after_connector = TRUE;
        }
      else if (first != G_MAXUINT && !after_connector && modifiers < 3 && !word_has_digit (c, j)
               && !word_in (c, j, sets.pronouns))
        {
          /* A lower-case modifier, as "foreign" in "EU foreign policy
           * chief"; it stays only when a name or determiner comes before
           * it. */
          modifiers++;
        }
      else
        {
          break;
        }

      if (j == 0)
        break;
    }

  if (first == G_MAXUINT)
    return np;

  np.first = first;
  np_finish (c, &np, k);
  return np;
}

/* The source phrase that starts at word @k, read rightwards, as in
 * "said Hikmet Hajiyev" or "said the minister". */
static Np
np_right (Ctx   *c,
          guint  k)
{
  Np np = { FALSE, k, k, FALSE, FALSE, FALSE };
  guint last = G_MAXUINT;
  guint head = k;

  if (k >= c->words->len)
    return np;

  if (word_in (c, k, sets.pronouns) || word_in (c, k, sets.indefinite_pronouns))
    {
      np.found = TRUE;
      np.pronoun = word_in (c, k, sets.pronouns);
      np.unnamed = !np.pronoun;
      return np;
    }

  for (guint j = k; j < c->words->len; j++)
    {
      if (j > k && !gap_joins (c, j - 1))
        break;

      if (j == k && word_in (c, j, sets.determiners))
        continue;
      if (word_in (c, j, sets.clause_words) || word_in_exact_case (c, j, sets.not_names))
        break;
      if (word_is_capitalised (c, j) || is_head (c, j))
        {
          last = j;
          head = j;
        }
      else if (!(word_in (c, j, sets.connectors) || (word_in (c, j, sets.determiners) && j > k)))
        break;
    }

  if (last == G_MAXUINT)
    return np;

  np.last = last;
  np_finish (c, &np, head);
  return np;
}

static void
record_source (Ctx        *c,
               FwCueKind   verb_kind,
               FwTextSpan  verb,
               Np         *np)
{
  FwTextSpan speaker = { word (c, np->first)->start, word (c, np->last)->end };

  add_cue (c, verb_kind, verb.start, verb.end);
  add_cue (c, FW_CUE_NAMED_SOURCE, speaker.start, speaker.end);

  if (c->have_source)
    return;

  c->have_source = TRUE;
  c->source_named = TRUE;
  c->speaker = speaker;
  c->verb = verb;
  c->source_verb = verb_kind;
  c->source.start = MIN (speaker.start, verb.start);
  c->source.end = MAX (speaker.end, verb.end);
}

/* A lower-case adverb in -ly between a source and its verb ("constantly
 * reaffirmed"); a few common words in -ly are not adverbs. */
static gboolean
is_adverb (Ctx   *c,
           guint  i)
{
  Word *w = word (c, i);

  return w->q - w->p >= 5 && !word_is_capitalised (c, i) && w->q[-2] == 'l' && w->q[-1] == 'y'
         && !word_in (c, i, sets.not_adverbs);
}

/* "X said", "X, the minister, said", "…,” said X". */
static void
attribute_reporting_verb (Ctx *c,
                          Hit *hit)
{
  FwTextSpan verb = { hit->start, hit->end };
  Np np = { FALSE, 0, 0, FALSE, FALSE, FALSE };
  guint v = hit->first;
  guint k;

  if (v > 0)
    {
      k = v - 1;
      while (gap_joins (c, k)
             && (word_in (c, k, sets.between_subject_and_verb) || is_adverb (c, k)))
        {
          if (k == 0)
            break;
          k--;
        }

      if (k < v && gap_joins (c, k) && !word_in (c, k, sets.between_subject_and_verb)
          && !is_adverb (c, k))
        {
          np = np_left (c, k);
        }
      else if (k < v && gap_kind (c, k) == GAP_COMMA && !gap_has_quote (c, k))
        {
          /* An appositive: "Hikmet Hajiyev, the Foreign Policy Advisor to
           * the President of Azerbaijan, emphasized". */
          Np apposition = np_left (c, k);

          if (apposition.found && !apposition.pronoun && apposition.first > 0
              && gap_kind (c, apposition.first - 1) == GAP_COMMA)
            {
              Np name = np_left (c, apposition.first - 1);

              if (name.found && name.named && !name.pronoun)
                {
                  np = name;
                  np.last = k;
                }
            }

          /* "Keith Vaz, chairman of the committee, who had called for the
           * ban, said": the name that opens the sentence, before its first
           * comma. */
          if (!np.found)
            {
              Np subject = np_right (c, 0);

              if (subject.found && subject.named && !subject.pronoun && subject.last < k
                  && gap_kind (c, subject.last) == GAP_COMMA)
                np = subject;
            }
        }
    }

  /* The source after the verb only where the verb follows a quotation or
   * opens the sentence: "“…,” said the minister." */
  if (!np.found && hit->last + 1 < c->words->len && gap_joins (c, hit->last)
      && (v == 0 || gap_has_quote (c, v - 1) || gap_kind (c, v - 1) == GAP_COMMA))
    np = np_right (c, hit->last + 1);

  /* Trailing attribution: "…, police said." or "…, aid workers say." The
   * words between the last comma and a verb that ends the sentence are the
   * speaker, even without a name or a "the" ("police", "aid workers"):
   * news English puts the source there. */
  if (hit->last + 1 == c->words->len && v > 0 && (!np.found || (!np.named && !np.unnamed)))
    {
      guint first = v - 1;

      while (first > 0 && v - first < MAX_TRAILING_SOURCE_WORDS && gap_joins (c, first - 1)
             && !word_has_digit (c, first - 1) && !word_in (c, first - 1, sets.clause_words))
        first--;
      if (first > 0 && gap_kind (c, first - 1) == GAP_COMMA && !word_has_digit (c, first)
          && !word_in (c, first, sets.clause_words))
        {
          np = (Np) { FALSE, first, v - 1, FALSE, FALSE, FALSE };
          np_finish (c, &np, v - 1);
          for (guint j = first; j < v; j++)
            np.unnamed |= (word (c, j)->groups & FW_CUE_GROUP_UNNAMED_SOURCE) != 0;
          np.named = !np.unnamed;
        }
    }

  /* Inverted trailing attribution: "…, said police." */
  if (np.found && !np.named && !np.unnamed && !np.pronoun && np.first == hit->last + 1
      && np.last + 1 == c->words->len && v > 0 && gap_kind (c, v - 1) == GAP_COMMA)
    np.named = TRUE;

  if (!np.found)
    return;

  if (np.unnamed)
    {
      add_cue (c, FW_CUE_UNNAMED_SOURCE, word (c, np.first)->start, word (c, np.last)->end);
    }
  else if (np.pronoun)
    {
      /* "he said": a source mentioned earlier, not a name to record. */
      add_cue (c, FW_CUE_REPORTING_VERB, verb.start, verb.end);
      if (!c->source_pronoun)
        {
          c->source_pronoun = TRUE;
          c->pronoun.start = word (c, np.first)->start;
          c->pronoun.end = word (c, np.first)->end;
          c->pronoun_verb = verb;
        }
    }
  else if (np.named)
    {
      record_source (c, FW_CUE_REPORTING_VERB, verb, &np);
    }
}

/* "according to the statement of the Ministry of Defense of the Republic
 * of Azerbaijan": the source is what follows, without the document or
 * statement that carries it. */
static void
attribute_according_to (Ctx *c,
                        Hit *hit)
{
  FwTextSpan cue = { hit->start, hit->end };
  guint first = hit->last + 1;
  guint last;
  guint start, end;
  gboolean has_document = FALSE;
  Np np = { FALSE, 0, 0, FALSE, FALSE, FALSE };

  if (first >= c->words->len || !gap_joins (c, hit->last))
    return;

  last = first;
  while (last + 1 < c->words->len && last + 1 - first < MAX_SOURCE_WORDS && gap_joins (c, last)
         && !word_in (c, last + 1, sets.clause_words))
    last++;

  start = first;
  while (start <= last && word_in (c, start, sets.document_modifiers))
    start++;
  if (start <= last && (word (c, start)->groups & (FW_CUE_GROUP_SOURCE_DOCUMENT
                                                   | FW_CUE_GROUP_SPEECH_NOUN)))
    {
      guint k = start;

      while (k <= last && (word (c, k)->groups & (FW_CUE_GROUP_SOURCE_DOCUMENT
                                                  | FW_CUE_GROUP_SPEECH_NOUN)))
        {
          has_document |= (word (c, k)->groups & FW_CUE_GROUP_SOURCE_DOCUMENT) != 0;
          k++;
        }
      if (k <= last && word_in (c, k, sets.document_links) && k + 1 <= last)
        start = k + 1;
      else
        start = first;
    }
  else
    {
      start = first;
    }

  end = last;
  while (end > start && (word (c, end)->groups & (FW_CUE_GROUP_SOURCE_DOCUMENT
                                                  | FW_CUE_GROUP_SPEECH_NOUN)))
    {
      has_document |= (word (c, end)->groups & FW_CUE_GROUP_SOURCE_DOCUMENT) != 0;
      end--;
    }

  np.first = start;
  np.last = end;
  np_finish (c, &np, end);
  for (guint j = start; j <= end; j++)
    if (word (c, j)->groups & FW_CUE_GROUP_UNNAMED_SOURCE)
      np.unnamed = TRUE;
  if (np.unnamed)
    {
      gboolean has_name = FALSE;

      for (guint j = start; j <= end; j++)
        has_name |= word_is_capitalised (c, j) && !word_in (c, j, sets.determiners);
      np.unnamed = !has_name;
      np.named = has_name;
    }

  if (np.unnamed || !np.named)
    {
      add_cue (c, FW_CUE_UNNAMED_SOURCE, cue.start, word (c, end)->end);
      return;
    }

  record_source (c, FW_CUE_ACCORDING_TO, cue, &np);
  if (has_document)
    add_cue (c, FW_CUE_CITATION, cue.start, word (c, last)->end);
}

/* A report, data set or resolution with an owner, a number or a date is
 * something a reader can look up. */
static void
cite_document (Ctx *c,
               Hit *hit)
{
  guint d = hit->first, d2 = hit->last;
  guint start = hit->start, end = hit->end;
  gboolean named = FALSE;

  if (d > 0 && gap_joins (c, d - 1) && !word_in (c, d - 1, sets.document_modifiers))
    {
      Np owner = np_left (c, d - 1);

      /* "Subsequent resolutions": a capital at the start of the sentence
       * names nothing unless it is an acronym ("UNHCR data"). */
      if (owner.found && owner.named && !owner.pronoun
          && !(word (c, owner.first)->groups & FW_CUE_GROUP_SOURCE_DOCUMENT)
          && !(owner.first == 0 && owner.last == 0 && !word_is_acronym (c, 0)))
        {
          named = TRUE;
          start = word (c, owner.first)->start;
        }
    }

  if (!named && d2 + 2 < c->words->len && gap_joins (c, d2) && gap_joins (c, d2 + 1)
      && word_in (c, d2 + 1, sets.document_links))
    {
      Np owner = np_right (c, d2 + 2);

      if (owner.found && owner.named && !owner.pronoun)
        {
          named = TRUE;
          end = word (c, owner.last)->end;
        }
    }

  if (!named && d2 + 1 < c->words->len && gap_joins (c, d2) && word_has_digit (c, d2 + 1))
    {
      named = TRUE;
      end = word (c, d2 + 1)->end;
    }

  /* A date close after it ("rulings of February and July 2023") or just
   * before it ("the 2022 census"). */
  for (guint j = d2 + 1; j < c->words->len && j <= d2 + 5 && end <= word (c, d2)->end; j++)
    {
      if (!gap_joins (c, j - 1) && gap_kind (c, j - 1) != GAP_COMMA)
        break;
      if (word_is_year (c, j))
        {
          named = TRUE;
          end = word (c, j)->end;
        }
    }
  if (!named && d > 0 && gap_joins (c, d - 1) && word_is_year (c, d - 1))
    {
      named = TRUE;
      start = word (c, d - 1)->start;
    }

  if (named)
    {
      add_cue (c, FW_CUE_CITATION, start, end);
      if (!c->have_source)
        {
          c->have_source = TRUE;
          c->source_named = FALSE;
          c->source.start = start;
          c->source.end = end;
        }
    }
  else if ((hit->groups & FW_CUE_GROUP_UNNAMED_SOURCE) && !word_is_capitalised (c, d))
    {
      add_cue (c, FW_CUE_UNNAMED_SOURCE, hit->start, hit->end);
    }
}

static gunichar
char_before (Ctx        *c,
             const char *p)
{
  const char *text = fw_text_get_text (c->text, NULL);

  return p > text ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
}

/* Figures, dates of data, bracketed references. */
static void
scan_numbers (Ctx *c)
{
  guint n = c->words->len;

  for (guint i = 0; i < n; i++)
    {
      Word *w = word (c, i);
      guint end;
      gboolean percent = FALSE, magnitude = FALSE;
      guint64 value;

      if (!word_has_digit (c, i))
        {
          /* An amount in words: "thousands of refugees". */
          if ((w->groups & FW_CUE_GROUP_QUANTITY)
              && !(i > 0 && word_has_digit (c, i - 1) && gap_joins (c, i - 1))
              && !(i > 0 && (word (c, i - 1)->groups & FW_CUE_GROUP_QUANTITY)))
            {
              guint j = i;

              while (j + 1 < n && (word (c, j + 1)->groups & FW_CUE_GROUP_QUANTITY)
                     && gap_joins (c, j))
                j++;
              add_cue (c, FW_CUE_NUMBER, w->start, word (c, j)->end);
            }
          continue;
        }

      /* "[12]": a reference. */
      if (char_before (c, w->p) == '[' && *w->q == ']')
        {
          add_cue (c, FW_CUE_CITATION, w->start - 1, w->end + 1);
          continue;
        }

      /* "resolution 2139": handled as a citation of the document. */
      if (i > 0 && (word (c, i - 1)->groups & FW_CUE_GROUP_SOURCE_DOCUMENT) && gap_joins (c, i - 1))
        continue;

      if (word_is_year (c, i))
        {
          if (char_before (c, w->p) == '(' && *w->q == ')')
            {
              add_cue (c, FW_CUE_DATE, w->start - 1, w->end + 1);
              add_cue (c, FW_CUE_CITATION, w->start - 1, w->end + 1);
            }
          else if (i > 0 && word_is_month (c, i - 1) && gap_kind (c, i - 1) != GAP_OTHER)
            {
              add_cue (c, FW_CUE_DATE, word (c, i - 1)->start, w->end);
            }
          /* Otherwise a year of events, not a figure. */
          continue;
        }

      /* "9 September", "September 9". */
      if ((i + 1 < n && word_is_month (c, i + 1) && gap_joins (c, i))
          || (i > 0 && word_is_month (c, i - 1) && gap_joins (c, i - 1)))
        continue;

      /* Ordinals, decades and names: "19th", "1990s", "COVID-19". */
      if (word_has_letter (c, i))
        continue;

      /* Durations: "33 years". */
      if (i + 1 < n && (word (c, i + 1)->groups & FW_CUE_GROUP_TIME_UNIT) && gap_joins (c, i))
        continue;

      end = w->end;
      if (*w->q == '%')
        {
          percent = TRUE;
          end++;
        }
      if (i + 1 < n && (word (c, i + 1)->groups & FW_CUE_GROUP_QUANTITY) && gap_joins (c, i))
        {
          magnitude = TRUE;
          end = word (c, i + 1)->end;
          i++;
        }

      value = 0;
      for (const char *p = w->p; p < w->q && *p != '.'; p++)
        if (g_ascii_isdigit (*p))
          value = MIN (value * 10 + (guint64) (*p - '0'), G_MAXUINT32);
      if (percent || magnitude || value >= 10)
        add_cue (c, FW_CUE_NUMBER, w->start, end);
    }
}

/* Quotations in straight or curly double quotes. */
static void
scan_quotations (Ctx *c)
{
  guint offset = c->sentence.start;
  /* A quotation left open by the sentence before goes on in this one. */
  guint open = c->quote_open ? c->sentence.start : G_MAXUINT;

  for (const char *p = c->sp; p < c->sq; p = g_utf8_next_char (p), offset++)
    {
      gunichar ch = g_utf8_get_char (p);
      gboolean opens = ch == 0x201C || ch == 0x201E || ch == 0x00AB
                       || (ch == '"' && open == G_MAXUINT);
      gboolean closes = ch == 0x201D || ch == 0x00BB || (ch == '"' && open != G_MAXUINT);

      if (open == G_MAXUINT && opens)
        {
          open = offset;
        }
      else if (open != G_MAXUINT && closes)
        {
          FwTextSpan q = { open, offset + 1 };

          g_array_append_val (c->quotations, q);
          open = G_MAXUINT;
        }
    }
  c->quote_open = open != G_MAXUINT;
  if (open != G_MAXUINT)
    {
      FwTextSpan q = { open, c->sentence.end };

      g_array_append_val (c->quotations, q);
    }

  for (guint i = 0; i < c->quotations->len; )
    {
      FwTextSpan *q = &g_array_index (c->quotations, FwTextSpan, i);
      guint n_words = 0;

      for (guint k = 0; k < c->words->len; k++)
        if (word (c, k)->start >= q->start && word (c, k)->end <= q->end)
          n_words++;

      if (n_words < MIN_QUOTATION_WORDS)
        {
          g_array_remove_index (c->quotations, i);
          continue;
        }
      add_cue (c, FW_CUE_QUOTATION, q->start, q->end);
      i++;
    }
}

/* Links: "https://…", "http://…", "www.…". */
static void
scan_links (Ctx *c)
{
  const char *found = NULL;
  const char *e;

  for (const char *p = c->sp; p + 4 <= c->sq && found == NULL; p++)
    {
      if (p[0] == ':' && p[1] == '/' && p[2] == '/')
        {
          found = p;
          while (found > c->sp && g_ascii_isalpha (found[-1]))
            found--;
        }
      else if ((p[0] == 'w' || p[0] == 'W') && g_ascii_strncasecmp (p, "www.", 4) == 0)
        {
          found = p;
        }
    }
  if (found == NULL)
    return;

  for (e = found; e < c->sq && !g_ascii_isspace (*e); e++)
    ;
  add_cue (c, FW_CUE_CITATION,
           c->sentence.start + (guint) g_utf8_strlen (c->sp, found - c->sp),
           c->sentence.start + (guint) g_utf8_strlen (c->sp, e - c->sp));
}

static int
compare_cues (gconstpointer a,
              gconstpointer b)
{
  const FwCue *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

static const FwCue *
first_cue (Ctx       *c,
           FwCueKind  kind)
{
  for (guint i = 0; i < c->cues->len; i++)
    if (g_array_index (c->cues, FwCue, i).kind == kind)
      return &g_array_index (c->cues, FwCue, i);
  return NULL;
}

static gboolean
has_cue_at (Ctx        *c,
            FwCueKind   kind,
            FwTextSpan  span)
{
  for (guint i = 0; i < c->cues->len; i++)
    {
      const FwCue *cue = &g_array_index (c->cues, FwCue, i);

      if (cue->kind == kind && cue->start < span.end && span.start < cue->end)
        return TRUE;
    }
  return FALSE;
}

static char *
cue_text (Ctx         *c,
          const FwCue *cue)
{
  return fw_text_dup_span (c->text, cue->start, cue->end);
}

/* Label, category and rationale from the cues. */
static void
decide (Ctx        *c,
        FwSentence *s)
{
  const FwCue *citation = first_cue (c, FW_CUE_CITATION);
  const FwCue *quotation = first_cue (c, FW_CUE_QUOTATION);
  const FwCue *unnamed = first_cue (c, FW_CUE_UNNAMED_SOURCE);
  const FwCue *hedge = first_cue (c, FW_CUE_HEDGE);
  const FwCue *booster = first_cue (c, FW_CUE_BOOSTER);
  const FwCue *factive = first_cue (c, FW_CUE_FACTIVE);
  const FwCue *generalisation = first_cue (c, FW_CUE_GENERALISATION);
  const FwCue *number = first_cue (c, FW_CUE_NUMBER);
  g_autofree char *text = NULL;

  if (c->have_source && c->source_named)
    {
      s->speaker = fw_text_dup_span (c->text, c->speaker.start, c->speaker.end);
      s->speaker_start = c->speaker.start;
      s->speaker_end = c->speaker.end;
    }

  if (citation != NULL)
    {
      s->label = FW_ASSERTION_SOURCED;
      s->category_id = "cited-source";
      s->source_start = c->have_source ? c->source.start : citation->start;
      s->source_end = c->have_source ? c->source.end : citation->end;
      if (c->have_source && c->source_named)
        {
          s->source_start = MIN (s->source_start, citation->start);
          s->source_end = MAX (s->source_end, citation->end);
        }
      text = cue_text (c, citation);
      s->rationale = g_strdup_printf (_("This sentence points to a source you could look up "
                                        "yourself (“%s”)."), text);
      return;
    }

  if (c->have_source && c->source_named)
    {
      gboolean verb_factive = has_cue_at (c, FW_CUE_FACTIVE, c->verb);
      gboolean verb_assertive = has_cue_at (c, FW_CUE_ASSERTIVE, c->verb);
      g_autofree char *verb = fw_text_dup_span (c->text, c->verb.start, c->verb.end);

      s->label = FW_ASSERTION_ATTRIBUTED;
      s->category_id = "named-source";
      s->source_start = c->source.start;
      s->source_end = c->source.end;

      if (verb_factive)
        s->rationale = g_strdup_printf (_("The sentence says who makes this claim (%s), but the "
                                          "verb “%s” treats the claim as a fact rather than as "
                                          "their view."), s->speaker, verb);
      else if (verb_assertive)
        s->rationale = g_strdup_printf (_("The sentence says who makes this claim (%s), and the "
                                          "verb “%s” shows it is their view, which you can "
                                          "weigh."), s->speaker, verb);
      else
        s->rationale = g_strdup_printf (_("The sentence says who makes this claim (%s), so you "
                                          "can judge the source; being said does not make it "
                                          "true."), s->speaker);
      return;
    }

  if (c->source_pronoun)
    {
      g_autofree char *pronoun = fw_text_dup_span (c->text, c->pronoun.start, c->pronoun.end);

      s->label = FW_ASSERTION_ATTRIBUTED;
      s->category_id = "earlier-source";
      s->source_start = MIN (c->pronoun.start, c->pronoun_verb.start);
      s->source_end = MAX (c->pronoun.end, c->pronoun_verb.end);
      s->rationale = g_strdup_printf (_("The claim is given to “%s”, a word that points back to "
                                        "someone mentioned earlier, not a name. Look back in the "
                                        "text to find who it is, then judge that source."),
                                      pronoun);
      return;
    }

  if (quotation != NULL)
    {
      s->label = FW_ASSERTION_ATTRIBUTED;
      s->category_id = "quotation";
      s->source_start = quotation->start;
      s->source_end = quotation->end;
      s->rationale = g_strdup (_("These are someone else’s words in quotation marks; check who "
                                 "said them before you trust them."));
      return;
    }

  if (unnamed != NULL)
    {
      s->label = FW_ASSERTION_UNSUPPORTED;
      s->flagged = TRUE;
      s->category_id = "unnamed-source";
      text = cue_text (c, unnamed);
      s->rationale = g_strdup_printf (_("This leans on sources that are not named (“%s”), so you "
                                        "cannot check who said it."), text);
      return;
    }

  if (hedge != NULL && booster == NULL && generalisation == NULL && factive == NULL)
    {
      s->label = FW_ASSERTION_HEDGED;
      text = cue_text (c, hedge);
      s->rationale = g_strdup_printf (_("The writer holds back (“%s”), offering this as possible "
                                        "rather than proven."), text);
      return;
    }

  s->label = FW_ASSERTION_UNSUPPORTED;
  if (number != NULL)
    {
      s->flagged = TRUE;
      s->category_id = "statistic-without-source";
      text = cue_text (c, number);
      s->rationale = g_strdup_printf (_("This gives a figure (“%s”) without saying who counted "
                                        "it or where it comes from, so you cannot check it."),
                                      text);
    }
  else if (generalisation != NULL)
    {
      s->flagged = TRUE;
      s->category_id = "sweeping-generalisation";
      text = cue_text (c, generalisation);
      s->rationale = g_strdup_printf (_("This sweeping claim (“%s”) allows no exceptions, and "
                                        "nothing in the sentence backs it up."), text);
    }
  else if (booster != NULL)
    {
      s->flagged = TRUE;
      s->category_id = "claim-without-evidence";
      text = cue_text (c, booster);
      s->rationale = g_strdup_printf (_("The writer presents this as certain (“%s”) but gives no "
                                        "source or evidence for it."), text);
    }
  else if (factive != NULL)
    {
      s->flagged = TRUE;
      s->category_id = "claim-without-evidence";
      text = cue_text (c, factive);
      s->rationale = g_strdup_printf (_("The verb “%s” treats this as an established fact, but "
                                        "the sentence gives no source for it."), text);
    }
  else
    {
      s->rationale = g_strdup (_("The writer states this in their own voice without saying "
                                 "where it comes from."));
    }
}

static const char *
cursor_pointer (FwText     *text,
                guint      *cursor_cp,
                const char **cursor,
                guint       offset)
{
  if (offset < *cursor_cp)
    {
      *cursor = fw_text_get_pointer (text, offset);
      *cursor_cp = offset;
    }
  while (*cursor_cp < offset)
    {
      *cursor = g_utf8_next_char (*cursor);
      (*cursor_cp)++;
    }
  return *cursor;
}

/* "clearly" before a past participle it describes ("clearly defined",
 * "clearly marked") tells how something was done, not how sure the writer
 * is. */
static gboolean
manner_adverb (Ctx *c,
               Hit *hit)
{
  Word *w = word (c, hit->first);
  Word *next;

  if (hit->first != hit->last || hit->last + 1 >= c->words->len
      || gap_kind (c, hit->last) != GAP_SPACE)
    return FALSE;
  next = word (c, hit->last + 1);
  return fw_assertion_detector_is_manner_adverb (w->p, w->q - w->p, next->p, next->q - next->p);
}

/**
 * fw_assertion_detector_is_manner_adverb:
 * @adverb: an adverb, UTF-8 in any case
 * @adverb_length: length of @adverb in bytes, or -1 if it is nul-terminated
 * @next_word: the word right after @adverb, UTF-8 in any case
 * @next_length: length of @next_word in bytes, or -1 if it is
 *   nul-terminated
 *
 * Tells whether @adverb describes the manner of the past participle
 * @next_word rather than the writer's certainty: "clearly" before
 * "defined", "marked", "visible", "stated" and the like means "in a clear
 * way", so it is no booster there (Hyland 2005, "Metadiscourse", counts
 * only the stance use). The detector and the lexicon highlights share
 * this rule.
 *
 * Returns: %TRUE when @adverb is "clearly" and @next_word one of its
 *   manner participles
 */
gboolean
fw_assertion_detector_is_manner_adverb (const char *adverb,
                                        gssize      adverb_length,
                                        const char *next_word,
                                        gssize      next_length)
{
  g_autofree char *next = NULL;

  g_return_val_if_fail (adverb != NULL, FALSE);
  g_return_val_if_fail (next_word != NULL, FALSE);

  if (adverb_length < 0)
    adverb_length = strlen (adverb);
  if (adverb_length != 7 || g_ascii_strncasecmp (adverb, "clearly", 7) != 0)
    return FALSE;

  next = g_ascii_strdown (next_word, next_length);
  return g_strv_contains (manner_participles, next);
}

static FwSentence *
detect_sentence (Ctx             *c,
                 const FwCueHit  *hits,
                 guint            n_hits,
                 guint           *next_hit)
{
  FwSentence *s = g_new0 (FwSentence, 1);
  guint offset = c->sentence.start;
  guint cursor_cp = c->sentence.start;
  const char *cursor = fw_text_get_pointer (c->text, c->sentence.start);
  FwTextSpan w;
  guint wi = 0;

  s->start = c->sentence.start;
  s->end = c->sentence.end;

  g_array_set_size (c->words, 0);
  g_array_set_size (c->hits, 0);
  g_array_set_size (c->cues, 0);
  g_array_set_size (c->quotations, 0);
  c->have_source = FALSE;
  c->source_named = FALSE;
  c->source_pronoun = FALSE;

  c->sp = cursor;
  while (fw_text_next_word (c->text, offset, c->sentence.end, &w))
    {
      Word word = { w.start, MIN (w.end, c->sentence.end), NULL, NULL, 0 };

      word.p = cursor_pointer (c->text, &cursor_cp, &cursor, word.start);
      word.q = cursor_pointer (c->text, &cursor_cp, &cursor, word.end);
      g_array_append_val (c->words, word);
      offset = w.end;
    }
  c->sq = cursor_pointer (c->text, &cursor_cp, &cursor, c->sentence.end);

  /* The cue hits inside the sentence, and the words each covers. */
  while (*next_hit < n_hits && hits[*next_hit].start < c->sentence.start)
    (*next_hit)++;
  for (guint h = *next_hit; h < n_hits && hits[h].start < c->sentence.end; h++)
    {
      Hit hit = { hits[h].start, hits[h].end, hits[h].groups, G_MAXUINT, 0 };

      if (hits[h].end > c->sentence.end)
        continue;
      while (wi < c->words->len && word (c, wi)->start < hit.start)
        wi++;
      for (guint k = wi; k < c->words->len && word (c, k)->end <= hit.end; k++)
        {
          if (hit.first == G_MAXUINT)
            hit.first = k;
          hit.last = k;
          word (c, k)->groups |= hit.groups;
        }
      if (hit.first != G_MAXUINT)
        g_array_append_val (c->hits, hit);
    }

  scan_quotations (c);

  for (guint h = 0; h < c->hits->len; h++)
    {
      Hit *hit = &g_array_index (c->hits, Hit, h);
      gboolean quoted = inside_quotation (c, hit->start, hit->end);
      gboolean month = (hit->groups & FW_CUE_GROUP_MONTH) && word_is_capitalised (c, hit->first);
      /* A capitalised verb inside a sentence is part of a name: "the
       * United States", "State Department". */
      gboolean in_name = word_is_capitalised (c, hit->first) && hit->first > 0;
      guint verbs = FW_CUE_GROUP_REPORTING_VERB | FW_CUE_GROUP_FACTIVE | FW_CUE_GROUP_ASSERTIVE;

      if (in_name && (hit->groups & verbs) && !(hit->groups & ~verbs))
        continue;

      /* The speaker's own stance words inside a quotation are theirs, not
       * the writer's. */
      if (!quoted)
        {
          if ((hit->groups & FW_CUE_GROUP_HEDGE) && !month)
            add_cue (c, FW_CUE_HEDGE, hit->start, hit->end);
          if ((hit->groups & FW_CUE_GROUP_BOOSTER) && !manner_adverb (c, hit))
            add_cue (c, FW_CUE_BOOSTER, hit->start, hit->end);
          if (hit->groups & FW_CUE_GROUP_FACTIVE)
            add_cue (c, FW_CUE_FACTIVE, hit->start, hit->end);
          if (hit->groups & FW_CUE_GROUP_ASSERTIVE)
            add_cue (c, FW_CUE_ASSERTIVE, hit->start, hit->end);
          if (hit->groups & FW_CUE_GROUP_GENERALISATION)
            add_cue (c, FW_CUE_GENERALISATION, hit->start, hit->end);
        }

      if (hit->groups & FW_CUE_GROUP_ACCORDING_TO)
        attribute_according_to (c, hit);
      else if ((hit->groups & FW_CUE_GROUP_REPORTING_VERB) && !quoted
               && !word_is_capitalised (c, hit->first))
        attribute_reporting_verb (c, hit);
      else if ((hit->groups & FW_CUE_GROUP_SOURCE_DOCUMENT) && !quoted)
        cite_document (c, hit);
      else if ((hit->groups & FW_CUE_GROUP_UNNAMED_SOURCE) && !quoted)
        add_cue (c, FW_CUE_UNNAMED_SOURCE, hit->start, hit->end);
    }

  scan_numbers (c);
  scan_links (c);

  /* Figures inside a quotation are the speaker's. */
  for (guint i = 0; i < c->cues->len; )
    {
      FwCue *cue = &g_array_index (c->cues, FwCue, i);

      if (cue->kind == FW_CUE_NUMBER && inside_quotation (c, cue->start, cue->end))
        g_array_remove_index (c->cues, i);
      else
        i++;
    }

  g_array_sort (c->cues, compare_cues);
  for (guint i = 1; i < c->cues->len; )
    {
      FwCue *a = &g_array_index (c->cues, FwCue, i - 1);
      FwCue *b = &g_array_index (c->cues, FwCue, i);

      if (a->kind == b->kind && a->start == b->start && a->end == b->end)
        g_array_remove_index (c->cues, i);
      else
        i++;
    }

  decide (c, s);

  s->n_cues = c->cues->len;
  s->cues = g_memdup2 (c->cues->data, c->cues->len * sizeof (FwCue));

  return s;
}

/**
 * fw_assertion_detector_detect:
 * @self: a detector
 * @text: a segmented text (see fw_text_segment())
 * @hits: (array length=n_hits): the occurrences of this detector's terms
 *   in @text, ordered by start, as whole words (the matcher finds them)
 * @n_hits: number of @hits
 * @cancellable: (nullable): a #GCancellable, checked every thousand
 *   sentences
 * @error: return location for a #GError
 *
 * Labels every sentence of @text:
 *
 * - sourced, when it points to something a reader could look up: a
 *   report, data set or resolution with an owner, a number or a date
 *   ("UNHCR data (2023)", "resolution 2139"), a bracketed reference, a
 *   link;
 * - attributed, when it says who makes the claim: a reporting verb with a
 *   named source as subject ("President Aliyev repeatedly said"),
 *   "according to" with a named source, or a quotation of four words or
 *   more;
 * - hedged, when it has no source but holds back ("may", "perhaps") and
 *   does not also press the claim with a booster or generalisation;
 * - unsupported otherwise. An unsupported sentence is flagged when it
 *   rests on unnamed sources, gives a figure, generalises sweepingly, or
 *   uses a booster or factive verb.
 *
 * Each result lists the cues with their spans, the source it names and a
 * one-sentence rationale.
 *
 * Returns: (transfer full) (element-type FwSentence) (nullable): one
 *   result per sentence in text order, or %NULL with
 *   %G_IO_ERROR_CANCELLED
 */
GPtrArray *
fw_assertion_detector_detect (FwAssertionDetector  *self,
                              FwText               *text,
                              const FwCueHit       *hits,
                              guint                 n_hits,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(GPtrArray) results = NULL;
  const FwTextSpan *sentences;
  guint n_sentences;
  guint next_hit = 0;
  guint paragraph = 0;
  Ctx c = { 0 };

  g_return_val_if_fail (FW_IS_ASSERTION_DETECTOR (self), NULL);
  g_return_val_if_fail (FW_IS_TEXT (text), NULL);
  g_return_val_if_fail (fw_text_is_segmented (text), NULL);

  sentences = fw_text_get_sentences (text, &n_sentences);
  results = g_ptr_array_new_full (n_sentences, (GDestroyNotify) fw_sentence_free);

  c.text = text;
  c.words = g_array_new (FALSE, FALSE, sizeof (Word));
  c.hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  c.cues = g_array_new (FALSE, FALSE, sizeof (FwCue));
  c.quotations = g_array_new (FALSE, FALSE, sizeof (FwTextSpan));

  for (guint i = 0; i < n_sentences; i++)
    {
      FwSentence *s;

      if (i % 1000 == 999 && g_cancellable_is_cancelled (cancellable))
        break;

      while (paragraph + 1 < fw_text_get_n_paragraphs (text)
             && fw_text_get_paragraph (text, paragraph).end < sentences[i].start)
        {
          paragraph++;
          c.quote_open = FALSE;
        }

      c.sentence = sentences[i];
      s = detect_sentence (&c, hits, n_hits, &next_hit);
      s->paragraph = paragraph;
      g_ptr_array_add (results, s);
    }

  g_array_unref (c.words);
  g_array_unref (c.hits);
  g_array_unref (c.cues);
  g_array_unref (c.quotations);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&results);
}
