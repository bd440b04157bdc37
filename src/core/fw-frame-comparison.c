/* fw-frame-comparison.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-frame-comparison.h"

/* The frame profiles of two pieces, as a compare-frames step needs them:
 * per piece and frame a cue count and a density per 1,000 words, and the
 * evidence spans. The exercise engine only reads this object. The numbers
 * come from the frame profiler (fw-frame-profile.c), the one method
 * Framewise has for turning text into frame densities, so that an
 * exercise and the reader's summary never disagree. */

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

/**
 * fw_frame_comparison_set_piece_profile:
 * @self: a comparison
 * @piece: 0 or 1
 * @profile: the frame profile of that piece (fw_analysis_get_frame_profile())
 *
 * Fills the comparison's cells for @piece from @profile: for each compared
 * frame, found in @profile by its id, the number of cue occurrences, their
 * density per 1,000 words and the occurrences as evidence; and the number
 * of words. A frame that @profile does not have counts zero. Evidence is
 * added frame by frame in text order.
 */
void
fw_frame_comparison_set_piece_profile (FwFrameComparison *self,
                                       guint              piece,
                                       FwFrameProfile    *profile)
{
  g_return_if_fail (FW_IS_FRAME_COMPARISON (self));
  g_return_if_fail (piece < 2);
  g_return_if_fail (FW_IS_FRAME_PROFILE (profile));

  fw_frame_comparison_set_words (self, piece, fw_frame_profile_get_n_words (profile));
  for (guint f = 0; f < self->n_frames; f++)
    {
      int index = fw_frame_profile_find_frame (profile, self->frame_ids[f]);
      const FwFrameHit *hits;
      guint n_hits = 0;

      if (index < 0)
        {
          fw_frame_comparison_set_profile (self, piece, f, 0, 0.0);
          continue;
        }

      fw_frame_comparison_set_profile (self, piece, f,
                                       fw_frame_profile_get_count (profile, (guint) index),
                                       fw_frame_profile_get_density (profile, (guint) index));
      hits = fw_frame_profile_get_evidence (profile, (guint) index, &n_hits);
      for (guint h = 0; h < n_hits; h++)
        fw_frame_comparison_add_evidence (self, piece, f, hits[h].start, hits[h].end);
    }
}

/**
 * fw_frame_comparison_new_for_pack:
 * @pack: the pack that holds the pieces and frames
 * @analyzer: (nullable): the analyzer to profile with; %NULL for the
 *   pack's own (fw_analyzer_dup_for_pack())
 * @piece_ids: (array zero-terminated=1): exactly two ids of pieces of @pack
 * @frame_ids: (array zero-terminated=1): ids of the frames to compare
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Computes the frame profiles of two pieces with the frame profiler, the
 * same one the reader's summary shows (see fw_frame_profile_new()): cues
 * are matched as whole words after normalisation (case, quote and dash
 * variants), the longest match wins, density is occurrences per 1,000
 * words. The frames are the analyzer's: for the pack's analyzer, the
 * pack's frames, which replace built-in frames of the same id, and the
 * built-in ones. Frames or pieces that are missing count zero.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with
 *   @error set when the analyzer cannot be made or the work was cancelled
 */
FwFrameComparison *
fw_frame_comparison_new_for_pack (FwPack             *pack,
                                  FwAnalyzer         *analyzer,
                                  const char * const *piece_ids,
                                  const char * const *frame_ids,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  g_autoptr(FwFrameComparison) self = NULL;
  g_autoptr(FwAnalyzer) own = NULL;

  g_return_val_if_fail (FW_IS_PACK (pack), NULL);
  g_return_val_if_fail (analyzer == NULL || FW_IS_ANALYZER (analyzer), NULL);

  if (analyzer == NULL)
    {
      own = fw_analyzer_dup_for_pack (pack, error);
      if (own == NULL)
        return NULL;
      analyzer = own;
    }

  self = fw_frame_comparison_new (piece_ids, frame_ids);
  for (guint p = 0; p < 2; p++)
    {
      FwPiece *piece = fw_pack_find_piece (pack, piece_ids[p]);
      g_autoptr(FwAnalysis) analysis = NULL;
      FwFrameProfile *profile;

      if (piece == NULL)
        continue;

      analysis = fw_analyzer_analyze_piece (analyzer, piece, FW_ANALYSIS_FRAMES, cancellable,
                                            error);
      if (analysis == NULL)
        return NULL;

      profile = fw_analysis_get_frame_profile (analysis);
      if (profile != NULL)
        fw_frame_comparison_set_piece_profile (self, p, profile);
    }

  return g_steal_pointer (&self);
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
