/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-dossier"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-agreement.h"
#include "gb-dossier.h"
#include "gb-event.h"
#include "gb-figure.h"
#include "gb-model-private.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-source.h"

#define N_KINDS (GB_ITEM_KIND_ORGANISATION + 1)

struct _GbDossier
{
  GObject      parent_instance;

  char        *id;
  GbText      *title;
  GbText      *summary;
  GbText      *translator;
  guint        n_skipped;
  char        *skipped;
  GbDate      *period;
  char       **languages;
  GFile       *file;
  char        *origin;

  GListStore  *lists[N_KINDS];
  GHashTable  *by_id;       /* id → GbItem (borrowed from the lists) */
  GHashTable  *referrers;   /* GbItem → GPtrArray of GbItem referring to it */
};

G_DEFINE_FINAL_TYPE (GbDossier, gb_dossier, G_TYPE_OBJECT)
G_DEFINE_QUARK (gb-dossier-error-quark, gb_dossier_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GType *
item_types (void)
{
  static GType types[N_KINDS];

  if (types[0] == 0)
    {
      types[GB_ITEM_KIND_SOURCE] = GB_TYPE_SOURCE;
      types[GB_ITEM_KIND_EVENT] = GB_TYPE_EVENT;
      types[GB_ITEM_KIND_PLACE] = GB_TYPE_PLACE;
      types[GB_ITEM_KIND_ROUTE] = GB_TYPE_ROUTE;
      types[GB_ITEM_KIND_AGREEMENT] = GB_TYPE_AGREEMENT;
      types[GB_ITEM_KIND_FIGURE] = GB_TYPE_FIGURE;
      types[GB_ITEM_KIND_PERSON] = GB_TYPE_PERSON;
      types[GB_ITEM_KIND_ORGANISATION] = GB_TYPE_ORGANISATION;
    }

  return types;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  GbItem *ea = *(GbItem * const *) a;
  GbItem *eb = *(GbItem * const *) b;

  return gb_date_compare (gb_item_get_date (ea), gb_item_get_date (eb));
}

static void
gb_dossier_dispose (GObject *object)
{
  GbDossier *self = (GbDossier *) object;

  g_clear_pointer (&self->referrers, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gb_dossier_parent_class)->dispose (object);
}

static void
gb_dossier_finalize (GObject *object)
{
  GbDossier *self = (GbDossier *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, gb_text_unref);
  g_clear_pointer (&self->summary, gb_text_unref);
  g_clear_pointer (&self->translator, gb_text_unref);
  g_clear_pointer (&self->skipped, g_free);
  g_clear_pointer (&self->period, gb_date_unref);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->origin, g_free);

  G_OBJECT_CLASS (gb_dossier_parent_class)->finalize (object);
}

