/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-html-text.h"
#include "gb-import.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-source.h"
#include "gb-test-load.h"

/* The TimelineJS 3 and StoryMapJS importers, and the HTML they bring. */

#define load_fixture(name, error) gb_test_load_fixture_file ("import", (name), (error))

static guint
count (GbDossier  *dossier,
       GbItemKind  kind)
{
  return g_list_model_get_n_items (gb_dossier_get_items_of_kind (dossier, kind));
}

static GbItem *
find_titled (GbDossier  *dossier,
             GbItemKind  kind,
             const char *title)
{
  GListModel *list = gb_dossier_get_items_of_kind (dossier, kind);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GbItem) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (gb_item_get_title (item), title) == 0)
        return item;   /* the dossier holds it */
    }

  g_error ("no item titled “%s”", title);
  return NULL;
}

static void
assert_date (GbItem          *item,
             GbDatePrecision  precision,
             gint64           year,
             int              month,
             int              day)
{
  const GbDatePart *start = gb_date_get_start (gb_item_get_date (item));

  g_assert_cmpint (gb_date_get_precision (gb_item_get_date (item)), ==, precision);
  g_assert_cmpint (start->year, ==, year);
  if (precision >= GB_DATE_PRECISION_MONTH)
    g_assert_cmpint (start->month, ==, month);
  if (precision >= GB_DATE_PRECISION_DAY)
    g_assert_cmpint (start->day, ==, day);
}

static void
assert_end_year (GbItem *item,
                 gint64  year)
{
  g_assert_true (gb_date_has_end (gb_item_get_date (item)));
  g_assert_cmpint (gb_date_get_end (gb_item_get_date (item))->year, ==, year);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” not in “%s”", part, text);
}

static void
assert_no_markup (const char *text)
{
  if (text != NULL && strchr (text, '<') != NULL)
    g_error ("markup left in “%s”", text);
}

/* Whatever came from HTML is plain now, and every item rests on a source of
 * the dossier: the file (with a quote) or, for eras and the routes of the
 * slides' order, a context source. */
static void
check_items (GbDossier *dossier)
{
  assert_no_markup (gb_dossier_get_title (dossier));
  assert_no_markup (gb_dossier_get_summary (dossier));

  for (GbItemKind kind = GB_ITEM_KIND_SOURCE; kind <= GB_ITEM_KIND_ORGANISATION; kind++)
    {
      GListModel *list = gb_dossier_get_items_of_kind (dossier, kind);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GbItem) item = g_list_model_get_item (list, i);
          GbSource *source = gb_item_get_source (item);

          assert_no_markup (gb_item_get_title (item));
          assert_no_markup (gb_item_get_description (item));
          assert_no_markup (gb_item_get_quote (item));
          g_assert_true (g_utf8_validate (gb_item_get_title (item), -1, NULL));

          if (kind == GB_ITEM_KIND_SOURCE)
            {
              const char *url = gb_source_get_url (GB_SOURCE (item));

              assert_no_markup (gb_source_get_publisher (GB_SOURCE (item)));
              if (url != NULL)
                g_assert_true (g_str_has_prefix (url, "https://") ||
                               g_str_has_prefix (url, "http://"));
              continue;
            }

          g_assert_nonnull (source);
          g_assert_true (gb_dossier_lookup (dossier, gb_item_get_id (GB_ITEM (source))) ==
                         GB_ITEM (source));
          if (gb_source_get_source_kind (source) == GB_SOURCE_KIND_ARTICLE)
            {
              g_assert_cmpstr (gb_item_get_id (GB_ITEM (source)), ==, "file");
              g_assert_false (gb_item_is_context (item));
              g_assert_nonnull (gb_item_get_quote (item));
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* HTML to text                                                             */

typedef struct
{
  const char *html;
  const char *text;
  const char *line;   /* NULL: as text */
} HtmlCase;

static const HtmlCase html_cases[] = {
  { "plain", "plain", NULL },
  { "", "", NULL },
  { "<p>One.</p><p>Two.</p>", "One.\n\nTwo.", "One. — Two." },
  { "a<br>b<br/><br >c", "a\nb\n\nc", "a — b — c" },
  { "Whitney Houston<br/> 1963 - 2012", "Whitney Houston\n1963 - 2012",
    "Whitney Houston — 1963 - 2012" },
  { "<ul><li>one</li><li>two</li></ul>", "one\ntwo", "one — two" },
  { "  lots \t of\n\n  space  ", "lots of space", NULL },
  { "<span class='vco-note'>note</span> <b>bold</b>", "note bold", NULL },
  { "&lt;b&gt; &amp; &quot;q&quot; &apos;", "<b> & \"q\" '", NULL },
  { "&eacute;t&eacute; &Uuml; &szlig; &copy; &euro; &hellip;", "été Ü ß © € …", NULL },
  { "2013 &nbsp;to 2014", "2013 to 2014", NULL },
  { "&#8212; &#x2014; &#X2014; &#65", "— — — A", NULL },
  { "&#150;&#146;", "–’", NULL },
  { "&#0;&#xD800;&#1114112;&#99999999999999;", "\ufffd\ufffd\ufffd\ufffd", NULL },
  { "AT&T &unknown; & &#; &#x;", "AT&T &unknown; & &#; &#x;", NULL },
  { "a < b, c<3", "a < b, c<3", NULL },
  { "x</>y</ z>w", "xyw", NULL },
  { "<a href='x>y' title=\"q>r\">link</a>", "link", NULL },
  { "<a title=it's>x</a>", "x", NULL },
  { "<script>alert('<b>')</script>ok<style>p{}</style>", "ok", NULL },
  { "<SCRIPT>x</ScRiPt >ok", "ok", NULL },
  { "<!-- <p>hidden</p> -->shown<!-- unterminated", "shown", NULL },
  { "<!DOCTYPE html><?xml x?>text", "text", NULL },
  { "text<b", "text", NULL },
  { "<a href=\"never closed>x", "", NULL },
  { "x\x01y\x7f\xc2\x85z", "xyz", NULL },
  { "soft\xc2\xadhyphen", "softhyphen", NULL },
  { "<blockquote>Quote <cite>Who</cite></blockquote>after", "Quote Who\n\nafter",
    "Quote Who — after" },
  { "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc", "a b — c" },
  { "<p>&lt;script&gt;</p>", "<script>", NULL },
  /* A headline's <small> is its subtitle (StoryMapJS's own demo). */
  { "Expansion <small>Mean center</small>", "Expansion Mean center", "Expansion — Mean center" },
  { "<small>only</small>", "only", NULL },
};

static void
test_html_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (html_cases); i++)
    {
      const HtmlCase *c = &html_cases[i];
      g_autofree char *text = gb_html_to_text (c->html);
      g_autofree char *line = gb_html_to_line (c->html);

      g_test_message ("%s", c->html);
      g_assert_cmpstr (text, ==, c->text);
      g_assert_cmpstr (line, ==, c->line != NULL ? c->line : c->text);
    }

  g_assert_null (gb_html_to_text (NULL));
  g_assert_null (gb_html_to_line (NULL));
}

