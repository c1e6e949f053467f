/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-agreement"

#include "config.h"

#include "gb-agreement.h"
#include "gb-event.h"
#include "gb-model-private.h"
#include "gb-place.h"

struct _GbAgreement
{
  GbItem             parent_instance;
  GbAgreementKind    kind;
  GbAgreementStatus  status;
  GPtrArray         *parties;
  GPtrArray         *places;
  GPtrArray         *covers;
  GbEvent           *event;
};

G_DEFINE_FINAL_TYPE (GbAgreement, gb_agreement, GB_TYPE_ITEM)

static void
gb_agreement_collect_references (GbItem    *item,
                                 GPtrArray *out)
{
  GbAgreement *self = GB_AGREEMENT (item);

  g_ptr_array_extend (out, self->parties, NULL, NULL);
  g_ptr_array_extend (out, self->places, NULL, NULL);
  if (self->event != NULL)
    g_ptr_array_add (out, self->event);
}

static void
gb_agreement_dispose (GObject *object)
{
  GbAgreement *self = (GbAgreement *) object;

  g_ptr_array_set_size (self->parties, 0);
  g_ptr_array_set_size (self->places, 0);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (gb_agreement_parent_class)->dispose (object);
}

static void
gb_agreement_finalize (GObject *object)
{
  GbAgreement *self = (GbAgreement *) object;

  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->covers, g_ptr_array_unref);

  G_OBJECT_CLASS (gb_agreement_parent_class)->finalize (object);
}

static void
gb_agreement_class_init (GbAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GbItemClass *item_class = GB_ITEM_CLASS (klass);

  object_class->dispose = gb_agreement_dispose;
  object_class->finalize = gb_agreement_finalize;
  item_class->kind = GB_ITEM_KIND_AGREEMENT;
  item_class->collect_references = gb_agreement_collect_references;
}

static void
gb_agreement_init (GbAgreement *self)
{
  self->parties = gb_object_array_new ();
  self->places = gb_object_array_new ();
  self->covers = g_ptr_array_new_with_free_func ((GDestroyNotify) gb_text_unref);
}

GbAgreement *
gb_agreement_new (const char        *id,
                  GbAgreementKind    kind,
                  GbAgreementStatus  status)
{
  GbAgreement *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (GB_TYPE_AGREEMENT, "id", id, NULL);
  self->kind = kind;
  self->status = status;
  return self;
}

GbAgreementKind
gb_agreement_get_agreement_kind (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), 0);

  return self->kind;
}

GbAgreementStatus
gb_agreement_get_status (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), 0);

  return self->status;
}

/**
 * gb_agreement_get_parties:
 *
 * Returns: (transfer none) (element-type GbItem): organisations and people
 */
GPtrArray *
gb_agreement_get_parties (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), NULL);

  return self->parties;
}

void
gb_agreement_add_party (GbAgreement *self,
                        GbItem      *party)
{
  g_return_if_fail (GB_IS_AGREEMENT (self));
  g_return_if_fail (GB_IS_ITEM (party));

  g_ptr_array_add (self->parties, g_object_ref (party));
}

/**
 * gb_agreement_get_places:
 *
 * Returns: (transfer none) (element-type GbPlace): where it applies
 */
GPtrArray *
gb_agreement_get_places (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), NULL);

  return self->places;
}

void
gb_agreement_add_place (GbAgreement *self,
                        GbPlace     *place)
{
  g_return_if_fail (GB_IS_AGREEMENT (self));
  g_return_if_fail (GB_IS_PLACE (place));

  g_ptr_array_add (self->places, g_object_ref (place));
}

/**
 * gb_agreement_get_event:
 *
 * Returns: (nullable) (transfer none): the event where it was signed,
 *   proposed or launched
 */
GbEvent *
gb_agreement_get_event (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), NULL);

  return self->event;
}

void
gb_agreement_set_event (GbAgreement *self,
                        GbEvent     *event)
{
  g_return_if_fail (GB_IS_AGREEMENT (self));
  g_return_if_fail (!event || GB_IS_EVENT (event));

  g_set_object (&self->event, event);
}

/**
 * gb_agreement_get_covers:
 *
 * Returns: (transfer none) (element-type GbText): what it encompasses
 */
GPtrArray *
gb_agreement_get_covers (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), NULL);

  return self->covers;
}

void
gb_agreement_add_cover (GbAgreement *self,
                        GbText      *cover)
{
  g_return_if_fail (GB_IS_AGREEMENT (self));
  g_return_if_fail (cover != NULL);

  g_ptr_array_add (self->covers, gb_text_ref (cover));
}
