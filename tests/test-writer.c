/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gb-agreement.h"
#include "gb-dossier-edit.h"
#include "gb-dossier-loader.h"
#include "gb-dossier-writer.h"

#define HEAD(version) "{\"format\":\"golden-bridge-dossier\",\"version\":" version "," \
                      "\"id\":\"t\",\"title\":\"T\","
#define SOURCES "\"sources\":[{\"id\":\"s\",\"kind\":\"context\",\"title\":\"S\"}," \
                "{\"id\":\"news\",\"kind\":\"context\",\"title\":\"News\"}," \
                "{\"id\":\"a\",\"kind\":\"article\",\"title\":\"A\",\"text\":\"It was ratified.\"}]"
#define AGREEMENT(log) ",\"agreements\":[{\"id\":\"agr\",\"title\":\"Plan\",\"kind\":\"plan\"," \
                       "\"status\":\"signed\",\"source\":\"s\",\"follow_up\":[" log "]}]}"

static GbDossier *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return gb_dossier_load_bytes (bytes, "test.gbdossier", error);
}

static char *
save_string (GbDossier *dossier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gb_dossier_writer_to_bytes (dossier, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The log is kept in date order; the latest entry is the current status. */
static void
test_follow_up_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbDossier) dossier = load_string (
    HEAD ("2") SOURCES AGREEMENT (
      "{\"date\":\"2025-06\",\"status\":\"ended\",\"note\":{\"en\":\"Stopped\"},\"source\":\"news\"},"
      "{\"date\":\"2025-01-10\",\"status\":\"launched\",\"source\":\"a\",\"quote\":\"It was ratified.\"}"),
    &error);
  GbAgreement *agreement;
  GPtrArray *log;
  g_autofree char *changed = NULL;

  g_assert_no_error (error);
  agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));
  log = gb_agreement_get_follow_ups (agreement);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpint (((GbFollowUp *) log->pdata[0])->status, ==, GB_AGREEMENT_STATUS_LAUNCHED);
  g_assert_cmpstr (gb_item_get_id (GB_ITEM (((GbFollowUp *) log->pdata[0])->source)), ==, "a");
  g_assert_cmpstr (((GbFollowUp *) log->pdata[0])->quote, ==, "It was ratified.");
  g_assert_cmpstr (gb_text_get (((GbFollowUp *) log->pdata[1])->note), ==, "Stopped");

  g_assert_cmpint (gb_agreement_get_status (agreement), ==, GB_AGREEMENT_STATUS_SIGNED);
  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_ENDED);
  changed = gb_date_to_string (gb_agreement_get_status_date (agreement));
  g_assert_cmpstr (changed, ==, "2025-06");

  /* The follow-up's source names the agreement as one of its referrers. */
  {
    g_autoptr(GPtrArray) referrers =
      gb_dossier_dup_referrers (dossier, gb_dossier_lookup (dossier, "news"));

    g_assert_cmpuint (referrers->len, ==, 1);
    g_assert_true (referrers->pdata[0] == (gpointer) agreement);
  }
}

static void
test_follow_up_none (void)
{
  g_autoptr(GbDossier) dossier = load_string (HEAD ("1") SOURCES AGREEMENT (""), NULL);
  GbAgreement *agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));

  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_SIGNED);
  g_assert_null (gb_agreement_get_status_date (agreement));
}