/* Random soup of markup characters: the text is valid UTF-8, and each '<' in
 * it stood in the soup as a plain '<', not opening a tag (the alphabet can't
 * spell an escaped one). */
static void
test_html_soup (void)
{
  static const char alphabet[] = "<>/!?&;#xab p=\"'-\n\xc3\xa9";

  for (guint n = 0; n < 5000; n++)
    {
      char soup[48];
      guint len = g_test_rand_int_range (0, sizeof soup);
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;
      guint n_plain = 0, n_left = 0;

      for (guint i = 0; i < len; i++)
        soup[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      soup[len] = '\0';
      for (guint i = 0; i < len; i++)
        n_plain += soup[i] == '<' && !g_ascii_isalpha (soup[i + 1]) && soup[i + 1] != '/' &&
                   soup[i + 1] != '!' && soup[i + 1] != '?';

      text = gb_html_to_text (soup);
      line = gb_html_to_line (soup);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_null (strchr (line, '\n'));
      for (const char *p = strchr (text, '<'); p != NULL; p = strchr (p + 1, '<'))
        n_left++;
      if (n_left > n_plain)
        g_error ("“%s” gave “%s”", soup, text);
    }
}

/* ------------------------------------------------------------------------ */
/* The samples                                                              */

static void
test_sample_houston (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_fixture ("TimelineJS3_houston_timeline3.json", &error);
  GbItem *item;
  GbSource *file;

  g_assert_no_error (error);
  check_items (dossier);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 18);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_PLACE), ==, 0);
  /* The file, and the 16 pictures and videos with a credit, caption or link. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_SOURCE), ==, 17);

  g_assert_cmpstr (gb_dossier_get_id (dossier), ==, "TimelineJS3_houston_timeline3");
  g_assert_cmpstr (gb_dossier_get_origin (dossier), ==, "TimelineJS 3");
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "Whitney Houston — 1963 - 2012");
  g_assert_true (g_str_has_prefix (gb_dossier_get_summary (dossier), "Houston's voice caught"));

  /* Strings as numbers, day precision. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "A Musical Heritage");
  assert_date (item, GB_DATE_PRECISION_DAY, 1963, 8, 9);
  g_assert_false (gb_date_has_end (gb_item_get_date (item)));
  g_assert_cmpstr (gb_item_get_quote (item), ==, "A Musical Heritage");
  g_assert_true (g_str_has_prefix (gb_item_get_description (item), "Born in New Jersey"));
  /* The media credit, its links stripped. */
  assert_contains (gb_item_get_description (item), "Credit: Cissy Houston photo:Tom Marcello");

  /* Year only. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "First Recording");
  assert_date (item, GB_DATE_PRECISION_YEAR, 1978, 0, 0);

  /* The first event in time comes first. */
  item = g_list_model_get_item (gb_dossier_get_events (dossier), 0);
  g_assert_cmpstr (gb_item_get_title (item), ==, "A Musical Heritage");
  g_object_unref (item);

  file = GB_SOURCE (gb_dossier_lookup (dossier, "file"));
  g_assert_cmpint (gb_source_get_source_kind (file), ==, GB_SOURCE_KIND_ARTICLE);
  g_assert_cmpstr (gb_item_get_title (GB_ITEM (file)), ==, "Whitney Houston — 1963 - 2012");
  g_assert_null (gb_source_get_text (file));

  /* A protocol-relative link becomes https; a site-relative one is dropped. */
  item = find_titled (dossier, GB_ITEM_KIND_SOURCE, "Diane Sawyer");
  g_assert_cmpstr (gb_source_get_url (GB_SOURCE (item)), ==,
                   "https://upload.wikimedia.org/wikipedia/commons/d/dd/"
                   "ABC_-_Good_Morning_America_-_Diane_Sawyer.jpg");
  g_assert_cmpstr (gb_source_get_publisher (GB_SOURCE (item)), ==, "flickr/Amanda Benham");
  g_assert_true (gb_item_is_context (item));
  item = find_titled (dossier, GB_ITEM_KIND_SOURCE,
                      "Houston's mother and Gospel singer, Cissy Houston (left) and cousin "
                      "Dionne Warwick.");
  g_assert_null (gb_source_get_url (GB_SOURCE (item)));
}

