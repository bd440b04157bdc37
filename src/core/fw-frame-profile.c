/* fw-frame-profile.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How much a piece leans on each frame: the cue occurrences of each frame,
 * counted per piece and per paragraph and scaled to a density per 1,000
 * words so that pieces of different length compare. Frames and their cue
 * lexicons follow the framing dimensions of Card, Boydstun, Gross, Resnik
 * and Smith (2015), "The Media Frames Corpus: Annotations of Frames Across
 * Issues", ACL, with sovereignty and humanitarian duty added for the
 * lesson. */

#include "config.h"

#include "fw-frame-profile.h"

struct _FwFrameProfile
{
  GObject parent_instance;

  GPtrArray *frames;        /* FwFrame */
  guint n_words;
  guint n_paragraphs;
  guint *paragraph_words;   /* n_paragraphs */
  guint *counts;            /* n_frames × n_paragraphs */
  GArray **evidence;        /* n_frames arrays of FwFrameHit */
};

G_DEFINE_FINAL_TYPE (FwFrameProfile, fw_frame_profile, G_TYPE_OBJECT)

static void
fw_frame_profile_finalize (GObject *object)
{
  FwFrameProfile *self = (FwFrameProfile *) object;

  for (guint i = 0; self->evidence != NULL && i < self->frames->len; i++)
    g_array_unref (self->evidence[i]);
  g_free (self->evidence);
  g_clear_pointer (&self->frames, g_ptr_array_unref);
  g_free (self->paragraph_words);
  g_free (self->counts);

  G_OBJECT_CLASS (fw_frame_profile_parent_class)->finalize (object);
}

static void
fw_frame_profile_class_init (FwFrameProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fw_frame_profile_finalize;
}

static void
fw_frame_profile_init (FwFrameProfile *self)
{
}

/**
 * fw_frame_profile_new:
 * @text: a segmented text (see fw_text_segment())
 * @frames: (element-type FwFrame): the frames, in the order to report them
 * @hits: (array length=n_hits): the cue occurrences in @text, each naming
 *   a frame by its index in @frames; a cue shared by two frames is one hit
 *   for each
 * @n_hits: number of @hits
 *
 * Builds the profile of @text: per frame, the number of cue occurrences,
 * their density per 1,000 words (words as fw_text_count_words() counts
 * them), the same per paragraph, and the occurrences themselves as
 * evidence.
 *
 * Returns: (transfer full): the profile
 */
FwFrameProfile *
fw_frame_profile_new (FwText           *text,
                      GPtrArray        *frames,
                      const FwFrameHit *hits,
                      guint             n_hits)
{
  FwFrameProfile *self;
  guint n_frames;

  g_return_val_if_fail (FW_IS_TEXT (text), NULL);
  g_return_val_if_fail (fw_text_is_segmented (text), NULL);
  g_return_val_if_fail (frames != NULL, NULL);

  self = g_object_new (FW_TYPE_FRAME_PROFILE, NULL);
  n_frames = frames->len;
  self->frames = g_ptr_array_new_full (n_frames, (GDestroyNotify) fw_frame_free);
  for (guint i = 0; i < n_frames; i++)
    g_ptr_array_add (self->frames, fw_frame_copy (g_ptr_array_index (frames, i)));

  self->n_paragraphs = fw_text_get_n_paragraphs (text);
  self->paragraph_words = g_new0 (guint, self->n_paragraphs);
  for (guint p = 0; p < self->n_paragraphs; p++)
    {
      FwTextSpan span = fw_text_get_paragraph (text, p);

      self->paragraph_words[p] = fw_text_count_words (text, span.start, span.end);
      self->n_words += self->paragraph_words[p];
    }

  self->counts = g_new0 (guint, (gsize) MAX (n_frames, 1) * MAX (self->n_paragraphs, 1));
  self->evidence = g_new0 (GArray *, MAX (n_frames, 1));
  for (guint i = 0; i < n_frames; i++)
    self->evidence[i] = g_array_new (FALSE, FALSE, sizeof (FwFrameHit));

  for (guint h = 0; h < n_hits; h++)
    {
      guint p;

      g_return_val_if_fail (hits[h].frame < n_frames, self);

      p = fw_text_find_paragraph (text, hits[h].start);
      if (p != G_MAXUINT)
        self->counts[(gsize) hits[h].frame * self->n_paragraphs + p]++;
      g_array_append_val (self->evidence[hits[h].frame], hits[h]);
    }

  return self;
}

/**
 * fw_frame_profile_get_n_frames:
 * @self: a profile
 *
 * Returns: the number of frames profiled
 */
guint
fw_frame_profile_get_n_frames (FwFrameProfile *self)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0);
  return self->frames->len;
}

/**
 * fw_frame_profile_get_frame:
 * @self: a profile
 * @frame: a frame index, less than fw_frame_profile_get_n_frames()
 *
 * Returns: (transfer none): the frame
 */
const FwFrame *
fw_frame_profile_get_frame (FwFrameProfile *self,
                            guint           frame)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), NULL);
  g_return_val_if_fail (frame < self->frames->len, NULL);
  return g_ptr_array_index (self->frames, frame);
}

