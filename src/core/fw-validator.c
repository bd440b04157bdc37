/* fw-validator.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A validator walks a parsed JSON tree on behalf of the pack, lexicon and
 * exercise readers. It keeps the JSON Pointer of the value being read and
 * collects every problem instead of stopping at the first, so a teacher sees
 * the whole list at once. Typed getters report a missing member or a value
 * of the wrong type with one consistent wording.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "fw-plain-text.h"
#include "fw-validator.h"

/* The most diagnostics kept; a hostile file could otherwise produce
 * millions (one unknown field each), and nobody reads past a thousand. */
#define MAX_DIAGNOSTICS 1000

struct _FwValidator
{
  GString   *path;
  GArray    *marks;
  GPtrArray *diagnostics;
  guint      n_errors;
  guint      n_unlisted_errors;
  guint      n_unlisted_warnings;
  guint64    searched;
};

/**
 * fw_validator_new:
 *
 * Creates a validator positioned at the document root.
 *
 * Returns: (transfer full): a new validator, freed with fw_validator_free()
 */
FwValidator *
fw_validator_new (void)
{
  FwValidator *self = g_new0 (FwValidator, 1);

  self->path = g_string_new (NULL);
  self->marks = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);

  return self;
}

/**
 * fw_validator_free:
 * @self: (transfer full) (nullable): a validator
 *
 * Frees @self and any diagnostics not stolen.
 */
void
fw_validator_free (FwValidator *self)
{
  if (self == NULL)
    return;

  g_string_free (self->path, TRUE);
  g_array_unref (self->marks);
  g_ptr_array_unref (self->diagnostics);
  g_free (self);
}

static void
append_token (GString    *path,
              const char *token)
{
  g_string_append_c (path, '/');
  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == '~')
        g_string_append (path, "~0");
      else if (*p == '/')
        g_string_append (path, "~1");
      else
        g_string_append_c (path, *p);
    }
}

/**
 * fw_validator_push_member:
 * @self: a validator
 * @name: an object member name
 *
 * Descends into member @name: the current JSON Pointer gains `/name`
 * (escaped as RFC 6901 says). Undo with fw_validator_pop().
 */
void
fw_validator_push_member (FwValidator *self,
                          const char  *name)
{
  gsize mark = self->path->len;

  g_array_append_val (self->marks, mark);
  append_token (self->path, name);
}

/**
 * fw_validator_push_index:
 * @self: a validator
 * @index: a 0-based array index
 *
 * Descends into array element @index. Undo with fw_validator_pop().
 */
void
fw_validator_push_index (FwValidator *self,
                         guint        index)
{
  gsize mark = self->path->len;

  g_array_append_val (self->marks, mark);
  g_string_append_printf (self->path, "/%u", index);
}

/**
 * fw_validator_pop:
 * @self: a validator
 *
 * Returns to the parent of the current value.
 */
void
fw_validator_pop (FwValidator *self)
{
  g_return_if_fail (self->marks->len > 0);

  g_string_truncate (self->path, g_array_index (self->marks, gsize, self->marks->len - 1));
  g_array_set_size (self->marks, self->marks->len - 1);
}

/**
 * fw_validator_get_path:
 * @self: a validator
 *
 * Returns: (transfer none): the JSON Pointer of the current value, `""`
 *   at the root
 */
const char *
fw_validator_get_path (FwValidator *self)
{
  return self->path->str;
}

/**
 * fw_validator_report:
 * @self: a validator
 * @severity: error or warning
 * @member: (nullable): a member of the current object the problem is about,
 *   or %NULL for the current value itself
 * @format: printf() format of the translated message
 * @...: arguments for @format
 *
 * Records a problem at the current path (plus @member). Only the first
 * 1,000 problems are kept; the rest are counted, and
 * fw_validator_steal_diagnostics() ends the list with how many were left
 * out.
 */
void
fw_validator_report (FwValidator *self,
                     FwSeverity   severity,
                     const char  *member,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autoptr(GString) path = NULL;
  va_list args;

  if (severity == FW_SEVERITY_ERROR)
    self->n_errors++;

  if (self->diagnostics->len >= MAX_DIAGNOSTICS)
    {
      if (severity == FW_SEVERITY_ERROR)
        self->n_unlisted_errors++;
      else
        self->n_unlisted_warnings++;
      return;
    }

  path = g_string_new (self->path->str);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (member != NULL)
    append_token (path, member);

  g_ptr_array_add (self->diagnostics, fw_diagnostic_new (severity, path->str, message));
}

/**
 * fw_validator_has_errors:
 * @self: a validator
 *
 * Returns: %TRUE when at least one error (not warning) was reported
 */
