/* fw-matcher.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Finds every lexicon term, frame cue and assertion cue in one linear pass
 * over the normalised text: the Aho-Corasick automaton (Aho and Corasick,
 * 1975, "Efficient string matching: an aid to bibliographic search", CACM
 * 18(6)), compiled into a full transition table over byte classes so that
 * each byte of text costs one table look-up. Bytes that occur in no
 * pattern share one class, which keeps the table small.
 *
 * Candidates then have to be whole words: a UAX #29 word boundary at both
 * ends (see fw_text_is_word_boundary()), or a possessive ’s after the term.
 * Within each group, overlapping matches are resolved so that the longest
 * wins, then the earliest, then the pattern added first; different groups
 * (lexicon terms, frame cues, assertion cues) never hide each other. */

#include "config.h"

#include <string.h>

#include "fw-matcher.h"

#define EMIT_BIT 0x80000000u
#define NONE G_MAXUINT

typedef struct
{
  char *bytes;
  guint len;
  guint group;
  guint next;  /* next pattern with the same bytes, or NONE */
} Pattern;

typedef struct
{
  guint child;    /* first child, or NONE */
  guint sibling;  /* next sibling, or NONE */
  guint fail;
  guint out;      /* first pattern ending here, or NONE */
  guint dict;     /* nearest state on the failure chain with output, or 0 */
  guchar byte;
} Node;

typedef struct
{
  gsize start;
  gsize end;
  guint pattern;
} Candidate;

struct _FwMatcher
{
  GObject parent_instance;

  GPtrArray *patterns;
  GHashTable *lookup;
  GArray *nodes;

  gboolean compiled;
  guint8 classes[256];
  guint n_classes;
  guint32 *delta;
};

G_DEFINE_FINAL_TYPE (FwMatcher, fw_matcher, G_TYPE_OBJECT)

static void
pattern_free (Pattern *pattern)
{
  g_free (pattern->bytes);
  g_free (pattern);
}

static void
fw_matcher_finalize (GObject *object)
{
  FwMatcher *self = (FwMatcher *) object;

  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  g_clear_pointer (&self->lookup, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_free (self->delta);

  G_OBJECT_CLASS (fw_matcher_parent_class)->finalize (object);
}

static void
fw_matcher_class_init (FwMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_matcher_finalize;
}

static void
fw_matcher_init (FwMatcher *self)
{
  Node root = { NONE, NONE, 0, NONE, 0, 0 };

  self->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);
  self->lookup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_append_val (self->nodes, root);
}

/**
 * fw_matcher_new:
 *
 * Creates an empty matcher. Add patterns with fw_matcher_add(), then call
 * fw_matcher_compile() once before fw_matcher_find().
 *
 * Returns: (transfer full): a new matcher
 */
FwMatcher *
fw_matcher_new (void)
{
  return g_object_new (FW_TYPE_MATCHER, NULL);
}

static guint
find_child (FwMatcher *self,
            guint      node,
            guchar     byte)
{
  for (guint c = g_array_index (self->nodes, Node, node).child; c != NONE;
       c = g_array_index (self->nodes, Node, c).sibling)
    if (g_array_index (self->nodes, Node, c).byte == byte)
      return c;
  return NONE;
}

/**
 * fw_matcher_add:
 * @self: a matcher that is not compiled yet
 * @term: a term or phrase as written, e.g. "Anti-terror operation"; it is
 *   normalised with fw_text_normalize(), so case, quote and dash variants
 *   do not matter
 * @group: the group the pattern belongs to, below %FW_MATCHER_MAX_GROUPS;
 *   overlaps are resolved within a group only
 *
 * Adds a pattern. Adding the same normalised term to the same group again
 * returns the first pattern's id, so that the first definition of a term
 * wins.
 *
 * Returns: the pattern id, counted from 0 in the order patterns were
 *   first added, or %FW_MATCHER_NO_PATTERN when @term normalises to the
 *   empty string
 */