/**
 * fw_frame_profile_find_frame:
 * @self: a profile
 * @id: a frame id, e.g. `sovereignty`
 *
 * Returns: the index of the frame with @id, or -1
 */
int
fw_frame_profile_find_frame (FwFrameProfile *self,
                             const char     *id)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), -1);

  for (guint i = 0; i < self->frames->len; i++)
    if (g_strcmp0 (((FwFrame *) g_ptr_array_index (self->frames, i))->id, id) == 0)
      return (int) i;
  return -1;
}

/**
 * fw_frame_profile_get_n_words:
 * @self: a profile
 *
 * Returns: the number of words in the text's paragraphs
 */
guint
fw_frame_profile_get_n_words (FwFrameProfile *self)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0);
  return self->n_words;
}

/**
 * fw_frame_profile_get_count:
 * @self: a profile
 * @frame: a frame index
 *
 * Returns: how many cue occurrences of @frame the text has
 */
guint
fw_frame_profile_get_count (FwFrameProfile *self,
                            guint           frame)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0);
  g_return_val_if_fail (frame < self->frames->len, 0);
  return self->evidence[frame]->len;
}

/**
 * fw_frame_profile_get_density:
 * @self: a profile
 * @frame: a frame index
 *
 * Returns: cue occurrences of @frame per 1,000 words of the text, or 0 for
 *   a text without words
 */
double
fw_frame_profile_get_density (FwFrameProfile *self,
                              guint           frame)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0.0);
  g_return_val_if_fail (frame < self->frames->len, 0.0);

  if (self->n_words == 0)
    return 0.0;
  return 1000.0 * self->evidence[frame]->len / self->n_words;
}

/**
 * fw_frame_profile_get_share:
 * @self: a profile
 * @frame: a frame index
 *
 * Returns: the share of @frame among all frame cue occurrences of the
 *   text, 0–1; 0 when the text has none
 */
double
fw_frame_profile_get_share (FwFrameProfile *self,
                            guint           frame)
{
  guint total = 0;

  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0.0);
  g_return_val_if_fail (frame < self->frames->len, 0.0);

  for (guint i = 0; i < self->frames->len; i++)
    total += self->evidence[i]->len;
  if (total == 0)
    return 0.0;
  return (double) self->evidence[frame]->len / total;
}

/**
 * fw_frame_profile_get_n_paragraphs:
 * @self: a profile
 *
 * Returns: the number of paragraphs of the text
 */
guint
fw_frame_profile_get_n_paragraphs (FwFrameProfile *self)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0);
  return self->n_paragraphs;
}

/**
 * fw_frame_profile_get_paragraph_words:
 * @self: a profile
 * @paragraph: a paragraph index
 *
 * Returns: the number of words in @paragraph
 */
guint
fw_frame_profile_get_paragraph_words (FwFrameProfile *self,
                                      guint           paragraph)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0);
  g_return_val_if_fail (paragraph < self->n_paragraphs, 0);
  return self->paragraph_words[paragraph];
}

/**
 * fw_frame_profile_get_paragraph_count:
 * @self: a profile
 * @frame: a frame index
 * @paragraph: a paragraph index
 *
 * Returns: how many cue occurrences of @frame start in @paragraph
 */
guint
fw_frame_profile_get_paragraph_count (FwFrameProfile *self,
                                      guint           frame,
                                      guint           paragraph)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0);
  g_return_val_if_fail (frame < self->frames->len, 0);
  g_return_val_if_fail (paragraph < self->n_paragraphs, 0);
  return self->counts[(gsize) frame * self->n_paragraphs + paragraph];
}

/**
 * fw_frame_profile_get_paragraph_density:
 * @self: a profile
 * @frame: a frame index
 * @paragraph: a paragraph index
 *
 * Returns: cue occurrences of @frame per 1,000 words of @paragraph, or 0
 *   for a paragraph without words
 */
double
fw_frame_profile_get_paragraph_density (FwFrameProfile *self,
                                        guint           frame,
                                        guint           paragraph)
{
  guint words;

  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), 0.0);
  g_return_val_if_fail (frame < self->frames->len, 0.0);
  g_return_val_if_fail (paragraph < self->n_paragraphs, 0.0);

  words = self->paragraph_words[paragraph];
  if (words == 0)
    return 0.0;
  return 1000.0 * self->counts[(gsize) frame * self->n_paragraphs + paragraph] / words;
}

/**
 * fw_frame_profile_get_evidence:
 * @self: a profile
 * @frame: a frame index
 * @n_hits: (out): the number of occurrences
 *
 * Returns: (transfer none) (array length=n_hits): the cue occurrences of
 *   @frame in text order
 */
const FwFrameHit *
fw_frame_profile_get_evidence (FwFrameProfile *self,
                               guint           frame,
                               guint          *n_hits)
{
  g_return_val_if_fail (FW_IS_FRAME_PROFILE (self), NULL);
  g_return_val_if_fail (frame < self->frames->len, NULL);

  *n_hits = self->evidence[frame]->len;
  return (const FwFrameHit *) (gconstpointer) self->evidence[frame]->data;
}
