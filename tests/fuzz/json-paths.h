/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "gb-json-guard.h"
#include "gb-json-locate.h"
#include "gb-json-path.h"

/* Shared by tests/test-json-guard.c and the guard fuzzer: json_foreach_path()
 * visits every node of a json-glib tree breadth-first (no recursion) with the
 * path that gb_json_path_append_member() / _append_index() give it (return
 * FALSE from @func to stop), and json_path_assert_located() checks that
 * gb_json_locate() finds a node again at that path. */

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

/* Converts a 1-based line and character column back to a byte offset. */
static inline gsize
json_path_offset_of (const char *data,
                     gsize       length,
                     guint       line,
                     guint       column)
{
  gsize pos = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;

  for (guint l = 1; l < line; l++)
    {
      const char *nl = memchr (data + pos, '\n', length - pos);

      if (nl == NULL)
        g_error ("line %u is past the end", line);
      pos = nl - data + 1;
    }

  for (guint c = 1; c < column; c++)
    pos = g_utf8_next_char (data + pos) - data;

  if (pos >= length)
    g_error ("line %u, column %u is past the end", line, column);
  return pos;
}

static inline char
json_path_first_char (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return '{';
    case JSON_NODE_ARRAY:
      return '[';
    case JSON_NODE_NULL:
      return 'n';
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return '"';
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (node) ? 't' : 'f';
    default:
      return '#';   /* a number */
    }
}

/* The value at @path, built with the path helpers, must be found by
 * gb_json_locate() at a character that starts a value like @node. */
static inline void
json_path_assert_located (const char *data,
                          gsize       length,
                          const char *path,
                          JsonNode   *node)
{
  guint line = 0, column = 0;
  char want, got;

  if (!gb_json_locate (data, length, path, &line, &column) || line == 0 || column == 0)
    g_error ("the value at “%s” was not located", path);

  want = json_path_first_char (node);
  got = data[json_path_offset_of (data, length, line, column)];
  if (want == '#' ? !(got == '-' || g_ascii_isdigit (got)) : got != want)
    g_error ("the value at “%s” was located at “%c”, not at its start", path, got);
}

typedef struct
{
  const char *data;
  gsize       length;
  guint       located;
  guint       max;
} JsonLocateCheck;

static inline gboolean
json_path_located_cb (JsonNode   *node,
                      const char *path,
                      gpointer    user_data)
{
  JsonLocateCheck *check = user_data;

  if (check->located == check->max)
    return FALSE;

  json_path_assert_located (check->data, check->length, path, node);
  check->located++;
  return TRUE;
}

/* Asserts that the first @max nodes of @root, parsed from @data, are located
 * again at their paths.
 * Returns: how many were */
static inline guint
json_assert_paths_located (const char *data,
                           gsize       length,
                           JsonNode   *root,
                           guint       max)
{
  JsonLocateCheck check = { data, length, 0, max };

  json_foreach_path (root, json_path_located_cb, &check);
  return check.located;
}
