/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen-dossier N FILE: writes a valid dossier of N events, for the timeline benchmark.
 * Deterministic: the same N gives the same file. Dates spread over 1900–2030 in every
 * precision, with times in Astana and Seoul, ranges, and one event in five from a
 * context source. */
#define G_LOG_DOMAIN "gen-dossier"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

static void
append_date (GString *out,
             GRand   *rand,
             guint    i,
             guint    n)
{
  /* Events in time order of index, spread evenly, so neighbours share days when n is
   * large and leave gaps when it is small. */
  GDate date;
  guint32 first = 693596;                  /* 1900-01-01 */
  guint32 span = 47847;                    /* to 2030-12-31 */
  guint32 day = first + (guint32) ((guint64) span * i / MAX (n, 1));
  int year, month, mday;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  mday = g_date_get_day (&date);

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
      g_string_append_printf (out, "\"%04d\"", year);
      break;
    case 1:
      g_string_append_printf (out, "\"%04d-%02d\"", year, month);
      break;
    case 2:
      g_string_append_printf (out, "{\"start\": \"%04d\", \"end\": \"%04d\"}", year,
                              MIN (year + g_rand_int_range (rand, 1, 4), 9999));
      break;
    case 3:
      g_string_append_printf (out, "{\"start\": \"%04d-%02d-%02dT%02d:%02d\", "
                              "\"zone\": \"Asia/Seoul\"}", year, month, mday,
                              g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 4) * 15);
      break;
    case 4:
      g_string_append_printf (out, "\"%04d-%02d-%02dT%02d:%02dZ\"", year, month, mday,
                              g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60));
      break;
    default:
      g_string_append_printf (out, "\"%04d-%02d-%02d\"", year, month, mday);
      break;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241104);
  g_autoptr(GString) out = NULL;
  guint64 n;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[1], 10, 0, 10000000, &n, NULL))
    {
      g_printerr ("usage: %s N FILE\n", argv[0]);
      return EXIT_FAILURE;
    }

  out = g_string_sized_new (n * 300 + 4096);
  g_string_append (out,
    "{\n"
    "  \"format\": \"golden-bridge-dossier\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"generated\",\n"
    "  \"title\": \"Generated dossier\",\n"
    "  \"sources\": [\n"
    "    {\"id\": \"src-article\", \"kind\": \"article\", \"title\": \"Generated article\",\n"
    "     \"publisher\": \"gen-dossier\", \"date\": \"2024-11-04\"},\n"
    "    {\"id\": \"src-context\", \"kind\": \"context\", \"title\": \"Generated context\",\n"
    "     \"publisher\": \"gen-dossier\", \"date\": \"2024\"}\n"
    "  ],\n"
    "  \"places\": [\n"
    "    {\"id\": \"astana\", \"name\": \"Astana\", \"kind\": \"city\", \"lat\": 51.1694,\n"
    "     \"lon\": 71.4491, \"timezone\": \"Asia/Almaty\", \"source\": \"src-context\"},\n"
    "    {\"id\": \"seoul\", \"name\": \"Seoul\", \"kind\": \"city\", \"lat\": 37.5665,\n"
    "     \"lon\": 126.978, \"timezone\": \"Asia/Seoul\", \"source\": \"src-context\"}\n"
    "  ],\n"
    "  \"events\": [\n");

  for (guint i = 0; i < n; i++)
    {
      gboolean context = g_rand_int_range (rand, 0, 5) == 0;

      g_string_append_printf (out, "    {\"id\": \"evt-%u\", \"title\": \"Event %u of the "
                              "generated story\", \"date\": ", i, i);
      append_date (out, rand, i, n);
      g_string_append_printf (out, ", \"places\": [\"%s\"], \"source\": \"%s\"",
                              i % 2 ? "seoul" : "astana",
                              context ? "src-context" : "src-article");
      if (!context)
        g_string_append_printf (out, ", \"quote\": \"Sentence %u of the article.\"", i);
      g_string_append_printf (out, "}%s\n", i + 1 < n ? "," : "");
    }
  g_string_append (out, "  ]\n}\n");

  if (!g_file_set_contents (argv[2], out->str, out->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
