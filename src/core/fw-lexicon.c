/* fw-lexicon.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-lexicon.h"
#include "fw-pack-loader.h"
#include "fw-plain-text.h"
#include "fw-text.h"

/* Limits for a lexicon inside a pack or on its own. */
#define MAX_ENTRIES 100000

/* The "format" of a lexicon file on its own. */
#define LEXICON_FORMAT "framewise-lexicon"

struct _FwLexicon
{
  GObject parent_instance;

  char *id;
  char *language;
  char *title;
  char **intensifiers;
  char **function_words;
  char **figurative_heads;
  GPtrArray *entries;
  GHashTable *category_labels;
};

G_DEFINE_FINAL_TYPE (FwLexicon, fw_lexicon, G_TYPE_OBJECT)

/**
 * fw_lexicon_entry_free:
 * @self: (transfer full) (nullable): an entry
 *
 * Frees @self.
 */
void
fw_lexicon_entry_free (FwLexiconEntry *self)
{
  if (self == NULL)
    return;

  g_free (self->term);
  g_strfreev (self->variants);
  g_free (self->category);
  g_free (self->explanation);
  g_free (self->neutral);
  g_strfreev (self->modifiers);
  g_strfreev (self->literal_before);
  g_free (self);
}

static void
fw_lexicon_finalize (GObject *object)
{
  FwLexicon *self = (FwLexicon *) object;

  g_free (self->id);
  g_free (self->language);
  g_free (self->title);
  g_strfreev (self->intensifiers);
  g_strfreev (self->function_words);
  g_strfreev (self->figurative_heads);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->category_labels, g_hash_table_unref);

  G_OBJECT_CLASS (fw_lexicon_parent_class)->finalize (object);
}

static void
fw_lexicon_class_init (FwLexiconClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_lexicon_finalize;
}

static void
fw_lexicon_init (FwLexicon *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_lexicon_entry_free);
  self->category_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static FwLexiconEntry *
parse_entry (FwValidator *validator,
             JsonObject  *object)
{
  static const char * const known[] = {
    "term", "variants", "kind", "category", "explanation", "neutral", "modifiers",
    "modifier_only", "literal_before", NULL
  };
  static const char * const kinds[] = { "loaded-term", "contested-name", NULL };
  FwLexiconEntry *entry = g_new0 (FwLexiconEntry, 1);
  int kind;

  fw_validator_check_members (validator, object, known);

  entry->term = g_strdup (fw_validator_get_string (validator, object, "term", TRUE));
  entry->variants = fw_validator_get_strv (validator, object, "variants", FALSE);
  if (entry->variants == NULL)
    entry->variants = g_new0 (char *, 1);
  kind = fw_validator_get_enum (validator, object, "kind", FALSE, kinds, 0);
  entry->kind = kind == 1 ? FW_ANNOTATION_CONTESTED_NAME : FW_ANNOTATION_LOADED_TERM;
  entry->category = g_strdup (fw_validator_get_string (validator, object, "category", TRUE));
  entry->explanation = g_strdup (fw_validator_get_string (validator, object, "explanation", TRUE));
  entry->neutral = g_strdup (fw_validator_get_string (validator, object, "neutral", FALSE));
  entry->modifiers = fw_validator_get_strv (validator, object, "modifiers", FALSE);
  if (entry->modifiers == NULL)
    entry->modifiers = g_new0 (char *, 1);

  fw_validator_push_member (validator, "modifiers");
  for (guint i = 0; entry->term != NULL && entry->modifiers[i] != NULL; i++)
    {
      g_autofree char *form = fw_text_normalize (entry->modifiers[i], -1);
      g_autofree char *term = fw_text_normalize (entry->term, -1);
      gboolean found = g_str_equal (form, term);

      for (guint v = 0; !found && entry->variants[v] != NULL; v++)
        {
          g_autofree char *variant = fw_text_normalize (entry->variants[v], -1);

          found = g_str_equal (form, variant);
        }
      if (!found)
        {
          g_autofree char *index = g_strdup_printf ("%u", i);

          fw_validator_report (validator, FW_SEVERITY_ERROR, index,
                               _("“%s” is listed as a modifier but is neither the term nor one of "
                                 "its variants"), entry->modifiers[i]);
        }
    }
  fw_validator_pop (validator);

  entry->modifier_only = fw_validator_get_boolean (validator, object, "modifier_only", FALSE);
  if (entry->modifier_only && entry->modifiers[0] == NULL)
    fw_validator_report (validator, FW_SEVERITY_ERROR, "modifier_only",
                         _("“modifier_only” is true but no form is listed in “modifiers”; list "
                           "the forms that are modifiers, or remove “modifier_only”"));
  entry->literal_before = fw_validator_get_strv (validator, object, "literal_before", FALSE);
  if (entry->literal_before == NULL)
    entry->literal_before = g_new0 (char *, 1);

  if (entry->term == NULL || entry->category == NULL || entry->explanation == NULL)
    g_clear_pointer (&entry, fw_lexicon_entry_free);

  return entry;
}

