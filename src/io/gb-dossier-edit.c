/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-dossier-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-dossier-edit.h"
#include "gb-dossier-loader.h"
#include "gb-dossier-writer.h"

/* The members that hold ids: one alone, or an array of them. */
static const char * const required_refs[] = { "source", "from", "to", NULL };
static const char * const optional_refs[] = { "organisation", "event", NULL };
static const char * const ref_arrays[] = {
  "places", "people", "organisations", "parties", "related", NULL
};

static gboolean
node_is (JsonNode   *node,
         const char *id)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
         g_str_equal (json_node_get_string (node), id);
}

/* A copy of @array without the elements that @drop says to. */
static JsonArray *
filter_array (JsonArray  *array,
              gboolean  (*drop) (JsonNode *, const char *),
              const char *id)
{
  JsonArray *out = json_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!drop (node, id))
        json_array_add_element (out, json_node_copy (node));
    }

  return out;
}

static gboolean
entry_cites (JsonNode   *node,
             const char *id)
{
  JsonNode *source;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  source = json_object_get_member (json_node_get_object (node), "source");
  return source != NULL && node_is (source, id);
}

/* Takes @id out of the references of @obj. Returns FALSE when a reference
 * the item can't do without names it: the item has to go too. */
static gboolean
strip_references (JsonObject *obj,
                  const char *id)
{
  JsonNode *node;

  for (guint i = 0; required_refs[i] != NULL; i++)
    if ((node = json_object_get_member (obj, required_refs[i])) && node_is (node, id))
      return FALSE;

  for (guint i = 0; optional_refs[i] != NULL; i++)
    if ((node = json_object_get_member (obj, optional_refs[i])) && node_is (node, id))
      json_object_remove_member (obj, optional_refs[i]);

  for (guint i = 0; ref_arrays[i] != NULL; i++)
    if ((node = json_object_get_member (obj, ref_arrays[i])) && JSON_NODE_HOLDS_ARRAY (node))
      json_object_set_array_member (obj, ref_arrays[i],
                                    filter_array (json_node_get_array (node), node_is, id));

  if ((node = json_object_get_member (obj, "follow_up")) && JSON_NODE_HOLDS_ARRAY (node))
    json_object_set_array_member (obj, "follow_up",
                                  filter_array (json_node_get_array (node), entry_cites, id));

  return TRUE;
}

static gboolean
remove_cascade (GbHistory  *history,
                GbItem     *item,
                GError    **error)
{
  GbDossier *dossier = gb_history_get_dossier (history);
  const char *id = gb_item_get_id (item);

  /* Each turn takes one referrer's reference away: replaced without it,
   * or removed. Referrers change under us, so ask again each time. */
  for (;;)
    {
      g_autoptr(GPtrArray) referrers = gb_dossier_dup_referrers (dossier, item);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GbItem) stripped = NULL;
      GbItem *referrer;

      if (referrers->len == 0)
        break;

      referrer = referrers->pdata[0];
      node = gb_dossier_writer_item_to_json (referrer);
      if (strip_references (json_node_get_object (node), id))
        stripped = gb_dossier_build_item (dossier, gb_item_get_kind (referrer),
                                          json_node_get_object (node), NULL);

      /* A route without an end, an item without its source, or one the
       * rules no longer accept without the reference. */
      if (stripped == NULL)
        {
          if (!remove_cascade (history, referrer, error))
            return FALSE;
        }
      else if (!gb_history_replace (history, referrer, stripped, NULL, error))
        {
          return FALSE;
        }
    }

  return gb_history_remove (history, item, error);
}

/**
 * gb_dossier_edit_remove_with_references:
 *
 * Removes @item and every reference to it, as one step of @history: each
 * item naming it is replaced by a copy without that reference, or removed
 * in turn when it can't do without it (a route without one of its places,
 * an item without its source). gb_dossier_dup_referrers() says which items
 * are concerned, to ask first.
 *
 * Returns: %FALSE with @error set, changing nothing, when a change is
 *   refused
 */
gboolean
gb_dossier_edit_remove_with_references (GbHistory  *history,
                                        GbItem     *item,
                                        GError    **error)
{
  g_autoptr(GbItem) keep = NULL;

  g_return_val_if_fail (GB_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  keep = g_object_ref (item);
  gb_history_begin_group (history);
  if (!remove_cascade (history, item, error))
    {
      gb_history_cancel_group (history);
      return FALSE;
    }
  gb_history_end_group (history);

  return TRUE;
}

/**
 * gb_dossier_edit_copy:
 *
 * A copy of @dossier to edit, as for a read-only story (the bundled one,
 * an imported TimelineJS or StoryMapJS file): the same items, as the
 * dossier format writes and reads them, with no file and no origin. Its
 * edits are unsaved from the start (gb_history_mark_unsaved()).
 *
 * Returns: (transfer full): the copy, or %NULL with @error set when
 *   @dossier can't be written as a dossier (it has no title)
 */
GbDossier *
gb_dossier_edit_copy (GbDossier  *dossier,
                      GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GbDossier *copy;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = gb_dossier_writer_to_bytes (dossier, error)))
    return NULL;

  /* What the writer wrote loads: the round-trip tests hold it to that. */
  if (!(copy = gb_dossier_load_bytes (bytes, gb_dossier_get_id (dossier), error)))
    return NULL;

  gb_dossier_set_file (copy, NULL);
  gb_dossier_set_origin (copy, NULL);
  return copy;
}
