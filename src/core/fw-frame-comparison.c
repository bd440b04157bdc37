/* fw-frame-comparison.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "fw-frame-comparison.h"

/* The frame profiles of two pieces, as a compare-frames step needs them:
 * per piece and frame a cue count and a density per 1,000 words, and the
 * evidence spans. The exercise engine only reads this object; whoever
 * computes the profiles fills it. fw_frame_comparison_new_from_cues() is
 * the one place that computes them today. */

typedef struct
{
  guint count;
  double density;
} Cell;

struct _FwFrameComparison
{
  GObject parent_instance;

  char *piece_ids[2];
  char **frame_ids;
  guint n_frames;
  guint words[2];
  Cell *cells;
  GArray *evidence;
};

G_DEFINE_FINAL_TYPE (FwFrameComparison, fw_frame_comparison, G_TYPE_OBJECT)

static void
fw_frame_comparison_finalize (GObject *object)
{
  FwFrameComparison *self = (FwFrameComparison *) object;

  g_free (self->piece_ids[0]);
  g_free (self->piece_ids[1]);
  g_strfreev (self->frame_ids);
  g_free (self->cells);
  g_clear_pointer (&self->evidence, g_array_unref);

  G_OBJECT_CLASS (fw_frame_comparison_parent_class)->finalize (object);
}

static void
fw_frame_comparison_class_init (FwFrameComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_frame_comparison_finalize;
}

static void
fw_frame_comparison_init (FwFrameComparison *self)
{
  self->evidence = g_array_new (FALSE, FALSE, sizeof (FwFrameEvidence));
}

/**
 * fw_frame_comparison_new:
 * @piece_ids: (array zero-terminated=1): exactly two piece ids
 * @frame_ids: (array zero-terminated=1): the frames to compare
 *
 * Creates an empty comparison, every count and density zero, for a caller
 * that computes the profiles itself and fills them in with
 * fw_frame_comparison_set_profile().
 *
 * Returns: (transfer full): a new comparison
 */
FwFrameComparison *
fw_frame_comparison_new (const char * const *piece_ids,
                         const char * const *frame_ids)
{
  FwFrameComparison *self;

  g_return_val_if_fail (piece_ids != NULL && piece_ids[0] != NULL && piece_ids[1] != NULL, NULL);
  g_return_val_if_fail (frame_ids != NULL, NULL);

  self = g_object_new (FW_TYPE_FRAME_COMPARISON, NULL);
  self->piece_ids[0] = g_strdup (piece_ids[0]);
  self->piece_ids[1] = g_strdup (piece_ids[1]);
  self->frame_ids = g_strdupv ((char **) frame_ids);
  self->n_frames = g_strv_length (self->frame_ids);
  self->cells = g_new0 (Cell, 2 * MAX (self->n_frames, 1));

  return self;
}

static Cell *
get_cell (FwFrameComparison *self,
          guint              piece,
          guint              frame)
{
  return &self->cells[frame * 2 + piece];
}

/* Lower-cases a cue into code points; a run of white space becomes one
 * U+0020, which matches any one white-space character of the text. */
static gunichar *
cue_to_ucs4 (const char *cue,
             glong      *length)
{
  g_autofree char *stripped = g_strstrip (g_strdup (cue));
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (stripped, -1, length);
  glong n = 0;

  for (glong i = 0; i < *length; i++)
    {
      gunichar c = g_unichar_tolower (chars[i]);

      if (g_unichar_isspace (c))
        {
          if (n > 0 && chars[n - 1] == ' ')
            continue;
          c = ' ';
        }
      chars[n++] = c;
    }
  *length = n;

  return g_steal_pointer (&chars);
}

