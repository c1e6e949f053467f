/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The process test-save.c kills: it saves a dossier over and over, or
 * edits one and keeps its draft, until it is killed. */
#include "config.h"

#include <stdio.h>

#include "gb-dossier-loader.h"
#include "gb-dossier-save.h"
#include "gb-dossier-writer.h"
#include "gb-draft.h"

static int
save_forever (const char *target)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GbText) changed = gb_text_new_plain ("Changed");
  g_autoptr(GbText) original = NULL;

  original = gb_text_ref (gb_dossier_get_title_text (dossier));
  printf ("ready\n");
  fflush (stdout);

  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;

      gb_dossier_set_title (dossier, i % 2 == 0 ? changed : original);
      if (!gb_dossier_save (dossier, file, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
}

static int
edit_and_wait (void)
{
  g_autoptr(GbDossier) dossier = gb_dossier_load_bundled (NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autoptr(GbDraft) draft = gb_draft_new (history, NULL);
  GbItem *event = gb_dossier_lookup (dossier, "evt-meeting-yoon");
  g_autoptr(JsonNode) node = gb_dossier_writer_item_to_json (event);
  g_autoptr(GbItem) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  json_object_set_string_member (json_node_get_object (node), "title", "Edited before the crash");
  edited = gb_dossier_build_item (dossier, GB_ITEM_KIND_EVENT, json_node_get_object (node), &error);
  if (edited == NULL || !gb_history_replace (history, event, edited, "title", &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("edited %s\n", gb_draft_get_id (draft));
  fflush (stdout);
  g_main_loop_run (loop);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "save"))
    return save_forever (argv[2]);
  if (argc == 2 && g_str_equal (argv[1], "draft"))
    return edit_and_wait ();

  fprintf (stderr, "usage: save-child save FILE | save-child draft\n");
  return 2;
}