/**
 * fw_lexicon_parse:
 * @validator: a validator positioned at the lexicon object
 * @object: a lexicon object, as in a pack's `lexicons` array or a lexicon
 *   file
 *
 * Reads a lexicon: `id`, `language` and `entries` are required; each entry
 * needs `term`, `category` and `explanation`, and may list which of its
 * forms are `modifiers` (each must be the term or a variant), whether the
 * term is loaded only as a modifier (`modifier_only`, which needs at least
 * one modifier form) and the words after which it is literal
 * (`literal_before`). The optional
 * `intensifiers` are words such as "utterly" that join a loaded term they
 * stand right before (see fw_lexicon_get_intensifiers()); the optional
 * `function_words` are words a modifier never takes in (see
 * fw_lexicon_get_function_words()); the optional `figurative_heads` are
 * nouns after which a modifier is not flagged at all (see
 * fw_lexicon_get_figurative_heads()). Entries with errors are reported to
 * @validator and left out.
 *
 * Returns: (transfer full) (nullable): the lexicon, or %NULL when its
 *   required fields are missing
 */
FwLexicon *
fw_lexicon_parse (FwValidator *validator,
                  JsonObject  *object)
{
  static const char * const known[] = {
    "format", "version", "id", "language", "title", "categories", "intensifiers",
    "function_words", "figurative_heads", "entries", NULL
  };
  g_autoptr(FwLexicon) self = g_object_new (FW_TYPE_LEXICON, NULL);
  JsonArray *categories;
  JsonArray *entries;

  fw_validator_check_members (validator, object, known);

  self->id = g_strdup (fw_validator_get_string (validator, object, "id", TRUE));
  self->language = g_strdup (fw_validator_get_string (validator, object, "language", TRUE));
  self->title = g_strdup (fw_validator_get_string (validator, object, "title", FALSE));
  self->intensifiers = fw_validator_get_strv (validator, object, "intensifiers", FALSE);
  if (self->intensifiers == NULL)
    self->intensifiers = g_new0 (char *, 1);
  self->function_words = fw_validator_get_strv (validator, object, "function_words", FALSE);
  if (self->function_words == NULL)
    self->function_words = g_new0 (char *, 1);
  self->figurative_heads = fw_validator_get_strv (validator, object, "figurative_heads", FALSE);
  if (self->figurative_heads == NULL)
    self->figurative_heads = g_new0 (char *, 1);

  categories = fw_validator_get_array (validator, object, "categories", FALSE, 1000);
  if (categories != NULL)
    {
      fw_validator_push_member (validator, "categories");
      for (guint i = 0; i < json_array_get_length (categories); i++)
        {
          JsonObject *c = fw_validator_element_object (validator, categories, i);
          const char *cid, *label;

          if (c == NULL)
            continue;

          fw_validator_push_index (validator, i);
          cid = fw_validator_get_string (validator, c, "id", TRUE);
          label = fw_validator_get_string (validator, c, "label", TRUE);
          fw_validator_get_string (validator, c, "description", FALSE);
          if (cid != NULL && label != NULL)
            g_hash_table_insert (self->category_labels, g_strdup (cid), g_strdup (label));
          fw_validator_pop (validator);
        }
      fw_validator_pop (validator);
    }

  entries = fw_validator_get_array (validator, object, "entries", TRUE, MAX_ENTRIES);
  if (entries != NULL)
    {
      fw_validator_push_member (validator, "entries");
      for (guint i = 0; i < json_array_get_length (entries); i++)
        {
          JsonObject *e = fw_validator_element_object (validator, entries, i);
          FwLexiconEntry *entry;

          if (e == NULL)
            continue;

          fw_validator_push_index (validator, i);
          entry = parse_entry (validator, e);
          if (entry != NULL)
            g_ptr_array_add (self->entries, entry);
          fw_validator_pop (validator);
        }
      fw_validator_pop (validator);
    }

  if (self->id == NULL || self->language == NULL || entries == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fw_lexicon_new_from_bytes:
 * @bytes: a UTF-8 lexicon file (format `framewise-lexicon`, version 1)
 * @error: return location for a #FwPackError
 *
 * Reads a stand-alone lexicon file with the same checks as a pack. A file
 * whose `format` is given and is not `framewise-lexicon` (a lesson pack,
 * say) is refused as what it is.
 *
 * Returns: (transfer full) (nullable): the lexicon, or %NULL with @error
 *   set to %FW_PACK_ERROR_INVALID (the message lists the first problem)
 */
FwLexicon *
fw_lexicon_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FwValidator) validator = NULL;
  g_autoptr(FwLexicon) self = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  JsonNode *format;

  root = fw_pack_loader_parse_json (bytes, &diagnostics, error);
  if (root == NULL)
    return NULL;

  validator = fw_validator_new ();
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID,
                   _("A lexicon file must hold one JSON object"));
      return NULL;
    }

  /* Another Framewise file, such as a lesson pack, is named as what it is
   * rather than reported as a lexicon without entries. */
  format = json_object_get_member (json_node_get_object (root), "format");
  if (format != NULL && JSON_NODE_HOLDS_VALUE (format)
      && json_node_get_value_type (format) == G_TYPE_STRING
      && !g_str_equal (json_node_get_string (format), LEXICON_FORMAT))
    {
      g_autofree char *shown = fw_plain_text_make_visible (json_node_get_string (format), 60);

      g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID,
                   _("This is not a lexicon file: its “format” is “%s”, and a lexicon’s is "
                     "“%s”"),
                   shown, LEXICON_FORMAT);
      return NULL;
    }

  self = fw_lexicon_parse (validator, json_node_get_object (root));
  if (self == NULL || fw_validator_has_errors (validator))
    {
      g_autoptr(GPtrArray) found = fw_validator_steal_diagnostics (validator);
      const FwDiagnostic *first = fw_diagnostics_find_first (found, FW_SEVERITY_ERROR);

      /* A problem of the whole file has no path to name. */
      if (first == NULL || first->path[0] == '\0')
        g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID, _("Invalid lexicon: %s"),
                     first != NULL ? first->message : _("its required fields are missing"));
      else
        g_set_error (error, FW_PACK_ERROR, FW_PACK_ERROR_INVALID, _("Invalid lexicon: %s: %s"),
                     first->path, first->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * fw_lexicon_new_builtin:
 * @language: a BCP 47 language tag, e.g. `en` or `en-GB`
 * @error: return location for a #GError
 *
 * Loads the built-in lexicon for the primary subtag of @language from the
 * application's resources.
 *
 * Returns: (transfer full) (nullable): the lexicon, or %NULL with
 *   @error set (%G_RESOURCE_ERROR_NOT_FOUND when there is none for
 *   @language)
 */
FwLexicon *
fw_lexicon_new_builtin (const char  *language,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = fw_pack_loader_read_builtin_lexicon ("", language, error);

  if (bytes == NULL)
    return NULL;

  return fw_lexicon_new_from_bytes (bytes, error);
}

/**
 * fw_lexicon_get_id:
 * @self: a lexicon
 *
 * Returns: (transfer none): the lexicon's id
 */
const char *
fw_lexicon_get_id (FwLexicon *self)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), NULL);
  return self->id;
}