static void
test_sample_eras (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_fixture ("TimelineJS3_eras.json", &error);
  GbItem *item;
  guint n_context = 0;

  g_assert_no_error (error);
  check_items (dossier);
  /* 20 events and 3 eras. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 23);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "Eras Test");

  for (guint i = 0; i < count (dossier, GB_ITEM_KIND_EVENT); i++)
    {
      g_autoptr(GbItem) event = g_list_model_get_item (gb_dossier_get_events (dossier), i);

      n_context += gb_item_is_context (event);
    }
  g_assert_cmpuint (n_context, ==, 3);

  /* An era: a context span. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Era Test 600-650");
  g_assert_true (gb_item_is_context (item));
  assert_date (item, GB_DATE_PRECISION_YEAR, 600, 0, 0);
  assert_end_year (item, 650);
  g_assert_cmpstr (gb_item_get_id (GB_ITEM (gb_item_get_source (item))), ==, "eras");

  /* Years given as strings, with an end. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Last great Roman-Persian War.");
  g_assert_false (gb_item_is_context (item));
  assert_date (item, GB_DATE_PRECISION_YEAR, 602, 0, 0);
  assert_end_year (item, 629);

  /* "08" and "09": day precision, and an end in the same month. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Muhammad Migrates from Mecca to Medina");
  assert_date (item, GB_DATE_PRECISION_DAY, 622, 8, 9);
  g_assert_cmpint (gb_date_get_end (gb_item_get_date (item))->day, ==, 23);

  /* The earliest is the era that starts in 600. */
  item = g_list_model_get_item (gb_dossier_get_events (dossier), 0);
  g_assert_cmpstr (gb_item_get_title (item), ==, "Era Test 600-650");
  g_object_unref (item);
}

static void
test_sample_women (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_fixture ("TimelineJS3_women_in_computing.json", &error);
  GbItem *item;

  g_assert_no_error (error);
  check_items (dossier);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 10);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "Women in Computing");

  /* Day to day, over decades. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Ada Lovelace");
  assert_date (item, GB_DATE_PRECISION_DAY, 1815, 12, 10);
  assert_end_year (item, 1852);
  g_assert_cmpint (gb_date_get_end (gb_item_get_date (item))->precision, ==, GB_DATE_PRECISION_DAY);
  /* Links in the text are gone, their words stay. */
  assert_contains (gb_item_get_description (item), "Take Ada Lovelace: Daughter of Lord Byron");
  /* An empty group is no group. */
  g_assert_null (strstr (gb_item_get_description (item), "Group:"));

  /* Empty strings for month and day: the finest part given decides. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "...And the women who made it work");
  assert_date (item, GB_DATE_PRECISION_MONTH, 1943, 7, 0);
  assert_end_year (item, 1946);
  g_assert_cmpint (gb_date_get_end (gb_item_get_date (item))->precision, ==,
                   GB_DATE_PRECISION_YEAR);

  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Rózsa Péter writes recursion");
  assert_date (item, GB_DATE_PRECISION_YEAR, 1951, 0, 0);

  /* A blockquote as media: its words are kept. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Edith Clarke: Bucking the Trend");
  assert_contains (gb_item_get_description (item),
                   "There is no demand for women engineers, as such");
}

static void
test_sample_storymap_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_fixture ("StoryMapJS_demo.json", &error);
  g_autoptr(GbRoute) route = NULL;
  GPtrArray *places;
  GbItem *item;
  GbDate *period;

  g_assert_no_error (error);
  check_items (dossier);
  g_assert_cmpstr (gb_dossier_get_origin (dossier), ==, "StoryMapJS");
  /* 24 located, dated slides; the last two share a point; 23 legs, one of
   * them from that point to itself. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 24);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_PLACE), ==, 23);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_ROUTE), ==, 22);

  g_assert_cmpstr (gb_dossier_get_title (dossier), ==,
                   "US Westward Expansion — Mean center of United States population");
  /* The overview's "1790-2010". */
  period = gb_dossier_get_period (dossier);
  g_assert_nonnull (period);
  g_assert_cmpint (gb_date_get_start (period)->year, ==, 1790);
  g_assert_cmpint (gb_date_get_end (period)->year, ==, 2010);

  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "1800: Thomas Jefferson");
  assert_date (item, GB_DATE_PRECISION_YEAR, 1800, 0, 0);
  places = gb_event_get_places (GB_EVENT (item));
  g_assert_cmpuint (places->len, ==, 1);
  g_assert_cmpstr (gb_item_get_title (places->pdata[0]), ==, "Howard County, Maryland");
  g_assert_cmpfloat_with_epsilon (gb_place_get_latitude (places->pdata[0]), 39.26833, 1e-9);
  g_assert_cmpfloat_with_epsilon (gb_place_get_longitude (places->pdata[0]), -76.94167, 1e-9);

  /* One point, two names in the file. */
  item = find_titled (dossier, GB_ITEM_KIND_PLACE,
                      "Texas County, Missouri / Wright County, Missouri");
  g_assert_cmpint (gb_place_get_place_kind (GB_PLACE (item)), ==, GB_PLACE_KIND_OTHER);

  /* The route follows the slides. */
  route = g_list_model_get_item (gb_dossier_get_routes (dossier), 0);
  g_assert_cmpstr (gb_item_get_title (GB_ITEM (gb_route_get_from (route))), ==,
                   "Kent County, Maryland");
  g_assert_cmpstr (gb_item_get_title (GB_ITEM (gb_route_get_to (route))), ==,
                   "Howard County, Maryland");
  g_assert_cmpstr (gb_route_get_mode (route), ==, "other");
}

static void
test_sample_storymap_sochi (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_fixture ("StoryMapJS_sochi.json", &error);
  GbItem *item;

  g_assert_no_error (error);
  check_items (dossier);
  /* No slide has a date: ten stops, two at the same point, nine legs
   * between different points. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 0);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_PLACE), ==, 9);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_ROUTE), ==, 8);
  g_assert_null (gb_dossier_get_period (dossier));

  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "Sochi 2014 Olympic Torch Relay Highlights");
  /* "&nbsp;" decoded, and the space around it collapsed. */
  assert_contains (gb_dossier_get_summary (dossier), "From October 7, 2013 to February 7, 2014");

  /* No location names: the headline names the place, the text describes it. */
  item = find_titled (dossier, GB_ITEM_KIND_PLACE, "Kickoff in Moscow");
  g_assert_cmpfloat_with_epsilon (gb_place_get_latitude (GB_PLACE (item)), 55.755826, 1e-9);
  g_assert_true (g_str_has_prefix (gb_item_get_description (item),
                                   "The Sochi Olympic torch relay began"));
  g_assert_cmpstr (gb_item_get_quote (item), ==, "Kickoff in Moscow");

  item = find_titled (dossier, GB_ITEM_KIND_PLACE, "The Halfway Mark / 100th Russian City");
  assert_contains (gb_item_get_description (item), "Tobolsk");
  assert_contains (gb_item_get_description (item), "Kungur");
}

