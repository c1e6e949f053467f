/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-import.h"
#include "gb-source.h"

/* The TimelineJS spreadsheet importer (src/io/gb-import-csv.c): RFC 4180,
 * the template's columns, and problems named by row and column. */

#define HEADER "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline," \
               "Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n"

static GbDossier *
load (const char  *csv,
      gssize       length,
      const char  *name,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, length >= 0 ? (gsize) length : strlen (csv));

  return gb_dossier_load_bytes (bytes, name, error);
}

static GbDossier *
load_ok (const char *csv)
{
  g_autoptr(GError) error = NULL;
  GbDossier *dossier = load (csv, -1, "t.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  g_assert_cmpstr (gb_dossier_get_origin (dossier), ==, GB_TIMELINEJS_CSV_FORMAT_NAME);
  return dossier;
}

/* The sheet is refused with @message; or, when the problem is a row's and
 * another row is readable, it opens and says it left that row out. */
static void
assert_refused (const char *csv,
                gssize      length,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load (csv, length, "t.csv", &error);
  const char *said;

  if (dossier != NULL)
    {
      g_assert_cmpuint (gb_dossier_get_skipped (dossier, &said), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), >, 0);
    }
  else
    {
      g_assert_error (error, GB_LOAD_ERROR, error->code);
      said = error->message;
    }
  if (strstr (said, message) == NULL)
    g_error ("expected “%s” in: %s", message, said);
  g_assert_true (g_utf8_validate (said, -1, NULL));
}

static GbItem *
event_at (GbDossier *dossier,
          guint      index)
{
  g_autofree char *id = g_strdup_printf ("event-%u", index);
  GbItem *item = gb_dossier_lookup (dossier, id);

  g_assert_nonnull (item);
  return item;
}

static void
assert_date (GbItem     *item,
             const char *expected)
{
  g_autofree char *date = gb_date_to_string (gb_item_get_date (item));
  g_auto(GStrv) ends = g_strsplit (expected, "/", 2);
  g_autofree char *json = NULL;

  /* "1815-12-10/1852-11-27" as gb_date_to_string() writes it */
  if (ends[1] != NULL)
    json = g_strdup_printf ("{\"start\": \"%s\", \"end\": \"%s\"}", ends[0], ends[1]);
  else
    json = g_strdup (expected);
  if (g_strcmp0 (date, json) != 0 &&
      !(date[0] == '"' && strncmp (date + 1, json, strlen (json)) == 0))
    g_error ("date %s, not %s", date, json);
}

/* Knight Lab's own template, as Google Sheets saves it. */
static void
test_template (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import",
                                                 "TimelineJS3_my-own-timeline.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = gb_dossier_load_file (file, NULL, &error);
  GbItem *ada, *eniac, *edith;
  GbSource *media;

  g_assert_no_error (error);
  g_assert_cmpstr (gb_dossier_get_origin (dossier), ==, GB_TIMELINEJS_CSV_FORMAT_NAME);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "MY OWN CSV");
  g_assert_nonnull (strstr (gb_dossier_get_summary (dossier), "In this sample timeline, we'll"));
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), ==, 10);

  ada = event_at (dossier, 0);
  g_assert_cmpstr (gb_item_get_title (ada), ==, "Ada Lovelace");
  assert_date (ada, "1815-12-10/1852-11-27");
  g_assert_nonnull (strstr (gb_item_get_description (ada), "This slide demonstrates a simple "
                                                            "\"image\" media type."));
  media = GB_SOURCE (gb_dossier_lookup (dossier, "media-1"));
  g_assert_cmpstr (gb_item_get_title (GB_ITEM (media)), ==, "Portrait by Alfred Edward Chalon");
  g_assert_cmpstr (gb_source_get_publisher (media), ==, "Wikimedia Commons");
  g_assert_true (g_str_has_prefix (gb_source_get_url (media), "https://upload.wikimedia.org/"));

  /* An embedded quotation in the Media column: its words, no link. */
  edith = event_at (dossier, 1);
  g_assert_nonnull (strstr (gb_item_get_description (edith), "There is no demand for women"));

  /* A month to a year; a newline inside a quoted cell. */
  eniac = event_at (dossier, 2);
  assert_date (eniac, "1943-07/1946");
  g_assert_nonnull (strstr (gb_item_get_description (eniac), "ENIAC Women."));
  assert_date (event_at (dossier, 4), "1951");
  g_assert_cmpint (gb_date_get_precision (gb_item_get_date (event_at (dossier, 4))), ==,
                   GB_DATE_PRECISION_YEAR);
  g_assert_cmpstr (gb_item_get_title (event_at (dossier, 9)), ==, "\"The Mother of the Internet\"");
}

/* Quotes, doubled quotes, commas and newlines in cells; CRLF, LF or CR; a
 * BOM or none: the same story. */
