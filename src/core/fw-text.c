/* fw-text.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The text pipeline of the analysis: a piece's text, its normalised form
 * for matching with an exact map back to the original, and its word and
 * sentence boundaries.
 *
 * Normalisation is NFKC followed by case folding (and NFKC again, since
 * folding can undo it), with curly quotes and apostrophes made straight,
 * dash variants made "-", bidi controls and soft hyphens dropped, and every
 * run of white space inside a paragraph made one space. It works unit by
 * unit, where a unit is a starter and the characters that combine with it,
 * so that every unit of output comes from one known span of input. Plain
 * ASCII, which is most English prose, takes a fast path: NFKC leaves it as
 * it is and case folding is ASCII lower-casing. GLib does the rest.
 *
 * The map from normalised bytes back to original code points is a sorted
 * list of anchors. An identity anchor starts a run where each byte of output
 * is one code point of input (ASCII, or one character that normalises to
 * one ASCII byte such as ’ or —); a unit anchor covers one unit whose output
 * maps as a whole to its input span. Prose in Latin script needs few
 * anchors.
 *
 * Word and sentence boundaries are those of Unicode UAX #29 as Pango
 * computes them (pango_get_log_attrs), paragraph by paragraph and in
 * parallel, with an abbreviation list so that "Dr." and "U.S." do not end
 * sentences. Where only a word boundary is wanted and the text was not
 * segmented, fw_text_is_word_boundary() answers the plain cases (an ASCII
 * letter next to a space, say) directly from the UAX #29 rules and asks
 * Pango about the few characters around the position for everything else.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <pango/pango.h>
#include <string.h>

#include "fw-text.h"

/* Every INDEX_STEP code points the byte offset is recorded, so that finding
 * a code point costs at most INDEX_STEP steps, and none in a stretch of
 * ASCII. */
#define INDEX_STEP 16

/* Texts smaller than this are segmented on the calling thread alone. */
#define PARALLEL_MIN_BYTES (256 * 1024)
#define MAX_THREADS 8

/* How far fw_text_is_word_boundary() looks either side when it asks Pango. */
#define BOUNDARY_CONTEXT 64

enum
{
  FLAG_WORD_BOUNDARY = 1 << 0,
  FLAG_WORD_START = 1 << 1,
  FLAG_WORD_END = 1 << 2,
  FLAG_SENTENCE_BOUNDARY = 1 << 3,
  FLAG_WHITE = 1 << 4,
};

typedef struct
{
  guint norm;      /* byte offset in the normalised text */
  guint orig;      /* code point offset in the original text */
  guint orig_len;  /* 0 for an identity run, else the code points of the unit */
} Anchor;

struct _FwText
{
  GObject parent_instance;

  char *text;
  gsize n_bytes;
  guint length;
  gboolean ascii;
  guint *index;

  GArray *paragraphs;

  char *normalized;
  gsize n_normalized;
  GArray *anchors;

  guint8 *flags;
  GArray *sentences;
};

G_DEFINE_FINAL_TYPE (FwText, fw_text, G_TYPE_OBJECT)

G_DEFINE_QUARK (fw-text-error-quark, fw_text_error)

static void
fw_text_finalize (GObject *object)
{
  FwText *self = (FwText *) object;

  g_free (self->text);
  g_free (self->index);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_free (self->normalized);
  g_clear_pointer (&self->anchors, g_array_unref);
  g_free (self->flags);
  g_clear_pointer (&self->sentences, g_array_unref);

  G_OBJECT_CLASS (fw_text_parent_class)->finalize (object);
}

static void
fw_text_class_init (FwTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_text_finalize;
}

static void
fw_text_init (FwText *self)
{
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (FwTextSpan));
  self->anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
}

/* Character classes ------------------------------------------------------ */

static inline gboolean
is_ascii_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline gboolean
is_space (gunichar c)
{
  return c < 0x80 ? is_ascii_space (c) : g_unichar_isspace (c);
}