/* `golden-bridge --validate` on every fixture: one summary line each. */
static void
test_validate_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *binary = g_getenv ("GB_BINARY");
  const char *name;
  guint n_files = 0;

  if (binary == NULL)
    {
      g_test_skip ("GB_BINARY is not set");
      return;
    }

  g_assert_nonnull (dir);
  g_ptr_array_add (argv, g_strdup (binary));
  g_ptr_array_add (argv, g_strdup ("--validate"));
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      {
        g_ptr_array_add (argv, g_build_filename (dir_path, name, NULL));
        n_files++;
      }
  g_ptr_array_add (argv, NULL);
  g_assert_cmpuint (n_files, ==, 7);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_cmpstr (err, ==, "");

  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_files);
  for (guint i = 0; lines[i] != NULL; i++)
    assert_contains (lines[i], " events, ");
}

/* ------------------------------------------------------------------------ */
/* Mapping details                                                          */

static void
test_timelinejs_time_of_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier =
    gb_test_load_string ("{\"events\":[{\"start_date\":{\"year\":2024,\"month\":11,\"day\":4,"
                         "\"hour\":14,\"minute\":\"30\"},\"end_date\":{\"year\":2024,\"month\":11,"
                         "\"day\":4,\"hour\":16},\"text\":{\"headline\":\"Talks\"},\"group\":\"Diplomacy\","
                         "\"display_date\":\"Monday afternoon\"}]}", &error);
  GbItem *item;

  g_assert_no_error (error);
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Talks");
  /* No zone in the file: the day is kept, the time told, none invented. */
  assert_date (item, GB_DATE_PRECISION_DAY, 2024, 11, 4);
  assert_contains (gb_item_get_description (item), "14:30 and 16:00, without a time zone");
  assert_contains (gb_item_get_description (item), "Group: Diplomacy");
  assert_contains (gb_item_get_description (item), "“Monday afternoon”");
  /* No title slide: the title is the file's name. */
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "test");
  g_assert_cmpstr (gb_dossier_get_id (dossier), ==, "test");
}

static void
test_timelinejs_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier =
    gb_test_load_string ("{\"title\":{\"text\":{\"headline\":\"T &amp; <i>U</i>\"}},\"events\":["
                         "{\"start_date\":{\"year\":\" 2024 \",\"month\":\"08\",\"day\":\"\"},"
                         " \"end_date\":{\"year\":\"\",\"month\":\"\"},\"text\":{\"headline\":\"A\"}},"
                         "{\"start_date\":{\"year\":1992.0,\"month\":1,\"day\":28},"
                         " \"text\":{\"text\":\"<p>No headline here, only a long text that goes on and on "
                         "well past the length of any sensible title for an event.</p>\"}},"
                         "{\"start_date\":{\"year\":\"7\"}}]}", &error);
  GbItem *item;

  g_assert_no_error (error);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "T & U");

  /* Padded and zero-led strings; an end date of empty strings is no end. */
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "A");
  assert_date (item, GB_DATE_PRECISION_MONTH, 2024, 8, 0);
  g_assert_false (gb_date_has_end (gb_item_get_date (item)));

  /* Without a headline, the text's start is the title and the text the quote. */
  item = g_list_model_get_item (gb_dossier_get_events (dossier), 1);
  assert_date (item, GB_DATE_PRECISION_DAY, 1992, 1, 28);
  g_assert_true (g_str_has_prefix (gb_item_get_title (item), "No headline here"));
  g_assert_true (g_str_has_suffix (gb_item_get_title (item), "…"));
  g_assert_cmpuint (g_utf8_strlen (gb_item_get_title (item), -1), <=, 80);
  g_assert_true (g_str_has_prefix (gb_item_get_quote (item), "No headline here"));
  g_object_unref (item);

  /* Nothing at all: still an event, with a title that says so. */
  item = g_list_model_get_item (gb_dossier_get_events (dossier), 0);
  assert_date (item, GB_DATE_PRECISION_YEAR, 7, 0, 0);
  g_assert_cmpstr (gb_item_get_title (item), ==, "Untitled event");
  g_assert_null (gb_item_get_quote (item));
  g_object_unref (item);
}

static void
test_timelinejs_media_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier =
    gb_test_load_string ("{\"events\":["
                         "{\"start_date\":{\"year\":1},\"text\":{\"headline\":\"A\"},"
                         " \"media\":{\"url\":\"javascript:alert(1)\",\"credit\":\"<b>X</b>\"}},"
                         "{\"start_date\":{\"year\":2},\"text\":{\"headline\":\"B\"},"
                         " \"media\":{\"url\":\"//example.org/p.jpg\"}},"
                         "{\"start_date\":{\"year\":3},\"text\":{\"headline\":\"C\"},"
                         " \"media\":{\"url\":\"file:///etc/passwd\",\"caption\":\"cap\"}},"
                         "{\"start_date\":{\"year\":4},\"text\":{\"headline\":\"D\"},"
                         " \"media\":{\"url\":\"\",\"credit\":\"\",\"caption\":\"\"}}]}", &error);
  GbItem *item;

  g_assert_no_error (error);
  check_items (dossier);
  /* The file and three media; the empty one is nothing. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_SOURCE), ==, 4);

  item = find_titled (dossier, GB_ITEM_KIND_SOURCE, "Media of “A”");
  g_assert_null (gb_source_get_url (GB_SOURCE (item)));
  g_assert_cmpstr (gb_source_get_publisher (GB_SOURCE (item)), ==, "X");
  item = find_titled (dossier, GB_ITEM_KIND_SOURCE, "Media of “B”");
  g_assert_cmpstr (gb_source_get_url (GB_SOURCE (item)), ==, "https://example.org/p.jpg");
  item = find_titled (dossier, GB_ITEM_KIND_SOURCE, "cap");
  g_assert_null (gb_source_get_url (GB_SOURCE (item)));
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "C");
  g_assert_null (strstr (gb_item_get_description (item), "file:"));
}

/* The links the window would refuse are not printed into descriptions either:
 * a U+202E makes "https://good.example/gnp.exe" read as ".../exe.png". */
