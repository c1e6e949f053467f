/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-route"

#include "config.h"

#include "gb-model-private.h"
#include "gb-place.h"
#include "gb-route.h"

struct _GbRoute
{
  GbItem    parent_instance;
  GbPlace  *from;
  GbPlace  *to;
  char     *mode;
  int       duration_minutes;
  char    **operators;
  GbText   *schedule;
};

G_DEFINE_FINAL_TYPE (GbRoute, gb_route, GB_TYPE_ITEM)

static void
gb_route_collect_references (GbItem    *item,
                             GPtrArray *out)
{
  GbRoute *self = GB_ROUTE (item);

  g_ptr_array_add (out, self->from);
  g_ptr_array_add (out, self->to);
}

static void
gb_route_replace_reference (GbItem *item,
                            GbItem *old_item,
                            GbItem *new_item)
{
  GbRoute *self = GB_ROUTE (item);

  if ((GbItem *) self->from == old_item)
    g_set_object (&self->from, GB_PLACE (new_item));
  if ((GbItem *) self->to == old_item)
    g_set_object (&self->to, GB_PLACE (new_item));
}

static void
gb_route_dispose (GObject *object)
{
  GbRoute *self = (GbRoute *) object;

  g_clear_object (&self->from);
  g_clear_object (&self->to);

  G_OBJECT_CLASS (gb_route_parent_class)->dispose (object);
}

static void
gb_route_finalize (GObject *object)
{
  GbRoute *self = (GbRoute *) object;

  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->operators, g_strfreev);
  g_clear_pointer (&self->schedule, gb_text_unref);

  G_OBJECT_CLASS (gb_route_parent_class)->finalize (object);
}

static void
gb_route_class_init (GbRouteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GbItemClass *item_class = GB_ITEM_CLASS (klass);

  object_class->dispose = gb_route_dispose;
  object_class->finalize = gb_route_finalize;
  item_class->kind = GB_ITEM_KIND_ROUTE;
  item_class->collect_references = gb_route_collect_references;
  item_class->replace_reference = gb_route_replace_reference;
}

static void
gb_route_init (GbRoute *self)
{
}

GbRoute *
gb_route_new (const char *id,
              GbPlace    *from,
              GbPlace    *to,
              const char *mode)
{
  GbRoute *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (GB_IS_PLACE (from), NULL);
  g_return_val_if_fail (GB_IS_PLACE (to), NULL);

  self = g_object_new (GB_TYPE_ROUTE, "id", id, NULL);
  self->from = g_object_ref (from);
  self->to = g_object_ref (to);
  self->mode = g_strdup (mode != NULL ? mode : "other");
  return self;
}

GbPlace *
gb_route_get_from (GbRoute *self)
{
  g_return_val_if_fail (GB_IS_ROUTE (self), NULL);

  return self->from;
}

GbPlace *
gb_route_get_to (GbRoute *self)
{
  g_return_val_if_fail (GB_IS_ROUTE (self), NULL);

  return self->to;
}

const char *
gb_route_get_mode (GbRoute *self)
{
  g_return_val_if_fail (GB_IS_ROUTE (self), NULL);

  return self->mode;
}

/**
 * gb_route_get_duration_minutes:
 *
 * Returns: the scheduled travel time, or 0 when unknown
 */
int
gb_route_get_duration_minutes (GbRoute *self)
{
  g_return_val_if_fail (GB_IS_ROUTE (self), 0);

  return self->duration_minutes;
}

void
gb_route_set_duration_minutes (GbRoute *self,
                               int      minutes)
{
  g_return_if_fail (GB_IS_ROUTE (self));
  g_return_if_fail (minutes >= 0);

  self->duration_minutes = minutes;
}

/**
 * gb_route_get_operators:
 *
 * Returns: (nullable) (array zero-terminated=1): the carriers
 */
const char * const *
gb_route_get_operators (GbRoute *self)
{
  g_return_val_if_fail (GB_IS_ROUTE (self), NULL);

  return (const char * const *) self->operators;
}

void
gb_route_set_operators (GbRoute            *self,
                        const char * const *operators)
{
  g_return_if_fail (GB_IS_ROUTE (self));

  g_strfreev (self->operators);
  self->operators = g_strdupv ((char **) operators);
}

const char *
gb_route_get_schedule (GbRoute *self)
{
  g_return_val_if_fail (GB_IS_ROUTE (self), NULL);

  return self->schedule != NULL ? gb_text_get (self->schedule) : NULL;
}

void
gb_route_set_schedule (GbRoute *self,
                       GbText  *schedule)
{
  g_return_if_fail (GB_IS_ROUTE (self));

  g_clear_pointer (&self->schedule, gb_text_unref);
  self->schedule = schedule != NULL ? gb_text_ref (schedule) : NULL;
}

/**
 * gb_route_get_schedule_text:
 *
 * Returns: (nullable) (transfer none): the text in every language
 */
GbText *
gb_route_get_schedule_text (GbRoute *self)
{
  g_return_val_if_fail (GB_IS_ROUTE (self), NULL);

  return self->schedule;
}
