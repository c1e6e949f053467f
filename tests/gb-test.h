/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers every test program may use: GLib only, no display. */

#include <glib.h>

/* Adds one test per row of a table of @n_rows rows of @row_size bytes,
 * each row starting with its name (a const char *), at @prefix/<name>;
 * @func gets the row. Use gb_test_add_cases(). */
static inline void
gb_test_add_table (const char    *prefix,
                   gconstpointer  table,
                   gsize          n_rows,
                   gsize          row_size,
                   GTestDataFunc  func)
{
  for (gsize i = 0; i < n_rows; i++)
    {
      gconstpointer row = (const char *) table + i * row_size;
      g_autofree char *path = g_strconcat (prefix, "/", *(const char * const *) row, NULL);

      g_test_add_data_func (path, row, func);
    }
}

/* gb_test_add_cases ("/geodesic/inverse", inverse_cases, test_inverse_case) */
#define gb_test_add_cases(prefix, cases, func) \
  gb_test_add_table ((prefix), (cases), G_N_ELEMENTS (cases), sizeof ((cases)[0]), (func))
