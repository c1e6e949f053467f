/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-figure-format"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gb-bidi.h"
#include "gb-figure-format.h"

/* Beyond this, %f would print digits the double doesn't have. */
#define MAX_PLAIN 1e15

static int
decimals_needed (double value)
{
  for (int d = 0; d < 2; d++)
    {
      double scaled = value * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-9 * MAX (1.0, fabs (scaled)))
        return d;
    }

  return 2;
}

/**
 * gb_figure_format_number:
 *
 * Returns: (transfer full): @value with the locale's digit grouping and
 *   decimal mark, and no more than two decimals
 */
char *
gb_figure_format_number (double value)
{
  if (!isfinite (value))
    return g_strdup ("–");

  if (fabs (value) >= MAX_PLAIN)
    return g_strdup_printf ("%.3g", value);

  /* The ' flag groups thousands the way LC_NUMERIC says: "120,000",
   * "120 000", "120.000". */
  return g_strdup_printf ("%'.*f", decimals_needed (value), value);
}

static gboolean
uses_myriads (void)
{
  /* Translators: leave as "thousands" if your language names large numbers
   * in thousands (million, billion); write "myriads" if it names them in
   * ten-thousands, as Korean does (만, 억, 조). Not shown to users. */
  return g_str_equal (C_("number scale", "thousands"), "myriads");
}

/* 6e9 as "60억": ten-thousands (만), hundred-millions (억), trillions (조). */
static char *
format_myriads (double value)
{
  g_autofree char *number = NULL;
  double magnitude = fabs (value);

  if (magnitude >= 1e12 && magnitude < MAX_PLAIN * 1000)
    {
      number = gb_figure_format_number (value / 1e12);
      /* Translators: only for languages that count in myriads: 10¹² (조) */
      return g_strdup_printf (C_("myriads", "%s × 10¹²"), number);
    }

  if (magnitude >= 1e8 && magnitude < 1e12)
    {
      number = gb_figure_format_number (value / 1e8);
      /* Translators: only for languages that count in myriads: 10⁸ (억) */
      return g_strdup_printf (C_("myriads", "%s × 10⁸"), number);
    }

  if (magnitude >= 1e6 && magnitude < 1e8)
    {
      number = gb_figure_format_number (value / 1e4);
      /* Translators: only for languages that count in myriads: 10⁴ (만) */
      return g_strdup_printf (C_("myriads", "%s × 10⁴"), number);
    }

  return gb_figure_format_number (value);
}

/**
 * gb_figure_format_scaled:
 *
 * Returns: (transfer full): @value as gb_figure_format_number() gives it, a
 *   million and more in words: "6 billion" rather than "6,000,000,000"
 */
char *
gb_figure_format_scaled (double value)
{
  g_autofree char *number = NULL;
  double magnitude = fabs (value);
  gulong n;

  if (uses_myriads ())
    return format_myriads (value);

  if (magnitude >= 1e12 && magnitude < MAX_PLAIN * 1000)
    {
      number = gb_figure_format_number (value / 1e12);
      n = (gulong) MIN (fabs (value / 1e12), G_MAXULONG);
      return g_strdup_printf (ngettext ("%s trillion", "%s trillion", n), number);
    }

  if (magnitude >= 1e9 && magnitude < 1e12)
    {
      number = gb_figure_format_number (value / 1e9);
      n = (gulong) fabs (value / 1e9);
      return g_strdup_printf (ngettext ("%s billion", "%s billion", n), number);
    }

  if (magnitude >= 1e6 && magnitude < 1e9)
    {
      number = gb_figure_format_number (value / 1e6);
      n = (gulong) fabs (value / 1e6);
      return g_strdup_printf (ngettext ("%s million", "%s million", n), number);
    }

  return gb_figure_format_number (value);
}

/**
 * gb_figure_format_value:
 * @unit: (nullable): "USD", "years", "people", "rank", "percent", "count" or
 *   any other unit, shown after the number
 *
 * Returns: (transfer full): the figure as a short text to show big
 */
char *
gb_figure_format_value (double             value,
                        const char        *unit,
                        GbFigureQualifier  qualifier)
{
  g_autofree char *number = NULL;
  g_autofree char *with_unit = NULL;
  gulong n;

  if (unit == NULL)
    unit = "count";

  if (!isfinite (value))
    return g_strdup ("–");

  n = (gulong) MIN (fabs (value), (double) G_MAXULONG);

  number = gb_figure_format_scaled (value);

  /* "Over 30 years" is "30+ years": the plus sits on the number. */
  if (qualifier == GB_FIGURE_QUALIFIER_OVER)
    {
      char *plus = g_strdup_printf (C_("figure", "%s+"), number);

      g_free (number);
      number = plus;
    }

  if (g_strcmp0 (unit, "USD") == 0)
    with_unit = g_strdup_printf (C_("figure", "$%s"), number);
  else if (g_strcmp0 (unit, "years") == 0)
    with_unit = g_strdup_printf (ngettext ("%s year", "%s years", n), number);
  else if (g_strcmp0 (unit, "percent") == 0)
    with_unit = g_strdup_printf (C_("figure", "%s%%"), number);
  else if (g_strcmp0 (unit, "people") == 0 || g_strcmp0 (unit, "count") == 0 ||
           g_strcmp0 (unit, "rank") == 0)
    with_unit = g_strdup (number);
  else
    {
      /* An unknown unit from the file, shown as it is written, its direction
       * kept to itself. */
      g_autofree char *isolated = gb_bidi_dup_isolated (unit);

      with_unit = g_strdup_printf (C_("figure", "%s %s"), number, isolated);
    }

  switch (qualifier)
    {
    case GB_FIGURE_QUALIFIER_ABOUT:
      return g_strdup_printf (C_("figure", "about %s"), with_unit);

    case GB_FIGURE_QUALIFIER_MORE_THAN:
      return g_strdup_printf (C_("figure", ">%s"), with_unit);

    case GB_FIGURE_QUALIFIER_TOP:
      return g_strdup_printf (C_("figure", "Top %s"), with_unit);

    case GB_FIGURE_QUALIFIER_OVER:
    case GB_FIGURE_QUALIFIER_EXACT:
    default:
      if (g_strcmp0 (unit, "rank") == 0 && qualifier == GB_FIGURE_QUALIFIER_EXACT)
        return g_strdup_printf (C_("figure", "No. %s"), with_unit);
      return g_steal_pointer (&with_unit);
    }
}

/**
 * gb_figure_format:
 *
 * Returns: (transfer full): @figure's value as a short text to show big
 */
char *
gb_figure_format (GbFigure *figure)
{
  g_return_val_if_fail (GB_IS_FIGURE (figure), NULL);

  return gb_figure_format_value (gb_figure_get_value (figure),
                                 gb_figure_get_unit (figure),
                                 gb_figure_get_qualifier (figure));
}
