/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-timeline-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-agreement.h"
#include "gb-date-format.h"
#include "gb-timeline-model.h"

typedef struct
{
  guint32 kind;      /* GbTimelineRowKind */
  guint32 index;     /* into items: the item, the first item under a header, the item after
                      * a gap (G_MAXUINT: the today marker) */
  gint64  from_day;  /* gaps: last day covered before, a day number (gb-date.h) */
  gint64  to_day;    /* gaps: first day after */
} RowSpec;

/* What an item row shows: an item at its own date, or one follow-up of an agreement at
 * the entry's date. */
typedef struct
{
  GbItem           *item;
  const GbFollowUp *follow_up;   /* (nullable): owned by item, which entries keep alive */
} Entry;

struct _GbTimelineModel
{
  GObject     parent_instance;
  GbDossier  *dossier;
  GDateTime  *today_override;
  GbDate     *today;
  gint64      today_day;
  GArray     *items;    /* Entry, in time order */
  GArray     *specs;    /* RowSpec */
  GPtrArray  *rows;     /* GbTimelineRow or NULL, made when asked for */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GbTimelineModel, gb_timeline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DOSSIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows are made on demand: most slots stay NULL. */
static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
}

static GbDate *
entry_get_date (const Entry *entry)
{
  return entry->follow_up != NULL ? entry->follow_up->date : gb_item_get_date (entry->item);
}

static Entry *
get_entry (GbTimelineModel *self,
           guint            index)
{
  return &g_array_index (self->items, Entry, index);
}

static void
add_entry (GbTimelineModel  *self,
           GbItem           *item,
           const GbFollowUp *follow_up)
{
  Entry entry = { g_object_ref (item), follow_up };

  g_array_append_val (self->items, entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return gb_date_compare (entry_get_date (a), entry_get_date (b));
}

static gint64
date_last_day (GbDate *date)
{
  const GbDatePart *end = gb_date_get_end (date);

  return gb_date_part_get_last_day (end != NULL ? end : gb_date_get_start (date));
}

/* Rows under one header share the day or period a header shows: the date capped at
 * day precision. */
static gboolean
same_header (GbDate *a,
             GbDate *b)
{
  const GbDatePart *parts_a[2] = { gb_date_get_start (a), gb_date_get_end (a) };
  const GbDatePart *parts_b[2] = { gb_date_get_start (b), gb_date_get_end (b) };

  for (guint i = 0; i < 2; i++)
    {
      if ((parts_a[i] == NULL) != (parts_b[i] == NULL))
        return FALSE;
      if (parts_a[i] == NULL)
        continue;
      if (MIN (parts_a[i]->precision, GB_DATE_PRECISION_DAY) !=
          MIN (parts_b[i]->precision, GB_DATE_PRECISION_DAY))
        return FALSE;
      if (gb_date_part_get_first_day (parts_a[i]) != gb_date_part_get_first_day (parts_b[i]))
        return FALSE;
    }
  return TRUE;
}

/* An agreement's period earns a row when it is a time of its own: not the date of
 * the event where it was signed, which is on the timeline already. */
static gboolean
agreement_has_own_period (GbAgreement *agreement)
{
  GbDate *period = gb_item_get_date (GB_ITEM (agreement));
  GbEvent *event = gb_agreement_get_event (agreement);

  if (period == NULL)
    return FALSE;
  if (event == NULL || gb_item_get_date (GB_ITEM (event)) == NULL)
    return TRUE;
  return gb_date_compare (period, gb_item_get_date (GB_ITEM (event))) != 0;
}

static void
add_spec (GbTimelineModel   *self,
          GbTimelineRowKind  kind,
          guint              index,
          gint64             from_day,
          gint64             to_day)
{
  RowSpec spec = { kind, index, from_day, to_day };

  g_array_append_val (self->specs, spec);
}

/* Whether a gap row goes between the last day covered so far (none before the
 * first item) and the next day shown. */
static gboolean
add_gap_if_long (GbTimelineModel *self,
                 guint            index,
                 gboolean         covered,
                 gint64           covered_day,
                 gint64           next_day)
{
  if (!covered || next_day - covered_day < GB_TIMELINE_GAP_MIN_DAYS)
    return FALSE;
  add_spec (self, GB_TIMELINE_ROW_GAP, index, covered_day, next_day);
  return TRUE;
}

static void
update_today (GbTimelineModel *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  GDateTime *today = self->today_override;

  if (today == NULL)
    today = now = g_date_time_new_now_local ();

  text = g_date_time_format (today, "%Y-%m-%d");
  g_clear_pointer (&self->today, gb_date_unref);
  self->today = gb_date_parse (text, NULL, NULL, NULL);
  g_assert (self->today != NULL);
  self->today_day = gb_date_part_get_first_day (gb_date_get_start (self->today));
}

static void
collect_items (GbTimelineModel *self)
{
  GListModel *events = gb_dossier_get_events (self->dossier);
  GListModel *agreements = gb_dossier_get_agreements (self->dossier);
  guint n_events = g_list_model_get_n_items (events);
  guint n_agreements = g_list_model_get_n_items (agreements);

  g_array_set_size (self->items, 0);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (events, i);

      /* Events always have a date; a model built by hand might not. */
      if (gb_item_get_date (event) != NULL)
        add_entry (self, event, NULL);
    }

  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(GbAgreement) agreement = g_list_model_get_item (agreements, i);
      GPtrArray *follow_ups = gb_agreement_get_follow_ups (agreement);

      if (agreement_has_own_period (agreement))
        add_entry (self, GB_ITEM (agreement), NULL);
      /* What happened to it since: an event of its own on the day it happened. */
      for (guint j = 0; j < follow_ups->len; j++)
        add_entry (self, GB_ITEM (agreement), g_ptr_array_index (follow_ups, j));
    }

  /* Periods and follow-ups join the events, which a model built by hand may not have
   * sorted. A sealed dossier's events are in order: checking is cheaper than sorting
   * 100,000. g_array_sort() is stable, so ties keep the file's order. */
  for (guint i = 1; i < self->items->len; i++)
    {
      if (compare_entries (get_entry (self, i - 1), get_entry (self, i)) > 0)
        {
          g_array_sort (self->items, compare_entries);
          break;
        }
    }
}