static void
gb_dossier_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GbDossier *self = GB_DOSSIER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gb_dossier_get_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, gb_dossier_get_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_dossier_class_init (GbDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gb_dossier_dispose;
  object_class->finalize = gb_dossier_finalize;
  object_class->get_property = gb_dossier_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gb_dossier_init (GbDossier *self)
{
  const GType *types = item_types ();

  for (guint i = 0; i < N_KINDS; i++)
    self->lists[i] = g_list_store_new (types[i]);

  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->referrers = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

GbDossier *
gb_dossier_new (const char *id)
{
  GbDossier *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (GB_TYPE_DOSSIER, NULL);
  self->id = g_strdup (id);
  return self;
}

const char *
gb_dossier_get_id (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->id;
}

const char *
gb_dossier_get_title (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->title != NULL ? gb_text_get (self->title) : self->id;
}

void
gb_dossier_set_title (GbDossier *self,
                      GbText    *title)
{
  g_return_if_fail (GB_IS_DOSSIER (self));

  if (title != NULL)
    gb_text_ref (title);
  g_clear_pointer (&self->title, gb_text_unref);
  self->title = title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * gb_dossier_get_title_text:
 *
 * Returns: (nullable) (transfer none): the title in every language
 */
GbText *
gb_dossier_get_title_text (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->title;
}

/**
 * gb_dossier_get_summary_text:
 *
 * Returns: (nullable) (transfer none): the summary in every language
 */
GbText *
gb_dossier_get_summary_text (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->summary;
}

/**
 * gb_dossier_get_summary:
 *
 * Returns: (nullable): the story in a few sentences
 */
const char *
gb_dossier_get_summary (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->summary != NULL ? gb_text_get (self->summary) : NULL;
}

void
gb_dossier_set_summary (GbDossier *self,
                        GbText    *summary)
{
  g_return_if_fail (GB_IS_DOSSIER (self));

  if (summary != NULL)
    gb_text_ref (summary);
  g_clear_pointer (&self->summary, gb_text_unref);
  self->summary = summary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * gb_dossier_get_translator:
 *
 * Returns: (nullable) (transfer none): who translated the story's texts and
 *   its quotes ("the Golden Bridge project")
 */
GbText *
gb_dossier_get_translator (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->translator;
}

void
gb_dossier_set_translator (GbDossier *self,
                           GbText    *translator)
{
  g_return_if_fail (GB_IS_DOSSIER (self));

  if (translator != NULL)
    gb_text_ref (translator);
  g_clear_pointer (&self->translator, gb_text_unref);
  self->translator = translator;
}

/**
 * gb_dossier_get_skipped:
 * @message: (out) (optional) (transfer none): what was wrong with them,
 *   one line each, as a failed load's message says it
 *
 * Returns: how many events of the file it was imported from were left out
 *   as unreadable
 */
guint
gb_dossier_get_skipped (GbDossier   *self,
                        const char **message)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), 0);

  if (message != NULL)
    *message = self->skipped;
  return self->n_skipped;
}

void
gb_dossier_set_skipped (GbDossier  *self,
                        guint       n_skipped,
                        const char *message)
{
  g_return_if_fail (GB_IS_DOSSIER (self));

  self->n_skipped = n_skipped;
  g_free (self->skipped);
  self->skipped = g_strdup (message);
}

/**
 * gb_dossier_get_period:
 *
 * Returns: (nullable) (transfer none): the span of the story's own events
 */
GbDate *
gb_dossier_get_period (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->period;
}

void
gb_dossier_set_period (GbDossier *self,
                       GbDate    *period)
{
  g_return_if_fail (GB_IS_DOSSIER (self));

  if (period != NULL)
    gb_date_ref (period);
  g_clear_pointer (&self->period, gb_date_unref);
  self->period = period;
}

/**
 * gb_dossier_get_languages:
 *
 * Returns: (nullable) (array zero-terminated=1): the languages the texts
 *   are offered in
 */
const char * const *
gb_dossier_get_languages (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return (const char * const *) self->languages;
}

void
gb_dossier_set_languages (GbDossier          *self,
                          const char * const *languages)
{
  char **copy;

  g_return_if_fail (GB_IS_DOSSIER (self));

  /* Copied first: @languages may be the dossier's own. */
  copy = g_strdupv ((char **) languages);
  g_strfreev (self->languages);
  self->languages = copy;
}

/**
 * gb_dossier_get_file:
 *
 * Returns: (nullable) (transfer none): the file it was loaded from; %NULL
 *   for the bundled story
 */
GFile *
gb_dossier_get_file (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->file;
}

void
gb_dossier_set_file (GbDossier *self,
                     GFile     *file)
{
  g_return_if_fail (GB_IS_DOSSIER (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  g_set_object (&self->file, file);
}

/**
 * gb_dossier_get_origin:
 *
 * Returns: (nullable): the name of the format it was imported from, such as
 *   "TimelineJS 3"; %NULL for a Golden Bridge dossier
 */
const char *
gb_dossier_get_origin (GbDossier *self)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);

  return self->origin;
}

void
gb_dossier_set_origin (GbDossier  *self,
                       const char *origin)
{
  g_return_if_fail (GB_IS_DOSSIER (self));

  if (g_strcmp0 (self->origin, origin) == 0)
    return;

  g_free (self->origin);
  self->origin = g_strdup (origin);
}

/**
 * gb_dossier_get_items_of_kind:
 *
 * Returns: (transfer none): a #GListModel of the items of @kind
 */
GListModel *
gb_dossier_get_items_of_kind (GbDossier  *self,
                              GbItemKind  kind)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return G_LIST_MODEL (self->lists[kind]);
}