static void
test_timelinejs_hostile_media (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier =
    gb_test_load_string ("{\"events\":["
                         "{\"start_date\":{\"year\":1},\"text\":{\"headline\":\"A\"},"
                         " \"media\":{\"url\":\"https://good.example/\\u202Egnp.exe\",\"caption\":\"a\"}},"
                         "{\"start_date\":{\"year\":2},\"text\":{\"headline\":\"B\"},"
                         " \"media\":{\"url\":\"https://good.example@evil.example/p.jpg\",\"caption\":\"b\"}},"
                         "{\"start_date\":{\"year\":3},\"text\":{\"headline\":\"C\"},"
                         " \"media\":{\"url\":\"//good.example@evil.example/p.jpg\"}}]}", &error);
  const char *headlines[] = { "A", "B" };

  g_assert_no_error (error);
  check_items (dossier);
  /* The file and the two captioned media; C's media is only a refused link. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_SOURCE), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      GbItem *item = find_titled (dossier, GB_ITEM_KIND_EVENT, headlines[i]);
      const char *description = gb_item_get_description (item);

      g_assert_nonnull (description);
      g_assert_null (strstr (description, "\u202E"));
      g_assert_null (strstr (description, "evil"));
    }
  g_assert_null (gb_source_get_url (GB_SOURCE (find_titled (dossier, GB_ITEM_KIND_SOURCE, "a"))));
  g_assert_null (gb_source_get_url (GB_SOURCE (find_titled (dossier, GB_ITEM_KIND_SOURCE, "b"))));
}

typedef struct
{
  const char      *text;
  GbDatePrecision  precision;   /* NONE: not a date */
  int              year;
  int              month;
  int              day;
  int              end_year;    /* 0: no end */
} DateCase;

static const DateCase date_cases[] = {
  { "1790", GB_DATE_PRECISION_YEAR, 1790, 0, 0, 0 },
  { " 1944-06 ", GB_DATE_PRECISION_MONTH, 1944, 6, 0, 0 },
  { "1944-06-06", GB_DATE_PRECISION_DAY, 1944, 6, 6, 0 },
  { "June 1944", GB_DATE_PRECISION_MONTH, 1944, 6, 0, 0 },
  { "jun. 1944", GB_DATE_PRECISION_MONTH, 1944, 6, 0, 0 },
  { "6 June 1944", GB_DATE_PRECISION_DAY, 1944, 6, 6, 0 },
  { "6th June 1944", GB_DATE_PRECISION_DAY, 1944, 6, 6, 0 },
  { "June 6, 1944", GB_DATE_PRECISION_DAY, 1944, 6, 6, 0 },
  { "Sept. 1, 1939", GB_DATE_PRECISION_DAY, 1939, 9, 1, 0 },
  { "October&nbsp;7, 2013", GB_DATE_PRECISION_DAY, 2013, 10, 7, 0 },
  { "March 632", GB_DATE_PRECISION_MONTH, 632, 3, 0, 0 },
  { "1790-2010", GB_DATE_PRECISION_YEAR, 1790, 0, 0, 2010 },
  { "1790 – 2010", GB_DATE_PRECISION_YEAR, 1790, 0, 0, 2010 },
  { "June 1944 to May 1945", GB_DATE_PRECISION_MONTH, 1944, 6, 0, 1945 },
  { "", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "c. 1500", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "Spring 1943", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "1790s", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "12", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "0000", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "2010-1790", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "31 February 2020", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "Smarch 2020", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "June 6-8, 1944", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "1944-13", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  /* No year: a day of a month, never a year of the first century. */
  { "Aug 23", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "August 31", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "23 Aug", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "Aug 23 – Aug 31", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "6 June 44", GB_DATE_PRECISION_NONE, 0, 0, 0, 0 },
  { "Aug 2005", GB_DATE_PRECISION_MONTH, 2005, 8, 0, 0 },
  { "Aug 23, 2005", GB_DATE_PRECISION_DAY, 2005, 8, 23, 0 },
};

static void
test_storymap_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autoptr(GbDate) date = gb_storymap_parse_date (c->text);
      const GbDatePart *start;

      g_test_message ("%s", c->text);
      if (c->precision == GB_DATE_PRECISION_NONE)
        {
          g_assert_null (date);
          continue;
        }

      g_assert_nonnull (date);
      start = gb_date_get_start (date);
      g_assert_cmpint (gb_date_get_precision (date), ==, c->precision);
      g_assert_cmpint (start->year, ==, c->year);
      g_assert_cmpint (start->month, ==, c->month);
      g_assert_cmpint (start->day, ==, c->day);
      g_assert_cmpint (gb_date_has_end (date), ==, c->end_year != 0);
      if (c->end_year != 0)
        g_assert_cmpint (gb_date_get_end (date)->year, ==, c->end_year);
    }

  g_assert_null (gb_storymap_parse_date (NULL));
}

#define SLIDE(date, headline, lat, lon) \
  "{\"date\":\"" date "\",\"text\":{\"headline\":\"" headline "\",\"text\":\"<p>About " headline \
  "</p>\"},\"location\":{\"lat\":" lat ",\"lon\":" lon "}}"