gboolean
fw_validator_has_errors (FwValidator *self)
{
  return self->n_errors > 0;
}

/**
 * fw_validator_count_errors:
 * @self: a validator
 *
 * Returns: how many errors (not warnings) were reported since the last
 *   fw_validator_steal_diagnostics(), including any not kept in the list
 */
guint
fw_validator_count_errors (FwValidator *self)
{
  return self->n_errors;
}

/**
 * fw_validator_steal_diagnostics:
 * @self: a validator
 *
 * Returns: (transfer full) (element-type FwDiagnostic): every problem
 *   reported so far, in the order found, at most 1,000 of them; when more
 *   were reported, a last diagnostic at the root says how many are not
 *   listed (an error when any of those is an error). @self starts a new
 *   empty list.
 */
GPtrArray *
fw_validator_steal_diagnostics (FwValidator *self)
{
  GPtrArray *ret = g_steal_pointer (&self->diagnostics);
  guint unlisted = self->n_unlisted_errors + self->n_unlisted_warnings;

  if (unlisted > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more problem is not listed",
                                      "%u more problems are not listed", unlisted),
                         unlisted);

      g_ptr_array_add (ret, fw_diagnostic_new (self->n_unlisted_errors > 0 ? FW_SEVERITY_ERROR
                                                                           : FW_SEVERITY_WARNING,
                                               "", message));
    }

  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_diagnostic_free);
  self->n_errors = 0;
  self->n_unlisted_errors = 0;
  self->n_unlisted_warnings = 0;

  return ret;
}

/**
 * fw_validator_check_members:
 * @self: a validator
 * @object: the object being read
 * @known: (array zero-terminated=1): the member names the format defines
 *
 * Warns about each member of @object that the format does not define, so
 * that a misspelt field name ("contributers") does not pass unnoticed. The
 * warnings follow the members' order in the file.
 */
void
fw_validator_check_members (FwValidator        *self,
                            JsonObject         *object,
                            const char * const *known)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      if (!g_strv_contains (known, name))
        {
          g_autofree char *shown = fw_plain_text_make_visible (name, 60);

          fw_validator_report (self, FW_SEVERITY_WARNING, name,
                               _("Unknown field “%s” is ignored; check its spelling"), shown);
        }
    }
}

static const char *
type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
      {
        GType t = json_node_get_value_type (node);

        if (t == G_TYPE_STRING)
          return _("a string");
        if (t == G_TYPE_BOOLEAN)
          return _("true or false");
        return _("a number");
      }
    default:
      return _("a value");
    }
}

static JsonNode *
lookup (FwValidator *self,
        JsonObject  *object,
        const char  *member,
        gboolean     required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    fw_validator_report (self, FW_SEVERITY_ERROR, NULL,
                         _("Required field “%s” is missing"), member);

  return node;
}

static gboolean
check_string_node (FwValidator *self,
                   JsonNode    *node,
                   const char  *member)
{
  const char *s;
  gsize length;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Expected a string here, found %s"), type_name (node));
      return FALSE;
    }

  s = json_node_get_string (node);
  length = strlen (s);
  if (length > FW_MAX_STRING_LENGTH)
    {
      guint64 over = length - FW_MAX_STRING_LENGTH;

      /* In bytes: a text a few bytes over the limit rounds to the limit in
       * any larger unit, and would not say what to cut. */
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "This text is %" PRIu64 " bytes long, %" PRIu64 " byte "
                                        "over the limit of %u bytes (1 MiB)",
                                        "This text is %" PRIu64 " bytes long, %" PRIu64 " bytes "
                                        "over the limit of %u bytes (1 MiB)",
                                        (gulong) MIN (over, G_MAXULONG)),
                           (uint64_t) length, (uint64_t) over, (guint) FW_MAX_STRING_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * fw_validator_get_string:
 * @self: a validator
 * @object: the object being read
 * @member: member name
 * @required: whether a missing member is an error
 *
 * Reads a string member, reporting a wrong type or a string over
 * %FW_MAX_STRING_LENGTH bytes. A required string may not be empty.
 *
 * Returns: (transfer none) (nullable): the string, owned by @object, or
 *   %NULL when missing or invalid
 */
const char *
fw_validator_get_string (FwValidator *self,
                         JsonObject  *object,
                         const char  *member,
                         gboolean     required)
{
  JsonNode *node = lookup (self, object, member, required);
  const char *s;

  if (node == NULL || !check_string_node (self, node, member))
    return NULL;

  s = json_node_get_string (node);
  if (required && *s == '\0')
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Field “%s” must not be empty"), member);
      return NULL;
    }

  return s;
}

