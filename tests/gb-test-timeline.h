/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The story shared by the timeline's model tests and its widget tests. */

#include "gb-dossier.h"
#include "gb-event.h"
#include "gb-place.h"
#include "gb-source.h"

/* A small story built in code, so every row can be asserted. */
typedef struct
{
  const char *id;
  const char *start;
  const char *end;
  const char *zone;
  gboolean    context;
  const char *title;
  const char *place;
} EventSpec;

static const EventSpec story[] = {
  /* deliberately out of order: the dossier sorts */
  { "e-seoul-talks", "2024-11-04T14:00", NULL, "Asia/Seoul", FALSE, "Talks in Seoul", "seoul" },
  { "e-relations", "1992-01-28", NULL, NULL, TRUE, "Relations established", NULL },
  { "e-year", "2024", NULL, NULL, TRUE, "Kazakhstan adopts one time zone", NULL },
  { "e-day", "2024-11-04", NULL, NULL, FALSE, "Arrival", "seoul" },
  { "e-astana", "2024-11-04T09:00+05:00", NULL, NULL, FALSE, "Nurtleu departs Astana", "astana" },
  { "e-next-day", "2024-11-05", NULL, NULL, FALSE, "Business forum", "seoul" },
  { "e-plan", "2025", "2027", NULL, FALSE, "Action Plan", NULL },
};

static inline GbDossier *
build_story (const EventSpec *specs,
             guint            n_specs)
{
  GbDossier *dossier = gb_dossier_new ("test-story");
  g_autoptr(GbSource) article = gb_source_new ("src-article", GB_SOURCE_KIND_ARTICLE);
  g_autoptr(GbSource) context = gb_source_new ("src-context", GB_SOURCE_KIND_CONTEXT);
  g_autoptr(GbPlace) astana = gb_place_new ("astana", GB_PLACE_KIND_CITY, 51.13, 71.43);
  g_autoptr(GbPlace) seoul = gb_place_new ("seoul", GB_PLACE_KIND_CITY, 37.57, 126.98);
  g_autoptr(GbText) title = gb_text_new_plain ("A test story");
  g_autoptr(GbText) astana_name = gb_text_new_plain ("Astana");
  g_autoptr(GbText) seoul_name = gb_text_new_plain ("Seoul");
  g_autoptr(GbText) article_title = gb_text_new_plain ("The article");

  gb_dossier_set_title (dossier, title);
  gb_item_set_title (GB_ITEM (article), article_title);
  gb_source_set_publisher (article, "Ministry");
  gb_item_set_title (GB_ITEM (astana), astana_name);
  gb_item_set_title (GB_ITEM (seoul), seoul_name);
  gb_place_set_timezone (astana, "Asia/Almaty");
  gb_place_set_timezone (seoul, "Asia/Seoul");
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (article)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (context)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (astana)));
  g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (seoul)));

  for (guint i = 0; i < n_specs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDate) date = gb_date_parse (specs[i].start, specs[i].end, specs[i].zone,
                                              &error);
      g_autoptr(GbEvent) event = NULL;
      g_autoptr(GbText) event_title = gb_text_new_plain (specs[i].title);

      g_assert_no_error (error);
      event = gb_event_new (specs[i].id, date);
      gb_item_set_title (GB_ITEM (event), event_title);
      gb_item_set_provenance (GB_ITEM (event), specs[i].context ? context : article,
                              specs[i].context ? NULL : "A sentence of the article.");
      if (specs[i].place != NULL)
        gb_event_add_place (event, GB_PLACE (gb_dossier_lookup (dossier, specs[i].place)));
      g_assert_true (gb_dossier_add_item (dossier, GB_ITEM (event)));
    }

  gb_dossier_seal (dossier);
  return dossier;
}
