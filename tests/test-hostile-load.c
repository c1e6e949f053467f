/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gb-dossier-loader.h"
#include "gb-event.h"
#include "gb-place.h"
#include "gb-test-load.h"

/* Hostile files (issue 14) as the loader meets them: each is refused or
 * loaded quickly, with messages a person can read and act on. The fixtures
 * are in tests/fixtures/hostile/; the big ones are made here. */

#define HEAD "{\"format\":\"golden-bridge-dossier\",\"version\":1,\"id\":\"t\",\"title\":\"T\","
#define SRC  "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}]"

/* One event listing @n places: @n places and a list of their ids, then @extra. */
static GString *
make_long_list (guint       n,
                const char *extra)
{
  GString *json = g_string_new (HEAD SRC ",\"places\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"p%u\",\"name\":\"P\",\"kind\":\"city\","
                            "\"lat\":1,\"lon\":2,\"source\":\"s\"}", i ? "," : "", i);
  g_string_append (json, "],\"events\":[{\"id\":\"e\",\"title\":\"E\",\"date\":\"2024\","
                   "\"source\":\"s\",\"places\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"p%u\"", i ? "," : "", i);
  g_string_append_printf (json, "%s]}]}", extra);

  return json;
}

/* Item 3: checking a list for repeats takes time in proportion to its length. */
static void
test_long_reference_list (void)
{
  g_autoptr(GString) json = make_long_list (200000, "");
  g_autoptr(GString) twice = make_long_list (1000, ",\"p999\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = NULL;
  gint64 start = g_get_monotonic_time ();
  GbEvent *event;

  dossier = gb_test_load_string (json->str, &error);
  g_assert_no_error (error);
  g_test_message ("200,000 references loaded in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  event = GB_EVENT (gb_dossier_lookup (dossier, "e"));
  g_assert_cmpuint (gb_event_get_places (event)->len, ==, 200000);
  g_assert_true (g_ptr_array_index (gb_event_get_places (event), 199999) ==
                 (gpointer) gb_dossier_lookup (dossier, "p199999"));
  g_clear_object (&dossier);

  /* Repeats are still found. */
  dossier = gb_test_load_string (twice->str, &error);
  g_assert_null (dossier);
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "events[0].places[1000]: lists “p999” twice"));
  g_clear_error (&error);

  g_assert_null (gb_test_load_fixture_file ("hostile", "refs-repeated.json", &error));
  g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "events[0].places[8]: lists “p3” twice"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-load/refs/long-list", test_long_reference_list);

  return g_test_run ();
}