static void
test_quoting (void)
{
  static const char *variants[] = {
    "Year,Headline,Text\r\n2024,\"A \"\"quoted\"\", title\",\"one, two\r\nthree\"\r\n",
    "Year,Headline,Text\n2024,\"A \"\"quoted\"\", title\",\"one, two\nthree\"\n",
    "Year,Headline,Text\r2024,\"A \"\"quoted\"\", title\",\"one, two\nthree\"",
    "\xef\xbb\xbfYear,Headline,Text\r\n2024,\"A \"\"quoted\"\", title\",\"one, two\nthree\"\r\n",
    " year ,HEADLINE,text\n2024,\"A \"\"quoted\"\", title\",\"one, two\nthree\"\n\n,,\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GbDossier) dossier = load_ok (variants[i]);
      GbItem *event = event_at (dossier, 0);

      g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), ==, 1);
      g_assert_cmpstr (gb_item_get_title (event), ==, "A \"quoted\", title");
      /* The cell's text is HTML: its newline is a space, as a browser shows it. */
      g_assert_nonnull (strstr (gb_item_get_description (event), "one, two three"));
      assert_date (event, "2024");
    }
}

/* Only Year and Headline are required; unknown columns are noted. */
static void
test_columns (void)
{
  g_autoptr(GbDossier) dossier = load_ok ("Headline,Notes,Year\nOnly two,ignored,1990\n");
  GbSource *file = GB_SOURCE (gb_dossier_lookup (dossier, "file"));

  g_assert_cmpstr (gb_item_get_title (event_at (dossier, 0)), ==, "Only two");
  assert_date (event_at (dossier, 0), "1990");
  g_assert_nonnull (strstr (gb_item_get_description (GB_ITEM (file)),
                            "columns that TimelineJS does not read were left out: Notes."));

  assert_refused ("Year,Text\n1990,x\n", -1, "t.csv:1:1: row 1: the sheet has no Headline column");
  assert_refused ("Month,Headline\n1,x\n", -1, "t.csv:1:1: row 1: the sheet has no Year column");
  assert_refused ("Start Date,Headline\n1990,x\n", -1, "older template with Start Date");
  assert_refused ("Year,Headline,year\n1990,x,1\n", -1,
                  "t.csv:1:15: row 1, column 3: the column Year is there twice, also as column 1");
  assert_refused ("", 0, "t.csv: the file is empty");
}

typedef struct
{
  const char *name;
  const char *csv;
  gssize      length;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  /* A row without a year, after a cell with a newline: row 3 is on line 4
   * (left out; the sheet opens with row 2). */
  { "no-year", HEADER "2024,,,,,,,,,First,\"two\nlines\"\r\n,5,,,,,,,,No year\r\n", -1,
    "t.csv:4:1: row 3, Year: is missing" },
  { "bad-month", "Year,Month,Headline\n2024,13,x\n", -1,
    "t.csv:2:6: row 2, Month: there is no month 13" },
  { "bad-year", "Headline,Year\nx,1815a\n", -1,
    "t.csv:2:3: row 2, Year: “1815a” is not a number" },
  { "bad-time", "Year,Month,Day,Time,Headline\n2024,1,2,noon,x\n", -1,
    "t.csv:2:10: row 2, Time: “noon” is not a time of day" },
  { "bad-hour", "Year,Month,Day,Time,Headline\n2024,1,2,25:00,x\n", -1,
    "t.csv:2:10: row 2, Time: hours run from 0 to 23" },
  { "end-before-start", "Year,End Year,Headline\n2024,2020,x\n", -1,
    "t.csv:2:6: row 2, End Year: the end (2020) is before the start (2024)" },
  { "unclosed-quote", "Year,Headline\n2024,\"open\n", -1,
    "t.csv:2:6: row 2, Headline: the quotation mark that opens this cell is never closed" },
  { "text-after-quote", "Year,Headline\n2024,\"a\"b\n", -1,
    "t.csv:2:9: row 2, Headline: after the quotation mark that closes a cell" },
  { "invalid-utf8", "Year,Headline\n2024,ab\xff\n", -1,
    "t.csv:2:8: row 2, Headline: is not valid UTF-8 text" },
  { "nul", "Year,Headline\n2024,a\0b\n", 23, "t.csv:2:7: row 2, Headline: holds a NUL byte" },
  { "utf16", "\xff\xfeY\0e\0", 6, "t.csv:1:1: the file is UTF-16 text" },
};

static void
test_refusal (gconstpointer data)
{
  const Refusal *r = data;

  assert_refused (r->csv, r->length, r->message);
}

/* Cells and rows past the caps are refused, not read on. */
static void
test_caps (void)
{
  g_autoptr(GString) csv = g_string_new ("Year,Headline\n2024,");
  g_autoptr(GString) wide = g_string_new ("Year,Headline");

  for (guint i = 0; i <= GB_CSV_MAX_FIELD_LENGTH; i++)
    g_string_append_c (csv, 'x');
  assert_refused (csv->str, csv->len, "row 2, Headline: the cell holds more than");

  /* A million empty rows are no rows. */
  {
    g_autoptr(GString) blank = g_string_new ("Year,Headline\n1990,x\n");
    g_autoptr(GbDossier) dossier = NULL;

    for (guint i = 0; i < 1000000; i++)
      g_string_append (blank, ",\n");
    dossier = load_ok (blank->str);
    g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), ==, 1);
  }

  for (guint i = 0; i < GB_CSV_MAX_COLUMNS; i++)
    g_string_append_c (wide, ',');
  assert_refused (wide->str, wide->len, "row 1, column 257: the row has more than 256 columns");
}