GListModel *
gb_dossier_get_sources (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_SOURCE);
}

GListModel *
gb_dossier_get_events (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_EVENT);
}

GListModel *
gb_dossier_get_places (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_PLACE);
}

GListModel *
gb_dossier_get_routes (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_ROUTE);
}

GListModel *
gb_dossier_get_agreements (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_AGREEMENT);
}

GListModel *
gb_dossier_get_figures (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_FIGURE);
}

GListModel *
gb_dossier_get_people (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_PERSON);
}

GListModel *
gb_dossier_get_organisations (GbDossier *self)
{
  return gb_dossier_get_items_of_kind (self, GB_ITEM_KIND_ORGANISATION);
}

/**
 * gb_dossier_add_item:
 *
 * Returns: %FALSE, adding nothing, when another item has the same id
 */
gboolean
gb_dossier_add_item (GbDossier *self,
                     GbItem    *item)
{
  const char *id;

  g_return_val_if_fail (GB_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);

  id = gb_item_get_id (item);
  if (g_hash_table_contains (self->by_id, id))
    return FALSE;

  g_list_store_append (self->lists[gb_item_get_kind (item)], item);
  g_hash_table_insert (self->by_id, (char *) id, item);
  return TRUE;
}

/**
 * gb_dossier_lookup:
 *
 * Returns: (nullable) (transfer none): the item with @id
 */
GbItem *
gb_dossier_lookup (GbDossier  *self,
                   const char *id)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

static void
index_references (GbDossier *self,
                  GbItem    *item)
{
  g_autoptr(GPtrArray) refs = gb_item_dup_references (item);

  for (guint r = 0; r < refs->len; r++)
    {
      GPtrArray *back = g_hash_table_lookup (self->referrers, refs->pdata[r]);

      if (back == NULL)
        {
          back = g_ptr_array_new ();
          g_hash_table_insert (self->referrers, refs->pdata[r], back);
        }
      /* An item lists each reference once, but may name it twice (a
       * route's ends): a repeat is the last one added. */
      if (back->len == 0 || back->pdata[back->len - 1] != item)
        g_ptr_array_add (back, item);
    }
}

void
gb_dossier_seal (GbDossier *self)
{
  GListModel *events;
  g_autoptr(GPtrArray) sorted = gb_object_array_new ();
  guint n;

  g_return_if_fail (GB_IS_DOSSIER (self));

  /* Stable sort: equal dates keep the file's order. */
  events = G_LIST_MODEL (self->lists[GB_ITEM_KIND_EVENT]);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (events, i));
  g_ptr_array_sort (sorted, compare_events);
  g_list_store_splice (self->lists[GB_ITEM_KIND_EVENT], 0, n, sorted->pdata, n);

  g_hash_table_remove_all (self->referrers);
  for (guint k = 0; k < N_KINDS; k++)
    {
      GListModel *list = G_LIST_MODEL (self->lists[k]);
      guint n_items = g_list_model_get_n_items (list);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GbItem) item = g_list_model_get_item (list, i);

          index_references (self, item);
        }
    }
}

static void
add_unique (GPtrArray  *out,
            GHashTable *seen,
            gpointer    item)
{
  if (g_hash_table_add (seen, item))
    g_ptr_array_add (out, g_object_ref (item));
}

/**
 * gb_dossier_dup_linked:
 *
 * Returns: (transfer full) (element-type GbItem): what @item refers to
 *   and what refers to it, each once, not @item itself
 */
