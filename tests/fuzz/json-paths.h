/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gb-json-guard.h"
#include "gb-json-locate.h"
#include "gb-json-path.h"

/* Shared by tests/test-json-guard.c and the guard fuzzer: visits every node of
 * a json-glib tree breadth-first (no recursion) with the path that
 * gb_json_path_append_member() / _append_index() give it. Return FALSE from
 * @func to stop. */

typedef gboolean (*JsonPathFunc) (JsonNode   *node,
                                  const char *path,
                                  gpointer    user_data);

typedef struct
{
  JsonNode *node;
  char     *path;
} JsonPathPending;

static inline void
json_path_pending_free (gpointer data)
{
  JsonPathPending *pending = data;

  g_free (pending->path);
  g_free (pending);
}

static inline void
json_path_push (GQueue     *queue,
                JsonNode   *node,
                const char *parent,
                const char *member,
                guint       index)
{
  JsonPathPending *pending = g_new0 (JsonPathPending, 1);
  GString *path = g_string_new (parent);

  if (member != NULL)
    gb_json_path_append_member (path, member);
  else if (parent != NULL)
    gb_json_path_append_index (path, index);

  pending->node = node;
  pending->path = g_string_free (path, FALSE);
  g_queue_push_tail (queue, pending);
}

static inline void
json_foreach_path (JsonNode     *root,
                   JsonPathFunc  func,
                   gpointer      user_data)
{
  GQueue queue = G_QUEUE_INIT;
  gboolean go_on = TRUE;

  json_path_push (&queue, root, NULL, NULL, 0);

  while (go_on && !g_queue_is_empty (&queue))
    {
      JsonPathPending *pending = g_queue_pop_head (&queue);

      go_on = func (pending->node, pending->path, user_data);

      if (go_on && JSON_NODE_HOLDS_OBJECT (pending->node))
        {
          JsonObject *object = json_node_get_object (pending->node);
          GList *members = json_object_get_members (object);

          for (const GList *l = members; l != NULL; l = l->next)
            json_path_push (&queue, json_object_get_member (object, l->data),
                            pending->path, l->data, 0);
          g_list_free (members);
        }
      else if (go_on && JSON_NODE_HOLDS_ARRAY (pending->node))
        {
          JsonArray *array = json_node_get_array (pending->node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            json_path_push (&queue, json_array_get_element (array, i), pending->path, NULL, i);
        }

      json_path_pending_free (pending);
    }

  g_queue_clear_full (&queue, json_path_pending_free);
}