/**
 * fw_lexicon_get_language:
 * @self: a lexicon
 *
 * Returns: (transfer none): the BCP 47 language tag of the lexicon
 */
const char *
fw_lexicon_get_language (FwLexicon *self)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), NULL);
  return self->language;
}

/**
 * fw_lexicon_get_title:
 * @self: a lexicon
 *
 * Returns: (transfer none) (nullable): the lexicon's title
 */
const char *
fw_lexicon_get_title (FwLexicon *self)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), NULL);
  return self->title;
}

/**
 * fw_lexicon_get_intensifiers:
 * @self: a lexicon
 *
 * The lexicon's intensifiers: amplifying words and phrases such as
 * "utterly", "so" or "sheer" (the amplifiers of Quirk et al., 1985, A
 * Comprehensive Grammar of the English Language, §8.104–8.111). They are
 * never highlighted on their own; one that stands right before a loaded
 * term, with only white space between, becomes part of that term's
 * highlight (see fw_analyzer_analyze()).
 *
 * Returns: (transfer none) (array zero-terminated=1): the intensifiers, in
 *   file order; empty when the lexicon has none
 */
const char * const *
fw_lexicon_get_intensifiers (FwLexicon *self)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), NULL);
  return (const char * const *) self->intensifiers;
}

/**
 * fw_lexicon_get_function_words:
 * @self: a lexicon
 *
 * The lexicon's function words: articles, pronouns, prepositions,
 * conjunctions, auxiliary verbs and the like, the closed word classes of
 * a grammar. A modifier (see #FwLexiconEntry) takes the next word into
 * its highlight only when that word is not one of these, since a loaded
 * adjective or adverb modifies a content word ("brutal crackdown",
 * "absurdly low"), not "the" or "and".
 *
 * Returns: (transfer none) (array zero-terminated=1): the function words,
 *   in file order; empty when the lexicon has none
 */