static inline gboolean
is_ascii_alnum (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline guchar
ascii_lower (guchar c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Quotes, apostrophes and dashes that count as the same for matching, and
 * invisible format characters that are dropped. Returns the replacement,
 * 0 to drop @c, or @c itself. */
static gunichar
fold_punctuation (gunichar c)
{
  switch (c)
    {
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x2032: /* ′ */
    case 0x02BC: /* ʼ */
    case 0x2039: /* ‹ */
    case 0x203A: /* › */
      return '\'';
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x2033: /* ″ */
    case 0x00AB: /* « */
    case 0x00BB: /* » */
      return '"';
    case 0x2010: /* hyphen */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* figure dash */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2015: /* horizontal bar */
    case 0x2212: /* minus */
    case 0x2E3A: /* two-em dash */
    case 0x2E3B: /* three-em dash */
    case 0xFE58: /* small em dash */
      return '-';
    case 0x00AD: /* soft hyphen */
    case 0x200E: /* left-to-right mark */
    case 0x200F: /* right-to-left mark */
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
    case 0xFEFF: /* zero-width no-break space */
      return 0;
    default:
      return c;
    }
}

/* Normalisation ---------------------------------------------------------- */

typedef struct
{
  char *buf;
  gsize len;
  gsize cap;
  GArray *anchors;        /* (nullable): no map is kept when NULL */
  gboolean identity_open; /* the last anchor is an identity run that can grow */
  guint cp;               /* code points of input consumed */
  GHashTable *cache;      /* gunichar → normalised UTF-8 of that character */
} Normalizer;

static void
normalizer_init (Normalizer *n,
                 gsize       expected,
                 GArray     *anchors)
{
  n->cap = expected + 64;
  n->buf = g_malloc (n->cap);
  n->len = 0;
  n->anchors = anchors;
  n->identity_open = FALSE;
  n->cp = 0;
  n->cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static char *
normalizer_finish (Normalizer *n,
                   gsize      *len)
{
  g_hash_table_unref (n->cache);
  *len = n->len;
  n->buf[n->len] = '\0';
  return n->buf;
}

static inline void
normalizer_reserve (Normalizer *n,
                    gsize       extra)
{
  if (n->len + extra + 1 > n->cap)
    {
      n->cap = MAX (n->cap * 2, n->len + extra + 64);
      n->buf = g_realloc (n->buf, n->cap);
    }
}

static inline void
emit_identity (Normalizer *n,
               char        byte)
{
  if (!n->identity_open)
    {
      if (n->anchors != NULL)
        {
          Anchor a = { (guint) n->len, n->cp, 0 };

          g_array_append_val (n->anchors, a);
        }
      n->identity_open = TRUE;
    }
  n->buf[n->len++] = byte;
  n->cp++;
}

/* Emits the normalised form @out of a unit of @n_cps input code points. */
static void
emit_unit (Normalizer *n,
           const char *out,
           gsize       out_len,
           guint       n_cps)
{
  if (out_len == 1 && n_cps == 1 && (guchar) out[0] < 0x80)
    {
      emit_identity (n, out[0]);
      return;
    }

  n->identity_open = FALSE;
  if (out_len > 0)
    {
      if (n->anchors != NULL)
        {
          Anchor a = { (guint) n->len, n->cp, n_cps };

          g_array_append_val (n->anchors, a);
        }
      memcpy (n->buf + n->len, out, out_len);
      n->len += out_len;
    }
  n->cp += n_cps;
}

/* NFKC, case folding, NFKC again, then quotes, dashes and format
 * characters. @unit is valid UTF-8. */
static char *
normalize_unit (const char *unit,
                gssize      len)
{
  g_autofree char *nfkc = g_utf8_normalize (unit, len, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc, -1);
  g_autofree char *again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_sized_new (strlen (again));

  for (const char *p = again; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = fold_punctuation (g_utf8_get_char (p));

      if (c != 0)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Handles the unit or white-space run at @i, which the fast path did not
 * take, and returns the offset after it. */
static gsize
normalize_slow (Normalizer   *n,
                const guchar *s,
                gsize         len,
                gsize         i)
{
  gunichar c = g_utf8_get_char ((const char *) s + i);
  gunichar last = c;
  gsize j = (const guchar *) g_utf8_next_char ((const char *) s + i) - s;
  guint n_cps = 1;
  const char *out;
  g_autofree char *owned = NULL;

  if (is_space (c))
    {
      while (j < len)
        {
          gunichar d = g_utf8_get_char ((const char *) s + j);

          if (!is_space (d))
            break;
          j = (const guchar *) g_utf8_next_char ((const char *) s + j) - s;
          n_cps++;
        }
      normalizer_reserve (n, 1 + (len - j));
      emit_unit (n, " ", 1, n_cps);
      return j;
    }

  /* A unit: the starter and whatever combines with it. No ASCII character
   * combines with what comes before it, so only non-ASCII ones are looked
   * at. */
  while (j < len && s[j] >= 0x80)
    {
      gunichar d = g_utf8_get_char ((const char *) s + j);
      gunichar composed;

      if (g_unichar_combining_class (d) == 0 && !g_unichar_compose (last, d, &composed))
        break;
      last = d;
      j = (const guchar *) g_utf8_next_char ((const char *) s + j) - s;
      n_cps++;
    }

  if (n_cps == 1 && c < 0x80)
    {
      normalizer_reserve (n, 1 + (len - j));
      emit_identity (n, (char) ascii_lower ((guchar) c));
      return j;
    }

  if (n_cps == 1)
    {
      out = g_hash_table_lookup (n->cache, GUINT_TO_POINTER (c));
      if (out == NULL)
        {
          char *computed = normalize_unit ((const char *) s + i, (gssize) (j - i));

          g_hash_table_insert (n->cache, GUINT_TO_POINTER (c), computed);
          out = computed;
        }
    }
  else
    {
      owned = normalize_unit ((const char *) s + i, (gssize) (j - i));
      out = owned;
    }

  normalizer_reserve (n, strlen (out) + (len - j));
  emit_unit (n, out, strlen (out), n_cps);
  return j;
}

/* Normalises the paragraph text @s of @len bytes. */
static void
normalize_paragraph (Normalizer   *n,
                     const guchar *s,
                     gsize         len)
{
  gsize i = 0;

  normalizer_reserve (n, len);

  while (i < len)
    {
      guchar c = s[i];

      /* The fast path: an ASCII character that no combining mark follows
       * is its own lower case, one byte for one code point. */
      if (G_LIKELY (c < 0x80 && !is_ascii_space (c) && (i + 1 == len || s[i + 1] < 0x80)))
        {
          if (G_UNLIKELY (!n->identity_open))
            {
              emit_identity (n, (char) ascii_lower (c));
              i++;
              continue;
            }
          n->buf[n->len++] = (char) ascii_lower (c);
          n->cp++;
          i++;
          continue;
        }

      /* A single ASCII space before more ASCII, the commonest white space. */
      if (c == ' ' && (i + 1 == len || (s[i + 1] < 0x80 && !is_ascii_space (s[i + 1]))))
        {
          emit_identity (n, ' ');
          i++;
          continue;
        }

      i = normalize_slow (n, s, len, i);
    }
}

/* Text between paragraphs becomes one line feed per code point, so that no
 * match crosses a paragraph break. */
static void
normalize_separator (Normalizer *n,
                     const char *s,
                     gsize       len)
{
  const char *end = s + len;

  normalizer_reserve (n, len);
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    emit_identity (n, '\n');
}

/**
 * fw_text_normalize:
 * @text: valid UTF-8
 * @n_bytes: length of @text in bytes, or -1 when it is nul-terminated
 *
 * Normalises @text the way the analysis matches text: NFKC, case folding
 * (Unicode default case folding, as g_utf8_casefold() does), curly quotes
 * and apostrophes made straight, dash and hyphen variants made "-", soft
 * hyphens and bidi controls dropped, and white-space runs made one space,
 * with leading and trailing white space removed. Lexicon terms and cue
 * words go through this before they are matched.
 *
 * Returns: (transfer full): the normalised text
 */
char *
fw_text_normalize (const char *text,
                   gssize      n_bytes)
{
  Normalizer n;
  gsize len;
  char *out;
  char *start;

  g_return_val_if_fail (text != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);

  normalizer_init (&n, n_bytes, NULL);
  normalize_paragraph (&n, (const guchar *) text, n_bytes);
  out = normalizer_finish (&n, &len);

  while (len > 0 && out[len - 1] == ' ')
    out[--len] = '\0';
  start = out;
  while (*start == ' ')
    start++;
  if (start != out)
    memmove (out, start, strlen (start) + 1);

  return out;
}

/* Construction ----------------------------------------------------------- */

static gboolean
check_size_and_utf8 (const char  *text,
                     gsize        n_bytes,
                     GError     **error)
{
  const char *end = NULL;

  if (n_bytes > FW_TEXT_MAX_SIZE)
    {
      g_set_error (error, FW_TEXT_ERROR, FW_TEXT_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The text is too large to analyse: %" PRIu64 " byte, the "
                                "limit is %u",
                                "The text is too large to analyse: %" PRIu64 " bytes, the "
                                "limit is %u",
                                (gulong) MIN (n_bytes, G_MAXULONG)),
                   (uint64_t) n_bytes, FW_TEXT_MAX_SIZE);
      return FALSE;
    }

  if (!g_utf8_validate_len (text, n_bytes, &end))
    {
      g_set_error (error, FW_TEXT_ERROR, FW_TEXT_ERROR_INVALID_UTF8,
                   _("The text is not valid UTF-8: invalid byte at byte offset %" PRIu64
                     " (counting from 0)"),
                   (uint64_t) (end - text));
      return FALSE;
    }

  return TRUE;
}

static void
build_index (FwText *self)
{
  const guchar *s = (const guchar *) self->text;
  guint cp = 0;
  gsize n_index = 0;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < self->n_bytes; i++)
    if (s[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  self->ascii = ascii;
  if (ascii)
    {
      self->length = (guint) self->n_bytes;
      return;
    }

  /* One entry per INDEX_STEP code points, and one for the end of the
   * text, so that every block has a next entry. */
  self->index = g_new (guint, self->n_bytes / INDEX_STEP + 3);
  for (gsize i = 0; i < self->n_bytes; i++)
    {
      if ((s[i] & 0xC0) == 0x80)
        continue;
      if (cp % INDEX_STEP == 0)
        self->index[n_index++] = (guint) i;
      cp++;
    }
  self->index[n_index++] = (guint) self->n_bytes;
  self->length = cp;
}

/**
 * fw_text_get_pointer:
 * @self: a text
 * @offset: a code point offset, at most fw_text_get_length()
 *
 * Returns: (transfer none): a pointer into the original UTF-8 text at
 *   code point @offset
 */
const char *
fw_text_get_pointer (FwText *self,
                     guint   offset)
{
  const char *p;

  g_return_val_if_fail (FW_IS_TEXT (self), NULL);
  g_return_val_if_fail (offset <= self->length, NULL);

  if (self->ascii)
    return self->text + offset;
  if (offset == self->length)
    return self->text + self->n_bytes;

  p = self->text + self->index[offset / INDEX_STEP];

  /* A whole block of INDEX_STEP code points in as many bytes is ASCII. */
  if ((offset / INDEX_STEP + 1) * INDEX_STEP <= self->length
      && self->index[offset / INDEX_STEP + 1] - self->index[offset / INDEX_STEP] == INDEX_STEP)
    return p + offset % INDEX_STEP;

  for (guint k = offset % INDEX_STEP; k > 0; k--)
    p = g_utf8_next_char (p);

  return p;
}

static void
normalize_all (FwText *self)
{
  Normalizer n;
  guint prev_end = 0;

  normalizer_init (&n, self->n_bytes, self->anchors);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      FwTextSpan *p = &g_array_index (self->paragraphs, FwTextSpan, i);
      const char *start = fw_text_get_pointer (self, p->start);
      const char *end = fw_text_get_pointer (self, p->end);
      const char *sep = fw_text_get_pointer (self, prev_end);

      normalize_separator (&n, sep, start - sep);
      normalize_paragraph (&n, (const guchar *) start, end - start);
      prev_end = p->end;
    }

  {
    const char *sep = fw_text_get_pointer (self, prev_end);

    normalize_separator (&n, sep, self->text + self->n_bytes - sep);
  }

  g_assert (n.cp == self->length);
  self->normalized = normalizer_finish (&n, &self->n_normalized);
}

/**
 * fw_text_new:
 * @text: the text, UTF-8
 * @n_bytes: length of @text in bytes, or -1 when it is nul-terminated
 * @paragraphs: (array length=n_paragraphs) (nullable): the paragraphs, in
 *   order, as code point spans that do not touch (at least one code point,
 *   usually a line feed, lies between two paragraphs); %NULL makes the
 *   whole text one paragraph
 * @n_paragraphs: number of @paragraphs
 * @error: return location for an #FwTextError
 *
 * Checks @text, copies it and normalises it for matching (see
 * fw_text_normalize()), keeping a map back to the original offsets. Text
 * between paragraphs is never part of a match or a sentence.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with @error set
 *   to %FW_TEXT_ERROR_INVALID_UTF8 (the message gives the byte offset of
 *   the first bad byte; a NUL byte counts as bad) or
 *   %FW_TEXT_ERROR_TOO_LARGE
 */
FwText *
fw_text_new (const char        *text,
             gssize             n_bytes,
             const FwTextSpan  *paragraphs,
             guint              n_paragraphs,
             GError           **error)
{
  g_autoptr(FwText) self = NULL;

  g_return_val_if_fail (text != NULL || n_bytes == 0, NULL);

  if (text == NULL)
    text = "";
  if (n_bytes < 0)
    n_bytes = strlen (text);

  if (!check_size_and_utf8 (text, n_bytes, error))
    return NULL;

  self = g_object_new (FW_TYPE_TEXT, NULL);
  self->text = g_strndup (text, n_bytes);
  self->n_bytes = n_bytes;
  build_index (self);

  if (paragraphs == NULL)
    {
      FwTextSpan all = { 0, self->length };

      g_array_append_val (self->paragraphs, all);
    }
  else
    {
      for (guint i = 0; i < n_paragraphs; i++)
        {
          g_return_val_if_fail (paragraphs[i].start <= paragraphs[i].end, NULL);
          g_return_val_if_fail (paragraphs[i].end <= self->length, NULL);
          g_return_val_if_fail (i == 0 || paragraphs[i - 1].end < paragraphs[i].start, NULL);
        }
      g_array_append_vals (self->paragraphs, paragraphs, n_paragraphs);
    }

  normalize_all (self);

  return g_steal_pointer (&self);
}

static gboolean
line_is_blank (const char *line,
               const char *end)
{
  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * fw_text_new_plain:
 * @text: plain text, UTF-8, without a byte-order mark
 * @n_bytes: length of @text in bytes, or -1 when it is nul-terminated
 * @error: return location for an #FwTextError
 *
 * Like fw_text_new() for a plain-text document: a paragraph is a block of
 * lines that are not blank, and blank lines (empty or only white space)
 * separate paragraphs. Line breaks inside a paragraph count as spaces, so
 * hard-wrapped prose reads as running text; a line break never ends a
 * sentence by itself.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with @error set
 *   as fw_text_new() does
 */
FwText *
fw_text_new_plain (const char  *text,
                   gssize       n_bytes,
                   GError     **error)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (FwTextSpan));
  const char *p;
  const char *end;
  guint cp = 0;
  gboolean in_paragraph = FALSE;
  FwTextSpan current = { 0, 0 };

  g_return_val_if_fail (text != NULL || n_bytes == 0, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  if (!check_size_and_utf8 (text, n_bytes, error))
    return NULL;

  p = text;
  end = text + n_bytes;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      const char *content_end = line_end;
      guint line_cps;

      if (content_end > p && content_end[-1] == '\r')
        content_end--;
      line_cps = (guint) g_utf8_strlen (p, content_end - p);

      if (line_is_blank (p, content_end))
        {
          if (in_paragraph)
            {
              g_array_append_val (paragraphs, current);
              in_paragraph = FALSE;
            }
        }
      else
        {
          if (!in_paragraph)
            current.start = cp;
          in_paragraph = TRUE;
          current.end = cp + line_cps;
        }

      cp += line_cps + (guint) (line_end - content_end);
      if (nl == NULL)
        break;
      cp++;
      p = nl + 1;
    }
  if (in_paragraph)
    g_array_append_val (paragraphs, current);

  return fw_text_new (text, n_bytes, (FwTextSpan *) (gpointer) paragraphs->data, paragraphs->len,
                      error);
}

/**
 * fw_text_new_for_piece:
 * @piece: a piece
 *
 * Makes the text of @piece (its paragraphs joined by U+000A, see
 * fw_piece_get_text()) with one paragraph per paragraph of the piece.
 * Offsets into it are offsets into the piece text.
 *
 * Returns: (transfer full): the text
 */
FwText *
fw_text_new_for_piece (FwPiece *piece)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (FwTextSpan));
  g_autoptr(GError) error = NULL;
  FwText *self;

  g_return_val_if_fail (FW_IS_PIECE (piece), NULL);

  for (guint i = 0; i < fw_piece_get_n_paragraphs (piece); i++)
    {
      FwTextSpan span;

      span.start = fw_piece_get_paragraph_start (piece, i);
      span.end = span.start + (guint) g_utf8_strlen (fw_piece_get_paragraph (piece, i), -1);
      g_array_append_val (paragraphs, span);
    }

  /* A loaded piece is valid UTF-8 and far below the size limit. */
  self = fw_text_new (fw_piece_get_text (piece), -1, (FwTextSpan *) (gpointer) paragraphs->data,
                      paragraphs->len, &error);
  g_assert_no_error (error);

  return self;
}

/* Accessors -------------------------------------------------------------- */

/**
 * fw_text_get_text:
 * @self: a text
 * @n_bytes: (out) (optional): length of the text in bytes
 *
 * Returns: (transfer none): the original text, nul-terminated UTF-8
 */
const char *
fw_text_get_text (FwText *self,
                  gsize  *n_bytes)
{
  g_return_val_if_fail (FW_IS_TEXT (self), NULL);

  if (n_bytes != NULL)
    *n_bytes = self->n_bytes;
  return self->text;
}

/**
 * fw_text_get_length:
 * @self: a text
 *
 * Returns: the length of the text in Unicode code points
 */
guint
fw_text_get_length (FwText *self)
{
  g_return_val_if_fail (FW_IS_TEXT (self), 0);
  return self->length;
}

/**
 * fw_text_get_n_paragraphs:
 * @self: a text
 *
 * Returns: the number of paragraphs
 */
guint
fw_text_get_n_paragraphs (FwText *self)
{
  g_return_val_if_fail (FW_IS_TEXT (self), 0);
  return self->paragraphs->len;
}

/**
 * fw_text_get_paragraph:
 * @self: a text
 * @index: a paragraph index, less than fw_text_get_n_paragraphs()
 *
 * Returns: the code point span of paragraph @index
 */
FwTextSpan
fw_text_get_paragraph (FwText *self,
                       guint   index)
{
  FwTextSpan none = { 0, 0 };

  g_return_val_if_fail (FW_IS_TEXT (self), none);
  g_return_val_if_fail (index < self->paragraphs->len, none);

  return g_array_index (self->paragraphs, FwTextSpan, index);
}

/**
 * fw_text_find_paragraph:
 * @self: a text
 * @offset: a code point offset
 *
 * Returns: the index of the paragraph that holds @offset (a paragraph's end
 *   counts as inside it), or %G_MAXUINT when @offset lies between
 *   paragraphs
 */
guint
fw_text_find_paragraph (FwText *self,
                        guint   offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (FW_IS_TEXT (self), G_MAXUINT);

  hi = self->paragraphs->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->paragraphs, FwTextSpan, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0 || g_array_index (self->paragraphs, FwTextSpan, lo - 1).end < offset)
    return G_MAXUINT;
  return lo - 1;
}