GPtrArray *
gb_dossier_dup_linked (GbDossier *self,
                       GbItem    *item)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *back;
  GPtrArray *out;

  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  out = gb_object_array_new ();
  seen = g_hash_table_new (NULL, NULL);
  g_hash_table_add (seen, item);

  refs = gb_item_dup_references (item);
  for (guint i = 0; i < refs->len; i++)
    add_unique (out, seen, refs->pdata[i]);

  if ((back = g_hash_table_lookup (self->referrers, item)))
    for (guint i = 0; i < back->len; i++)
      add_unique (out, seen, back->pdata[i]);

  return out;
}

static void
unindex_references (GbDossier *self,
                    GbItem    *item)
{
  g_autoptr(GPtrArray) refs = gb_item_dup_references (item);

  for (guint r = 0; r < refs->len; r++)
    {
      GPtrArray *back = g_hash_table_lookup (self->referrers, refs->pdata[r]);

      if (back != NULL)
        g_ptr_array_remove (back, item);
    }
}

/* Where an event of that date goes: after those of the same date. */
static guint
sorted_position (GbDossier *self,
                 GbItem    *item,
                 GbItem    *skip)
{
  GListModel *list = G_LIST_MODEL (self->lists[gb_item_get_kind (item)]);
  guint lo = 0, hi = g_list_model_get_n_items (list);

  if (gb_item_get_kind (item) != GB_ITEM_KIND_EVENT)
    return hi - (skip != NULL ? 1 : 0);

  /* Binary search over the list without @skip: index i of that list is
   * index i or i + 1 of the store. */
  {
    guint skip_pos = G_MAXUINT;

    if (skip != NULL)
      {
        g_list_store_find (self->lists[GB_ITEM_KIND_EVENT], skip, &skip_pos);
        hi--;
      }

    while (lo < hi)
      {
        guint mid = lo + (hi - lo) / 2;
        guint at = mid >= skip_pos ? mid + 1 : mid;
        g_autoptr(GbItem) other = g_list_model_get_item (list, at);

        if (gb_date_compare (gb_item_get_date (other), gb_item_get_date (item)) <= 0)
          lo = mid + 1;
        else
          hi = mid;
      }
  }

  return lo;
}

static gboolean
check_references (GbDossier  *self,
                  GbItem     *item,
                  GbItem     *leaving,
                  GError    **error)
{
  g_autoptr(GPtrArray) refs = gb_item_dup_references (item);
  g_autoptr(GPtrArray) sources = gb_item_dup_sources (item);

  g_ptr_array_extend (refs, sources, NULL, NULL);

  for (guint r = 0; r < refs->len; r++)
    {
      GbItem *ref = refs->pdata[r];

      if (ref == leaving || g_hash_table_lookup (self->by_id, gb_item_get_id (ref)) != ref)
        {
          g_set_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_DANGLING,
                       _("“%s” refers to “%s”, which is not in the dossier"),
                       gb_item_get_id (item), gb_item_get_id (ref));
          return FALSE;
        }
    }

  return TRUE;
}

/* Tells the views showing @item that what it shows changed, in one place. */
static void
item_changed (GbDossier *self,
              GbItem    *item)
{
  GListStore *store = self->lists[gb_item_get_kind (item)];
  guint position;

  if (g_list_store_find (store, item, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &item, 1);
}

/**
 * gb_dossier_find_item:
 * @position: (out) (optional): where @item is in the list of its kind
 *
 * Returns: %TRUE when @item is in the dossier
 */
gboolean
gb_dossier_find_item (GbDossier *self,
                      GbItem    *item,
                      guint     *position)
{
  g_return_val_if_fail (GB_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);

  return g_list_store_find (self->lists[gb_item_get_kind (item)], item, position);
}

/**
 * gb_dossier_dup_referrers:
 *
 * Returns: (transfer full) (element-type GbItem): the items that name @item:
 *   as a place, party, event, related item, route end, organisation, or as
 *   their source; in the order of their lists
 */
GPtrArray *
gb_dossier_dup_referrers (GbDossier *self,
                          GbItem    *item)
{
  GPtrArray *out;

  g_return_val_if_fail (GB_IS_DOSSIER (self), NULL);
  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  out = gb_object_array_new ();

  /* Walking the lists gives a stable order and sources are named by every
   * item they back, which the reverse links leave out. */
  for (guint k = 0; k < N_KINDS; k++)
    {
      GListModel *list = G_LIST_MODEL (self->lists[k]);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GbItem) other = g_list_model_get_item (list, i);

          if (other != item && gb_item_refers_to (other, item))
            g_ptr_array_add (out, g_steal_pointer (&other));
        }
    }

  return out;
}