guint
fw_matcher_add (FwMatcher  *self,
                const char *term,
                guint       group)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  gpointer found;
  Pattern *pattern;
  guint id;
  guint node = 0;

  g_return_val_if_fail (FW_IS_MATCHER (self), FW_MATCHER_NO_PATTERN);
  g_return_val_if_fail (!self->compiled, FW_MATCHER_NO_PATTERN);
  g_return_val_if_fail (term != NULL, FW_MATCHER_NO_PATTERN);
  g_return_val_if_fail (group < FW_MATCHER_MAX_GROUPS, FW_MATCHER_NO_PATTERN);

  normalized = fw_text_normalize (term, -1);
  if (normalized[0] == '\0')
    return FW_MATCHER_NO_PATTERN;

  key = g_strdup_printf ("%u:%s", group, normalized);
  if (g_hash_table_lookup_extended (self->lookup, key, NULL, &found))
    return GPOINTER_TO_UINT (found);

  id = self->patterns->len;
  pattern = g_new0 (Pattern, 1);
  pattern->len = (guint) strlen (normalized);
  pattern->bytes = g_steal_pointer (&normalized);
  pattern->group = group;
  pattern->next = NONE;
  g_ptr_array_add (self->patterns, pattern);
  g_hash_table_insert (self->lookup, g_steal_pointer (&key), GUINT_TO_POINTER (id));

  for (guint i = 0; i < pattern->len; i++)
    {
      guchar byte = (guchar) pattern->bytes[i];
      guint child = find_child (self, node, byte);

      if (child == NONE)
        {
          Node n = { NONE, g_array_index (self->nodes, Node, node).child, 0, NONE, 0, byte };

          child = self->nodes->len;
          g_array_append_val (self->nodes, n);
          g_array_index (self->nodes, Node, node).child = child;
        }
      node = child;
    }

  /* Patterns with the same bytes in other groups end at the same state. */
  pattern->next = g_array_index (self->nodes, Node, node).out;
  g_array_index (self->nodes, Node, node).out = id;

  return id;
}

/**
 * fw_matcher_get_n_patterns:
 * @self: a matcher
 *
 * Returns: the number of distinct patterns
 */
guint
fw_matcher_get_n_patterns (FwMatcher *self)
{
  g_return_val_if_fail (FW_IS_MATCHER (self), 0);
  return self->patterns->len;
}

/**
 * fw_matcher_get_pattern:
 * @self: a matcher
 * @pattern: a pattern id
 *
 * Returns: (transfer none): the normalised form of the pattern
 */
const char *
fw_matcher_get_pattern (FwMatcher *self,
                        guint      pattern)
{
  g_return_val_if_fail (FW_IS_MATCHER (self), NULL);
  g_return_val_if_fail (pattern < self->patterns->len, NULL);
  return ((Pattern *) g_ptr_array_index (self->patterns, pattern))->bytes;
}

/**
 * fw_matcher_get_pattern_group:
 * @self: a matcher
 * @pattern: a pattern id
 *
 * Returns: the group of @pattern
 */
guint
fw_matcher_get_pattern_group (FwMatcher *self,
                              guint      pattern)
{
  g_return_val_if_fail (FW_IS_MATCHER (self), 0);
  g_return_val_if_fail (pattern < self->patterns->len, 0);
  return ((Pattern *) g_ptr_array_index (self->patterns, pattern))->group;
}

/**
 * fw_matcher_compile:
 * @self: a matcher
 *
 * Builds the automaton: failure links in breadth-first order, then a full
 * transition table over byte classes. After this no patterns can be added,
 * and fw_matcher_find() may be called from any number of threads at once.
 * Compiling twice does nothing.
 */