/**
 * fw_text_dup_span:
 * @self: a text
 * @start: first code point
 * @end: code point after the span; @start <= @end <= fw_text_get_length()
 *
 * Returns: (transfer full): the original text of the span
 */
char *
fw_text_dup_span (FwText *self,
                  guint   start,
                  guint   end)
{
  const char *a, *b;

  g_return_val_if_fail (FW_IS_TEXT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);

  a = fw_text_get_pointer (self, start);
  b = fw_text_get_pointer (self, end);
  return g_strndup (a, b - a);
}

/**
 * fw_text_get_normalized:
 * @self: a text
 * @n_bytes: (out) (optional): length of the normalised text in bytes
 *
 * The normalised text (see fw_text_normalize()) in which matching runs.
 * Text between paragraphs is one line feed per code point there, and white
 * space inside a paragraph is one space per run.
 *
 * Returns: (transfer none): the normalised text, nul-terminated UTF-8
 */
const char *
fw_text_get_normalized (FwText *self,
                        gsize  *n_bytes)
{
  g_return_val_if_fail (FW_IS_TEXT (self), NULL);

  if (n_bytes != NULL)
    *n_bytes = self->n_normalized;
  return self->normalized;
}

/* The index of the last anchor at or before normalised byte @byte. */
static guint
find_anchor (FwText *self,
             gsize   byte)
{
  guint lo = 0, hi = self->anchors->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->anchors, Anchor, mid).norm <= byte)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo - 1;
}

