/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-json-read"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-json-read.h"

/**
 * gb_json_type_name:
 * @node: (nullable): a node
 *
 * Returns: what @node holds, as messages say it
 */
const char *
gb_json_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

gboolean
gb_json_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
gb_json_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

JsonNode *
gb_json_read_member (GbProblems      *problems,
                     JsonObject      *obj,
                     const char      *name,
                     GbJsonReadFlags  flags)
{
  JsonNode *node;

  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = obj != NULL ? json_object_get_member (obj, name) : NULL;
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    node = NULL;

  /* Named from its parent, whose position the message can give. */
  if (node == NULL && (flags & GB_JSON_READ_REQUIRED) != 0)
    {
      guint before = gb_problems_get_count (problems);

      gb_problems_report (problems, _("“%s” is missing"), name);
      gb_problems_set_last_member (problems, before, name);
    }

  return node;
}

void
gb_json_report_type (GbProblems *problems,
                     const char *name,
                     const char *expected,
                     JsonNode   *node)
{
  g_return_if_fail (problems != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (expected != NULL);

  /* Translators: "should be an object, not a string" */
  gb_problems_report_in (problems, name, _("should be %s, not %s"), expected,
                         gb_json_type_name (node));
}

/* The member if it holds @type; otherwise a problem saying it isn't @expected. */
static JsonNode *
read_container (GbProblems      *problems,
                JsonObject      *obj,
                const char      *name,
                GbJsonReadFlags  flags,
                JsonNodeType     type,
                const char      *expected)
{
  JsonNode *node = gb_json_read_member (problems, obj, name, flags);

  if (node != NULL && json_node_get_node_type (node) != type)
    {
      gb_json_report_type (problems, name, expected, node);
      return NULL;
    }

  return node;
}

JsonObject *
gb_json_read_object (GbProblems      *problems,
                     JsonObject      *obj,
                     const char      *name,
                     GbJsonReadFlags  flags)
{
  JsonNode *node = read_container (problems, obj, name, flags, JSON_NODE_OBJECT, _("an object"));

  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonArray *
gb_json_read_array (GbProblems      *problems,
                    JsonObject      *obj,
                    const char      *name,
                    GbJsonReadFlags  flags)
{
  JsonNode *node = read_container (problems, obj, name, flags, JSON_NODE_ARRAY, _("an array"));

  return node != NULL ? json_node_get_array (node) : NULL;
}

const char *
gb_json_read_string (GbProblems      *problems,
                     JsonObject      *obj,
                     const char      *name,
                     GbJsonReadFlags  flags)
{
  JsonNode *node = gb_json_read_member (problems, obj, name, flags);
  const char *s;

  if (node == NULL)
    return NULL;
  if (!gb_json_is_string (node))
    {
      gb_json_report_type (problems, name, _("a string"), node);
      return NULL;
    }

  s = json_node_get_string (node);
  if (s[0] != '\0')
    return s;

  if ((flags & GB_JSON_READ_NO_EMPTY) != 0)
    gb_problems_report_in (problems, name, _("is empty"));

  return NULL;
}