/**
 * gb_dossier_insert_item:
 * @position: where in the list of its kind, or
 *   %GB_DOSSIER_POSITION_SORTED: at the end, and for events after those of
 *   the same date
 *
 * Adds @item to a sealed dossier. Emits #GListModel::items-changed once on
 * the list of its kind.
 *
 * Returns: %FALSE with @error set, changing nothing, when the id is taken
 *   or @item names an item that is not in the dossier
 */
gboolean
gb_dossier_insert_item (GbDossier  *self,
                        GbItem     *item,
                        guint       position,
                        GError    **error)
{
  GListStore *store;
  const char *id;

  g_return_val_if_fail (GB_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = gb_item_get_id (item);
  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_ID_TAKEN,
                   _("“%s” is used by another item: ids must be unique"), id);
      return FALSE;
    }

  if (!check_references (self, item, NULL, error))
    return FALSE;

  store = self->lists[gb_item_get_kind (item)];
  if (position == GB_DOSSIER_POSITION_SORTED)
    position = sorted_position (self, item, NULL);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));

  g_hash_table_insert (self->by_id, (char *) id, item);
  index_references (self, item);
  g_list_store_insert (store, position, item);

  return TRUE;
}

/* Whether an event of @item's date can stay at @position, where the event
 * it replaces is, without breaking the order by date. */