void
fw_matcher_compile (FwMatcher *self)
{
  Node *nodes;
  guint n_nodes;
  g_autofree guint *queue = NULL;
  g_autofree gboolean *emits = NULL;
  guint head = 0, tail = 0;
  guint nc;

  g_return_if_fail (FW_IS_MATCHER (self));

  if (self->compiled)
    return;

  nodes = (Node *) (gpointer) self->nodes->data;
  n_nodes = self->nodes->len;

  /* Byte classes: one per byte that occurs in a pattern, class 0 for the
   * rest. */
  memset (self->classes, 0, sizeof self->classes);
  for (guint i = 1; i < n_nodes; i++)
    self->classes[nodes[i].byte] = 1;
  nc = 1;
  for (guint b = 0; b < 256; b++)
    if (self->classes[b] != 0)
      self->classes[b] = (guint8) nc++;
  self->n_classes = nc;

  g_return_if_fail ((guint64) n_nodes * nc < EMIT_BIT);

  /* Failure and dictionary links, breadth first. */
  queue = g_new (guint, n_nodes);
  for (guint c = nodes[0].child; c != NONE; c = nodes[c].sibling)
    {
      nodes[c].fail = 0;
      nodes[c].dict = 0;
      queue[tail++] = c;
    }
  while (head < tail)
    {
      guint s = queue[head++];

      for (guint c = nodes[s].child; c != NONE; c = nodes[c].sibling)
        {
          guint f = nodes[s].fail;
          guint g;

          while (f != 0 && find_child (self, f, nodes[c].byte) == NONE)
            f = nodes[f].fail;
          g = find_child (self, f, nodes[c].byte);
          nodes[c].fail = g != NONE && g != c ? g : 0;
          nodes[c].dict = nodes[nodes[c].fail].out != NONE ? nodes[c].fail
                                                           : nodes[nodes[c].fail].dict;
          queue[tail++] = c;
        }
    }

  /* The full table: a state's own edges, and its failure state's row for
   * everything else. The failure state comes earlier in breadth-first
   * order, so its row is complete. */
  self->delta = g_new0 (guint32, (gsize) n_nodes * nc);
  for (guint c = nodes[0].child; c != NONE; c = nodes[c].sibling)
    self->delta[self->classes[nodes[c].byte]] = c;
  for (guint q = 0; q < tail; q++)
    {
      guint s = queue[q];
      guint32 *row = self->delta + (gsize) s * nc;
      const guint32 *fail_row = self->delta + (gsize) nodes[s].fail * nc;

      memcpy (row, fail_row, nc * sizeof (guint32));
      row[0] = 0;
      for (guint c = nodes[s].child; c != NONE; c = nodes[c].sibling)
        row[self->classes[nodes[c].byte]] = c;
    }

  /* Store row offsets rather than state numbers, with the top bit set
   * where a pattern ends. */
  emits = g_new0 (gboolean, n_nodes);
  for (guint s = 0; s < n_nodes; s++)
    emits[s] = nodes[s].out != NONE || nodes[s].dict != 0;
  for (gsize i = 0; i < (gsize) n_nodes * nc; i++)
    {
      guint32 next = self->delta[i];

      self->delta[i] = next * nc | (emits[next] ? EMIT_BIT : 0);
    }

  self->compiled = TRUE;
}

/**
 * fw_matcher_get_n_states:
 * @self: a compiled matcher
 *
 * Returns: the number of states of the automaton, for measurements
 */
guint
fw_matcher_get_n_states (FwMatcher *self)
{
  g_return_val_if_fail (FW_IS_MATCHER (self), 0);
  return self->nodes->len;
}