static void
test_many_rows (void)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GbDossier) dossier = NULL;
  gint64 start = g_get_monotonic_time ();

  g_string_append (csv, ",,,,,,,,,Ten thousand,,,,,,title,,\r\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (csv, "%u,%u,%u,,,,,,,\"Event %u, of many\",<p>Text %u</p>,,,,,,G,\r\n",
                            1000 + i % 1000, 1 + i % 12, 1 + i % 28, i, i);
  dossier = load_ok (csv->str);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), ==, 10000);
  g_assert_cmpstr (gb_item_get_title (event_at (dossier, 9999)), ==, "Event 9999, of many");
  assert_date (event_at (dossier, 9999), "1999-04-04");
  g_test_message ("10,000 rows in %.2f s", (g_get_monotonic_time () - start) / 1e6);
}

/* HTML in the Text column is read as HTML and kept as plain text: nothing
 * of it is live, and escaped markup comes out as the characters it is. */
static void
test_hostile_html (void)
{
  g_autoptr(GbDossier) dossier = load_ok (
    "Year,Headline,Text,Media\n"
    "2024,\"<img src=x onerror=alert(1)>&lt;b&gt;Bold&lt;/b&gt;\","
    "\"<script>alert('x')</script><p onclick=\"\"evil()\"\">One &amp; two</p>"
    "<style>p{}</style>&lt;script&gt;\",javascript:alert(1)\n");
  GbItem *event = event_at (dossier, 0);
  const char *description = gb_item_get_description (event);

  g_assert_cmpstr (gb_item_get_title (event), ==, "<b>Bold</b>");
  g_assert_nonnull (strstr (description, "One & two"));
  g_assert_nonnull (strstr (description, "<script>"));
  g_assert_null (strstr (description, "alert"));
  g_assert_null (strstr (description, "evil"));
  g_assert_null (strstr (description, "p{}"));
  /* A javascript: link is no link. */
  g_assert_null (gb_dossier_lookup (dossier, "media-1"));
}

/* Title and era rows; the times of the Time columns, in their forms. */
static void
test_rows (void)
{
  g_autoptr(GbDossier) dossier = load_ok (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline,Text,Type,Group\n"
    ",,,,,,,,The story,<p>Its summary</p>,Title,\n"
    "2024,11,5,2:30 PM,2024,11,5,1600,Meeting,,,Talks\n"
    "2024,11,6,9,,,,,Morning,,,\n"
    "1990,,,,2000,,,,The nineties,,era,\n");
  GbItem *meeting = event_at (dossier, 0);
  GbItem *era = gb_dossier_lookup (dossier, "era-0");

  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "The story");
  g_assert_cmpstr (gb_dossier_get_summary (dossier), ==, "Its summary");
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (dossier)), ==, 3);
  assert_date (meeting, "2024-11-05/2024-11-05");
  g_assert_nonnull (strstr (gb_item_get_description (meeting), "Group: Talks"));
  g_assert_nonnull (strstr (gb_item_get_description (meeting), "the times 14:30 and 16:00"));
  g_assert_nonnull (strstr (gb_item_get_description (event_at (dossier, 1)), "the time 09:00"));
  g_assert_nonnull (era);
  assert_date (era, "1990/2000");
  g_assert_true (gb_item_is_context (era));
}

static void
test_sniff (void)
{
  g_assert_true (gb_import_csv_sniff ("", 0, "story.CSV"));
  g_assert_true (gb_import_csv_sniff ("Year,Month,Headline\n", 20, "story"));
  g_assert_true (gb_import_csv_sniff ("\xef\xbb\xbf\"Year\",\"Headline\"\r\n", 23, NULL));
  g_assert_false (gb_import_csv_sniff ("{\"events\": []}", 14, "story.json"));
  g_assert_false (gb_import_csv_sniff ("This is not JSON at all.\n", 25, "story"));
  g_assert_false (gb_import_csv_sniff ("Yearly,Headline\n", 16, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-csv/template", test_template);
  g_test_add_func ("/import-csv/quoting", test_quoting);
  g_test_add_func ("/import-csv/columns", test_columns);
  g_test_add_func ("/import-csv/caps", test_caps);
  g_test_add_func ("/import-csv/many-rows", test_many_rows);
  g_test_add_func ("/import-csv/hostile-html", test_hostile_html);
  g_test_add_func ("/import-csv/rows", test_rows);
  g_test_add_func ("/import-csv/sniff", test_sniff);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import-csv/refuse/%s", refusals[i].name);

      g_test_add_data_func (path, &refusals[i], test_refusal);
    }

  return g_test_run ();
}