/**
 * fw_text_map_normalized:
 * @self: a text
 * @start_byte: byte offset of a span's start in the normalised text
 * @end_byte: byte offset after the span; @start_byte < @end_byte <= the
 *   normalised length
 * @start: (out): code point offset of the span's start in the original
 * @end: (out): code point offset after the span in the original
 *
 * Maps a span of the normalised text back to the original text. The map is
 * exact: the original span is the input that produced exactly the
 * normalised span. A span that starts or ends inside the output of one
 * normalisation unit (inside the "fi" that "ﬁ" becomes, say) has no exact
 * original and is refused.
 *
 * Returns: %TRUE when the span maps exactly, %FALSE when it starts or ends
 *   inside a unit
 */
gboolean
fw_text_map_normalized (FwText *self,
                        gsize   start_byte,
                        gsize   end_byte,
                        guint  *start,
                        guint  *end)
{
  const Anchor *a;
  guint k;

  g_return_val_if_fail (FW_IS_TEXT (self), FALSE);
  g_return_val_if_fail (start_byte < end_byte && end_byte <= self->n_normalized, FALSE);

  k = find_anchor (self, start_byte);
  a = &g_array_index (self->anchors, Anchor, k);
  if (a->orig_len == 0)
    *start = a->orig + (guint) (start_byte - a->norm);
  else if (start_byte == a->norm)
    *start = a->orig;
  else
    return FALSE;

  k = find_anchor (self, end_byte - 1);
  a = &g_array_index (self->anchors, Anchor, k);
  if (a->orig_len == 0)
    *end = a->orig + (guint) (end_byte - a->norm);
  else
    {
      gsize unit_end = k + 1 < self->anchors->len
                       ? g_array_index (self->anchors, Anchor, k + 1).norm
                       : self->n_normalized;

      if (end_byte != unit_end)
        return FALSE;
      *end = a->orig + a->orig_len;
    }

  return TRUE;
}

