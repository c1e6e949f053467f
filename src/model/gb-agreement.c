/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-agreement"

#include "config.h"

#include "gb-agreement.h"
#include "gb-event.h"
#include "gb-model-private.h"
#include "gb-place.h"
#include "gb-source.h"

struct _GbAgreement
{
  GbItem             parent_instance;
  GbAgreementKind    kind;
  GbAgreementStatus  status;
  GPtrArray         *parties;
  GPtrArray         *places;
  GPtrArray         *covers;
  GPtrArray         *follow_ups;
  GbEvent           *event;
};

G_DEFINE_FINAL_TYPE (GbAgreement, gb_agreement, GB_TYPE_ITEM)

static void
follow_up_free (GbFollowUp *entry)
{
  g_clear_pointer (&entry->date, gb_date_unref);
  g_clear_pointer (&entry->note, gb_text_unref);
  g_clear_object (&entry->source);
  g_clear_pointer (&entry->quote, g_free);
  g_free (entry);
}

static void
gb_agreement_collect_sources (GbItem    *item,
                              GPtrArray *out)
{
  GbAgreement *self = GB_AGREEMENT (item);

  GB_ITEM_CLASS (gb_agreement_parent_class)->collect_sources (item, out);
  for (guint i = 0; i < self->follow_ups->len; i++)
    {
      GbFollowUp *entry = g_ptr_array_index (self->follow_ups, i);

      if (!g_ptr_array_find (out, entry->source, NULL))
        g_ptr_array_add (out, entry->source);
    }
}

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
gb_agreement_replace_reference (GbItem *item,
                                GbItem *old_item,
                                GbItem *new_item)
{
  GbAgreement *self = GB_AGREEMENT (item);

  gb_object_array_replace (self->parties, old_item, new_item);
  gb_object_array_replace (self->places, old_item, new_item);
  if ((GbItem *) self->event == old_item)
    g_set_object (&self->event, GB_EVENT (new_item));
  for (guint i = 0; i < self->follow_ups->len; i++)
    {
      GbFollowUp *entry = g_ptr_array_index (self->follow_ups, i);

      if ((GbItem *) entry->source == old_item)
        g_set_object (&entry->source, GB_SOURCE (new_item));
    }
}

static void
gb_agreement_dispose (GObject *object)
{
  GbAgreement *self = (GbAgreement *) object;

  g_ptr_array_set_size (self->parties, 0);
  g_ptr_array_set_size (self->places, 0);
  g_clear_object (&self->event);
  g_ptr_array_set_size (self->follow_ups, 0);

  G_OBJECT_CLASS (gb_agreement_parent_class)->dispose (object);
}

static void
gb_agreement_finalize (GObject *object)
{
  GbAgreement *self = (GbAgreement *) object;

  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->covers, g_ptr_array_unref);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);

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
  item_class->replace_reference = gb_agreement_replace_reference;
  item_class->collect_sources = gb_agreement_collect_sources;
}

static void
gb_agreement_init (GbAgreement *self)
{
  self->parties = gb_object_array_new ();
  self->places = gb_object_array_new ();
  self->covers = g_ptr_array_new_with_free_func ((GDestroyNotify) gb_text_unref);
  self->follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) follow_up_free);
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

/**
 * gb_agreement_get_follow_ups:
 *
 * Returns: (transfer none) (element-type GbFollowUp): what happened to it
 *   since, oldest first
 */
GPtrArray *
gb_agreement_get_follow_ups (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), NULL);

  return self->follow_ups;
}

/**
 * gb_agreement_add_follow_up:
 * @note: (nullable): what happened
 * @source: where it is reported
 * @quote: (nullable): the sentence of @source it rests on
 *
 * Adds an entry to the log, in date order.
 */
void
gb_agreement_add_follow_up (GbAgreement       *self,
                            GbDate            *date,
                            GbAgreementStatus  status,
                            GbText            *note,
                            GbSource          *source,
                            const char        *quote)
{
  GbFollowUp *entry;
  guint at;

  g_return_if_fail (GB_IS_AGREEMENT (self));
  g_return_if_fail (date != NULL);
  g_return_if_fail (GB_IS_SOURCE (source));

  entry = g_new0 (GbFollowUp, 1);
  entry->date = gb_date_ref (date);
  entry->status = status;
  entry->note = note != NULL ? gb_text_ref (note) : NULL;
  entry->source = g_object_ref (source);
  entry->quote = g_strdup (quote);

  /* After every entry of the same date or earlier. */
  at = self->follow_ups->len;
  while (at > 0 &&
         gb_date_compare (((GbFollowUp *) g_ptr_array_index (self->follow_ups, at - 1))->date,
                          date) > 0)
    at--;
  g_ptr_array_insert (self->follow_ups, at, entry);
}

/**
 * gb_agreement_get_current_status:
 *
 * Returns: the status of the latest follow-up, or the agreement's own
 *   status when the log is empty
 */
GbAgreementStatus
gb_agreement_get_current_status (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), 0);

  if (self->follow_ups->len == 0)
    return self->status;

  return ((GbFollowUp *) g_ptr_array_index (self->follow_ups, self->follow_ups->len - 1))->status;
}

/**
 * gb_agreement_get_status_date:
 *
 * Returns: (nullable) (transfer none): when the current status was last
 *   changed: the date of the latest follow-up; %NULL without any
 */
GbDate *
gb_agreement_get_status_date (GbAgreement *self)
{
  g_return_val_if_fail (GB_IS_AGREEMENT (self), NULL);

  if (self->follow_ups->len == 0)
    return NULL;

  return ((GbFollowUp *) g_ptr_array_index (self->follow_ups, self->follow_ups->len - 1))->date;
}
