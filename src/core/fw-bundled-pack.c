/* fw-bundled-pack.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The lesson pack that comes with Framewise, read and parsed ahead of
 * time. The first window shows it; reading and checking it takes a few
 * milliseconds that, at start-up, a second processor core can spend while
 * the toolkit connects to the display and loads its style sheets
 * (tests/benchmark-reader.c measures the start-up). */

#include "config.h"

#include "fw-bundled-pack.h"
#include "fw-pack-loader.h"

typedef struct
{
  GBytes *bytes;
  FwPack *pack;
  GError *error;
} Loaded;

static GMutex lock;
static GThread *preloader;  /* (owned) (nullable): until its result is taken */

/* Reads and checks the pack; a thread's function, also called directly. */
static gpointer
load (gpointer data)
{
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->pack = fw_pack_load_bundled (&loaded->bytes, &loaded->error);
  return loaded;
}

/**
 * fw_bundled_pack_preload:
 *
 * Starts reading and checking the bundled lesson pack in a thread of its
 * own, for the next fw_bundled_pack_load() to take. Does nothing when a
 * preload is already waiting to be taken. Safe to call from any thread.
 *
 * Returns: %TRUE when it started a thread, %FALSE when a preload was
 *   already waiting
 */
gboolean
fw_bundled_pack_preload (void)
{
  gboolean started = FALSE;

  g_mutex_lock (&lock);
  if (preloader == NULL)
    {
      preloader = g_thread_new ("fw-bundled-pack", load, NULL);
      started = TRUE;
    }
  g_mutex_unlock (&lock);
  return started;
}

/**
 * fw_bundled_pack_load:
 * @bytes: (out) (optional) (transfer full): the pack file's contents
 * @error: return location for a #GError: a #GResourceError when the pack
 *   is missing from the resources, a #FwPackError when it does not load
 *
 * Returns the bundled lesson pack: the one fw_bundled_pack_preload()
 * started, once its thread has finished, or, without a preload waiting,
 * one read and checked now. Each call returns a pack of its own. Safe to
 * call from any thread.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set
 */
FwPack *
fw_bundled_pack_load (GBytes **bytes,
                      GError **error)
{
  GThread *thread;
  Loaded *loaded;
  FwPack *pack;

  g_mutex_lock (&lock);
  thread = g_steal_pointer (&preloader);
  g_mutex_unlock (&lock);

  loaded = thread != NULL ? g_thread_join (thread) : load (NULL);

  pack = g_steal_pointer (&loaded->pack);
  if (pack == NULL)
    g_propagate_error (error, g_steal_pointer (&loaded->error));
  if (bytes != NULL)
    *bytes = g_steal_pointer (&loaded->bytes);
  g_clear_pointer (&loaded->bytes, g_bytes_unref);
  g_clear_error (&loaded->error);
  g_free (loaded);

  return pack;
}