/**
 * fw_validator_get_int:
 * @self: a validator
 * @object: the object being read
 * @member: member name
 * @required: whether a missing member is an error
 * @min: smallest accepted value
 * @max: largest accepted value
 * @value: (out): where to store the value
 *
 * Reads a whole-number member in [@min, @max].
 *
 * Returns: %TRUE when @value was set
 */
gboolean
fw_validator_get_int (FwValidator *self,
                      JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      gint64       min,
                      gint64       max,
                      gint64      *value)
{
  JsonNode *node = lookup (self, object, member, required);
  gint64 v;

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Expected a whole number here, found %s"), type_name (node));
      return FALSE;
    }

  v = json_node_get_int (node);
  if (v < min || v > max)
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("%" PRId64 " is out of range; expected %" PRId64 " to %" PRId64),
                           (int64_t) v, (int64_t) min, (int64_t) max);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

/**
 * fw_validator_get_double:
 * @self: a validator
 * @object: the object being read
 * @member: member name (optional)
 * @min: smallest accepted value
 * @max: largest accepted value
 * @value: (inout): the default on entry, the value read on return
 *
 * Reads an optional number member in [@min, @max].
 *
 * Returns: %FALSE when the member is present but invalid
 */
gboolean
fw_validator_get_double (FwValidator *self,
                         JsonObject  *object,
                         const char  *member,
                         double       min,
                         double       max,
                         double      *value)
{
  JsonNode *node = json_object_get_member (object, member);
  double v;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node)
      || (json_node_get_value_type (node) != G_TYPE_INT64
          && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Expected a number here, found %s"), type_name (node));
      return FALSE;
    }

  v = json_node_get_double (node);
  if (!(v >= min && v <= max))
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("%g is out of range; expected %g to %g"), v, min, max);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

/**
 * fw_validator_get_boolean:
 * @self: a validator
 * @object: the object being read
 * @member: member name (optional)
 * @default_value: the value when the member is missing or invalid
 *
 * Returns: the boolean member, or @default_value
 */
gboolean
fw_validator_get_boolean (FwValidator *self,
                          JsonObject  *object,
                          const char  *member,
                          gboolean     default_value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return default_value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Expected true or false here, found %s"), type_name (node));
      return default_value;
    }

  return json_node_get_boolean (node);
}

/**
 * fw_validator_get_object:
 * @self: a validator
 * @object: the object being read
 * @member: member name
 * @required: whether a missing member is an error
 *
 * Returns: (transfer none) (nullable): the object member, or %NULL when
 *   missing or not an object
 */
JsonObject *
fw_validator_get_object (FwValidator *self,
                         JsonObject  *object,
                         const char  *member,
                         gboolean     required)
{
  JsonNode *node = lookup (self, object, member, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Expected an object here, found %s"), type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * fw_validator_get_array:
 * @self: a validator
 * @object: the object being read
 * @member: member name
 * @required: whether a missing member is an error
 * @max_length: the most elements allowed
 *
 * Returns: (transfer none) (nullable): the array member, or %NULL when
 *   missing, not an array, or longer than @max_length
 */
JsonArray *
fw_validator_get_array (FwValidator *self,
                        JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        guint        max_length)
{
  JsonNode *node = lookup (self, object, member, required);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Expected an array here, found %s"), type_name (node));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_length)
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("Too many entries: %u, the limit is %u"),
                           json_array_get_length (array), max_length);
      return NULL;
    }

  return array;
}

/**
 * fw_validator_get_strv:
 * @self: a validator
 * @object: the object being read
 * @member: member name
 * @required: whether a missing member is an error
 *
 * Reads an array of strings, reporting each element that is not a string.
 *
 * Returns: (transfer full) (nullable): a %NULL-terminated copy, or %NULL
 *   when the member is missing or not an array
 */
char **
fw_validator_get_strv (FwValidator *self,
                       JsonObject  *object,
                       const char  *member,
                       gboolean     required)
{
  JsonArray *array = fw_validator_get_array (self, object, member, required, G_MAXINT);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  n = json_array_get_length (array);

  fw_validator_push_member (self, member);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *index = g_strdup_printf ("%u", i);

      if (check_string_node (self, node, index))
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  fw_validator_pop (self);

  return g_strv_builder_end (builder);
}

/**
 * fw_validator_element_object:
 * @self: a validator, whose current path is the array
 * @array: the array
 * @index: the element index
 *
 * Returns: (transfer none) (nullable): element @index as an object, or
 *   %NULL (with an error) when it is something else
 */