static void
build_specs (GbTimelineModel *self)
{
  GbDate *header_date = NULL;
  gint64 covered_day = 0;
  gboolean covered = FALSE;
  gboolean today_done = FALSE;

  g_array_set_size (self->specs, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      GbDate *date = entry_get_date (get_entry (self, i));
      gint64 first_day = gb_date_part_get_first_day (gb_date_get_start (date));

      if (!today_done && gb_date_compare (date, self->today) > 0)
        {
          add_gap_if_long (self, G_MAXUINT, covered, covered_day, self->today_day);
          add_spec (self, GB_TIMELINE_ROW_TODAY, G_MAXUINT, 0, 0);
          covered_day = covered ? MAX (covered_day, self->today_day) : self->today_day;
          covered = TRUE;
          header_date = NULL;
          today_done = TRUE;
        }

      if (add_gap_if_long (self, i, covered, covered_day, first_day))
        header_date = NULL;

      if (header_date == NULL || !same_header (header_date, date))
        {
          add_spec (self, GB_TIMELINE_ROW_HEADER, i, 0, 0);
          header_date = date;
        }

      add_spec (self, GB_TIMELINE_ROW_ITEM, i, 0, 0);
      covered_day = covered ? MAX (covered_day, date_last_day (date)) : date_last_day (date);
      covered = TRUE;
    }

  /* With no items there is nothing to place today against. */
  if (!today_done && self->items->len > 0)
    {
      add_gap_if_long (self, G_MAXUINT, covered, covered_day, self->today_day);
      add_spec (self, GB_TIMELINE_ROW_TODAY, G_MAXUINT, 0, 0);
    }
}

static void
rebuild (GbTimelineModel *self)
{
  guint old_n = self->specs->len;

  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->items, 0);
  g_array_set_size (self->specs, 0);

  if (self->dossier != NULL)
    {
      update_today (self);
      collect_items (self);
      build_specs (self);
    }

  g_ptr_array_set_size (self->rows, self->specs->len);
  if (old_n != 0 || self->specs->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->specs->len);
}

static void
items_changed_cb (GbTimelineModel *self)
{
  rebuild (self);
}

