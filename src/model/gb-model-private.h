/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76, after our floor. */
static inline gboolean
gb_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

static inline GPtrArray *
gb_object_array_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* Puts @new_item where @old_item is in @array of owned objects; removes it when
 * @new_item is NULL. Returns whether @old_item was there. */
static inline gboolean
gb_object_array_replace (GPtrArray *array,
                         gpointer   old_item,
                         gpointer   new_item)
{
  guint index;

  if (!g_ptr_array_find (array, old_item, &index))
    return FALSE;

  if (new_item == NULL)
    {
      g_ptr_array_remove_index (array, index);
      return TRUE;
    }

  g_object_ref (new_item);
  g_object_unref (g_ptr_array_index (array, index));
  g_ptr_array_index (array, index) = new_item;
  return TRUE;
}

G_END_DECLS