static void
profile_piece (FwFrameComparison *self,
               guint              p,
               FwPiece           *piece,
               FwPack            *pack)
{
  const char *text = fw_piece_get_text (piece);
  guint n_chars = fw_piece_get_length (piece);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  g_autofree gunichar *chars = NULL;
  PangoLanguage *language = pango_language_from_string (fw_pack_get_language (pack));
  guint words = 0;
  glong n = 0;

  pango_get_log_attrs (text, (int) strlen (text), -1, language, attrs, (int) n_chars + 1);
  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  for (glong i = 0; i < n; i++)
    chars[i] = g_unichar_tolower (chars[i]);

  for (guint i = 0; i < n_chars; i++)
    words += attrs[i].is_word_start ? 1 : 0;
  fw_frame_comparison_set_words (self, p, words);

  for (guint f = 0; f < self->n_frames; f++)
    {
      const FwFrame *frame = fw_pack_find_frame (pack, self->frame_ids[f]);
      g_autoptr(GPtrArray) cues = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (glong));
      guint count = 0;

      if (frame == NULL)
        continue;

      for (guint c = 0; frame->cues[c] != NULL; c++)
        {
          glong length;
          gunichar *cue = cue_to_ucs4 (frame->cues[c], &length);

          g_ptr_array_add (cues, cue);
          g_array_append_val (lengths, length);
        }

      /* Left to right over word starts; at each, the longest cue that
       * matches whole words wins, and the scan goes on after it, so that
       * "regional stability" is one occurrence, not two. */
      for (guint i = 0; i < n_chars; i++)
        {
          glong best = 0;

          if (!attrs[i].is_word_start)
            continue;

          for (guint c = 0; c < cues->len; c++)
            {
              const gunichar *cue = g_ptr_array_index (cues, c);
              glong length = g_array_index (lengths, glong, c);
              glong k;

              if (length <= best || i + (guint) length > n_chars)
                continue;
              for (k = 0; k < length; k++)
                {
                  gunichar t = chars[i + k];

                  if (cue[k] == ' ' ? !g_unichar_isspace (t) : t != cue[k])
                    break;
                }
              if (k == length && attrs[i + length].is_word_end)
                best = length;
            }

          if (best > 0)
            {
              fw_frame_comparison_add_evidence (self, p, f, i, i + (guint) best);
              count++;
              i += (guint) best - 1;
            }
        }

      fw_frame_comparison_set_profile (self, p, f, count,
                                       words > 0 ? 1000.0 * count / words : 0.0);
    }
}

/**
 * fw_frame_comparison_new_from_cues:
 * @pack: the pack that holds the pieces and frames
 * @piece_ids: (array zero-terminated=1): exactly two ids of pieces of @pack
 * @frame_ids: (array zero-terminated=1): ids of frames of @pack
 *
 * Computes the frame profiles of two pieces from the cue lists of the
 * pack's own frames. This is the single place where Framewise turns text
 * into frame densities for the exercises; it is meant to be replaced by the
 * frame profiler once that exists, which needs only to fill an
 * #FwFrameComparison the same way.
 *
 * The method: words are the word starts of Unicode UAX #29 as Pango's
 * pango_get_log_attrs() finds them for the pack's language. A cue counts
 * where it occurs as whole words (it starts at a word start and ends at a
 * word end), ignoring case; white space inside a cue matches any one white
 * space character. Where several cues of one frame match at the same place
 * the longest wins, and occurrences of one frame never overlap. Density is
 * occurrences ÷ words × 1,000. Each occurrence is an evidence span. Frames
 * or pieces that @pack does not have count zero.
 *
 * Returns: (transfer full): the comparison
 */
FwFrameComparison *
fw_frame_comparison_new_from_cues (FwPack             *pack,
                                   const char * const *piece_ids,
                                   const char * const *frame_ids)
{
  FwFrameComparison *self;

  g_return_val_if_fail (FW_IS_PACK (pack), NULL);

  self = fw_frame_comparison_new (piece_ids, frame_ids);
  for (guint p = 0; p < 2; p++)
    {
      FwPiece *piece = fw_pack_find_piece (pack, piece_ids[p]);

      if (piece != NULL)
        profile_piece (self, p, piece, pack);
    }

  return self;
}

/**
 * fw_frame_comparison_get_n_frames:
 * @self: a comparison
 *
 * Returns: the number of frames compared
 */
guint
fw_frame_comparison_get_n_frames (FwFrameComparison *self)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), 0);
  return self->n_frames;
}

/**
 * fw_frame_comparison_get_frame_id:
 * @self: a comparison
 * @frame: index of a frame, below fw_frame_comparison_get_n_frames()
 *
 * Returns: (transfer none): the frame's id
 */
const char *
fw_frame_comparison_get_frame_id (FwFrameComparison *self,
                                  guint              frame)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), NULL);
  g_return_val_if_fail (frame < self->n_frames, NULL);
  return self->frame_ids[frame];
}

/**
 * fw_frame_comparison_get_piece_id:
 * @self: a comparison
 * @piece: 0 or 1
 *
 * Returns: (transfer none): the piece's id
 */
const char *
fw_frame_comparison_get_piece_id (FwFrameComparison *self,
                                  guint              piece)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), NULL);
  g_return_val_if_fail (piece < 2, NULL);
  return self->piece_ids[piece];
}

/**
 * fw_frame_comparison_find_frame:
 * @self: a comparison
 * @frame_id: a frame id
 *
 * Returns: the index of @frame_id, or -1 when it is not compared
 */