const char * const *
fw_lexicon_get_function_words (FwLexicon *self)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), NULL);
  return (const char * const *) self->function_words;
}

/**
 * fw_lexicon_get_figurative_heads:
 * @self: a lexicon
 *
 * The lexicon's figurative heads: nouns, such as those for weather and
 * temperature ("cold", "heat", "winter", "storm"), after which a loaded
 * modifier (see #FwLexiconEntry) is a figure of speech about no one's
 * acts. "The brutal cold" blames nobody and tells the reader nothing
 * about a side in a dispute, so a modifier right before one of these
 * words is not highlighted at all.
 *
 * Returns: (transfer none) (array zero-terminated=1): the figurative
 *   heads, in file order; empty when the lexicon has none
 */
const char * const *
fw_lexicon_get_figurative_heads (FwLexicon *self)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), NULL);
  return (const char * const *) self->figurative_heads;
}

/**
 * fw_lexicon_get_n_entries:
 * @self: a lexicon
 *
 * Returns: the number of entries
 */
guint
fw_lexicon_get_n_entries (FwLexicon *self)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), 0);
  return self->entries->len;
}

/**
 * fw_lexicon_get_entry:
 * @self: a lexicon
 * @index: 0-based entry index, less than fw_lexicon_get_n_entries()
 *
 * Returns: (transfer none): entry @index
 */
const FwLexiconEntry *
fw_lexicon_get_entry (FwLexicon *self,
                      guint      index)
{
  g_return_val_if_fail (FW_IS_LEXICON (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

/**
 * fw_lexicon_get_category_label:
 * @self: a lexicon
 * @category: a category id
 *
 * Returns: (transfer none): the category's label, or @category itself when
 *   the lexicon does not define one
 */
const char *
fw_lexicon_get_category_label (FwLexicon  *self,
                               const char *category)
{
  const char *label;

  g_return_val_if_fail (FW_IS_LEXICON (self), category);

  label = g_hash_table_lookup (self->category_labels, category);
  return label != NULL ? label : category;
}
