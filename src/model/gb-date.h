/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-model-enums.h"
#include "gb-types.h"

G_BEGIN_DECLS

#define GB_TYPE_DATE (gb_date_get_type ())
#define GB_DATE_ERROR (gb_date_error_quark ())

typedef enum
{
  GB_DATE_ERROR_SYNTAX,
  GB_DATE_ERROR_RANGE,
  GB_DATE_ERROR_ZONE,
  GB_DATE_ERROR_ORDER,
} GbDateError;

/* Years are astronomical, in the proleptic Gregorian calendar: year 0 is 1 BC,
 * year -499 is 500 BC. A time of day needs a year from 1 to 9999, the years
 * GDateTime holds. */
#define GB_DATE_YEAR_MIN      G_GINT64_CONSTANT (-99999999999)
#define GB_DATE_YEAR_MIN_TEXT "-99999999999"
#define GB_DATE_YEAR_MAX      9999

/* One end of a date: only the fields down to @precision are meaningful.
 * A minute-precision part always has its UTC offset. */
typedef struct
{
  GbDatePrecision precision;
  gint64          year;
  int             month;
  int             day;
  int             hour;
  int             minute;
  int             utc_offset;   /* seconds east of UTC, for minute precision */
  int             second;       /* 0 unless written ("T14:00:30"); precision stays minute */
} GbDatePart;

GQuark           gb_date_error_quark          (void);
GType            gb_date_get_type             (void) G_GNUC_CONST;
GbDate          *gb_date_parse                (const char    *start,
                                               const char    *end,
                                               const char    *zone,
                                               GError       **error);
GbDate          *gb_date_ref                  (GbDate        *date);
void             gb_date_unref                (GbDate        *date);
const GbDatePart *gb_date_get_start           (const GbDate  *date);
const GbDatePart *gb_date_get_end             (const GbDate  *date);
gboolean         gb_date_has_end              (const GbDate  *date);
GbDatePrecision  gb_date_get_precision        (const GbDate  *date);
const char      *gb_date_get_zone             (const GbDate  *date);
GDateTime       *gb_date_part_to_date_time    (const GbDatePart *part);
GDateTime       *gb_date_part_to_date_time_in (const GbDatePart *part,
                                               GTimeZone        *zone);
gint64           gb_date_part_to_unix         (const GbDatePart *part);
int              gb_date_compare              (const GbDate  *a,
                                               const GbDate  *b);
char            *gb_date_format               (const GbDate  *date);
char            *gb_date_part_format          (const GbDatePart *part,
                                               const char       *zone);
char            *gb_date_to_string            (const GbDate  *date);
char            *gb_date_part_to_string       (const GbDatePart *part);
/* Day numbers (0001-01-01 is 1, as GDate's Julian days; 0 and below before it) of the
 * first and last local day covered. */
gint64           gb_date_part_get_first_day   (const GbDatePart *part);
gint64           gb_date_part_get_last_day    (const GbDatePart *part);
int              gb_date_days_in_month        (gint64            year,
                                               int               month);
void             gb_date_part_set_day         (GbDatePart       *part,
                                               gint64            day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GbDate, gb_date_unref)

G_END_DECLS