static inline gboolean
is_alnum (guchar c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

static int
compare_by_group (gconstpointer a,
                  gconstpointer b)
{
  const FwMatch *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static int
compare_by_preference (gconstpointer a,
                       gconstpointer b)
{
  const FwMatch *x = a, *y = b;
  guint lx = x->end - x->start, ly = y->end - y->start;

  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  const FwMatch *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

/* Keeps, of a cluster of overlapping matches of one group, the longest,
 * then the earliest, then the first-added, dropping whatever overlaps a
 * match already kept. */
static void
resolve_cluster (FwMatch *cluster,
                 guint    n,
                 GArray  *out)
{
  guint first = out->len;

  qsort (cluster, n, sizeof (FwMatch), compare_by_preference);
  for (guint i = 0; i < n; i++)
    {
      gboolean available = TRUE;

      for (guint k = first; k < out->len && available; k++)
        {
          const FwMatch *kept = &g_array_index (out, FwMatch, k);

          available = cluster[i].end <= kept->start || kept->end <= cluster[i].start;
        }
      if (available)
        g_array_append_val (out, cluster[i]);
    }
}

/* Checks a candidate's ends against word boundaries in the original text
 * and maps it there. */
static gboolean
accept_candidate (FwText       *text,
                  const guchar *t,
                  gsize         n,
                  gsize         start,
                  gsize         end,
                  FwMatch      *match)
{
  guint os, oe;

  if (!fw_text_map_normalized (text, start, end, &os, &oe))
    return FALSE;
  if (!fw_text_is_word_boundary (text, os))
    return FALSE;
  if (!fw_text_is_word_boundary (text, oe))
    {
      guint ps, pe;

      /* A possessive ’s: "Azerbaijan’s" is one UAX #29 word. */
      if (!(end + 2 <= n && t[end] == '\'' && t[end + 1] == 's'
            && (end + 2 == n || !is_alnum (t[end + 2]))))
        return FALSE;
      if (!fw_text_map_normalized (text, end, end + 2, &ps, &pe) || ps != oe)
        return FALSE;
      if (!fw_text_is_word_boundary (text, pe))
        return FALSE;
    }

  match->start = os;
  match->end = oe;
  return TRUE;
}

/**
 * fw_matcher_find:
 * @self: a compiled matcher (see fw_matcher_compile())
 * @text: the text to search
 * @cancellable: (nullable): a #GCancellable, checked every few megabytes
 * @error: return location for a #GError
 *
 * Finds all patterns in @text in one pass over its normalised form. A match
 * must be a whole word or phrase: a UAX #29 word boundary before it and
 * after it, or a possessive ’s or 's and then a boundary after it ("sham"
 * matches in "sham's" but not in "shamble"). Matches never cross
 * paragraphs. Within a group, overlapping matches are resolved
 * deterministically: the longest wins, then the one that starts first,
 * then the pattern added first.
 *
 * Returns: (transfer full) (element-type FwMatch) (nullable): the matches,
 *   ordered by start, longer first, then by group; %NULL with
 *   %G_IO_ERROR_CANCELLED when @cancellable was cancelled
 */
GArray *
fw_matcher_find (FwMatcher     *self,
                 FwText        *text,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) resolved = NULL;
  const Node *nodes;
  const guchar *t;
  gsize n;
  guint32 s = 0;
  guint nc;
  const guint32 *delta;
  const guint8 *classes;
  gsize i = 0;

  g_return_val_if_fail (FW_IS_MATCHER (self), NULL);
  g_return_val_if_fail (self->compiled, NULL);
  g_return_val_if_fail (FW_IS_TEXT (text), NULL);

  t = (const guchar *) fw_text_get_normalized (text, &n);
  nodes = (const Node *) (gconstpointer) self->nodes->data;
  nc = self->n_classes;
  delta = self->delta;
  classes = self->classes;
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  while (i < n)
    {
      gsize stop = MIN (n, i + 4 * 1024 * 1024);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      for (; i < stop; i++)
        {
          s = delta[(s & ~EMIT_BIT) + classes[t[i]]];
          if (G_UNLIKELY (s & EMIT_BIT))
            {
              guint state = (s & ~EMIT_BIT) / nc;
              gsize end = i + 1;

              for (guint st = state; st != 0; st = nodes[st].dict)
                for (guint p = nodes[st].out; p != NONE;
                     p = ((Pattern *) g_ptr_array_index (self->patterns, p))->next)
                  {
                    const Pattern *pattern = g_ptr_array_index (self->patterns, p);
                    Candidate c = { end - pattern->len, end, p };

                    /* Most substring hits ("aid" in "said") end here,
                     * before any look-up: two ASCII letters or digits
                     * never have a word boundary between them. */
                    if (c.start > 0 && is_alnum (t[c.start - 1]) && is_alnum (t[c.start]))
                      continue;
                    if (end < n && is_alnum (t[end]) && is_alnum (t[end - 1]))
                      continue;
                    g_array_append_val (candidates, c);
                  }
            }
        }
    }

  matches = g_array_sized_new (FALSE, FALSE, sizeof (FwMatch), candidates->len);
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, k);
      FwMatch m;

      if (k % 65536 == 65535 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!accept_candidate (text, t, n, c->start, c->end, &m))
        continue;
      m.pattern = c->pattern;
      m.group = ((Pattern *) g_ptr_array_index (self->patterns, c->pattern))->group;
      g_array_append_val (matches, m);
    }

  g_array_sort (matches, compare_by_group);

  resolved = g_array_sized_new (FALSE, FALSE, sizeof (FwMatch), matches->len);
  for (guint k = 0; k < matches->len; )
    {
      FwMatch *m = &g_array_index (matches, FwMatch, k);
      guint max_end = m->end;
      guint j = k + 1;

      while (j < matches->len)
        {
          const FwMatch *next = &g_array_index (matches, FwMatch, j);

          if (next->group != m->group || next->start >= max_end)
            break;
          max_end = MAX (max_end, next->end);
          j++;
        }

      if (j == k + 1)
        g_array_append_val (resolved, *m);
      else
        resolve_cluster (m, j - k, resolved);
      k = j;
    }

  g_array_sort (resolved, compare_by_position);

  return g_steal_pointer (&resolved);
}