static void
test_storymap_slides (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier =
    gb_test_load_string ("{\"storymap\":{\"slides\":["
                         SLIDE ("2001", "A", "10", "20") ","
                         SLIDE ("circa 1900", "B", "\"11.5\"", "21") ","
                         "{\"text\":{\"headline\":\"Text only\"}},"
                         "{\"date\":\"2003\",\"text\":{\"headline\":\"Dated only\"}},"
                         "{\"text\":{\"headline\":\"Empty location\"},\"location\":{}},"
                         SLIDE ("2004", "C", "10", "20") "]}}", &error);
  GbItem *item;
  GPtrArray *places;

  g_assert_no_error (error);
  check_items (dossier);
  /* No overview: the file names the story. */
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "test");

  /* A, "Dated only" and C are dated; B's date is not one. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 3);
  /* A and C share a point. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_PLACE), ==, 2);
  /* A → B, B → C. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_ROUTE), ==, 2);

  /* An undated slide is a place that tells its story, date as written. */
  item = find_titled (dossier, GB_ITEM_KIND_PLACE, "B");
  g_assert_cmpfloat (gb_place_get_latitude (GB_PLACE (item)), ==, 11.5);
  g_assert_cmpstr (gb_item_get_description (item), ==, "Date in the story: circa 1900\n\nAbout B");

  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Dated only");
  g_assert_cmpuint (gb_event_get_places (GB_EVENT (item))->len, ==, 0);

  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "C");
  places = gb_event_get_places (GB_EVENT (item));
  g_assert_cmpuint (places->len, ==, 1);
  g_assert_cmpstr (gb_item_get_title (places->pdata[0]), ==, "A / C");
  g_assert_cmpstr (gb_item_get_description (item), ==, "About C");
}

/* The events of @dossier are in time order; returns the first and the last. */
static void
assert_in_order (GbDossier  *dossier,
                 GbItem    **first,
                 GbItem    **last)
{
  GListModel *events = gb_dossier_get_events (dossier);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GbItem) a = g_list_model_get_item (events, i - 1);
      g_autoptr(GbItem) b = g_list_model_get_item (events, i);

      g_assert_cmpint (gb_date_compare (gb_item_get_date (a), gb_item_get_date (b)), <=, 0);
    }
  *first = g_list_model_get_item (events, 0);
  *last = g_list_model_get_item (events, n - 1);
}

static void
assert_shown (GbItem     *item,
              const char *expected)
{
  g_autofree char *shown = gb_date_format (gb_item_get_date (item));

  g_assert_cmpstr (shown, ==, expected);
}

/* TimelineJS's cosmological template: years given as strings, billions of years
 * ago. TimelineJS's year -N is N BCE, our (astronomical) year 1 - N. */
static void
test_sample_cosmo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_fixture ("TimelineJS3_cosmo.json", &error);
  g_autoptr(GbItem) first = NULL;
  g_autoptr(GbItem) last = NULL;
  GbItem *item;

  g_assert_no_error (error);
  check_items (dossier);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 7);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "Cosmological Scale Timeline");

  assert_in_order (dossier, &first, &last);
  g_assert_cmpstr (gb_item_get_title (first), ==, "The Big Bang");
  assert_date (first, GB_DATE_PRECISION_YEAR, 1 - G_GINT64_CONSTANT (13800000000), 0, 0);
  assert_shown (first, "13.8 billion years ago");
  g_assert_cmpstr (gb_item_get_title (last), ==, "oldest known depiction of a wheeled vehicle");
  assert_date (last, GB_DATE_PRECISION_YEAR, 1 - 3500, 0, 0);
  assert_shown (last, "3500 BC");

  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Paleozoic era");
  assert_date (item, GB_DATE_PRECISION_YEAR, 1 - 538800000, 0, 0);
  assert_end_year (item, 1 - 251902000);
  assert_shown (item, "539 million years ago – 252 million years ago");
  item = find_titled (dossier, GB_ITEM_KIND_EVENT,
                      "approximate date of appearance of Homo sapiens");
  assert_shown (item, "315000 BC");
}

/* Cosmological and human dates in one timeline, down to the day. */
static void
test_sample_cosmo_mixed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_fixture ("TimelineJS3_cosmo-mixed.json", &error);
  g_autoptr(GbItem) first = NULL;
  g_autoptr(GbItem) last = NULL;
  GbItem *item;

  g_assert_no_error (error);
  check_items (dossier);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_EVENT), ==, 11);
  g_assert_cmpstr (gb_dossier_get_title (dossier), ==, "A Brief History of Light");

  assert_in_order (dossier, &first, &last);
  g_assert_cmpstr (gb_item_get_title (first), ==, "The Big Bang");
  assert_date (first, GB_DATE_PRECISION_YEAR, 1 - G_GINT64_CONSTANT (13800000000), 0, 0);
  g_assert_cmpstr (gb_item_get_title (last), ==, "Hubble Space Telescope Deployed");
  assert_date (last, GB_DATE_PRECISION_DAY, 1990, 4, 25);
  assert_shown (last, "25 April 1990");

  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Euclid's Optica");
  assert_date (item, GB_DATE_PRECISION_YEAR, -299, 0, 0);
  assert_shown (item, "300 BC");
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "The Sun Ignites");
  assert_shown (item, "4.6 billion years ago");
  item = find_titled (dossier, GB_ITEM_KIND_EVENT, "Galileo Points a Telescope at the Moon");
  assert_date (item, GB_DATE_PRECISION_MONTH, 1609, 11, 0);
}

