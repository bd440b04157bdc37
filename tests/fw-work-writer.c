/* fw-work-writer.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A helper for test-work-store: opens the work of student "Kill Test" on a
 * pack and gives answers as fast as it can, printing "ack N" after the
 * save of answer N has returned. Answer N is the find-spans span [N, N+1)
 * and the reflection "answer N". It carries on from the answers already
 * saved. It uses the first find-spans and the first reflect step of the
 * pack's first exercise. The test kills it at random moments. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fw-pack-loader.h"
#include "fw-work-store.h"

static void
save_failed_cb (FwWorkStore  *store,
                const GError *error)
{
  /* An answer that was not saved must never be acknowledged. */
  g_printerr ("%s\n", error->message);
  exit (3);
}

static guint
find_step (FwExercise *exercise,
           FwStepKind  kind)
{
  for (guint i = 0; i < fw_exercise_get_n_steps (exercise); i++)
    if (fw_exercise_get_step (exercise, i)->kind == kind)
      return i;

  g_error ("The pack has no step of kind %s", fw_step_kind_nicks[kind]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(FwPack) pack = NULL;
  g_autoptr(FwWorkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FwExerciseSession *session;
  FwExercise *exercise;
  guint n, find, reflect;

  if (argc != 4)
    {
      g_printerr ("usage: fw-work-writer DIRECTORY PACK COUNT\n");
      return 2;
    }

  file = g_file_new_for_path (argv[2]);
  pack = fw_pack_load_file (file, NULL, NULL, &error);
  if (pack != NULL)
    store = fw_work_store_open (argv[1], pack, "Kill Test", &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), NULL);
  exercise = fw_pack_get_exercise (pack, 0);
  find = find_step (exercise, FW_STEP_FIND_SPANS);
  reflect = find_step (exercise, FW_STEP_REFLECT);
  session = fw_work_store_get_session (store, exercise);
  n = fw_exercise_session_get_answer (session, find)->spans->len;

  for (guint i = 0; i < (guint) g_ascii_strtoull (argv[3], NULL, 10); i++, n++)
    {
      g_autofree char *text = g_strdup_printf ("answer %u", n);

      /* Each call saves before it returns. */
      fw_exercise_session_add_span (session, find, n, n + 1);
      fw_exercise_session_set_text (session, reflect, text);
      printf ("ack %u\n", n);
      fflush (stdout);
    }

  return 0;
}
