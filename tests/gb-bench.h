/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the benchmarks share: reading a child's NAME=VALUE output, sorting figures. */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

static inline gboolean
gb_bench_find_field (const char *output,
                     const char *name,
                     double     *value)
{
  g_autofree char *key = g_strconcat (name, "=", NULL);
  const char *at = strstr (output, key);

  if (at == NULL)
    return FALSE;
  *value = g_ascii_strtod (at + strlen (key), NULL);
  return TRUE;
}

static inline int
gb_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

G_END_DECLS