static void
test_storymap_map_as_image (void)
{
  g_autoptr(GbDossier) dossier =
    gb_test_load_string ("{\"storymap\":{\"map_as_image\":true,\"slides\":["
                         SLIDE ("2001", "A", "10", "20") "," SLIDE ("2002", "B", "11", "21") "]}}", NULL);

  g_assert_nonnull (dossier);
  /* StoryMapJS draws no line then: no routes. */
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_PLACE), ==, 2);
  g_assert_cmpuint (count (dossier, GB_ITEM_KIND_ROUTE), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Refusals                                                                 */

#define EVENT_WITH(start) "{\"events\":[{\"start_date\":" start ",\"text\":{\"headline\":\"E\"}}]}"
#define STORY_WITH(location) \
  "{\"storymap\":{\"slides\":[{\"type\":\"overview\"},{\"date\":\"2024\"," \
  "\"location\":" location "}]}}"

static const GbTestRefusal refusals[] = {
  { "timelinejs2", "{\"timeline\":{\"headline\":\"x\",\"date\":[]}}", GB_LOAD_ERROR_FORMAT,
    "test.json: This is a TimelineJS 2 timeline, an older format" },
  { "zoomify", "{\"storymap\":{\"map_type\":\"zoomify\",\"slides\":[]}}", GB_LOAD_ERROR_FORMAT,
    "test.json:1:25: storymap.map_type: this StoryMapJS story is told on a single large image" },
  /* The guard is in front of the importers too. */
  { "guarded", STORY_WITH ("{\"lat\":1e400,\"lon\":0}"), GB_LOAD_ERROR_UNSAFE, "test.json:1:" },
  { "deep", "{\"events\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
            "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    GB_LOAD_ERROR_UNSAFE, "test.json:1:" },
  /* TimelineJS 3 */
  { "no-start-date", "{\"events\":[{\"text\":{\"headline\":\"x\"}}]}", GB_LOAD_ERROR_INVALID,
    "test.json:1:12: events[0].start_date: is missing" },
  { "empty-start-date", EVENT_WITH ("{\"year\":\"\"}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date: has no year" },
  { "no-year", EVENT_WITH ("{\"month\":3}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.year: is missing" },
  { "huge-year", EVENT_WITH ("{\"year\":\"123456789012345678901234567890\"}"),
    GB_LOAD_ERROR_INVALID,
    "events[0].start_date.year: the year 1000000000000000 is outside -100000000000 to 9999" },
  { "huge-negative-year", EVENT_WITH ("{\"year\":\"-123456789012345678901234567890\"}"),
    GB_LOAD_ERROR_INVALID, "the year -1000000000000000 is outside -100000000000 to 9999" },
  { "too-old", EVENT_WITH ("{\"year\":-100000000001}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.year: the year -100000000001 is outside -100000000000 to 9999" },
  { "year-huge-double", EVENT_WITH ("{\"year\":-1e300}"), GB_LOAD_ERROR_INVALID,
    "the year -1000000000000000 is outside" },
  { "year-1e400", EVENT_WITH ("{\"year\":-1e400}"), GB_LOAD_ERROR_UNSAFE, "test.json:1:" },
  { "year-zero", EVENT_WITH ("{\"year\":\"0\"}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.year: there is no year 0: the year before 1 is -1, 1 BCE" },
  { "bc-february-29", EVENT_WITH ("{\"year\":-2,\"month\":2,\"day\":29}"),
    GB_LOAD_ERROR_INVALID, "events[0].start_date.day: there is no day 29 in month 2 of -2" },
  { "year-word", EVENT_WITH ("{\"year\":\"MMXXIV\"}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.year: “MMXXIV” is not a number" },
  { "year-fraction", EVENT_WITH ("{\"year\":2024.5}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.year: 2024.5 is not a whole number" },
  { "year-bool", EVENT_WITH ("{\"year\":true}"), GB_LOAD_ERROR_INVALID,
    "should be a number or a string of digits, not true or false" },
  { "month-13", EVENT_WITH ("{\"year\":2024,\"month\":13}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.month: there is no month 13" },
  { "february-30", EVENT_WITH ("{\"year\":2023,\"month\":2,\"day\":\"30\"}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.day: there is no day 30 in month 2 of 2023" },
  { "day-without-month", EVENT_WITH ("{\"year\":2023,\"day\":3}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.day: a day needs a month" },
  { "time-without-day", EVENT_WITH ("{\"year\":2023,\"hour\":3}"), GB_LOAD_ERROR_INVALID,
    "events[0].start_date.hour: a time of day needs a day" },
  { "hour-25", EVENT_WITH ("{\"year\":2023,\"month\":1,\"day\":1,\"hour\":25}"),
    GB_LOAD_ERROR_INVALID,
    "events[0].start_date.hour: hours run from 0 to 23" },
  { "date-not-object", EVENT_WITH ("\"2024\""), GB_LOAD_ERROR_INVALID,
    "events[0].start_date: should be an object" },
  { "end-before-start",
    "{\"events\":[{\"start_date\":{\"year\":2027},\"end_date\":{\"year\":2025}}]}",
    GB_LOAD_ERROR_INVALID, "events[0].end_date: the end (2025) is before the start (2027)" },
  { "events-not-array", "{\"events\":{}}", GB_LOAD_ERROR_INVALID, "events: should be an array" },
  { "events-null", "{\"events\":null}", GB_LOAD_ERROR_INVALID, "events: should be an array" },
  { "event-not-object", "{\"events\":[42]}", GB_LOAD_ERROR_INVALID,
    "events[0]: should be an object, not a number" },
  { "headline-not-string", "{\"events\":[{\"start_date\":{\"year\":1},\"text\":{\"headline\":5}}]}",
    GB_LOAD_ERROR_INVALID, "events[0].text.headline: should be a string, not a number" },
  { "era-without-start", "{\"events\":[],\"eras\":[{\"end_date\":{\"year\":5}}]}",
    GB_LOAD_ERROR_INVALID, "eras[0].start_date: is missing" },
  /* StoryMapJS */
  { "bad-lat", STORY_WITH ("{\"lat\":91,\"lon\":0}"), GB_LOAD_ERROR_INVALID,
    "test.json:1:77: storymap.slides[1].location.lat: latitude 91 is outside −90 to 90" },
  { "bad-lon", STORY_WITH ("{\"lat\":0,\"lon\":-180.5}"), GB_LOAD_ERROR_INVALID,
    "storymap.slides[1].location.lon: longitude -180.5 is outside −180 to 180" },
  { "lat-word", STORY_WITH ("{\"lat\":\"north\",\"lon\":0}"), GB_LOAD_ERROR_INVALID,
    "storymap.slides[1].location.lat: should be a number, not “north”" },
  { "lat-null", STORY_WITH ("{\"lat\":null,\"lon\":0}"), GB_LOAD_ERROR_INVALID,
    "storymap.slides[1].location.lat: should be a number" },
  { "no-lon", STORY_WITH ("{\"lat\":1}"), GB_LOAD_ERROR_INVALID,
    "storymap.slides[1].location.lon: is missing" },
  { "location-not-object", STORY_WITH ("[1,2]"), GB_LOAD_ERROR_INVALID,
    "storymap.slides[1].location: should be an object, not an array" },
  { "no-slides", "{\"storymap\":{}}", GB_LOAD_ERROR_INVALID, "storymap.slides: is missing" },
  { "slides-not-array", "{\"storymap\":{\"slides\":\"x\"}}", GB_LOAD_ERROR_INVALID,
    "storymap.slides: should be an array, not a string" },
  { "storymap-not-object", "{\"storymap\":3}", GB_LOAD_ERROR_INVALID,
    "storymap: should be an object, not a number" },
  { "slide-not-object", "{\"storymap\":{\"slides\":[null]}}", GB_LOAD_ERROR_INVALID,
    "storymap.slides[0]: should be an object" },
};

/* The broken fixtures, opened as files: one line per problem, each naming the
 * file, the line and the path. */
static void
test_broken_files (void)
{
  static const struct {
    const char *name;
    int         code;
    const char *expect;
  } files[] = {
    { "timelinejs2.json", GB_LOAD_ERROR_FORMAT, ": This is a TimelineJS 2 timeline" },
    { "zoomify.json", GB_LOAD_ERROR_FORMAT, ":3:17: storymap.map_type: " },
    { "bad-lat.json", GB_LOAD_ERROR_INVALID,
      ":11:49: storymap.slides[1].location.lat: latitude 91.5" },
    { "huge-year.json", GB_LOAD_ERROR_INVALID,
      ":5:31: events[0].start_date.year: the year -10000000000000 is outside -100000000000 to "
      "9999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_build_filename ("broken", files[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = load_fixture (name, &error);

      g_assert_null (dossier);
      g_assert_error (error, GB_LOAD_ERROR, files[i].code);
      if (strstr (error->message, files[i].expect) == NULL)
        g_error ("“%s” not in message: %s", files[i].expect, error->message);
    }
}

/* A timeline partly unreadable opens with the events it can read, and
 * says which it left out and why, where each is in the file. */
static void
test_partly_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) missing = load_fixture ("broken/missing-start-date.json", &error);
  g_autoptr(GbDossier) cosmos = NULL;
  g_autoptr(GbEvent) dated = NULL;
  const char *skipped = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (missing)), ==, 1);
  dated = g_list_model_get_item (gb_dossier_get_events (missing), 0);
  g_assert_cmpstr (gb_item_get_title (GB_ITEM (dated)), ==, "Dated");
  g_assert_cmpuint (gb_dossier_get_skipped (missing, &skipped), ==, 1);
  g_assert_nonnull (strstr (skipped, "missing-start-date.json:8:5: events[1].start_date: is missing"));

  cosmos = load_fixture ("broken/partly-unreadable.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gb_dossier_get_events (cosmos)), ==, 2);
  g_assert_cmpuint (gb_dossier_get_skipped (cosmos, &skipped), ==, 3);
  g_assert_nonnull (strstr (skipped, ":5:31: events[0].start_date.year: the year -10000000000000"));
  g_assert_nonnull (strstr (skipped, "events[2].start_date.year: “banana” is not a number"));
  g_assert_nonnull (strstr (skipped, ":16:5: events[3]: should be an object"));

  /* Every event unreadable: nothing to open, and the file is refused. */
  g_clear_error (&error);
  g_assert_null (load_fixture ("broken/huge-year.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
}

static void
test_many_problems (void)
{
  g_autoptr(GString) json = g_string_new ("{\"events\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (json, "%s{\"text\":{}}", i > 0 ? "," : "");
  /* Past the cap, a bad date is still caught (and no critical is raised). */
  g_string_append (json, ",{\"start_date\":{\"year\":2024,\"month\":13,\"day\":40,\"hour\":99}}");
  g_string_append (json, ",{\"start_date\":{\"year\":99999,\"month\":2,\"day\":30}}");
  g_string_append (json, "]}");

  dossier = gb_test_load_string (json->str, &error);
  g_assert_null (dossier);
  lines = g_strsplit (error->message, "\n", -1);
  /* Capped as the loader caps them, with a last line that says so. */
  g_assert_cmpuint (g_strv_length (lines), ==, GB_DOSSIER_MAX_PROBLEMS + 1);
  assert_contains (lines[GB_DOSSIER_MAX_PROBLEMS], "too many problems");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/html/cases", test_html_cases);
  g_test_add_func ("/import/html/soup", test_html_soup);
  g_test_add_func ("/import/sample/houston", test_sample_houston);
  g_test_add_func ("/import/sample/eras", test_sample_eras);
  g_test_add_func ("/import/sample/women-in-computing", test_sample_women);
  g_test_add_func ("/import/sample/cosmo", test_sample_cosmo);
  g_test_add_func ("/import/sample/cosmo-mixed", test_sample_cosmo_mixed);
  g_test_add_func ("/import/sample/storymap-demo", test_sample_storymap_demo);
  g_test_add_func ("/import/sample/storymap-sochi", test_sample_storymap_sochi);
  g_test_add_func ("/import/sample/validate", test_validate_fixtures);
  g_test_add_func ("/import/timelinejs/time-of-day", test_timelinejs_time_of_day);
  g_test_add_func ("/import/timelinejs/parts", test_timelinejs_parts);
  g_test_add_func ("/import/timelinejs/media-links", test_timelinejs_media_links);
  g_test_add_func ("/import/timelinejs/hostile-media", test_timelinejs_hostile_media);
  g_test_add_func ("/import/storymap/dates", test_storymap_dates);
  g_test_add_func ("/import/storymap/slides", test_storymap_slides);
  g_test_add_func ("/import/storymap/map-as-image", test_storymap_map_as_image);
  g_test_add_func ("/import/refuse/files", test_broken_files);
  g_test_add_func ("/import/refuse/many-problems", test_many_problems);
  g_test_add_func ("/import/partly-unreadable", test_partly_unreadable);
  gb_test_add_refusals ("/import/refuse", refusals, G_N_ELEMENTS (refusals));

  return g_test_run ();
}
