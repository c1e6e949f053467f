/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-figure-format"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "gb-figure-format.h"

typedef struct
{
  double             value;
  const char        *unit;
  GbFigureQualifier  qualifier;
  const char        *c_locale;
  const char        *en_locale;
} FigureCase;

static const FigureCase figure_cases[] = {
  { 6e9, "USD", GB_FIGURE_QUALIFIER_EXACT, "$6 billion", "$6 billion" },
  { 120000, "people", GB_FIGURE_QUALIFIER_EXACT, "120000", "120,000" },
  { 30, "years", GB_FIGURE_QUALIFIER_OVER, "30+ years", "30+ years" },
  { 1, "years", GB_FIGURE_QUALIFIER_EXACT, "1 year", "1 year" },
  { 5, "rank", GB_FIGURE_QUALIFIER_TOP, "Top 5", "Top 5" },
  { 3, "rank", GB_FIGURE_QUALIFIER_EXACT, "No. 3", "No. 3" },
  { 50, "percent", GB_FIGURE_QUALIFIER_MORE_THAN, ">50%", ">50%" },
  { 12.5, "percent", GB_FIGURE_QUALIFIER_ABOUT, "about 12.5%", "about 12.5%" },
  { 1.5e6, "count", GB_FIGURE_QUALIFIER_EXACT, "1.5 million", "1.5 million" },
  { 2500, "tonnes", GB_FIGURE_QUALIFIER_EXACT, "2500 tonnes", "2,500 tonnes" },
  { -1234567.891, "count", GB_FIGURE_QUALIFIER_EXACT, "-1.23 million", "-1.23 million" },
  { 1e300, "USD", GB_FIGURE_QUALIFIER_EXACT, "$1e+300", "$1e+300" },
};

/* Korean counts large numbers in myriads: $6 billion is 60억 달러. Runs the
 * built Korean translation, so it also checks the translator's choice. */
static void
test_figure_format_myriads (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *billions = NULL;
  g_autofree char *millions = NULL;
  g_autofree char *plain = NULL;

  if (setlocale (LC_ALL, "ko_KR.UTF-8") == NULL)
    {
      g_test_skip ("the ko_KR.UTF-8 locale is not installed (Debian: locales-all)");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  billions = gb_figure_format_value (6e9, "USD", GB_FIGURE_QUALIFIER_EXACT);
  millions = gb_figure_format_value (1.5e6, "count", GB_FIGURE_QUALIFIER_EXACT);
  plain = gb_figure_format_value (120000, "people", GB_FIGURE_QUALIFIER_EXACT);

  textdomain ("messages");
  setlocale (LC_ALL, old);

  g_assert_cmpstr (billions, ==, "60억 달러");
  g_assert_cmpstr (millions, ==, "150만");
  g_assert_cmpstr (plain, ==, "120,000");
}

static void
test_figure_format (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  gboolean have_en = setlocale (LC_NUMERIC, "en_US.UTF-8") != NULL;

  setlocale (LC_NUMERIC, "C");
  for (guint i = 0; i < G_N_ELEMENTS (figure_cases); i++)
    {
      const FigureCase *fc = &figure_cases[i];
      g_autofree char *text = gb_figure_format_value (fc->value, fc->unit, fc->qualifier);

      g_assert_cmpstr (text, ==, fc->c_locale);
    }

  if (have_en)
    {
      setlocale (LC_NUMERIC, "en_US.UTF-8");
      for (guint i = 0; i < G_N_ELEMENTS (figure_cases); i++)
        {
          const FigureCase *fc = &figure_cases[i];
          g_autofree char *text = gb_figure_format_value (fc->value, fc->unit, fc->qualifier);

          g_assert_cmpstr (text, ==, fc->en_locale);
        }
    }
  else
    g_test_message ("en_US.UTF-8 is not installed; grouping not checked");

  setlocale (LC_NUMERIC, old);
}

/* A unit the app does not know is shown as the file writes it, after the
 * number, and its direction controls stay inside it. */
static void
test_figure_format_isolates_unit (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *plain = NULL;
  g_autofree char *evil = NULL;

  setlocale (LC_NUMERIC, "C");
  plain = gb_figure_format_value (40, "flights a week", GB_FIGURE_QUALIFIER_EXACT);
  evil = gb_figure_format_value (40, "\u202Ekeew a", GB_FIGURE_QUALIFIER_MORE_THAN);
  setlocale (LC_NUMERIC, old);

  g_assert_cmpstr (plain, ==, "40 flights a week");
  g_assert_cmpstr (evil, ==, ">40 \u2068\u202Ekeew a\u2069");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure-format/values", test_figure_format);
  g_test_add_func ("/figure-format/myriads", test_figure_format_myriads);
  g_test_add_func ("/figure-format/isolates-unit", test_figure_format_isolates_unit);

  return g_test_run ();
}
