/* fw-analyzer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the automatic analysis of a text: the lexicon terms, the lexicons'
 * intensifiers, the frame cues and the assertion cues are all found in one
 * pass of one matcher; then the frame profiler counts the frame cues and
 * the assertion detector labels the sentences. An analyzer is set up once
 * (built-in lexicon, frames and cue words for a language, plus a pack's
 * own) and can then analyse any number of texts, from several threads at
 * once.
 *
 * An intensifier right before a loaded term joins its highlight: "utterly
 * disgusting", "so brutal", "sheer hypocrisy". The amplifier is part of
 * what makes the wording loaded, and annotators of loaded language mark
 * the whole phrase (the Propaganda Techniques Corpus of Da San Martino et
 * al., 2019, "Fine-Grained Analysis of Propaganda in News Articles", has
 * spans such as "most vicious" and "utter annihilation"), so the student
 * sees one highlight for one loaded phrase rather than a booster and a
 * term side by side. Intensifiers are never highlighted on their own.
 *
 * In the same way a loaded modifier, an adjective, participle or adverb
 * that the lexicon marks as such, takes in the word it modifies: "brutal
 * crackdown", "botched investigation", "absurdly low". The highlight then
 * shows what the loaded word is said of, which is also how annotators
 * mark such phrases. Only one word is taken in, and only a content word:
 * not one of the lexicon's function words, not a capitalised name after
 * a lower-case modifier, not a word that is highlighted itself.
 *
 * The word taken in may be the first of a two-word head, a noun adjunct
 * and its noun ("brutal police crackdown"). With no part-of-speech tagger
 * the second word is taken in only where the phrase cannot run on: right
 * before punctuation, both words lower case content words, and with no
 * sign of a subject and its verb (see extend_over_compound()).
 *
 * Two loaded modifiers joined by "and" or "or" make one loaded phrase
 * with the word they both modify: "bogus and farcical claims", "cruel and
 * inhuman treatment" (when both are in the lexicon). The pairing doubles
 * the judgement, so it is one highlight, again as annotators mark it,
 * rather than a bare adjective and a separate adjective-noun phrase.
 *
 * A loaded modifier said of the weather ("the brutal cold", "savagely
 * hot") is a figure of speech about no one's acts: it takes no side and
 * the advice to describe the acts makes no sense there, so it is not
 * highlighted at all. The lexicon lists these figurative heads. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fw-analysis-private.h"
#include "fw-analyzer.h"
#include "fw-matcher.h"

enum
{
  GROUP_LEXICON,
  GROUP_FRAMES,
  GROUP_CUES,
  GROUP_INTENSIFIERS,
};

typedef struct
{
  guint lexicon;      /* G_MAXUINT when the pattern is not a lexicon term */
  guint entry;
  guint cue_groups;
  GArray *frames;     /* (nullable) guint frame indices */
  gboolean intensifier;
  gboolean modifier;  /* the lexicon term is a modifier form */
} Payload;

typedef struct
{
  const FwMatch *match;
  const Payload *payload;
  guint start;        /* the match's start, or the first intensifier's */
  guint end;          /* the match's end, or the end of the word it modifies */
} LexiconHit;

typedef struct
{
  FwMatcher *matcher;
  GArray *payloads;   /* Payload, indexed by pattern id */
  GHashTable *function_words;  /* normalised words, a set */
  GHashTable *figurative_heads;  /* normalised words, a set */
  /* Per lexicon, per entry: its `literal_before` words normalised, or
   * %NULL when it has none (GPtrArray of GPtrArray of GStrv). */
  GPtrArray *literal_before;
} Compiled;

struct _FwAnalyzer
{
  GObject parent_instance;

  char *language;
  GPtrArray *lexicons;       /* FwLexicon: added ones first, the built-in one last */
  gboolean has_builtin;
  GPtrArray *frames;         /* FwFrame */
  FwAssertionDetector *detector;

  GMutex lock;
  Compiled *full;
  Compiled *lexicon_only;
};

G_DEFINE_FINAL_TYPE (FwAnalyzer, fw_analyzer, G_TYPE_OBJECT)

G_DEFINE_QUARK (fw-analyzer-error-quark, fw_analyzer_error)

static void
compiled_free (Compiled *compiled)
{
  if (compiled == NULL)
    return;

  for (guint i = 0; i < compiled->payloads->len; i++)
    g_clear_pointer (&g_array_index (compiled->payloads, Payload, i).frames, g_array_unref);
  g_array_unref (compiled->payloads);
  g_hash_table_unref (compiled->function_words);
  g_hash_table_unref (compiled->figurative_heads);
  g_ptr_array_unref (compiled->literal_before);
  g_object_unref (compiled->matcher);
  g_free (compiled);
}

static void
fw_analyzer_finalize (GObject *object)
{
  FwAnalyzer *self = (FwAnalyzer *) object;

  g_free (self->language);
  g_clear_pointer (&self->lexicons, g_ptr_array_unref);
  g_clear_pointer (&self->frames, g_ptr_array_unref);
  g_clear_object (&self->detector);
  g_clear_pointer (&self->full, compiled_free);
  g_clear_pointer (&self->lexicon_only, compiled_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fw_analyzer_parent_class)->finalize (object);
}

static void
fw_analyzer_class_init (FwAnalyzerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_analyzer_finalize;
}

static void
fw_analyzer_init (FwAnalyzer *self)
{
  self->lexicons = g_ptr_array_new_with_free_func (g_object_unref);
  self->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_frame_free);
  g_mutex_init (&self->lock);
}

/**
 * fw_analyzer_new_custom:
 * @language: BCP 47 tag of the texts' language, e.g. `en`
 * @lexicons: (element-type FwLexicon) (nullable): loaded-language
 *   lexicons; where two define the same term, the earlier one wins
 * @frames: (element-type FwFrame) (nullable): the frames to profile
 * @detector: (nullable): the assertion detector with its cue words
 *
 * Creates an analyzer from explicit data, without the built-in lexicon,
 * frames or cue words; for tests and for measuring another lexicon.
 *
 * Returns: (transfer full): the analyzer
 */
FwAnalyzer *
fw_analyzer_new_custom (const char          *language,
                        GPtrArray           *lexicons,
                        GPtrArray           *frames,
                        FwAssertionDetector *detector)
{
  FwAnalyzer *self = g_object_new (FW_TYPE_ANALYZER, NULL);

  self->language = g_strdup (language);
  for (guint i = 0; lexicons != NULL && i < lexicons->len; i++)
    g_ptr_array_add (self->lexicons, g_object_ref (g_ptr_array_index (lexicons, i)));
  for (guint i = 0; frames != NULL && i < frames->len; i++)
    g_ptr_array_add (self->frames, fw_frame_copy (g_ptr_array_index (frames, i)));
  if (detector != NULL)
    self->detector = g_object_ref (detector);

  return self;
}