static const struct
{
  const char *name;
  const char *log;
  const char *message;
} bad_logs[] = {
  { "status", "{\"date\":\"2025\",\"status\":\"stalled\",\"source\":\"s\"}",
    "agreements[0].follow_up[0].status: “stalled” is not one of" },
  { "no-date", "{\"status\":\"ended\",\"source\":\"s\"}",
    "agreements[0].follow_up[0]: “date” is missing" },
  { "bad-date", "{\"date\":\"2025-13\",\"status\":\"ended\",\"source\":\"s\"}",
    "agreements[0].follow_up[0].date:" },
  { "no-source", "{\"date\":\"2025\",\"status\":\"ended\"}",
    "agreements[0].follow_up[0]: “source” is missing" },
  { "not-a-source", "{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"agr\"}",
    "agreements[0].follow_up[0].source: refers to “agr”, which is not a source" },
  { "article-quote", "{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"a\"}",
    "agreements[0].follow_up[0].quote: is missing" },
  { "not-verbatim", "{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"a\",\"quote\":\"No.\"}",
    "agreements[0].follow_up[0].quote: is not found word for word" },
  { "not-object", "3", "agreements[0].follow_up[0]: should be an object" },
};

static void
test_follow_up_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_logs); i++)
    {
      g_autofree char *json = g_strdup_printf ("%s%s%s", HEAD ("2") SOURCES ",\"agreements\":"
                                               "[{\"id\":\"agr\",\"title\":\"Plan\","
                                               "\"kind\":\"plan\",\"status\":\"signed\","
                                               "\"source\":\"s\",\"follow_up\":[",
                                               bad_logs[i].log, "]}]}");
      g_autoptr(GError) error = NULL;
      g_autoptr(GbDossier) dossier = load_string (json, &error);

      g_test_message ("%s: %s", bad_logs[i].name, error ? error->message : "(loaded)");
      g_assert_null (dossier);
      g_assert_error (error, GB_LOAD_ERROR, GB_LOAD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad_logs[i].message));
    }
}

/* Version 2 is written when it is needed, and only then. */
static void
test_follow_up_version (void)
{
  g_autoptr(GbDossier) with = load_string (
    HEAD ("2") SOURCES AGREEMENT ("{\"date\":\"2025\",\"status\":\"ended\",\"source\":\"s\"}"),
    NULL);
  g_autoptr(GbDossier) without = load_string (HEAD ("2") SOURCES AGREEMENT (""), NULL);
  g_autofree char *with_text = save_string (with);
  g_autofree char *without_text = save_string (without);

  g_assert_nonnull (strstr (with_text, "\"version\": 2,"));
  g_assert_nonnull (strstr (with_text, "\"follow_up\": [\n"));
  g_assert_nonnull (strstr (without_text, "\"version\": 1,"));
  g_assert_null (strstr (without_text, "follow_up"));
}

/* Removing a source that only a follow-up cites drops that entry alone. */
static void
test_follow_up_remove_source (void)
{
  g_autoptr(GbDossier) dossier = load_string (
    HEAD ("2") SOURCES AGREEMENT (
      "{\"date\":\"2025\",\"status\":\"launched\",\"source\":\"s\"},"
      "{\"date\":\"2026\",\"status\":\"ended\",\"source\":\"news\"}"), NULL);
  g_autoptr(GbHistory) history = gb_history_new (dossier);
  g_autoptr(GError) error = NULL;
  GbAgreement *agreement;

  g_assert_true (gb_dossier_edit_remove_with_references (history,
                                                         gb_dossier_lookup (dossier, "news"),
                                                         &error));
  g_assert_no_error (error);
  agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));
  g_assert_nonnull (agreement);
  g_assert_cmpuint (gb_agreement_get_follow_ups (agreement)->len, ==, 1);
  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_LAUNCHED);

  g_assert_true (gb_history_undo (history));
  agreement = GB_AGREEMENT (gb_dossier_lookup (dossier, "agr"));
  g_assert_cmpint (gb_agreement_get_current_status (agreement), ==, GB_AGREEMENT_STATUS_ENDED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/load", test_follow_up_load);
  g_test_add_func ("/follow-up/none", test_follow_up_none);
  g_test_add_func ("/follow-up/invalid", test_follow_up_invalid);
  g_test_add_func ("/follow-up/version", test_follow_up_version);
  g_test_add_func ("/follow-up/remove-source", test_follow_up_remove_source);

  return g_test_run ();
}
