/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The columns of Knight Lab's Google Sheets template for TimelineJS, in the
 * template's order: the CSV importer and writer share them. */
typedef enum
{
  GB_CSV_COL_YEAR,
  GB_CSV_COL_MONTH,
  GB_CSV_COL_DAY,
  GB_CSV_COL_TIME,
  GB_CSV_COL_END_YEAR,
  GB_CSV_COL_END_MONTH,
  GB_CSV_COL_END_DAY,
  GB_CSV_COL_END_TIME,
  GB_CSV_COL_DISPLAY_DATE,
  GB_CSV_COL_HEADLINE,
  GB_CSV_COL_TEXT,
  GB_CSV_COL_MEDIA,
  GB_CSV_COL_MEDIA_CREDIT,
  GB_CSV_COL_MEDIA_CAPTION,
  GB_CSV_COL_MEDIA_THUMBNAIL,
  GB_CSV_COL_TYPE,
  GB_CSV_COL_GROUP,
  GB_CSV_COL_BACKGROUND,
  GB_CSV_N_COLS,
  GB_CSV_COL_NONE = -1,
} GbCsvColumn;

/* As the template's first row writes them: "Year", "End Year", … */
extern const char * const gb_csv_column_names[GB_CSV_N_COLS];

G_END_DECLS