int
fw_frame_comparison_find_frame (FwFrameComparison *self,
                                const char        *frame_id)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), -1);

  for (guint f = 0; f < self->n_frames; f++)
    if (g_strcmp0 (self->frame_ids[f], frame_id) == 0)
      return (int) f;

  return -1;
}

/**
 * fw_frame_comparison_set_profile:
 * @self: a comparison
 * @piece: 0 or 1
 * @frame: index of a frame
 * @count: occurrences of the frame's cues in the piece
 * @density: occurrences per 1,000 words of the piece, at least 0
 *
 * Sets one cell of the comparison.
 */
void
fw_frame_comparison_set_profile (FwFrameComparison *self,
                                 guint              piece,
                                 guint              frame,
                                 guint              count,
                                 double             density)
{
  g_return_if_fail (FW_IS_FRAME_COMPARISON (self));
  g_return_if_fail (piece < 2 && frame < self->n_frames);
  g_return_if_fail (density >= 0.0);

  get_cell (self, piece, frame)->count = count;
  get_cell (self, piece, frame)->density = density;
}

/**
 * fw_frame_comparison_set_words:
 * @self: a comparison
 * @piece: 0 or 1
 * @words: the number of words in the piece
 *
 * Records the length of a piece, for display.
 */
void
fw_frame_comparison_set_words (FwFrameComparison *self,
                               guint              piece,
                               guint              words)
{
  g_return_if_fail (FW_IS_FRAME_COMPARISON (self));
  g_return_if_fail (piece < 2);
  self->words[piece] = words;
}

/**
 * fw_frame_comparison_add_evidence:
 * @self: a comparison
 * @piece: 0 or 1
 * @frame: index of a frame
 * @start: first code point of the evidence in the piece text
 * @end: code point after it
 *
 * Adds an evidence span.
 */
void
fw_frame_comparison_add_evidence (FwFrameComparison *self,
                                  guint              piece,
                                  guint              frame,
                                  guint              start,
                                  guint              end)
{
  FwFrameEvidence evidence = { piece, frame, start, end };

  g_return_if_fail (FW_IS_FRAME_COMPARISON (self));
  g_return_if_fail (piece < 2 && frame < self->n_frames && start < end);

  g_array_append_val (self->evidence, evidence);
}

/**
 * fw_frame_comparison_get_count:
 * @self: a comparison
 * @piece: 0 or 1
 * @frame: index of a frame
 *
 * Returns: the number of cue occurrences of @frame in @piece
 */
guint
fw_frame_comparison_get_count (FwFrameComparison *self,
                               guint              piece,
                               guint              frame)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), 0);
  g_return_val_if_fail (piece < 2 && frame < self->n_frames, 0);
  return get_cell (self, piece, frame)->count;
}

/**
 * fw_frame_comparison_get_density:
 * @self: a comparison
 * @piece: 0 or 1
 * @frame: index of a frame
 *
 * Returns: occurrences of @frame per 1,000 words of @piece
 */
double
fw_frame_comparison_get_density (FwFrameComparison *self,
                                 guint              piece,
                                 guint              frame)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), 0.0);
  g_return_val_if_fail (piece < 2 && frame < self->n_frames, 0.0);
  return get_cell (self, piece, frame)->density;
}

/**
 * fw_frame_comparison_get_words:
 * @self: a comparison
 * @piece: 0 or 1
 *
 * Returns: the number of words of @piece, as set
 */
guint
fw_frame_comparison_get_words (FwFrameComparison *self,
                               guint              piece)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), 0);
  g_return_val_if_fail (piece < 2, 0);
  return self->words[piece];
}

/**
 * fw_frame_comparison_get_leaning:
 * @self: a comparison
 * @frame: index of a frame
 *
 * Says which piece leans more on @frame: the one with the higher density.
 *
 * Returns: 0 or 1, or -1 when both densities are equal
 */
int
fw_frame_comparison_get_leaning (FwFrameComparison *self,
                                 guint              frame)
{
  double a, b;

  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), -1);
  g_return_val_if_fail (frame < self->n_frames, -1);

  a = get_cell (self, 0, frame)->density;
  b = get_cell (self, 1, frame)->density;
  if (a == b)
    return -1;
  return a > b ? 0 : 1;
}

/**
 * fw_frame_comparison_get_evidence:
 * @self: a comparison
 *
 * Returns: (transfer none) (element-type FwFrameEvidence): the evidence
 *   spans, in the order they were added (for computed profiles: by piece,
 *   frame, then position)
 */
GArray *
fw_frame_comparison_get_evidence (FwFrameComparison *self)
{
  g_return_val_if_fail (FW_IS_FRAME_COMPARISON (self), NULL);
  return self->evidence;
}