static gboolean
is_not_found (const GError *error)
{
  return g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

/* Loads the built-in lexicon, frames and cue words for @language; a
 * missing one is no error unless @need_lexicon. */
static gboolean
load_builtin (FwAnalyzer  *self,
              gboolean     need_lexicon,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FwLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) frames = NULL;

  lexicon = fw_lexicon_new_builtin (self->language, &local_error);
  if (lexicon != NULL)
    {
      g_ptr_array_add (self->lexicons, g_steal_pointer (&lexicon));
      self->has_builtin = TRUE;
    }
  else if (!is_not_found (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  else if (need_lexicon)
    {
      g_set_error (error, FW_ANALYZER_ERROR, FW_ANALYZER_ERROR_UNSUPPORTED_LANGUAGE,
                   _("Framewise has no built-in lexicon for the language “%s”"), self->language);
      return FALSE;
    }
  g_clear_error (&local_error);

  frames = fw_frame_list_new_builtin (self->language, &local_error);
  if (frames != NULL)
    {
      for (guint i = 0; i < frames->len; i++)
        g_ptr_array_add (self->frames, fw_frame_copy (g_ptr_array_index (frames, i)));
    }
  else if (!is_not_found (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  self->detector = fw_assertion_detector_new_builtin (self->language, &local_error);
  if (self->detector == NULL && !is_not_found (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * fw_analyzer_new:
 * @language: BCP 47 tag of the texts' language, e.g. `en`
 * @error: return location for a #GError
 *
 * Creates an analyzer with the built-in lexicon, frames and assertion cue
 * words for @language (its primary subtag). Frames and cue words are
 * optional: without them fw_analyzer_get_available() leaves out their
 * stage.
 *
 * Returns: (transfer full) (nullable): the analyzer, or %NULL with @error
 *   set: %FW_ANALYZER_ERROR_UNSUPPORTED_LANGUAGE when there is no built-in
 *   lexicon for @language, or an error from reading built-in data
 */
FwAnalyzer *
fw_analyzer_new (const char  *language,
                 GError     **error)
{
  g_autoptr(FwAnalyzer) self = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (FW_TYPE_ANALYZER, NULL);
  self->language = g_strdup (language);
  if (!load_builtin (self, TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fw_analyzer_new_for_pack:
 * @pack: a lesson pack
 * @error: return location for a #GError
 *
 * Creates an analyzer for the pieces of @pack: the built-in data for the
 * pack's language (when there is any), the pack's own lexicons, which win
 * over the built-in one where both define a term, and the pack's frames,
 * which replace built-in frames with the same id and add the others.
 *
 * Returns: (transfer full) (nullable): the analyzer, or %NULL with @error
 *   set when built-in data cannot be read
 */
FwAnalyzer *
fw_analyzer_new_for_pack (FwPack  *pack,
                          GError **error)
{
  g_autoptr(FwAnalyzer) self = NULL;
  GPtrArray *lexicons, *frames;

  g_return_val_if_fail (FW_IS_PACK (pack), NULL);

  self = g_object_new (FW_TYPE_ANALYZER, NULL);
  self->language = g_strdup (fw_pack_get_language (pack));
  if (!load_builtin (self, FALSE, error))
    return NULL;

  lexicons = fw_pack_get_lexicons (pack);
  for (guint i = 0; i < lexicons->len; i++)
    fw_analyzer_add_lexicon (self, g_ptr_array_index (lexicons, i));

  frames = fw_pack_get_frames (pack);
  for (guint i = 0; i < frames->len; i++)
    fw_analyzer_add_frame (self, g_ptr_array_index (frames, i));

  return g_steal_pointer (&self);
}

static GQuark analyzer_for_pack_quark (void);
G_DEFINE_QUARK (fw-analyzer-for-pack, analyzer_for_pack)

static gpointer
dup_analyzer (gpointer data,
              gpointer user_data)
{
  return data != NULL ? g_object_ref (data) : NULL;
}

/**
 * fw_analyzer_dup_for_pack:
 * @pack: a lesson pack
 * @error: return location for a #GError
 *
 * Gets the analyzer of @pack, as fw_analyzer_new_for_pack() makes it, and
 * keeps it with the pack so that the reader and the exercises share one
 * analyzer (and one compiled matcher) per pack. Safe to call from several
 * threads at once: when two make an analyzer at the same time, both get
 * the one that was kept first.
 *
 * Returns: (transfer full) (nullable): the analyzer, or %NULL with @error
 *   set as fw_analyzer_new_for_pack() sets it
 */
FwAnalyzer *
fw_analyzer_dup_for_pack (FwPack  *pack,
                          GError **error)
{
  g_autoptr(FwAnalyzer) analyzer = NULL;

  g_return_val_if_fail (FW_IS_PACK (pack), NULL);

  analyzer = g_object_dup_qdata (G_OBJECT (pack), analyzer_for_pack_quark (), dup_analyzer, NULL);
  if (analyzer != NULL)
    return g_steal_pointer (&analyzer);

  analyzer = fw_analyzer_new_for_pack (pack, error);
  if (analyzer == NULL)
    return NULL;

  if (g_object_replace_qdata (G_OBJECT (pack), analyzer_for_pack_quark (), NULL,
                              g_object_ref (analyzer), g_object_unref, NULL))
    return g_steal_pointer (&analyzer);

  /* Another thread kept its analyzer first; the reference given to
   * g_object_replace_qdata() was not taken. */
  g_object_unref (analyzer);
  return g_object_dup_qdata (G_OBJECT (pack), analyzer_for_pack_quark (), dup_analyzer, NULL);
}

/**
 * fw_analyzer_add_lexicon:
 * @self: an analyzer that has not analysed anything yet
 * @lexicon: a lexicon
 *
 * Adds @lexicon after those added before. Where lexicons define the same
 * term, an added lexicon wins over the built-in one, and one added earlier
 * (or given to fw_analyzer_new_custom()) wins over one added later.
 */
void
fw_analyzer_add_lexicon (FwAnalyzer *self,
                         FwLexicon  *lexicon)
{
  g_return_if_fail (FW_IS_ANALYZER (self));
  g_return_if_fail (FW_IS_LEXICON (lexicon));
  g_return_if_fail (self->full == NULL && self->lexicon_only == NULL);

  if (self->has_builtin)
    g_ptr_array_insert (self->lexicons, (int) self->lexicons->len - 1, g_object_ref (lexicon));
  else
    g_ptr_array_add (self->lexicons, g_object_ref (lexicon));
}

/**
 * fw_analyzer_add_frame:
 * @self: an analyzer that has not analysed anything yet
 * @frame: a frame
 *
 * Adds a copy of @frame, replacing a frame with the same id.
 */
void
fw_analyzer_add_frame (FwAnalyzer    *self,
                       const FwFrame *frame)
{
  g_return_if_fail (FW_IS_ANALYZER (self));
  g_return_if_fail (frame != NULL);
  g_return_if_fail (self->full == NULL && self->lexicon_only == NULL);

  for (guint i = 0; i < self->frames->len; i++)
    {
      FwFrame **slot = (FwFrame **) &g_ptr_array_index (self->frames, i);

      if (g_strcmp0 ((*slot)->id, frame->id) == 0)
        {
          fw_frame_free (*slot);
          *slot = fw_frame_copy (frame);
          return;
        }
    }

  g_ptr_array_add (self->frames, fw_frame_copy (frame));
}

/**
 * fw_analyzer_get_language:
 * @self: an analyzer
 *
 * Returns: (transfer none): the BCP 47 tag of the texts' language
 */
const char *
fw_analyzer_get_language (FwAnalyzer *self)
{
  g_return_val_if_fail (FW_IS_ANALYZER (self), NULL);
  return self->language;
}

/**
 * fw_analyzer_get_lexicons:
 * @self: an analyzer
 *
 * Returns: (transfer none) (element-type FwLexicon): the lexicons, in the
 *   order in which they win
 */
GPtrArray *
fw_analyzer_get_lexicons (FwAnalyzer *self)
{
  g_return_val_if_fail (FW_IS_ANALYZER (self), NULL);
  return self->lexicons;
}

/**
 * fw_analyzer_get_frames:
 * @self: an analyzer
 *
 * Returns: (transfer none) (element-type FwFrame): the frames profiled, in
 *   the order of the profile
 */
GPtrArray *
fw_analyzer_get_frames (FwAnalyzer *self)
{
  g_return_val_if_fail (FW_IS_ANALYZER (self), NULL);
  return self->frames;
}

/**
 * fw_analyzer_get_available:
 * @self: an analyzer
 *
 * Returns: the stages this analyzer has data for: the lexicon stage
 *   always, the assertion stage with cue words, the frame stage with at
 *   least one frame
 */
FwAnalysisFlags
fw_analyzer_get_available (FwAnalyzer *self)
{
  FwAnalysisFlags flags = FW_ANALYSIS_LEXICON;

  g_return_val_if_fail (FW_IS_ANALYZER (self), 0);

  if (self->detector != NULL)
    flags |= FW_ANALYSIS_ASSERTIONS;
  if (self->frames->len > 0)
    flags |= FW_ANALYSIS_FRAMES;
  return flags;
}

static Payload *
payload_for (Compiled *compiled,
             guint     pattern)
{
  while (compiled->payloads->len <= pattern)
    {
      Payload empty = { G_MAXUINT, 0, 0, NULL, FALSE, FALSE };

      g_array_append_val (compiled->payloads, empty);
    }
  return &g_array_index (compiled->payloads, Payload, pattern);
}

static void
add_lexicon_term (Compiled   *compiled,
                  const char *term,
                  guint       lexicon,
                  guint       entry)
{
  guint id = fw_matcher_add (compiled->matcher, term, GROUP_LEXICON);
  Payload *payload;

  if (id == FW_MATCHER_NO_PATTERN)
    return;
  payload = payload_for (compiled, id);
  if (payload->lexicon == G_MAXUINT)
    {
      payload->lexicon = lexicon;
      payload->entry = entry;
    }
}

static Compiled *
compile (FwAnalyzer *self,
         gboolean    lexicon_only)
{
  Compiled *compiled = g_new0 (Compiled, 1);

  compiled->matcher = fw_matcher_new ();
  compiled->payloads = g_array_new (FALSE, FALSE, sizeof (Payload));
  compiled->function_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  compiled->figurative_heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  compiled->literal_before = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint l = 0; l < self->lexicons->len; l++)
    {
      FwLexicon *lexicon = g_ptr_array_index (self->lexicons, l);
      const char * const *intensifiers = fw_lexicon_get_intensifiers (lexicon);
      GPtrArray *literal_before = g_ptr_array_new_full (fw_lexicon_get_n_entries (lexicon),
                                                        (GDestroyNotify) g_strfreev);

      g_ptr_array_add (compiled->literal_before, literal_before);

      for (guint e = 0; e < fw_lexicon_get_n_entries (lexicon); e++)
        {
          const FwLexiconEntry *entry = fw_lexicon_get_entry (lexicon, e);
          guint n_literal = g_strv_length (entry->literal_before);
          char **normalized = NULL;

          if (n_literal > 0)
            {
              normalized = g_new0 (char *, n_literal + 1);
              for (guint k = 0; k < n_literal; k++)
                normalized[k] = fw_text_normalize (entry->literal_before[k], -1);
            }
          g_ptr_array_add (literal_before, normalized);

          add_lexicon_term (compiled, entry->term, l, e);
          for (guint v = 0; entry->variants[v] != NULL; v++)
            add_lexicon_term (compiled, entry->variants[v], l, e);

          /* The same bytes give the same pattern; where an earlier entry
           * defined the form, that entry decides. */
          for (guint m = 0; entry->modifiers[m] != NULL; m++)
            {
              guint id = fw_matcher_add (compiled->matcher, entry->modifiers[m], GROUP_LEXICON);
              Payload *payload;

              if (id == FW_MATCHER_NO_PATTERN)
                continue;
              payload = payload_for (compiled, id);
              if (payload->lexicon == l && payload->entry == e)
                payload->modifier = TRUE;
            }
        }

      for (guint k = 0; fw_lexicon_get_function_words (lexicon)[k] != NULL; k++)
        g_hash_table_add (compiled->function_words,
                          fw_text_normalize (fw_lexicon_get_function_words (lexicon)[k], -1));
      for (guint k = 0; fw_lexicon_get_figurative_heads (lexicon)[k] != NULL; k++)
        g_hash_table_add (compiled->figurative_heads,
                          fw_text_normalize (fw_lexicon_get_figurative_heads (lexicon)[k], -1));

      for (guint k = 0; intensifiers[k] != NULL; k++)
        {
          guint id = fw_matcher_add (compiled->matcher, intensifiers[k], GROUP_INTENSIFIERS);

          if (id != FW_MATCHER_NO_PATTERN)
            payload_for (compiled, id)->intensifier = TRUE;
        }
    }

  if (!lexicon_only)
    {
      guint n_terms = self->detector != NULL ? fw_assertion_detector_get_n_terms (self->detector)
                                             : 0;

      for (guint f = 0; f < self->frames->len; f++)
        {
          const FwFrame *frame = g_ptr_array_index (self->frames, f);

          for (guint k = 0; frame->cues[k] != NULL; k++)
            {
              guint id = fw_matcher_add (compiled->matcher, frame->cues[k], GROUP_FRAMES);
              Payload *payload;
              gboolean present = FALSE;

              if (id == FW_MATCHER_NO_PATTERN)
                continue;
              payload = payload_for (compiled, id);
              if (payload->frames == NULL)
                payload->frames = g_array_new (FALSE, FALSE, sizeof (guint));
              for (guint i = 0; i < payload->frames->len; i++)
                present |= g_array_index (payload->frames, guint, i) == f;
              if (!present)
                g_array_append_val (payload->frames, f);
            }
        }

      for (guint t = 0; t < n_terms; t++)
        {
          guint id = fw_matcher_add (compiled->matcher,
                                     fw_assertion_detector_get_term (self->detector, t),
                                     GROUP_CUES);

          if (id != FW_MATCHER_NO_PATTERN)
            payload_for (compiled, id)->cue_groups |=
              fw_assertion_detector_get_term_groups (self->detector, t);
        }
    }

  payload_for (compiled, fw_matcher_get_n_patterns (compiled->matcher));
  fw_matcher_compile (compiled->matcher);

  return compiled;
}

static Compiled *
ensure_compiled (FwAnalyzer *self,
                 gboolean    lexicon_only)
{
  Compiled **slot = lexicon_only ? &self->lexicon_only : &self->full;
  Compiled *compiled;

  g_mutex_lock (&self->lock);
  if (*slot == NULL)
    *slot = compile (self, lexicon_only);
  compiled = *slot;
  g_mutex_unlock (&self->lock);

  return compiled;
}

/**
 * fw_analyzer_count_terms:
 * @self: an analyzer
 *
 * Returns: the number of distinct lexicon terms and variants (after
 *   normalisation) the analyzer matches
 */
guint
fw_analyzer_count_terms (FwAnalyzer *self)
{
  Compiled *compiled;
  guint n = 0;

  g_return_val_if_fail (FW_IS_ANALYZER (self), 0);

  compiled = ensure_compiled (self, TRUE);
  for (guint i = 0; i < compiled->payloads->len; i++)
    n += g_array_index (compiled->payloads, Payload, i).lexicon != G_MAXUINT;
  return n;
}

static const char *
detector_category_label (const char *id)
{
  if (g_strcmp0 (id, "statistic-without-source") == 0)
    return _("statistic without source");
  if (g_strcmp0 (id, "unnamed-source") == 0)
    return _("unnamed source");
  if (g_strcmp0 (id, "sweeping-generalisation") == 0)
    return _("sweeping generalisation");
  if (g_strcmp0 (id, "claim-without-evidence") == 0)
    return _("claim without evidence");
  if (g_strcmp0 (id, "named-source") == 0)
    return _("named source");
  if (g_strcmp0 (id, "earlier-source") == 0)
    return _("source named earlier");
  if (g_strcmp0 (id, "quotation") == 0)
    return _("quotation");
  if (g_strcmp0 (id, "cited-source") == 0)
    return _("cited source");
  return id;
}

static const FwLexiconEntry *
entry_for (FwAnalyzer    *self,
           const Payload *payload)
{
  return fw_lexicon_get_entry (g_ptr_array_index (self->lexicons, payload->lexicon),
                               payload->entry);
}

static void
add_lexicon_annotation (FwAnalyzer       *self,
                        FwAnalysis       *analysis,
                        const LexiconHit *hit)
{
  FwLexicon *lexicon = g_ptr_array_index (self->lexicons, hit->payload->lexicon);
  const FwLexiconEntry *entry = entry_for (self, hit->payload);
  FwAnnotation *annotation;

  annotation = fw_annotation_new (entry->kind, FW_SOURCE_LEXICON, hit->start, hit->end,
                                  fw_lexicon_get_category_label (lexicon, entry->category),
                                  entry->explanation);
  annotation->neutral = g_strdup (entry->neutral);
  fw_analysis_add_annotation (analysis, annotation, g_intern_string (entry->category));
}

/* Moves @start back over the intensifiers right before it: each must end
 * where only white space separates it from the rest, in the same
 * paragraph. @intensifiers maps an intensifier's end to its start. */
static guint
extend_over_intensifiers (FwText     *text,
                          GHashTable *intensifiers,
                          guint       start)
{
  const char *first = fw_text_get_pointer (text, 0);
  guint paragraph = fw_text_find_paragraph (text, start);

  while (TRUE)
    {
      const char *p = fw_text_get_pointer (text, start);
      guint end = start;
      gpointer value;

      while (p > first)
        {
          const char *prev = g_utf8_prev_char (p);

          if (!g_unichar_isspace (g_utf8_get_char (prev)))
            break;
          p = prev;
          end--;
        }

      if (end == start
          || !g_hash_table_lookup_extended (intensifiers, GUINT_TO_POINTER (end), NULL, &value)
          || fw_text_find_paragraph (text, GPOINTER_TO_UINT (value)) != paragraph)
        return start;
      start = GPOINTER_TO_UINT (value);
    }
}

static gboolean
is_word_char (const char *p,
              const char *end)
{
  gunichar c = g_utf8_get_char (p);
  const char *next;

  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return TRUE;
  if (c != '-' && c != '\'' && c != 0x2019)
    return FALSE;

  /* A hyphen or apostrophe inside a word: "left-wing", "regime's". */
  next = g_utf8_next_char (p);
  return next < end && g_unichar_isalnum (g_utf8_get_char (next));
}

/* Finds the word after @end: after white space only, in the same
 * paragraph, starting with a letter. Sets @word_start and @word_end and
 * returns TRUE when there is one. */
static gboolean
next_word (FwText *text,
           guint   end,
           guint  *word_start,
           guint  *word_end)
{
  const char *last = fw_text_get_pointer (text, fw_text_get_length (text));
  const char *p = fw_text_get_pointer (text, end);

  *word_start = end;
  while (p < last && g_unichar_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      (*word_start)++;
    }
  if (*word_start == end || p >= last || !g_unichar_isalpha (g_utf8_get_char (p)))
    return FALSE;

  *word_end = *word_start;
  while (p < last && is_word_char (p, last))
    {
      p = g_utf8_next_char (p);
      (*word_end)++;
    }

  return fw_text_find_paragraph (text, *word_start) == fw_text_find_paragraph (text, end);
}

static char *
normalized_range (FwText *text,
                  guint   start,
                  guint   end)
{
  const char *p = fw_text_get_pointer (text, start);

  return fw_text_normalize (p, fw_text_get_pointer (text, end) - p);
}

/* Whether @word_start begins with a lower-case letter. */
static gboolean
starts_lower (FwText *text,
              guint   word_start)
{
  return g_unichar_islower (g_utf8_get_char (fw_text_get_pointer (text, word_start)));
}

/* Returns the end of a compound head whose first word runs from
 * @word_start to @word_end ("police" in "brutal police crackdown."), or
 * @word_end when the next word does not finish one. With no part-of-speech
 * tagger the second word is taken in only where the phrase cannot go on:
 * both words lower case, neither a function word nor a figurative head,
 * the second ending right before punctuation and before @limit. A noun
 * adjunct is singular, so a first word in "-s" (not "-ss") is taken for a
 * plural subject with its verb ("claims fell."), and a second word in
 * "-ed" or "-ly" for a verb or an adverb ending the clause ("crackdown
 * ended.", "privately."); a few nouns such as "family" are left out with
 * them. */
static guint
extend_over_compound (FwText   *text,
                      Compiled *compiled,
                      guint     word_start,
                      guint     word_end,
                      guint     limit)
{
  const char *last = fw_text_get_pointer (text, fw_text_get_length (text));
  guint second_start, second_end;
  const char *after;
  g_autofree char *first = NULL;
  g_autofree char *normalized = NULL;

  if (!starts_lower (text, word_start)
      || !next_word (text, word_end, &second_start, &second_end)
      || second_end > limit || !starts_lower (text, second_start))
    return word_end;

  after = fw_text_get_pointer (text, second_end);
  if (after >= last || !g_unichar_ispunct (g_utf8_get_char (after)))
    return word_end;

  first = normalized_range (text, word_start, word_end);
  if (g_str_has_suffix (first, "s") && !g_str_has_suffix (first, "ss"))
    return word_end;

  normalized = normalized_range (text, second_start, second_end);
  if (g_str_has_suffix (normalized, "ly") || g_str_has_suffix (normalized, "ed")
      || g_hash_table_contains (compiled->function_words, normalized)
      || g_hash_table_contains (compiled->figurative_heads, normalized))
    return word_end;

  return second_end;
}

/* Returns the end of the word a modifier from @start to @end modifies:
 * the next word (see next_word()), when it is a content word that ends
 * before @limit (where the next highlight starts); otherwise @end. Sets
 * @figurative when that word is one of the figurative heads. */
static guint
extend_over_head (FwText   *text,
                  Compiled *compiled,
                  guint     start,
                  guint     end,
                  guint     limit,
                  gboolean *figurative)
{
  guint word_start, word_end;
  g_autofree char *normalized = NULL;

  *figurative = FALSE;
  if (!next_word (text, end, &word_start, &word_end))
    return end;
  if (g_unichar_isupper (g_utf8_get_char (fw_text_get_pointer (text, word_start)))
      && !g_unichar_isupper (g_utf8_get_char (fw_text_get_pointer (text, start))))
    return end;

  normalized = normalized_range (text, word_start, word_end);
  *figurative = g_hash_table_contains (compiled->figurative_heads, normalized);
  if (word_end > limit || g_hash_table_size (compiled->function_words) == 0
      || g_hash_table_contains (compiled->function_words, normalized))
    return end;

  return extend_over_compound (text, compiled, word_start, word_end, limit);
}

/* Whether the word from @word_start to @word_end is one of the lexicon's
 * function words ("the", "of", "is"), which a loaded phrase does not take
 * in. */
static gboolean
is_function_word (FwText   *text,
                  Compiled *compiled,
                  guint     word_start,
                  guint     word_end)
{
  g_autofree char *normalized = normalized_range (text, word_start, word_end);

  return g_hash_table_contains (compiled->function_words, normalized);
}

/* Whether the word from @word_start to @word_end is "and" or "or", in any
 * case. */
static gboolean
is_coordinator (FwText *text,
                guint   word_start,
                guint   word_end)
{
  g_autofree char *normalized = normalized_range (text, word_start, word_end);

  return g_str_equal (normalized, "and") || g_str_equal (normalized, "or");
}

static gboolean
is_loaded_modifier (FwAnalyzer       *self,
                    const LexiconHit *hit)
{
  return hit->payload->modifier
         && entry_for (self, hit->payload)->kind == FW_ANNOTATION_LOADED_TERM;
}

/* Whether the word right after the hit (see next_word()) is one of its
 * entry's `literal_before` words, so that the term is part of a literal
 * compound: a gun's "muzzle flash" silences no one. */
static gboolean
is_in_literal_compound (FwText           *text,
                        Compiled         *compiled,
                        const LexiconHit *hit)
{
  GPtrArray *of_lexicon = g_ptr_array_index (compiled->literal_before, hit->payload->lexicon);
  const char * const *literal_before = g_ptr_array_index (of_lexicon, hit->payload->entry);
  guint word_start, word_end;
  g_autofree char *normalized = NULL;

  if (literal_before == NULL || !next_word (text, hit->match->end, &word_start, &word_end))
    return FALSE;

  normalized = normalized_range (text, word_start, word_end);
  return g_strv_contains (literal_before, normalized);
}

/* Whether a hit whose entry is loaded only as a modifier (see
 * #FwLexiconEntry) is used as one: a modifier form right before a content
 * word (see next_word()), which it modifies whether or not its highlight
 * can take that word in ("evil regime", "evil Aliyev"). Otherwise it is
 * the word's other use, which the entry says is not loaded: the abstract
 * noun in "good and evil" or "evil is spreading", a predicate ("is
 * evil."). Without a part-of-speech tagger a noun before a verb ("evil
 * spreads") still passes. */
static gboolean
is_used_as_modifier (FwText           *text,
                     Compiled         *compiled,
                     const LexiconHit *hit)
{
  guint word_start, word_end;

  return hit->payload->modifier
         && next_word (text, hit->match->end, &word_start, &word_end)
         && !is_function_word (text, compiled, word_start, word_end);
}

/* Whether only "and" or "or" (any case, white space around it, in one
 * paragraph) lies between @end, where a loaded modifier ends, and @start,
 * where the next highlight starts: "bogus and farcical claims". */
static gboolean
coordinates_with (FwText *text,
                  guint   end,
                  guint   start)
{
  guint word_start, word_end, after_start, after_end;

  return next_word (text, end, &word_start, &word_end)
         && next_word (text, word_end, &after_start, &after_end)
         && after_start == start
         && is_coordinator (text, word_start, word_end);
}

/* Whether the hit is "clearly" describing how something is done
 * ("clearly defined"), which the assertion detector does not count as a
 * booster either. */
static gboolean
is_manner_adverb (FwText           *text,
                  const LexiconHit *hit)
{
  const char *p = fw_text_get_pointer (text, hit->match->start);
  const char *q = fw_text_get_pointer (text, hit->match->end);
  guint word_start, word_end;
  const char *w;

  if (!next_word (text, hit->match->end, &word_start, &word_end))
    return FALSE;
  w = fw_text_get_pointer (text, word_start);
  return fw_assertion_detector_is_manner_adverb (p, q - p, w,
                                                 fw_text_get_pointer (text, word_end) - w);
}

/* Finds the word that ends right before @start: after white space only,
 * on the same line (a line break ends a heading, a list item or a line of
 * a plain-text article), starting no earlier than @limit. Sets
 * @word_start and @word_end and returns TRUE when there is one. */
static gboolean
previous_word (FwText *text,
               guint   start,
               guint   limit,
               guint  *word_start,
               guint  *word_end)
{
  const char *first = fw_text_get_pointer (text, limit);
  const char *last = fw_text_get_pointer (text, fw_text_get_length (text));
  const char *p = fw_text_get_pointer (text, start);

  *word_end = start;
  while (p > first)
    {
      gunichar c = g_utf8_get_char (g_utf8_prev_char (p));

      if (!g_unichar_isspace (c) || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        break;
      p = g_utf8_prev_char (p);
      (*word_end)--;
    }
  if (*word_end == start)
    return FALSE;

  *word_start = *word_end;
  while (p > first && is_word_char (g_utf8_prev_char (p), last))
    {
      p = g_utf8_prev_char (p);
      (*word_start)--;
    }

  return *word_start < *word_end && g_unichar_isalpha (g_utf8_get_char (p));
}

/* Whether the word from @word_start to @word_end starts with a lower-case
 * letter and is no function word. */
static gboolean
is_lower_content_word (FwText   *text,
                       Compiled *compiled,
                       guint     word_start,
                       guint     word_end)
{
  return starts_lower (text, word_start)
         && !is_function_word (text, compiled, word_start, word_end);
}

/* Whether the word from @word_start to @word_end ends in a clitic after
 * an apostrophe: a genitive ("the paper's") or a contracted auxiliary or
 * negation ("he's", "they're", "don't"). A genitive plays the part of a
 * determiner ("its"), and a contraction is a pronoun or auxiliary with
 * its verb, so neither belongs to the loaded word's phrase any more than
 * the function words do. */
static gboolean
ends_in_clitic (FwText *text,
                guint   word_start,
                guint   word_end)
{
  g_autofree char *normalized = normalized_range (text, word_start, word_end);
  const char *apostrophe = strrchr (normalized, '\'');

  if (apostrophe == NULL)
    return FALSE;
  apostrophe++;
  return g_str_equal (apostrophe, "s") || g_str_equal (apostrophe, "re")
         || g_str_equal (apostrophe, "ve") || g_str_equal (apostrophe, "ll")
         || g_str_equal (apostrophe, "d") || g_str_equal (apostrophe, "m")
         || g_str_equal (apostrophe, "t");
}

/* Whether the one-word highlight from @start to @end has the ending of a
 * participle or gerund, "-ed" or "-ing" ("derided", "demonizing"). */
static gboolean
is_verb_form (FwText *text,
              guint   start,
              guint   end)
{
  g_autofree char *normalized = normalized_range (text, start, end);

  return g_str_has_suffix (normalized, "ed") || g_str_has_suffix (normalized, "ing");
}

/* Whether the word from @word_start to @word_end ends in "-ly", the
 * ending of a manner or degree adverb ("uncritically"). */
static gboolean
is_ly_adverb (FwText *text,
              guint   word_start,
              guint   word_end)
{
  g_autofree char *normalized = normalized_range (text, word_start, word_end);

  return g_str_has_suffix (normalized, "ly");
}

/* Whether the text from @start to @end holds no white space. */
static gboolean
is_one_word (FwText *text,
             guint   start,
             guint   end)
{
  const char *q = fw_text_get_pointer (text, end);

  for (const char *p = fw_text_get_pointer (text, start); p < q; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Returns where a loaded phrase that ends with a highlight from @start to
 * @end begins, never before @limit (where the previous highlight ends).
 * A word is loaded in its phrase, and the annotators of the Propaganda
 * Techniques Corpus (Da San Martino et al., 2019, Fine-grained analysis of
 * propaganda in news articles) mark the phrase, not only its loaded word.
 * So a highlight of one word takes in the lower-case content word right
 * before it, the modifier or the verb it goes with ("latest smear",
 * "fuelled fury"); and a highlight joined by "and" or "or" to a lower-case
 * content word before it takes in that word ("partisan and spiteful").
 * A genitive or a contraction ("the paper's", "he's") is left out like a
 * function word (see ends_in_clitic()). Before a participle or gerund
 * ("derided", "demonizing") only an adverb in "-ly" is taken in
 * ("uncritically peddled"): its phrase runs to the right, to its object,
 * and the word before it is mostly its subject ("the general derided",
 * "children indoctrinated") or a verb it completes ("remains
 * devastated"). Sets @joined when the word before "and" or "or" ends at
 * @limit, that is, belongs to the previous highlight. */
static guint
extend_over_preceding (FwText   *text,
                       Compiled *compiled,
                       guint     start,
                       guint     end,
                       guint     limit,
                       gboolean *joined)
{
  guint word_start, word_end, before_start, before_end;

  *joined = FALSE;
  if (g_hash_table_size (compiled->function_words) == 0
      || !previous_word (text, start, limit, &word_start, &word_end))
    return start;

  if (is_one_word (text, start, end)
      && is_lower_content_word (text, compiled, word_start, word_end)
      && !ends_in_clitic (text, word_start, word_end)
      && (!is_verb_form (text, start, end) || is_ly_adverb (text, word_start, word_end)))
    {
      start = word_start;
      if (!previous_word (text, start, limit, &word_start, &word_end))
        return start;
    }

  if (!is_coordinator (text, word_start, word_end)
      || !previous_word (text, word_start, 0, &before_start, &before_end)
      || !is_lower_content_word (text, compiled, before_start, before_end))
    return start;
  if (before_start < limit)
    {
      *joined = before_end == limit;
      return start;
    }
  return before_start;
}

/* Whether @c may stand between a sentence's end and its first word, or
 * open a quotation or an aside: quotation marks and brackets. */
static gboolean
is_quote_or_bracket (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '"' || c == '\'' || type == G_UNICODE_INITIAL_PUNCTUATION
         || type == G_UNICODE_FINAL_PUNCTUATION || type == G_UNICODE_OPEN_PUNCTUATION
         || type == G_UNICODE_CLOSE_PUNCTUATION;
}

/* Whether more than three in five of the words of the paragraph
 * @paragraph begin with a capital letter, as in a headline written in
 * title case. The ratio has no published source: it was chosen by hand on
 * the odd-numbered (tuning) half of the PTC corpus, as a value that lets
 * headlines with lower-case short words ("of", "the") through while
 * running prose with many names stays below it, and then scored on the
 * held-out even half (README.md, "Measured quality"). */
static gboolean
is_title_case (FwText *text,
               guint   paragraph)
{
  FwTextSpan span = fw_text_get_paragraph (text, paragraph);
  const char *p = fw_text_get_pointer (text, span.start);
  const char *end = fw_text_get_pointer (text, span.end);
  guint words = 0, capitals = 0;
  gboolean in_word = FALSE;

  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!in_word && g_unichar_isalpha (c))
        {
          words++;
          capitals += g_unichar_isupper (c);
        }
      in_word = is_word_char (p, end);
    }

  return capitals * 5 > words * 3;
}

/* Whether the hit starts with a capital letter inside a sentence, in a
 * paragraph that is not a headline in title case: there the term is part
 * of a name or a title the piece mentions ("the Daily Beast", "the
 * Crusades", a coinage such as "Derangement Syndrome"), not a word the
 * writer chose. A word in capitals only ("INSANE") is emphasis, not a
 * name. @title_paragraph and @title_case cache the last paragraph
 * checked for title case. */
static gboolean
is_in_name (FwText           *text,
            const LexiconHit *hit,
            guint            *title_paragraph,
            gboolean         *title_case)
{
  const char *first = fw_text_get_pointer (text, 0);
  const char *last = fw_text_get_pointer (text, fw_text_get_length (text));
  const char *start = fw_text_get_pointer (text, hit->match->start);
  const char *p;
  guint paragraph;
  gboolean all_capitals = TRUE;
  guint letters = 0;

  if (!g_unichar_isupper (g_utf8_get_char (start)))
    return FALSE;

  for (p = start; p < last && is_word_char (p, last); p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      {
        letters++;
        all_capitals &= g_unichar_isupper (g_utf8_get_char (p));
      }
  if (all_capitals && letters > 1)
    return FALSE;

  /* Back over white space, quotation marks and brackets to the end of the
   * sentence before, if this is its first word. */
  for (p = start; p > first; )
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (g_unichar_isspace (c) && c != '\n' && c != '\r')
        p = prev;
      else if (is_quote_or_bracket (c))
        p = prev;
      else
        break;
    }
  if (p == first)
    return FALSE;
  switch (g_utf8_get_char (g_utf8_prev_char (p)))
    {
    case '.': case '!': case '?': case ':': case '\n': case '\r': case 0x2026:
      return FALSE;
    default:
      break;
    }

  paragraph = fw_text_find_paragraph (text, hit->match->start);
  if (paragraph == G_MAXUINT)
    return FALSE;
  if (paragraph != *title_paragraph)
    {
      *title_paragraph = paragraph;
      *title_case = is_title_case (text, paragraph);
    }
  return !*title_case;
}

/* Adds the lexicon hits, each loaded term with the intensifiers before it
 * and, for a modifier, the word it modifies after it, or the modifier
 * joined to it by "and" or "or" with that one's head; then each loaded
 * term but a booster with the words before it that belong to its phrase
 * (see extend_over_preceding()), joined to a highlight of its category
 * before "and" or "or". Terms capitalised inside a sentence are left out
 * as parts of names (see is_in_name()). A hit that an
 * extended one takes in (a booster such as "utterly" that is also an
 * intensifier) is left out, and so are "clearly" describing a manner and
 * a modifier of a figurative head ("brutal cold"). @hits are ordered by
 * start and do not overlap. */
static void
add_lexicon_hits (FwAnalyzer *self,
                  FwAnalysis *analysis,
                  FwText     *text,
                  GArray     *hits,
                  GHashTable *intensifiers,
                  Compiled   *compiled)
{
  guint limit = fw_text_get_length (text);
  LexiconHit *next = NULL;  /* the nearest highlighted hit after the current one */
  LexiconHit *previous;     /* the nearest highlighted hit before the current one */
  guint taken_from = G_MAXUINT, taken_to = 0;
  guint title_paragraph = G_MAXUINT;
  gboolean title_case = FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      LexiconHit *hit = &g_array_index (hits, LexiconHit, i);

      if (is_manner_adverb (text, hit)
          || is_in_literal_compound (text, compiled, hit)
          || (entry_for (self, hit->payload)->modifier_only
              && !is_used_as_modifier (text, compiled, hit))
          || (entry_for (self, hit->payload)->kind == FW_ANNOTATION_LOADED_TERM
              && g_strcmp0 (entry_for (self, hit->payload)->category, "name-calling") != 0
              && is_in_name (text, hit, &title_paragraph, &title_case)))
        hit->payload = NULL;
      else if (g_hash_table_size (intensifiers) > 0
               && entry_for (self, hit->payload)->kind == FW_ANNOTATION_LOADED_TERM)
        hit->start = extend_over_intensifiers (text, intensifiers, hit->match->start);
    }

  /* Walking backwards, the nearest extended hit after a hit is the only
   * one that can take it in: extensions cover intensifiers and white
   * space only. */
  for (guint i = hits->len; i > 0; i--)
    {
      LexiconHit *hit = &g_array_index (hits, LexiconHit, i - 1);

      if (hit->payload == NULL)
        continue;
      if (hit->start >= taken_from && hit->match->end <= taken_to)
        {
          hit->payload = NULL;
          continue;
        }
      if (hit->start < hit->match->start)
        {
          taken_from = hit->start;
          taken_to = hit->match->start;
        }
    }

  /* Backwards again, so that each modifier knows where the next
   * highlight starts. */
  for (guint i = hits->len; i > 0; i--)
    {
      LexiconHit *hit = &g_array_index (hits, LexiconHit, i - 1);
      gboolean figurative = FALSE;

      if (hit->payload == NULL)
        continue;
      if (is_loaded_modifier (self, hit))
        {
          if (next != NULL && is_loaded_modifier (self, next)
              && coordinates_with (text, hit->match->end, next->start))
            {
              hit->end = next->end;
              next->payload = NULL;
            }
          else
            {
              hit->end = extend_over_head (text, compiled, hit->match->start, hit->match->end,
                                           limit, &figurative);
            }
          if (figurative)
            {
              hit->payload = NULL;
              continue;
            }
        }

      limit = hit->start;
      next = hit;
    }

  /* Forwards, so that each highlight knows where the previous one ends. */
  previous = NULL;
  for (guint i = 0; i < hits->len; i++)
    {
      LexiconHit *hit = &g_array_index (hits, LexiconHit, i);
      gboolean joined = FALSE;

      if (hit->payload == NULL)
        continue;
      /* A booster qualifies a whole clause, not the word before it. */
      if (entry_for (self, hit->payload)->kind == FW_ANNOTATION_LOADED_TERM
          && g_strcmp0 (entry_for (self, hit->payload)->category, "booster") != 0)
        hit->start = extend_over_preceding (text, compiled, hit->start, hit->end,
                                            previous != NULL ? previous->end : 0, &joined);
      if (joined && g_strcmp0 (entry_for (self, previous->payload)->category,
                               entry_for (self, hit->payload)->category) == 0)
        {
          previous->end = hit->end;
          hit->payload = NULL;
          continue;
        }
      previous = hit;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const LexiconHit *hit = &g_array_index (hits, LexiconHit, i);

      if (hit->payload != NULL)
        add_lexicon_annotation (self, analysis, hit);
    }
}

static void
add_frame_annotation (FwAnalyzer    *self,
                      FwAnalysis    *analysis,
                      const FwFrame *frame,
                      const FwMatch *match)
{
  g_autofree char *note = g_strdup_printf (_("Wording like this presents the issue through the "
                                             "frame “%s”."), frame->label);
  FwAnnotation *annotation;

  annotation = fw_annotation_new (FW_ANNOTATION_FRAME_CUE, FW_SOURCE_DETECTOR, match->start,
                                  match->end, frame->label, note);
  annotation->frame = g_strdup (frame->id);
  fw_analysis_add_annotation (analysis, annotation, g_intern_string (frame->id));
}

static void
add_sentence_annotations (FwAnalysis *analysis,
                          GPtrArray  *sentences)
{
  for (guint i = 0; i < sentences->len; i++)
    {
      const FwSentence *s = g_ptr_array_index (sentences, i);
      FwAnnotation *annotation;

      if (s->flagged)
        {
          annotation = fw_annotation_new (FW_ANNOTATION_UNSUPPORTED_ASSERTION, FW_SOURCE_DETECTOR,
                                          s->start, s->end,
                                          detector_category_label (s->category_id), s->rationale);
          fw_analysis_add_annotation (analysis, annotation, s->category_id);
        }
      else if ((s->label == FW_ASSERTION_ATTRIBUTED || s->label == FW_ASSERTION_SOURCED)
               && s->source_start < s->source_end)
        {
          annotation = fw_annotation_new (FW_ANNOTATION_ATTRIBUTION, FW_SOURCE_DETECTOR,
                                          s->source_start, s->source_end,
                                          detector_category_label (s->category_id), s->rationale);
          annotation->speaker = g_strdup (s->speaker);
          fw_analysis_add_annotation (analysis, annotation, s->category_id);
        }
    }
}

/**
 * fw_analyzer_analyze:
 * @self: an analyzer
 * @text: the text to analyse; it is segmented if the stages need it
 * @flags: the stages to run; stages without data (see
 *   fw_analyzer_get_available()) are left out
 * @cancellable: (nullable): a #GCancellable, checked between stages and
 *   within each every few megabytes or thousand sentences
 * @error: return location for a #GError
 *
 * Analyses @text. Lexicon matching alone needs no sentence segmentation
 * and runs at the speed of a text search; the assertion and frame stages
 * segment the text first (see fw_text_segment()). A loaded term's
 * highlight starts at the first of the lexicons' intensifiers right
 * before it (see fw_lexicon_get_intensifiers()), and a lexicon term it
 * takes in that way is not highlighted on its own. A loaded term in a
 * modifier form (see #FwLexiconEntry) ends its highlight after the next
 * word when that is a content word: separated by white space only, in the
 * same paragraph, not a function word (see
 * fw_lexicon_get_function_words()), not capitalised after a lower-case
 * modifier, and not part of another highlight; or after the two words
 * of a compound head that ends right before punctuation ("brutal police
 * crackdown."), both lower case, neither a function word, the first not
 * in "-s" and the second not in "-ed" or "-ly"; when "and" or "or" joins
 * it to another loaded modifier, the highlight runs on to the end of that
 * one's. A modifier right before
 * one of the figurative heads (see fw_lexicon_get_figurative_heads()) is
 * not highlighted, nor is "clearly" where it describes a manner (see
 * fw_assertion_detector_is_manner_adverb()). Safe to call from several
 * threads at once with different texts.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with
 *   %G_IO_ERROR_CANCELLED
 */
FwAnalysis *
fw_analyzer_analyze (FwAnalyzer       *self,
                     FwText           *text,
                     FwAnalysisFlags   flags,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr(FwAnalysis) analysis = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) frame_hits = NULL;
  g_autoptr(GArray) cue_hits = NULL;
  g_autoptr(GArray) lexicon_hits = NULL;
  g_autoptr(GHashTable) intensifiers = NULL;
  Compiled *compiled;

  g_return_val_if_fail (FW_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (FW_IS_TEXT (text), NULL);

  flags &= fw_analyzer_get_available (self);
  compiled = ensure_compiled (self, flags == FW_ANALYSIS_LEXICON);

  if ((flags & (FW_ANALYSIS_ASSERTIONS | FW_ANALYSIS_FRAMES))
      && !fw_text_segment (text, self->language, cancellable, error))
    return NULL;

  matches = fw_matcher_find (compiled->matcher, text, cancellable, error);
  if (matches == NULL)
    return NULL;

  analysis = fw_analysis_new (text, flags);
  frame_hits = g_array_new (FALSE, FALSE, sizeof (FwFrameHit));
  cue_hits = g_array_new (FALSE, FALSE, sizeof (FwCueHit));
  lexicon_hits = g_array_new (FALSE, FALSE, sizeof (LexiconHit));
  intensifiers = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const FwMatch *m = &g_array_index (matches, FwMatch, i);
      const Payload *payload = &g_array_index (compiled->payloads, Payload, m->pattern);

      switch (m->group)
        {
        case GROUP_LEXICON:
          if ((flags & FW_ANALYSIS_LEXICON) && payload->lexicon != G_MAXUINT)
            {
              LexiconHit hit = { m, payload, m->start, m->end };

              g_array_append_val (lexicon_hits, hit);
            }
          break;

        case GROUP_INTENSIFIERS:
          /* Ends are at least 1, so no key is NULL. */
          if ((flags & FW_ANALYSIS_LEXICON) && payload->intensifier)
            g_hash_table_insert (intensifiers, GUINT_TO_POINTER (m->end),
                                 GUINT_TO_POINTER (m->start));
          break;

        case GROUP_FRAMES:
          if ((flags & FW_ANALYSIS_FRAMES) && payload->frames != NULL)
            {
              for (guint k = 0; k < payload->frames->len; k++)
                {
                  FwFrameHit hit = { g_array_index (payload->frames, guint, k), m->start, m->end };

                  g_array_append_val (frame_hits, hit);
                }
              add_frame_annotation (self, analysis,
                                    g_ptr_array_index (self->frames,
                                                       g_array_index (payload->frames, guint, 0)),
                                    m);
            }
          break;

        case GROUP_CUES:
          if (flags & FW_ANALYSIS_ASSERTIONS)
            {
              FwCueHit hit = { m->start, m->end, payload->cue_groups };

              g_array_append_val (cue_hits, hit);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  add_lexicon_hits (self, analysis, text, lexicon_hits, intensifiers, compiled);

  if (flags & FW_ANALYSIS_FRAMES)
    {
      g_autoptr(FwFrameProfile) profile = NULL;

      profile = fw_frame_profile_new (text, self->frames,
                                      (const FwFrameHit *) (gconstpointer) frame_hits->data,
                                      frame_hits->len);
      fw_analysis_set_frame_profile (analysis, profile);
    }

  if (flags & FW_ANALYSIS_ASSERTIONS)
    {
      GPtrArray *sentences;

      sentences = fw_assertion_detector_detect (self->detector, text,
                                                (const FwCueHit *) (gconstpointer) cue_hits->data,
                                                cue_hits->len, cancellable, error);
      if (sentences == NULL)
        return NULL;
      add_sentence_annotations (analysis, sentences);
      fw_analysis_take_sentences (analysis, sentences);
    }

  fw_analysis_finish (analysis);

  return g_steal_pointer (&analysis);
}

/**
 * fw_analyzer_analyze_piece:
 * @self: an analyzer
 * @piece: a piece
 * @flags: the stages to run
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Analyses the text of @piece (see fw_text_new_for_piece()); offsets in
 * the result are offsets into fw_piece_get_text(), like those of the
 * piece's own annotations.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with
 *   %G_IO_ERROR_CANCELLED
 */
FwAnalysis *
fw_analyzer_analyze_piece (FwAnalyzer       *self,
                           FwPiece          *piece,
                           FwAnalysisFlags   flags,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(FwText) text = NULL;

  g_return_val_if_fail (FW_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (FW_IS_PIECE (piece), NULL);

  text = fw_text_new_for_piece (piece);
  return fw_analyzer_analyze (self, text, flags, cancellable, error);
}

typedef struct
{
  FwPiece *piece;
  FwAnalysisFlags flags;
} AnalyzeData;

static void
analyze_data_free (AnalyzeData *data)
{
  g_object_unref (data->piece);
  g_free (data);
}

static void
analyze_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AnalyzeData *data = task_data;
  GError *error = NULL;
  FwAnalysis *analysis;

  analysis = fw_analyzer_analyze_piece (source_object, data->piece, data->flags, cancellable,
                                        &error);
  if (analysis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, analysis, g_object_unref);
}

/**
 * fw_analyzer_analyze_piece_async:
 * @self: an analyzer
 * @piece: a piece
 * @flags: the stages to run
 * @cancellable: (nullable): a #GCancellable; cancel it when the result is
 *   no longer wanted (in the caller's dispose, say)
 * @callback: called in the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Runs fw_analyzer_analyze_piece() in a worker thread.
 */
void
fw_analyzer_analyze_piece_async (FwAnalyzer          *self,
                                 FwPiece             *piece,
                                 FwAnalysisFlags      flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AnalyzeData *data;

  g_return_if_fail (FW_IS_ANALYZER (self));
  g_return_if_fail (FW_IS_PIECE (piece));

  data = g_new0 (AnalyzeData, 1);
  data->piece = g_object_ref (piece);
  data->flags = flags;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fw_analyzer_analyze_piece_async);
  g_task_set_task_data (task, data, (GDestroyNotify) analyze_data_free);
  g_task_run_in_thread (task, analyze_thread);
}

/**
 * fw_analyzer_analyze_piece_finish:
 * @self: an analyzer
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with @error
 *   set (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
FwAnalysis *
fw_analyzer_analyze_piece_finish (FwAnalyzer    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