/* Segmentation ----------------------------------------------------------- */

/* Abbreviations after which UAX #29 would end a sentence before a capital
 * letter but English prose does not: titles, initials, Latin
 * abbreviations, and country and month abbreviations. "etc.", "Inc." and
 * the like are left out, since they end sentences as often as not. */
static const char * const abbreviations[] = {
  "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "St.", "Mt.", "Ft.",
  "Gen.", "Lt.", "Col.", "Capt.", "Cpt.", "Sgt.", "Maj.", "Adm.", "Cmdr.", "Brig.",
  "Gov.", "Sen.", "Rep.", "Pres.", "Rev.", "Hon.", "Amb.", "Sec.", "Dept.", "Univ.",
  "No.", "Nos.", "Vol.", "Art.", "Fig.", "pp.", "p.", "cf.", "vs.", "v.",
  "e.g.", "i.e.", "al.", "approx.", "ca.", "c.", "viz.",
  "U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "U.S.S.R.",
  "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
  "Nov.", "Dec.",
  NULL
};

static gboolean
is_abbreviation (const char *token,
                 gsize       len)
{
  /* Strip opening brackets and quotes. */
  while (len > 0 && strchr ("([\"'", *token) != NULL)
    {
      token++;
      len--;
    }
  while (len >= 3 && (guchar) token[0] == 0xE2 && (guchar) token[1] == 0x80
         && ((guchar) token[2] == 0x9C || (guchar) token[2] == 0x98))
    {
      token += 3;
      len -= 3;
    }

  /* An initial, as in "John F. Kennedy". */
  if (len == 2 && token[1] == '.' && g_ascii_isupper (token[0]))
    return TRUE;

  for (guint i = 0; abbreviations[i] != NULL; i++)
    if (strlen (abbreviations[i]) == len && memcmp (abbreviations[i], token, len) == 0)
      return TRUE;

  return FALSE;
}

/* UAX #29 (rule SB8) does not end a sentence before a digit: in "began in
 * 1944. 40% agree" Pango sees one sentence. English prose does start
 * sentences with figures, so a boundary is added after ".", "!" or "?"
 * (and any closing quotes or brackets) and white space when the next
 * character is a digit, unless the token before is an abbreviation ("No. 5",
 * "p. 12", "Art. 3") or an ellipsis. A decimal ("3.5") has no space and is
 * not touched. */
