/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-filter"

#include "config.h"

#include "gb-filter.h"
#include "gb-model-private.h"

static gboolean
has_party (GbAgreement *agreement,
           GbItem      *party)
{
  GPtrArray *parties = gb_agreement_get_parties (agreement);

  for (guint i = 0; i < parties->len; i++)
    if (parties->pdata[i] == (gpointer) party)
      return TRUE;

  return FALSE;
}

/**
 * gb_agreement_filter_match:
 *
 * Returns: %TRUE if @agreement passes every criterion of @filter
 */
gboolean
gb_agreement_filter_match (const GbAgreementFilter *filter,
                           GbAgreement             *agreement)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (GB_IS_AGREEMENT (agreement), FALSE);

  if (filter->kind != GB_FILTER_ANY &&
      (int) gb_agreement_get_agreement_kind (agreement) != filter->kind)
    return FALSE;

  if (filter->status != GB_FILTER_ANY &&
      (int) gb_agreement_get_current_status (agreement) != filter->status)
    return FALSE;

  if (filter->party != NULL && !has_party (agreement, filter->party))
    return FALSE;

  return TRUE;
}

/**
 * gb_agreement_filter_count:
 * @agreements: a #GListModel of #GbAgreement
 *
 * Returns: how many of @agreements pass @filter
 */
guint
gb_agreement_filter_count (const GbAgreementFilter *filter,
                           GListModel              *agreements)
{
  guint n, count = 0;

  g_return_val_if_fail (filter != NULL, 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (agreements), 0);

  n = g_list_model_get_n_items (agreements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GbAgreement) agreement = g_list_model_get_item (agreements, i);

      if (gb_agreement_filter_match (filter, agreement))
        count++;
    }

  return count;
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  GbItem *ia = *(GbItem * const *) a;
  GbItem *ib = *(GbItem * const *) b;
  g_autofree char *ka = g_utf8_collate_key (gb_item_get_title (ia), -1);
  g_autofree char *kb = g_utf8_collate_key (gb_item_get_title (ib), -1);

  return g_strcmp0 (ka, kb);
}

/**
 * gb_agreement_filter_dup_parties:
 * @agreements: a #GListModel of #GbAgreement
 *
 * Returns: (transfer full) (element-type GbItem): every party of
 *   @agreements once, sorted by name
 */
GPtrArray *
gb_agreement_filter_dup_parties (GListModel *agreements)
{
  GPtrArray *out = gb_object_array_new ();
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (agreements), out);

  n = g_list_model_get_n_items (agreements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GbAgreement) agreement = g_list_model_get_item (agreements, i);
      GPtrArray *parties = gb_agreement_get_parties (agreement);

      for (guint p = 0; p < parties->len; p++)
        if (!g_ptr_array_find (out, parties->pdata[p], NULL))
          g_ptr_array_add (out, g_object_ref (parties->pdata[p]));
    }

  g_ptr_array_sort (out, compare_titles);

  return out;
}
