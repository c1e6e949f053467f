/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-date.h"

G_BEGIN_DECLS

/* Locale-aware display of dates. Month names and word order follow the LC_TIME
 * locale (GLib's g_date_time_format()); times show in the zone of the data, never
 * the machine's. gb_date_format() and gb_date_part_format() are declared in
 * gb-date.h and implemented here. */

/* Caps a date at day precision: what a timeline header shows ("4 November 2024",
 * "May 2009", "2025–2027"). */
char       *gb_date_format_header          (const GbDate     *date);
/* "14:00 KST" for a time of day, in the date's zone (or its own offset). NULL for
 * coarser dates. */
char       *gb_date_format_time            (const GbDate     *date);
/* The start's moment shown in @zone: "19:00 KST". NULL for coarser dates. */
char       *gb_date_format_time_in_zone    (const GbDate     *date,
                                            GTimeZone        *zone);
/* The date in words for screen readers: "from 2025 to 2027", "4 November 2024,
 * 14:00 KST". */
char       *gb_date_format_words           (const GbDate     *date);
/* A number of years: "32", "315,000", "4.5 billion" (see the doc comment). */
char       *gb_date_format_year_count      (gint64            years,
                                            gboolean          about,
                                            gulong           *count);
/* "KST", or "UTC+5" where the zone database has only a number ("+05"). */
char       *gb_date_time_zone_label        (GDateTime        *date_time);

G_END_DECLS
