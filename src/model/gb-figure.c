/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-figure"

#include "config.h"

#include "gb-figure.h"
#include "gb-model-private.h"

struct _GbFigure
{
  GbItem             parent_instance;
  double             value;
  char              *unit;
  GbFigureQualifier  qualifier;
  GPtrArray         *related;
};

G_DEFINE_FINAL_TYPE (GbFigure, gb_figure, GB_TYPE_ITEM)

static void
gb_figure_collect_references (GbItem    *item,
                              GPtrArray *out)
{
  g_ptr_array_extend (out, GB_FIGURE (item)->related, NULL, NULL);
}

static void
gb_figure_replace_reference (GbItem *item,
                             GbItem *old_item,
                             GbItem *new_item)
{
  gb_object_array_replace (GB_FIGURE (item)->related, old_item, new_item);
}

static void
gb_figure_dispose (GObject *object)
{
  GbFigure *self = (GbFigure *) object;

  g_ptr_array_set_size (self->related, 0);

  G_OBJECT_CLASS (gb_figure_parent_class)->dispose (object);
}

static void
gb_figure_finalize (GObject *object)
{
  GbFigure *self = (GbFigure *) object;

  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->related, g_ptr_array_unref);

  G_OBJECT_CLASS (gb_figure_parent_class)->finalize (object);
}

static void
gb_figure_class_init (GbFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GbItemClass *item_class = GB_ITEM_CLASS (klass);

  object_class->dispose = gb_figure_dispose;
  object_class->finalize = gb_figure_finalize;
  item_class->kind = GB_ITEM_KIND_FIGURE;
  item_class->collect_references = gb_figure_collect_references;
  item_class->replace_reference = gb_figure_replace_reference;
}

static void
gb_figure_init (GbFigure *self)
{
  self->related = gb_object_array_new ();
}

GbFigure *
gb_figure_new (const char        *id,
               double             value,
               const char        *unit,
               GbFigureQualifier  qualifier)
{
  GbFigure *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (unit != NULL, NULL);

  self = g_object_new (GB_TYPE_FIGURE, "id", id, NULL);
  self->value = value;
  self->unit = g_strdup (unit);
  self->qualifier = qualifier;
  return self;
}

double
gb_figure_get_value (GbFigure *self)
{
  g_return_val_if_fail (GB_IS_FIGURE (self), 0);

  return self->value;
}

/**
 * gb_figure_get_unit:
 *
 * Returns: "USD", "years", "people", "rank", "percent", "count" or
 *   another unit named by the file
 */
const char *
gb_figure_get_unit (GbFigure *self)
{
  g_return_val_if_fail (GB_IS_FIGURE (self), NULL);

  return self->unit;
}

GbFigureQualifier
gb_figure_get_qualifier (GbFigure *self)
{
  g_return_val_if_fail (GB_IS_FIGURE (self), 0);

  return self->qualifier;
}

/**
 * gb_figure_get_related:
 *
 * Returns: (transfer none) (element-type GbItem): what the figure is about
 */
GPtrArray *
gb_figure_get_related (GbFigure *self)
{
  g_return_val_if_fail (GB_IS_FIGURE (self), NULL);

  return self->related;
}

void
gb_figure_add_related (GbFigure *self,
                       GbItem   *item)
{
  g_return_if_fail (GB_IS_FIGURE (self));
  g_return_if_fail (GB_IS_ITEM (item));

  g_ptr_array_add (self->related, g_object_ref (item));
}