static void
break_before_digits (const char   *text,
                     gsize         len,
                     PangoLogAttr *attrs)
{
  glong n_chars = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, (glong) len, &n_chars);

  for (guint k = 1; k < (guint) n_chars; k++)
    {
      guint j = k;
      guint end;
      guint token_start;
      g_autofree char *token = NULL;

      if (!g_unichar_isdigit (chars[k]) || attrs[k].is_sentence_boundary)
        continue;
      while (j > 0 && g_unichar_isspace (chars[j - 1]))
        j--;
      if (j == k || j == 0)
        continue;
      end = j;
      while (j > 0 && (chars[j - 1] == '"' || chars[j - 1] == '\'' || chars[j - 1] == ')'
                       || chars[j - 1] == ']' || chars[j - 1] == 0x201D || chars[j - 1] == 0x2019))
        j--;
      if (j == 0 || (chars[j - 1] != '.' && chars[j - 1] != '!' && chars[j - 1] != '?'))
        continue;
      if (chars[j - 1] == '.' && j >= 2 && chars[j - 2] == '.')
        continue;

      token_start = j;
      while (token_start > 0 && !g_unichar_isspace (chars[token_start - 1]))
        token_start--;
      token = g_ucs4_to_utf8 (chars + token_start, end - token_start, NULL, NULL, NULL);
      if (token == NULL || is_abbreviation (token, strlen (token)))
        continue;

      attrs[k].is_sentence_boundary = TRUE;
    }
}

typedef struct
{
  FwText *self;
  guint first;
  guint last;              /* exclusive */
  PangoLanguage *language;
  GCancellable *cancellable;
  GArray *sentences;
  gboolean cancelled;
} Batch;

static void
segment_paragraph (FwText        *self,
                   FwTextSpan     span,
                   PangoLanguage *language,
                   GArray        *sentences)
{
  const char *start = fw_text_get_pointer (self, span.start);
  const char *end = fw_text_get_pointer (self, span.end);
  guint n = span.end - span.start;
  g_autofree char *copy = NULL;
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n + 1);
  const char *text = start;
  guint8 *flags = self->flags + span.start;
  guint sentence_start = 0;
  guint first_sentence = sentences->len;

  /* Line breaks inside a paragraph are spaces (hard-wrapped plain text);
   * replacing them keeps every offset. */
  if (memchr (start, '\n', end - start) != NULL || memchr (start, '\r', end - start) != NULL)
    {
      copy = g_strndup (start, end - start);
      for (char *p = copy; *p != '\0'; p++)
        if (*p == '\n' || *p == '\r')
          *p = ' ';
      text = copy;
    }

  pango_get_log_attrs (text, (int) (end - start), -1, language, attrs, (int) n + 1);
  break_before_digits (text, end - start, attrs);

  for (guint k = 0; k <= n; k++)
    {
      guint8 f = 0;

      if (attrs[k].is_word_boundary)
        f |= FLAG_WORD_BOUNDARY;
      if (attrs[k].is_sentence_boundary)
        f |= FLAG_SENTENCE_BOUNDARY;
      if (attrs[k].is_white || (k == n && span.end < self->length))
        f |= FLAG_WHITE;
      flags[k] = f;
    }

  /* Words are the UAX #29 segments with a letter or digit in them, so that
   * "1.3", "8,255,288", "U.S" and "Azerbaijan’s" are one word each (Pango's
   * own is_word_start splits numbers at their points). */
  {
    const char *p = text;
    guint segment_start = 0;
    gboolean has_alnum = FALSE;

    for (guint k = 0; k < n; k++)
      {
        guchar b = (guchar) *p;

        if (k > 0 && attrs[k].is_word_boundary)
          {
            if (has_alnum)
              {
                flags[segment_start] |= FLAG_WORD_START;
                flags[k] |= FLAG_WORD_END;
              }
            segment_start = k;
            has_alnum = FALSE;
          }

        if (b < 0x80)
          {
            has_alnum |= g_ascii_isalnum (b);
            p++;
          }
        else
          {
            has_alnum |= g_unichar_isalnum (g_utf8_get_char (p));
            p = g_utf8_next_char (p);
          }
      }
    if (has_alnum && n > 0)
      {
        flags[segment_start] |= FLAG_WORD_START;
        flags[n] |= FLAG_WORD_END;
      }
  }

  /* Sentences: between sentence boundaries, without surrounding white
   * space. */
  for (guint k = 1; k <= n; k++)
    {
      FwTextSpan s;

      if (k < n && !attrs[k].is_sentence_boundary)
        continue;

      s.start = sentence_start;
      s.end = k;
      sentence_start = k;
      while (s.start < s.end && attrs[s.start].is_white)
        s.start++;
      while (s.end > s.start && attrs[s.end - 1].is_white)
        s.end--;
      if (s.start == s.end)
        continue;

      s.start += span.start;
      s.end += span.start;
      g_array_append_val (sentences, s);
    }

  /* Join sentences that Pango ended after an abbreviation. */
  for (guint i = first_sentence; i + 1 < sentences->len; )
    {
      FwTextSpan *s = &g_array_index (sentences, FwTextSpan, i);
      guint token_start = s->end;
      const char *a, *b;

      while (token_start > s->start && !(flags[token_start - 1 - span.start] & FLAG_WHITE))
        token_start--;
      a = fw_text_get_pointer (self, token_start);
      b = fw_text_get_pointer (self, s->end);

      if (is_abbreviation (a, b - a))
        {
          s->end = g_array_index (sentences, FwTextSpan, i + 1).end;
          flags[g_array_index (sentences, FwTextSpan, i + 1).start - span.start] &=
            ~FLAG_SENTENCE_BOUNDARY;
          g_array_remove_index (sentences, i + 1);
        }
      else
        {
          i++;
        }
    }
}