char *
gb_timeline_format_gap (gint64 from_day,
                        gint64 to_day)
{
  GbDatePart from, to;
  gint64 years, months, days;

  g_return_val_if_fail (to_day >= from_day, NULL);

  gb_date_part_set_day (&from, from_day);
  gb_date_part_set_day (&to, to_day);

  months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day)
    months--;
  years = months / 12;
  days = to_day - from_day;

  /* Deep time, to three significant digits: "370,000 years later", "4.5 billion
   * years later". */
  if (years >= 10000)
    {
      gulong n;
      g_autofree char *number = gb_date_format_year_count (years, TRUE, &n);

      /* TRANSLATORS: a gap of ten thousand years or more on the timeline; %s is a
       * number of years, maybe in words ("4.5 billion") */
      return g_strdup_printf (ngettext ("%s year later", "%s years later", n), number);
    }
  if (years >= 1)
    return g_strdup_printf (ngettext ("%d year later", "%d years later", (int) years),
                            (int) years);
  if (months >= 1)
    return g_strdup_printf (ngettext ("%d month later", "%d months later", (int) months),
                            (int) months);
  if (days >= 7)
    return g_strdup_printf (ngettext ("%u week later", "%u weeks later", (guint) days / 7),
                            (guint) days / 7);
  return g_strdup_printf (ngettext ("%u day later", "%u days later", (guint) days),
                          (guint) days);
}

static GbTimelineRow *
make_row (GbTimelineModel *self,
          const RowSpec   *spec)
{
  const Entry *entry = spec->index < self->items->len ? get_entry (self, spec->index) : NULL;
  GbItem *item = entry != NULL ? entry->item : NULL;
  GbDate *date = entry != NULL ? entry_get_date (entry) : NULL;
  g_autofree char *label = NULL;
  gboolean under_way = FALSE;

  switch ((GbTimelineRowKind) spec->kind)
    {
    case GB_TIMELINE_ROW_HEADER:
      label = gb_date_format_header (date);
      return gb_timeline_row_new (GB_TIMELINE_ROW_HEADER, item, date, label, 0, FALSE);

    case GB_TIMELINE_ROW_GAP:
      label = gb_timeline_format_gap (spec->from_day, spec->to_day);
      return gb_timeline_row_new (GB_TIMELINE_ROW_GAP, NULL, NULL, label,
                                  (guint) MIN (spec->to_day - spec->from_day, G_MAXUINT),
                                  FALSE);

    case GB_TIMELINE_ROW_TODAY:
      {
        g_autofree char *day = gb_date_format (self->today);

        /* TRANSLATORS: the marker of the reader's date on the timeline */
        label = g_strdup_printf (_("Today, %s"), day);
        return gb_timeline_row_new (GB_TIMELINE_ROW_TODAY, NULL, self->today, label, 0,
                                    FALSE);
      }

    case GB_TIMELINE_ROW_ITEM:
      under_way = gb_date_has_end (date) &&
                  gb_date_part_get_first_day (gb_date_get_start (date)) <= self->today_day &&
                  date_last_day (date) >= self->today_day;
      if (entry->follow_up != NULL)
        return gb_timeline_row_new_follow_up (GB_AGREEMENT (item), entry->follow_up);
      return gb_timeline_row_new (GB_TIMELINE_ROW_ITEM, item, date, NULL, 0, under_way);

    default:
      g_assert_not_reached ();
    }
}

static GType
gb_timeline_model_get_item_type (GListModel *model)
{
  return GB_TYPE_TIMELINE_ROW;
}

static guint
gb_timeline_model_get_n_items (GListModel *model)
{
  GbTimelineModel *self = GB_TIMELINE_MODEL (model);

  return self->specs->len;
}

static gpointer
gb_timeline_model_get_item (GListModel *model,
                            guint       position)
{
  GbTimelineModel *self = GB_TIMELINE_MODEL (model);

  if (position >= self->specs->len)
    return NULL;

  if (g_ptr_array_index (self->rows, position) == NULL)
    g_ptr_array_index (self->rows, position) =
      make_row (self, &g_array_index (self->specs, RowSpec, position));

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gb_timeline_model_get_item_type;
  iface->get_n_items = gb_timeline_model_get_n_items;
  iface->get_item = gb_timeline_model_get_item;
}

static void
gb_timeline_model_dispose (GObject *object)
{
  GbTimelineModel *self = (GbTimelineModel *) object;

  g_clear_object (&self->dossier);
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->items, 0);

  G_OBJECT_CLASS (gb_timeline_model_parent_class)->dispose (object);
}

static void
gb_timeline_model_finalize (GObject *object)
{
  GbTimelineModel *self = (GbTimelineModel *) object;

  g_clear_pointer (&self->today_override, g_date_time_unref);
  g_clear_pointer (&self->today, gb_date_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->specs, g_array_unref);

  G_OBJECT_CLASS (gb_timeline_model_parent_class)->finalize (object);
}