static gboolean
fits_at (GbDossier *self,
         GbItem    *item,
         guint      position)
{
  GListModel *list = G_LIST_MODEL (self->lists[GB_ITEM_KIND_EVENT]);
  GbDate *date = gb_item_get_date (item);

  if (position > 0)
    {
      g_autoptr(GbItem) prev = g_list_model_get_item (list, position - 1);

      if (gb_date_compare (gb_item_get_date (prev), date) > 0)
        return FALSE;
    }

  if (position + 1 < g_list_model_get_n_items (list))
    {
      g_autoptr(GbItem) next = g_list_model_get_item (list, position + 1);

      if (gb_date_compare (date, gb_item_get_date (next)) > 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * gb_dossier_replace_item:
 * @old_item: an item of the dossier
 * @new_item: its edited copy, of the same kind, not in the dossier
 *
 * Puts @new_item in the place of @old_item, and makes every item that named
 * @old_item name @new_item. The list of its kind changes at one position
 * (an event whose new date doesn't fit there is removed and inserted at
 * its place by date); each item naming it is reported changed at its own
 * position.
 *
 * Returns: %FALSE with @error set, changing nothing, on a new id that is
 *   taken or a reference to an item that is not in the dossier
 */
gboolean
gb_dossier_replace_item (GbDossier  *self,
                         GbItem     *old_item,
                         GbItem     *new_item,
                         GError    **error)
{
  return gb_dossier_replace_item_at (self, old_item, new_item, GB_DOSSIER_POSITION_SORTED,
                                     error);
}

/**
 * gb_dossier_replace_item_at:
 * @position: where an event goes, or %GB_DOSSIER_POSITION_SORTED
 *
 * gb_dossier_replace_item() with the event's position given, as undo
 * needs to put an event back among others of the same date.
 */
gboolean
gb_dossier_replace_item_at (GbDossier  *self,
                            GbItem     *old_item,
                            GbItem     *new_item,
                            guint       position,
                            GError    **error)
{
  g_autoptr(GPtrArray) referrers = NULL;
  GListStore *store;
  GPtrArray *back;
  const char *new_id;
  guint old_pos, new_pos;

  g_return_val_if_fail (GB_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (old_item), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (new_item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = self->lists[gb_item_get_kind (old_item)];
  if (!g_list_store_find (store, old_item, &old_pos))
    {
      g_set_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_NOT_FOUND,
                   _("“%s” is not in the dossier"), gb_item_get_id (old_item));
      return FALSE;
    }

  if (gb_item_get_kind (old_item) != gb_item_get_kind (new_item))
    {
      g_set_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_KIND,
                   _("“%s” can only be replaced by an item of the same kind"),
                   gb_item_get_id (old_item));
      return FALSE;
    }

  new_id = gb_item_get_id (new_item);
  if (g_hash_table_lookup (self->by_id, new_id) != NULL &&
      g_hash_table_lookup (self->by_id, new_id) != old_item)
    {
      g_set_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_ID_TAKEN,
                   _("“%s” is used by another item: ids must be unique"), new_id);
      return FALSE;
    }

  if (!check_references (self, new_item, old_item, error))
    return FALSE;

  g_object_ref (old_item);

  referrers = gb_dossier_dup_referrers (self, old_item);
  unindex_references (self, old_item);
  for (guint i = 0; i < referrers->len; i++)
    gb_item_replace_reference (referrers->pdata[i], old_item, new_item);

  if ((back = g_hash_table_lookup (self->referrers, old_item)) != NULL)
    {
      g_hash_table_steal (self->referrers, old_item);
      g_hash_table_insert (self->referrers, new_item, back);
    }

  g_hash_table_remove (self->by_id, gb_item_get_id (old_item));
  g_hash_table_insert (self->by_id, (char *) new_id, new_item);
  index_references (self, new_item);

  if (gb_item_get_kind (new_item) != GB_ITEM_KIND_EVENT)
    new_pos = old_pos;
  else if (position != GB_DOSSIER_POSITION_SORTED)
    new_pos = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);
  else if (fits_at (self, new_item, old_pos))
    new_pos = old_pos;
  else
    new_pos = sorted_position (self, new_item, old_item);

  if (new_pos == old_pos)
    {
      g_list_store_splice (store, old_pos, 1, (gpointer *) &new_item, 1);
    }
  else
    {
      g_list_store_remove (store, old_pos);
      g_list_store_insert (store, new_pos, new_item);
    }

  for (guint i = 0; i < referrers->len; i++)
    item_changed (self, referrers->pdata[i]);

  g_object_unref (old_item);

  return TRUE;
}

/**
 * gb_dossier_remove_item:
 *
 * Removes @item, which no other item may name: gb_dossier_dup_referrers()
 * says which do.
 *
 * Returns: %FALSE with @error set, changing nothing, when @item is not in
 *   the dossier or other items name it (the message lists them)
 */
gboolean
gb_dossier_remove_item (GbDossier  *self,
                        GbItem     *item,
                        GError    **error)
{
  g_autoptr(GPtrArray) referrers = NULL;
  GListStore *store;
  guint position;

  g_return_val_if_fail (GB_IS_DOSSIER (self), FALSE);
  g_return_val_if_fail (GB_IS_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = self->lists[gb_item_get_kind (item)];
  if (!g_list_store_find (store, item, &position))
    {
      g_set_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_NOT_FOUND,
                   _("“%s” is not in the dossier"), gb_item_get_id (item));
      return FALSE;
    }

  referrers = gb_dossier_dup_referrers (self, item);
  if (referrers->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < referrers->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                gb_item_get_id (referrers->pdata[i]));
      g_set_error (error, GB_DOSSIER_ERROR, GB_DOSSIER_ERROR_REFERENCED,
                   _("“%s” is named by %s"), gb_item_get_id (item), names->str);
      return FALSE;
    }

  unindex_references (self, item);
  g_hash_table_remove (self->referrers, item);
  g_hash_table_remove (self->by_id, gb_item_get_id (item));
  g_list_store_remove (store, position);

  return TRUE;
}