static void
segment_batch (Batch *batch)
{
  for (guint i = batch->first; i < batch->last; i++)
    {
      if (g_cancellable_is_cancelled (batch->cancellable))
        {
          batch->cancelled = TRUE;
          return;
        }
      segment_paragraph (batch->self, g_array_index (batch->self->paragraphs, FwTextSpan, i),
                         batch->language, batch->sentences);
    }
}

static gpointer
segment_thread (gpointer data)
{
  segment_batch (data);
  return NULL;
}

/**
 * fw_text_segment:
 * @self: a text
 * @language: (nullable): BCP 47 tag of the text's language, e.g. `en`;
 *   %NULL for Pango's default
 * @cancellable: (nullable): a #GCancellable, checked between paragraphs
 * @error: return location for a #GError
 *
 * Finds word and sentence boundaries: Unicode UAX #29 as Pango computes it
 * with pango_get_log_attrs(), paragraph by paragraph, spread over the
 * processor's cores for large texts. Sentences then are the spans between
 * sentence boundaries without surrounding white space, except that a
 * boundary right after a known abbreviation ("Dr.", "e.g.", "U.S.", a
 * capital initial) is dropped, and one is added after ".", "!" or "?" and
 * white space before a digit ("in 1944. 40% agree"), which UAX #29 does not
 * break, unless an abbreviation such as "No." comes before. Segmenting twice does nothing. A text is
 * segmented by one caller at a time; once segmented it can be read from
 * any number of threads.
 *
 * Returns: %TRUE on success, %FALSE with %G_IO_ERROR_CANCELLED when
 *   @cancellable was cancelled
 */
