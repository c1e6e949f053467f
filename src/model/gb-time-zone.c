/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-time-zone"

#include "config.h"

#include <string.h>

#include "gb-time-zone.h"

#define MAX_NAME_LENGTH 64

/* Area/Location[/Sub]: two or three parts, each starting with a letter (no
 * "." or "..", no empty part, so no leading or doubled "/"). */
static gboolean
name_is_well_formed (const char *name)
{
  guint parts = 1;
  gboolean at_start = TRUE;

  if (strlen (name) > MAX_NAME_LENGTH)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          if (at_start)
            return FALSE;
          parts++;
          at_start = TRUE;
        }
      else if (at_start ? !g_ascii_isalpha (*p)
                        : !g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '+')
        return FALSE;
      else
        at_start = FALSE;
    }

  return !at_start && parts >= 2 && parts <= 3;
}

static const char *
zone_dir (void)
{
  const char *dir = g_getenv ("TZDIR");

  return dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR) ? dir : "/usr/share/zoneinfo";
}

/* The lines of @file in @dir, or %NULL when it can't be read. */
static GStrv
read_lines (const char *dir,
            const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return g_strsplit (contents, "\n", -1);
}

/* tzdata.zi, the compact form of the database: "Z NAME …" for a zone,
 * "L TARGET NAME" for a link. */
static gboolean
read_tzdata_zi (const char *dir,
                GHashTable *names)
{
  g_auto(GStrv) lines = read_lines (dir, "tzdata.zi");

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] != 'Z' && lines[i][0] != 'L')
        continue;
      fields = g_strsplit_set (lines[i], " \t", -1);
      if (fields[0][1] == '\0' && fields[1] != NULL)
        {
          const char *name = lines[i][0] == 'Z' || fields[2] == NULL ? fields[1] : fields[2];

          g_hash_table_add (names, g_strdup (name));
        }
    }

  return lines != NULL;
}

/* zone1970.tab and zone.tab: "CODES COORDINATES NAME [COMMENT]", tab-separated. */
static gboolean
read_zone_tab (const char *dir,
               const char *file,
               GHashTable *names)
{
  g_auto(GStrv) lines = read_lines (dir, file);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (fields) >= 3)
        g_hash_table_add (names, g_strdup (fields[2]));
    }

  return lines != NULL;
}

/* The system's zone names, read once; %NULL when it has no list. */
static GHashTable *
known_names (void)
{
  static GHashTable *names;

  if (g_once_init_enter (&names))
    {
      GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      const char *dir = zone_dir ();
      gboolean have;

      have = read_tzdata_zi (dir, found);
      if (!have)
        {
          have = read_zone_tab (dir, "zone1970.tab", found);
          have |= read_zone_tab (dir, "zone.tab", found);
        }
      if (!have)
        {
          g_debug ("No list of time zones in %s: zone names are checked by their form only",
                   dir);
          g_hash_table_add (found, g_strdup (""));
        }
      g_once_init_leave (&names, found);
    }

  /* The empty name marks a system with no list. */
  return g_hash_table_contains (names, "") ? NULL : names;
}

/**
 * gb_time_zone_name_is_known:
 * @name: a zone name from a file
 *
 * Never opens a file @name chooses: the name is checked against the zone
 * list before GLib sees it.
 *
 * Returns: whether @name is an IANA zone name this system knows
 */
gboolean
gb_time_zone_name_is_known (const char *name)
{
  GHashTable *names;

  g_return_val_if_fail (name != NULL, FALSE);

  if (g_str_equal (name, "UTC"))
    return TRUE;
  if (!name_is_well_formed (name))
    return FALSE;

  names = known_names ();
  return names == NULL || g_hash_table_contains (names, name);
}

/**
 * gb_time_zone_new_known:
 * @name: a zone name from a file
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL when @name is not a
 *   known IANA name or its data can't be read
 */
GTimeZone *
gb_time_zone_new_known (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (!gb_time_zone_name_is_known (name))
    return NULL;

  return g_time_zone_new_identifier (name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gb_time_zone_dup_names:
 *
 * For a form to choose a zone from.
 *
 * Returns: (transfer full): the known zone names
 */
GStrv
gb_time_zone_dup_names (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTable *known = known_names ();
  GHashTableIter iter;
  gpointer name;

  if (known != NULL)
    {
      g_hash_table_iter_init (&iter, known);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (!g_str_equal (name, "UTC") && name_is_well_formed (name))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
    }
  g_ptr_array_insert (names, 0, g_strdup ("UTC"));
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