JsonObject *
fw_validator_element_object (FwValidator *self,
                             JsonArray   *array,
                             guint        index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *token = g_strdup_printf ("%u", index);

      fw_validator_report (self, FW_SEVERITY_ERROR, token,
                           _("Expected an object here, found %s"), type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * fw_validator_get_enum:
 * @self: a validator
 * @object: the object being read
 * @member: member name
 * @required: whether a missing member is an error
 * @nicks: (array zero-terminated=1): the accepted strings; the result is
 *   the index into this array
 * @default_value: the result when the member is missing or invalid
 *
 * Reads a string member that must be one of @nicks, listing the accepted
 * values when it is not.
 *
 * Returns: the index of the value in @nicks, or @default_value
 */
int
fw_validator_get_enum (FwValidator        *self,
                       JsonObject         *object,
                       const char         *member,
                       gboolean            required,
                       const char * const *nicks,
                       int                 default_value)
{
  const char *s = fw_validator_get_string (self, object, member, required);
  g_autofree char *accepted = NULL;
  g_autofree char *shown = NULL;

  if (s == NULL)
    return default_value;

  for (int i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (s, nicks[i]))
      return i;

  accepted = g_strjoinv (", ", (char **) nicks);
  shown = fw_plain_text_make_visible (s, 60);
  fw_validator_report (self, FW_SEVERITY_ERROR, member,
                       _("“%s” is not a valid value; use one of: %s"), shown, accepted);

  return default_value;
}

/**
 * fw_validator_check_id:
 * @self: a validator, positioned at the object that has the id
 * @id: (nullable): the id read from member `id`
 * @seen: set of ids already used in the same scope
 *
 * Checks that @id is unique in @seen and made of letters, digits, `-`, `_`
 * and `.`, then adds it to @seen.
 *
 * Returns: %TRUE when @id is usable
 */
gboolean
fw_validator_check_id (FwValidator *self,
                       const char  *id,
                       GHashTable  *seen)
{
  g_autofree char *shown = NULL;

  if (id == NULL)
    return FALSE;

  shown = fw_plain_text_make_visible (id, 60);
  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        {
          fw_validator_report (self, FW_SEVERITY_ERROR, "id",
                               _("The id “%s” may only use letters, digits, “-”, “_” and “.”"),
                               shown);
          return FALSE;
        }
    }

  if (g_hash_table_contains (seen, id))
    {
      fw_validator_report (self, FW_SEVERITY_ERROR, "id",
                           _("The id “%s” is used more than once in this list"), shown);
      return FALSE;
    }

  g_hash_table_add (seen, g_strdup (id));
  return TRUE;
}

/**
 * fw_validator_get_url:
 * @self: a validator
 * @object: the object being read
 * @member: member name (optional)
 *
 * Reads an optional web address. A pack only names where things were
 * found; Framewise never fetches them. So that a pack cannot point at
 * files on the reader's computer, only absolute `http` and `https` URLs
 * (RFC 3986, checked with g_uri_is_valid()) are accepted.
 *
 * Returns: (transfer none) (nullable): the URL, owned by @object, or %NULL
 *   when missing or invalid
 */
const char *
fw_validator_get_url (FwValidator *self,
                      JsonObject  *object,
                      const char  *member)
{
  const char *url = fw_validator_get_string (self, object, member, FALSE);
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return NULL;

  if (g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    scheme = g_uri_parse_scheme (url);

  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_autofree char *shown = fw_plain_text_make_visible (url, 80);

      fw_validator_report (self, FW_SEVERITY_ERROR, member,
                           _("“%s” is not a web address; write a full address starting with "
                             "https://"),
                           shown);
      return NULL;
    }

  return url;
}

/**
 * fw_validator_spend_search:
 * @self: a validator, positioned at the selector about to be resolved
 * @n_bytes: how many bytes of text resolving it may search
 *
 * Counts the text a selector search will read against
 * %FW_MAX_SEARCH_BYTES for the whole pack. When the budget is spent, one
 * error is reported at the current path and every later call fails, so
 * that no pack can make validation take more than about a second or two.
 *
 * Returns: %TRUE when the search may go ahead
 */
gboolean
fw_validator_spend_search (FwValidator *self,
                           gsize        n_bytes)
{
  if (self->searched > FW_MAX_SEARCH_BYTES)
    return FALSE;

  self->searched += n_bytes;
  if (self->searched <= FW_MAX_SEARCH_BYTES)
    return TRUE;

  fw_validator_report (self, FW_SEVERITY_ERROR, NULL,
                       _("Framewise stopped checking quotes here: this pack would have it search "
                         "more than 4 GiB of text. Give long pieces fewer annotations, or split "
                         "them"));
  return FALSE;
}