static void
gb_timeline_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GbTimelineModel *self = GB_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      g_value_set_object (value, self->dossier);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_timeline_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GbTimelineModel *self = GB_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_DOSSIER:
      gb_timeline_model_set_dossier (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_timeline_model_class_init (GbTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gb_timeline_model_dispose;
  object_class->finalize = gb_timeline_model_finalize;
  object_class->get_property = gb_timeline_model_get_property;
  object_class->set_property = gb_timeline_model_set_property;

  properties[PROP_DOSSIER] =
    g_param_spec_object ("dossier", NULL, NULL,
                         GB_TYPE_DOSSIER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gb_timeline_model_init (GbTimelineModel *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->items, entry_clear);
  self->rows = g_ptr_array_new_with_free_func (unref_row);
  self->specs = g_array_new (FALSE, FALSE, sizeof (RowSpec));
}

GbTimelineModel *
gb_timeline_model_new (void)
{
  return g_object_new (GB_TYPE_TIMELINE_MODEL, NULL);
}

/**
 * gb_timeline_model_get_dossier:
 *
 * Returns: (transfer none) (nullable): the story shown
 */
GbDossier *
gb_timeline_model_get_dossier (GbTimelineModel *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_MODEL (self), NULL);

  return self->dossier;
}

void
gb_timeline_model_set_dossier (GbTimelineModel *self,
                               GbDossier       *dossier)
{
  g_return_if_fail (GB_IS_TIMELINE_MODEL (self));
  g_return_if_fail (dossier == NULL || GB_IS_DOSSIER (dossier));

  /* The same story again: its edits are followed already. */
  if (self->dossier == dossier)
    return;

  if (self->dossier != NULL)
    {
      g_signal_handlers_disconnect_by_func (gb_dossier_get_events (self->dossier),
                                            items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (gb_dossier_get_agreements (self->dossier),
                                            items_changed_cb, self);
    }

  g_set_object (&self->dossier, dossier);

  /* Agreements bring their periods and follow-ups. */
  if (dossier != NULL)
    {
      g_signal_connect_object (gb_dossier_get_events (dossier), "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gb_dossier_get_agreements (dossier), "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSSIER]);
}

void
gb_timeline_model_set_today (GbTimelineModel *self,
                             GDateTime       *today)
{
  g_return_if_fail (GB_IS_TIMELINE_MODEL (self));

  if (today != NULL)
    g_date_time_ref (today);
  g_clear_pointer (&self->today_override, g_date_time_unref);
  self->today_override = today;

  rebuild (self);
}

guint
gb_timeline_model_get_n_dated (GbTimelineModel *self)
{
  g_return_val_if_fail (GB_IS_TIMELINE_MODEL (self), 0);

  return self->items->len;
}

guint
gb_timeline_model_find_item (GbTimelineModel *self,
                             GbItem          *item)
{
  g_return_val_if_fail (GB_IS_TIMELINE_MODEL (self), G_MAXUINT);

  if (item == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < self->specs->len; i++)
    {
      const RowSpec *spec = &g_array_index (self->specs, RowSpec, i);

      if (spec->kind == GB_TIMELINE_ROW_ITEM && get_entry (self, spec->index)->item == item)
        return i;
    }
  return G_MAXUINT;
}

/* Case- and accent-insensitive form for matching typed text against titles. */
static char *
fold_for_search (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = NULL;
  GString *out;

  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

guint
gb_timeline_model_find_title (GbTimelineModel *self,
                              const char      *prefix,
                              guint            start)
{
  g_autofree char *folded_prefix = NULL;
  guint n;

  g_return_val_if_fail (GB_IS_TIMELINE_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (prefix != NULL, G_MAXUINT);

  n = self->specs->len;
  if (n == 0 || *prefix == '\0')
    return G_MAXUINT;

  folded_prefix = fold_for_search (prefix);
  for (guint k = 0; k < n; k++)
    {
      guint i = (start + k) % n;
      const RowSpec *spec = &g_array_index (self->specs, RowSpec, i);
      const char *title;
      g_autofree char *folded = NULL;

      if (spec->kind != GB_TIMELINE_ROW_ITEM)
        continue;
      title = gb_item_get_title (get_entry (self, spec->index)->item);
      if (title == NULL)
        continue;
      folded = fold_for_search (title);
      if (g_str_has_prefix (folded, folded_prefix))
        return i;
    }
  return G_MAXUINT;
}

guint
gb_timeline_model_find_row (GbTimelineModel *self,
                            GbTimelineRow   *row)
{
  guint position;

  g_return_val_if_fail (GB_IS_TIMELINE_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (GB_IS_TIMELINE_ROW (row), G_MAXUINT);

  if (g_ptr_array_find (self->rows, row, &position))
    return position;
  return G_MAXUINT;
}