gboolean
fw_text_segment (FwText        *self,
                 const char    *language,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PangoLanguage *pango_language;
  guint n_threads;
  Batch batches[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };
  gsize per_batch;
  guint next = 0;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (FW_IS_TEXT (self), FALSE);

  if (self->flags != NULL)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  pango_language = language != NULL ? pango_language_from_string (language)
                                    : pango_language_get_default ();

  /* Outside paragraphs every position is a boundary of both kinds. */
  self->flags = g_malloc ((gsize) self->length + 1);
  memset (self->flags, FLAG_WORD_BOUNDARY | FLAG_SENTENCE_BOUNDARY | FLAG_WHITE,
          (gsize) self->length + 1);

  n_threads = self->n_bytes < PARALLEL_MIN_BYTES ? 1 : MIN (g_get_num_processors (), MAX_THREADS);
  n_threads = MAX (1, MIN (n_threads, self->paragraphs->len));
  per_batch = self->n_bytes / n_threads + 1;

  /* Contiguous batches of paragraphs of about the same size in bytes. */
  for (guint t = 0; t < n_threads; t++)
    {
      gsize bytes = 0;

      batches[t].self = self;
      batches[t].first = next;
      while (next < self->paragraphs->len && (bytes < per_batch || t == n_threads - 1))
        {
          FwTextSpan *p = &g_array_index (self->paragraphs, FwTextSpan, next);

          bytes += fw_text_get_pointer (self, p->end) - fw_text_get_pointer (self, p->start) + 1;
          next++;
        }
      batches[t].last = next;
      batches[t].language = pango_language;
      batches[t].cancellable = cancellable;
      batches[t].sentences = g_array_new (FALSE, FALSE, sizeof (FwTextSpan));
      batches[t].cancelled = FALSE;
    }

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("fw-segment", segment_thread, &batches[t]);
  segment_batch (&batches[0]);

  self->sentences = g_array_new (FALSE, FALSE, sizeof (FwTextSpan));
  for (guint t = 0; t < n_threads; t++)
    {
      if (threads[t] != NULL)
        g_thread_join (threads[t]);
      cancelled |= batches[t].cancelled;
      g_array_append_vals (self->sentences, batches[t].sentences->data,
                           batches[t].sentences->len);
      g_array_unref (batches[t].sentences);
    }

  if (cancelled)
    {
      g_clear_pointer (&self->flags, g_free);
      g_clear_pointer (&self->sentences, g_array_unref);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  return TRUE;
}

/**
 * fw_text_is_segmented:
 * @self: a text
 *
 * Returns: %TRUE once fw_text_segment() has succeeded
 */
gboolean
fw_text_is_segmented (FwText *self)
{
  g_return_val_if_fail (FW_IS_TEXT (self), FALSE);
  return self->flags != NULL;
}

/* Word boundaries without segmentation ----------------------------------- */

/* UAX #29 MidLetter, MidNumLet and MidNum characters, which can join the
 * letters or digits on either side of them into one word (WB6, WB7, WB11,
 * WB12). */
static inline gboolean
is_mid (gunichar c)
{
  return c == '.' || c == ':' || c == '\'' || c == ',' || c == ';' || c == 0x2018 || c == 0x2019;
}

/* Characters of word-break class Other next to which an ASCII letter or
 * digit always has a boundary (WB999). */
static inline gboolean
always_breaks (gunichar c)
{
  if (c < 0x80)
    return !is_ascii_alnum (c) && !is_ascii_space (c) && !is_mid (c) && c != '_' && c != '"';

  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB
         || c == 0x2013 || c == 0x2014;
}

static gboolean
pango_word_boundary (FwText *self,
                     guint   offset)
{
  guint start = offset, end = offset;
  const char *a, *b;
  g_autofree char *chunk = NULL;
  g_autofree PangoLogAttr *attrs = NULL;
  guint n;

  /* The white-space-delimited stretch around the position, with the white
   * space at either end: UAX #29 never looks past it. */
  while (start > 0 && offset - start < BOUNDARY_CONTEXT)
    {
      start--;
      if (is_space (g_utf8_get_char (fw_text_get_pointer (self, start))))
        break;
    }
  while (end < self->length && end - offset < BOUNDARY_CONTEXT)
    {
      gboolean space = is_space (g_utf8_get_char (fw_text_get_pointer (self, end)));

      end++;
      if (space)
        break;
    }

  a = fw_text_get_pointer (self, start);
  b = fw_text_get_pointer (self, end);
  chunk = g_strndup (a, b - a);
  for (char *p = chunk; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';

  n = end - start;
  attrs = g_new0 (PangoLogAttr, n + 1);
  pango_get_log_attrs (chunk, (int) (b - a), -1, pango_language_from_string ("en"), attrs,
                       (int) n + 1);

  return attrs[offset - start].is_word_boundary;
}

/**
 * fw_text_is_word_boundary:
 * @self: a text
 * @offset: a code point offset, at most fw_text_get_length()
 *
 * Whether a UAX #29 word boundary lies before code point @offset. After
 * fw_text_segment() this is a look-up. Before it, the common cases are
 * decided from the characters either side by the UAX #29 rules themselves
 * (a boundary next to ASCII white space, none between two ASCII letters or
 * digits, a boundary between an ASCII letter and punctuation that never
 * joins words) and everything else is given to Pango with the few
 * characters around it; this is what makes lexicon matching alone as fast
 * as a text search. Safe to call from several threads while no thread
 * segments the text.
 *
 * Returns: %TRUE at a word boundary; the start and end of the text are
 *   boundaries
 */
gboolean
fw_text_is_word_boundary (FwText *self,
                          guint   offset)
{
  const char *p;
  gunichar a, b;

  g_return_val_if_fail (FW_IS_TEXT (self), FALSE);
  g_return_val_if_fail (offset <= self->length, FALSE);

  if (offset == 0 || offset == self->length)
    return TRUE;
  if (self->flags != NULL)
    return (self->flags[offset] & FLAG_WORD_BOUNDARY) != 0;

  p = fw_text_get_pointer (self, offset);
  if (self->ascii)
    {
      a = (guchar) p[-1];
      b = (guchar) p[0];
    }
  else
    {
      a = g_utf8_get_char (g_utf8_prev_char (p));
      b = g_utf8_get_char (p);
    }

  /* WB3a, WB3b, WB999: white space breaks from anything that is not white
   * space or a combining mark, and ASCII is never a combining mark. */
  if (is_ascii_space (a) != is_ascii_space (b))
    {
      gunichar other = is_ascii_space (a) ? b : a;

      if (other < 0x80)
        return TRUE;
    }

  /* WB5, WB8, WB9, WB10: letters and digits hold together. */
  if (is_ascii_alnum (a) && is_ascii_alnum (b))
    return FALSE;

  if (is_ascii_alnum (a) != is_ascii_alnum (b))
    {
      gboolean punct_before = !is_ascii_alnum (a);
      gunichar punct = punct_before ? a : b;

      if (always_breaks (punct))
        return TRUE;

      /* A MidLetter or MidNum character joins only when a letter or digit
       * follows it on its far side. */
      if (is_mid (punct))
        {
          gunichar far;

          if (punct_before)
            {
              const char *q = g_utf8_prev_char (p);

              if (q == self->text)
                return TRUE;
              far = g_utf8_get_char (g_utf8_prev_char (q));
            }
          else
            {
              const char *q = g_utf8_next_char (p);

              if (q >= self->text + self->n_bytes)
                return TRUE;
              far = g_utf8_get_char (q);
            }

          if (far < 0x80 && !is_ascii_alnum (far))
            return TRUE;
        }
    }

  return pango_word_boundary (self, offset);
}

/**
 * fw_text_next_word:
 * @self: a segmented text (see fw_text_segment())
 * @offset: code point offset to start looking at
 * @limit: code point offset where to stop looking, at most
 *   fw_text_get_length()
 * @word: (out): the word's span
 *
 * Finds the first word (a UAX #29 word segment with a letter, digit or
 * ideograph in it) that starts at or after @offset
 * and before @limit. The word may end after @limit when @limit cuts it.
 *
 * Returns: %TRUE when a word was found
 */
gboolean
fw_text_next_word (FwText     *self,
                   guint       offset,
                   guint       limit,
                   FwTextSpan *word)
{
  guint k;

  g_return_val_if_fail (FW_IS_TEXT (self), FALSE);
  g_return_val_if_fail (self->flags != NULL, FALSE);
  g_return_val_if_fail (limit <= self->length, FALSE);

  for (k = offset; k < limit && !(self->flags[k] & FLAG_WORD_START); k++)
    ;
  if (k >= limit)
    return FALSE;

  word->start = k;
  for (k = k + 1; k < self->length && !(self->flags[k] & FLAG_WORD_END); k++)
    ;
  word->end = k;

  return TRUE;
}

/**
 * fw_text_count_words:
 * @self: a segmented text (see fw_text_segment())
 * @start: first code point
 * @end: code point after the range, at most fw_text_get_length()
 *
 * Counts the words that start in the range, as fw_text_next_word() finds
 * them. Punctuation and white space are not words; "Azerbaijan’s" and
 * "1.3" are one word each, "anti-terror" two.
 *
 * Returns: the number of words
 */
guint
fw_text_count_words (FwText *self,
                     guint   start,
                     guint   end)
{
  guint n = 0;

  g_return_val_if_fail (FW_IS_TEXT (self), 0);
  g_return_val_if_fail (self->flags != NULL, 0);
  g_return_val_if_fail (start <= end && end <= self->length, 0);

  for (guint k = start; k < end; k++)
    n += (self->flags[k] & FLAG_WORD_START) != 0;

  return n;
}

/**
 * fw_text_get_sentences:
 * @self: a segmented text (see fw_text_segment())
 * @n_sentences: (out): the number of sentences
 *
 * Returns: (transfer none) (array length=n_sentences): the sentences in
 *   text order, as spans without surrounding white space; none crosses a
 *   paragraph
 */
const FwTextSpan *
fw_text_get_sentences (FwText *self,
                       guint  *n_sentences)
{
  g_return_val_if_fail (FW_IS_TEXT (self), NULL);
  g_return_val_if_fail (self->sentences != NULL, NULL);

  *n_sentences = self->sentences->len;
  return (const FwTextSpan *) (gconstpointer) self->sentences->data;
}
