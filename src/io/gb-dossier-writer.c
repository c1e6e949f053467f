/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-dossier-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "gb-agreement.h"
#include "gb-dossier-writer.h"
#include "gb-enum-types.h"
#include "gb-event.h"
#include "gb-figure.h"
#include "gb-json-read.h"
#include "gb-organisation.h"
#include "gb-person.h"
#include "gb-place.h"
#include "gb-route.h"
#include "gb-source.h"

#define UNKNOWN_KEY "gb-unknown-members"

/* The members docs/dossier-format.md defines, in the order written. */
static const char * const root_members[] = {
  "format", "version", "id", "title", "summary", "period", "languages", "translator",
  "sources", "organisations", "people", "places", "routes", "events", "agreements", "figures",
  NULL
};

static void
set_text (JsonObject   *obj,
          const char   *name,
          const GbText *text)
{
  g_auto(GStrv) langs = NULL;
  JsonObject *tobj;

  if (text == NULL || gb_text_is_empty (text))
    return;

  langs = gb_text_dup_langs (text);
  if (langs[0] == NULL)
    {
      json_object_set_string_member (obj, name, gb_text_get_exact (text, NULL));
      return;
    }

  tobj = json_object_new ();
  for (guint i = 0; langs[i] != NULL; i++)
    json_object_set_string_member (tobj, langs[i], gb_text_get_exact (text, langs[i]));
  json_object_set_object_member (obj, name, tobj);
}

/* json-glib 1.6 has no take variant for strings. */
static void
take_string (JsonObject *obj,
             const char *name,
             char       *value)
{
  json_object_set_string_member (obj, name, value);
  g_free (value);
}

static void
set_date (JsonObject   *obj,
          const char   *name,
          const GbDate *date)
{
  g_autofree char *start = NULL;
  JsonObject *dobj;

  if (date == NULL)
    return;

  start = gb_date_part_to_string (gb_date_get_start (date));
  if (!gb_date_has_end (date) && gb_date_get_zone (date) == NULL)
    {
      json_object_set_string_member (obj, name, start);
      return;
    }

  dobj = json_object_new ();
  json_object_set_string_member (dobj, "start", start);
  if (gb_date_has_end (date))
    take_string (dobj, "end", gb_date_part_to_string (gb_date_get_end (date)));
  gb_json_set_string (dobj, "zone", gb_date_get_zone (date));
  json_object_set_object_member (obj, name, dobj);
}

static void
set_enum (JsonObject *obj,
          const char *name,
          GType       type,
          int         value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  g_return_if_fail (ev != NULL);
  json_object_set_string_member (obj, name, ev->value_nick);
}

static void
set_refs (JsonObject *obj,
          const char *name,
          GPtrArray  *items)
{
  JsonArray *array;

  if (items == NULL || items->len == 0)
    return;

  array = json_array_new ();
  for (guint i = 0; i < items->len; i++)
    json_array_add_string_element (array, gb_item_get_id (items->pdata[i]));
  json_object_set_array_member (obj, name, array);
}

static void
set_ref (JsonObject *obj,
         const char *name,
         gpointer    item)
{
  if (item != NULL)
    json_object_set_string_member (obj, name, gb_item_get_id (item));
}

static void
write_duration (GbItem     *item,
                JsonObject *obj,
                const char *name)
{
  guint minutes = gb_route_get_duration_minutes (GB_ROUTE (item));

  if (minutes > 0)
    json_object_set_int_member (obj, name, minutes);
}

static void
write_operators (GbItem     *item,
                 JsonObject *obj,
                 const char *name)
{
  const char * const *operators = gb_route_get_operators (GB_ROUTE (item));
  JsonArray *array;

  if (operators == NULL || operators[0] == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; operators[i] != NULL; i++)
    json_array_add_string_element (array, operators[i]);
  json_object_set_array_member (obj, name, array);
}

static void
write_covers (GbItem     *item,
              JsonObject *obj,
              const char *name)
{
  GPtrArray *covers = gb_agreement_get_covers (GB_AGREEMENT (item));
  g_autoptr(JsonObject) holder = NULL;
  JsonArray *array;

  if (covers->len == 0)
    return;

  holder = json_object_new ();
  array = json_array_new ();
  for (guint i = 0; i < covers->len; i++)
    {
      set_text (holder, "cover", covers->pdata[i]);
      json_array_add_element (array, json_object_dup_member (holder, "cover"));
    }
  json_object_set_array_member (obj, name, array);
}

static void
write_follow_ups (GbItem     *item,
                  JsonObject *obj,
                  const char *name)
{
  GPtrArray *log = gb_agreement_get_follow_ups (GB_AGREEMENT (item));
  JsonArray *array;

  if (log->len == 0)
    return;

  array = json_array_sized_new (log->len);
  for (guint i = 0; i < log->len; i++)
    {
      const GbFollowUp *entry = g_ptr_array_index (log, i);
      JsonObject *eobj = json_object_new ();

      set_date (eobj, "date", entry->date);
      set_enum (eobj, "status", GB_TYPE_AGREEMENT_STATUS, entry->status);
      set_text (eobj, "note", entry->note);
      set_ref (eobj, "source", entry->source);
      gb_json_set_string (eobj, "quote", entry->quote);
      json_array_add_object_element (array, eobj);
    }
  json_object_set_array_member (obj, name, array);
}

/* An exact figure is the default, and is not written. */
static void
write_qualifier (GbItem     *item,
                 JsonObject *obj,
                 const char *name)
{
  GbFigureQualifier qualifier = gb_figure_get_qualifier (GB_FIGURE (item));

  if (qualifier != GB_FIGURE_QUALIFIER_EXACT)
    set_enum (obj, name, GB_TYPE_FIGURE_QUALIFIER, qualifier);
}

typedef enum {
  MEMBER_STRING,
  MEMBER_TEXT,
  MEMBER_DATE,
  MEMBER_REF,
  MEMBER_REFS,
  MEMBER_ENUM,
  MEMBER_DOUBLE,
  MEMBER_CUSTOM,
} MemberType;

typedef const char *(*GetString) (gpointer item);
typedef GbText *(*GetText) (gpointer item);
typedef GbDate *(*GetDate) (gpointer item);
typedef gpointer (*GetRef) (gpointer item);
typedef GPtrArray *(*GetRefs) (gpointer item);
typedef int (*GetEnum) (gpointer item);
typedef double (*GetDouble) (gpointer item);
typedef void (*WriteMember) (GbItem     *item,
                             JsonObject *obj,
                             const char *name);

/* A member of an item in the dossier format: @get is the model's getter of
 * its value, of the type @type names (for MEMBER_CUSTOM a WriteMember). */
typedef struct {
  const char *name;
  MemberType type;
  GCallback get;
  GType (*enum_type) (void);
} Member;

#define TITLE(name) { name, MEMBER_TEXT, G_CALLBACK (gb_item_get_title_text), NULL }
#define DESCRIPTION(name) { name, MEMBER_TEXT, G_CALLBACK (gb_item_get_description_text), NULL }
#define DATE(name) { name, MEMBER_DATE, G_CALLBACK (gb_item_get_date), NULL }
#define PROVENANCE \
  { "source", MEMBER_REF, G_CALLBACK (gb_item_get_source), NULL }, \
  { "quote", MEMBER_STRING, G_CALLBACK (gb_item_get_quote), NULL }, \
  { "quote_translation", MEMBER_TEXT, G_CALLBACK (gb_item_get_quote_translation), NULL }

/* The members docs/dossier-format.md defines for each kind of item after its
 * "id", in the order written. */
static const Member source_members[] = {
  { "kind", MEMBER_ENUM, G_CALLBACK (gb_source_get_source_kind), gb_source_kind_get_type },
  TITLE ("title"),
  { "publisher", MEMBER_STRING, G_CALLBACK (gb_source_get_publisher), NULL },
  DATE ("date"),
  { "url", MEMBER_STRING, G_CALLBACK (gb_source_get_url), NULL },
  { "text", MEMBER_STRING, G_CALLBACK (gb_source_get_text), NULL },
  DESCRIPTION ("note"),
  { NULL },
};

static const Member organisation_members[] = {
  TITLE ("name"),
  { "short_name", MEMBER_TEXT, G_CALLBACK (gb_organisation_get_short_name_text), NULL },
  { "kind", MEMBER_STRING, G_CALLBACK (gb_organisation_get_org_kind), NULL },
  { "country", MEMBER_STRING, G_CALLBACK (gb_organisation_get_country), NULL },
  DESCRIPTION ("description"),
  { "url", MEMBER_STRING, G_CALLBACK (gb_organisation_get_url), NULL },
  PROVENANCE,
  { NULL },
};

static const Member person_members[] = {
  TITLE ("name"),
  { "role", MEMBER_TEXT, G_CALLBACK (gb_person_get_role_text), NULL },
  { "organisation", MEMBER_REF, G_CALLBACK (gb_person_get_organisation), NULL },
  { "country", MEMBER_STRING, G_CALLBACK (gb_person_get_country), NULL },
  DESCRIPTION ("description"),
  PROVENANCE,
  { NULL },
};

static const Member place_members[] = {
  TITLE ("name"),
  { "kind", MEMBER_ENUM, G_CALLBACK (gb_place_get_place_kind), gb_place_kind_get_type },
  { "lat", MEMBER_DOUBLE, G_CALLBACK (gb_place_get_latitude), NULL },
  { "lon", MEMBER_DOUBLE, G_CALLBACK (gb_place_get_longitude), NULL },
  { "country", MEMBER_STRING, G_CALLBACK (gb_place_get_country), NULL },
  { "timezone", MEMBER_STRING, G_CALLBACK (gb_place_get_timezone), NULL },
  { "iata", MEMBER_STRING, G_CALLBACK (gb_place_get_iata), NULL },
  DESCRIPTION ("description"),
  PROVENANCE,
  { NULL },
};

static const Member route_members[] = {
  TITLE ("title"),
  { "from", MEMBER_REF, G_CALLBACK (gb_route_get_from), NULL },
  { "to", MEMBER_REF, G_CALLBACK (gb_route_get_to), NULL },
  { "mode", MEMBER_STRING, G_CALLBACK (gb_route_get_mode), NULL },
  { "duration_minutes", MEMBER_CUSTOM, G_CALLBACK (write_duration), NULL },
  { "operators", MEMBER_CUSTOM, G_CALLBACK (write_operators), NULL },
  { "schedule", MEMBER_TEXT, G_CALLBACK (gb_route_get_schedule_text), NULL },
  DATE ("period"),
  DESCRIPTION ("description"),
  PROVENANCE,
  { NULL },
};

static const Member event_members[] = {
  TITLE ("title"),
  DATE ("date"),
  DESCRIPTION ("description"),
  { "places", MEMBER_REFS, G_CALLBACK (gb_event_get_places), NULL },
  { "people", MEMBER_REFS, G_CALLBACK (gb_event_get_people), NULL },
  { "organisations", MEMBER_REFS, G_CALLBACK (gb_event_get_organisations), NULL },
  PROVENANCE,
  { NULL },
};

static const Member agreement_members[] = {
  TITLE ("title"),
  { "kind", MEMBER_ENUM, G_CALLBACK (gb_agreement_get_agreement_kind),
    gb_agreement_kind_get_type },
  { "status", MEMBER_ENUM, G_CALLBACK (gb_agreement_get_status), gb_agreement_status_get_type },
  { "parties", MEMBER_REFS, G_CALLBACK (gb_agreement_get_parties), NULL },
  DATE ("period"),
  { "event", MEMBER_REF, G_CALLBACK (gb_agreement_get_event), NULL },
  { "places", MEMBER_REFS, G_CALLBACK (gb_agreement_get_places), NULL },
  DESCRIPTION ("summary"),
  { "covers", MEMBER_CUSTOM, G_CALLBACK (write_covers), NULL },
  { "follow_up", MEMBER_CUSTOM, G_CALLBACK (write_follow_ups), NULL },
  PROVENANCE,
  { NULL },
};

static const Member figure_members[] = {
  TITLE ("label"),
  { "value", MEMBER_DOUBLE, G_CALLBACK (gb_figure_get_value), NULL },
  { "unit", MEMBER_STRING, G_CALLBACK (gb_figure_get_unit), NULL },
  { "qualifier", MEMBER_CUSTOM, G_CALLBACK (write_qualifier), NULL },
  DATE ("date"),
  { "related", MEMBER_REFS, G_CALLBACK (gb_figure_get_related), NULL },
  DESCRIPTION ("description"),
  PROVENANCE,
  { NULL },
};

static const Member * const item_members[] = {
  [GB_ITEM_KIND_SOURCE] = source_members,
  [GB_ITEM_KIND_ORGANISATION] = organisation_members,
  [GB_ITEM_KIND_PERSON] = person_members,
  [GB_ITEM_KIND_PLACE] = place_members,
  [GB_ITEM_KIND_ROUTE] = route_members,
  [GB_ITEM_KIND_EVENT] = event_members,
  [GB_ITEM_KIND_AGREEMENT] = agreement_members,
  [GB_ITEM_KIND_FIGURE] = figure_members,
};

#undef TITLE
#undef DESCRIPTION
#undef DATE
#undef PROVENANCE

static const Member *
members_of (GbItem *item)
{
  GbItemKind kind = gb_item_get_kind (item);

  g_assert (kind < G_N_ELEMENTS (item_members) && item_members[kind] != NULL);
  return item_members[kind];
}

static void
write_member (GbItem       *item,
              JsonObject   *obj,
              const Member *member)
{
  const char *name = member->name;

  switch (member->type)
    {
    case MEMBER_STRING:
      gb_json_set_string (obj, name, ((GetString) member->get) (item));
      break;

    case MEMBER_TEXT:
      set_text (obj, name, ((GetText) member->get) (item));
      break;

    case MEMBER_DATE:
      set_date (obj, name, ((GetDate) member->get) (item));
      break;

    case MEMBER_REF:
      set_ref (obj, name, ((GetRef) member->get) (item));
      break;

    case MEMBER_REFS:
      set_refs (obj, name, ((GetRefs) member->get) (item));
      break;

    case MEMBER_ENUM:
      set_enum (obj, name, member->enum_type (), ((GetEnum) member->get) (item));
      break;

    case MEMBER_DOUBLE:
      json_object_set_double_member (obj, name, ((GetDouble) member->get) (item));
      break;

    case MEMBER_CUSTOM:
      ((WriteMember) member->get) (item, obj, name);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_known_member (gpointer    owner,
                 const char *name)
{
  if (GB_IS_DOSSIER (owner))
    return g_strv_contains (root_members, name);

  if (g_str_equal (name, "id"))
    return TRUE;
  for (const Member *m = members_of (GB_ITEM (owner)); m->name != NULL; m++)
    if (g_str_equal (m->name, name))
      return TRUE;
  return FALSE;
}

void
gb_dossier_writer_keep_unknown (gpointer    owner,
                                JsonObject *obj)
{
  g_autoptr(JsonObject) unknown = NULL;
  g_autoptr(GList) names = NULL;

  g_return_if_fail (GB_IS_ITEM (owner) || GB_IS_DOSSIER (owner));
  g_return_if_fail (obj != NULL);

  names = json_object_get_members (obj);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (is_known_member (owner, l->data))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, l->data,
                              json_node_copy (json_object_get_member (obj, l->data)));
    }

  g_object_set_data_full (G_OBJECT (owner), UNKNOWN_KEY, g_steal_pointer (&unknown),
                          (GDestroyNotify) json_object_unref);
}

static void
add_unknown (gpointer    owner,
             JsonObject *obj)
{
  JsonObject *unknown = g_object_get_data (G_OBJECT (owner), UNKNOWN_KEY);
  g_autoptr(GList) names = NULL;

  if (unknown == NULL)
    return;

  names = json_object_get_members (unknown);
  for (const GList *l = names; l != NULL; l = l->next)
    if (!json_object_has_member (obj, l->data))
      json_object_set_member (obj, l->data,
                              json_node_copy (json_object_get_member (unknown, l->data)));
}

/**
 * gb_dossier_writer_item_to_json:
 *
 * Returns: (transfer full): @item as the dossier format writes it, a JSON
 *   object with its members in canonical order, unknown ones last
 */
JsonNode *
gb_dossier_writer_item_to_json (GbItem *item)
{
  JsonObject *obj;
  JsonNode *node;

  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  obj = json_object_new ();
  json_object_set_string_member (obj, "id", gb_item_get_id (item));
  for (const Member *m = members_of (item); m->name != NULL; m++)
    write_member (item, obj, m);
  add_unknown (item, obj);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}

static gboolean
uses_version_2 (GbDossier *dossier)
{
  GListModel *agreements = gb_dossier_get_agreements (dossier);
  guint n = g_list_model_get_n_items (agreements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GbAgreement) agreement = g_list_model_get_item (agreements, i);

      if (gb_agreement_get_follow_ups (agreement)->len > 0)
        return TRUE;
    }

  return FALSE;
}

static JsonNode *
dossier_to_json (GbDossier *dossier)
{
  static const struct { const char *member; GbItemKind kind; } sections[] = {
    { "sources", GB_ITEM_KIND_SOURCE },
    { "organisations", GB_ITEM_KIND_ORGANISATION },
    { "people", GB_ITEM_KIND_PERSON },
    { "places", GB_ITEM_KIND_PLACE },
    { "routes", GB_ITEM_KIND_ROUTE },
    { "events", GB_ITEM_KIND_EVENT },
    { "agreements", GB_ITEM_KIND_AGREEMENT },
    { "figures", GB_ITEM_KIND_FIGURE },
  };
  const char * const *langs = gb_dossier_get_languages (dossier);
  JsonObject *obj = json_object_new ();
  JsonNode *node;

  json_object_set_string_member (obj, "format", "golden-bridge-dossier");
  json_object_set_int_member (obj, "version", uses_version_2 (dossier) ? 2 : 1);
  json_object_set_string_member (obj, "id", gb_dossier_get_id (dossier));
  set_text (obj, "title", gb_dossier_get_title_text (dossier));
  set_text (obj, "summary", gb_dossier_get_summary_text (dossier));
  set_date (obj, "period", gb_dossier_get_period (dossier));
  if (langs != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; langs[i] != NULL; i++)
        json_array_add_string_element (array, langs[i]);
      json_object_set_array_member (obj, "languages", array);
    }
  set_text (obj, "translator", gb_dossier_get_translator (dossier));

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GListModel *list = gb_dossier_get_items_of_kind (dossier, sections[s].kind);
      guint n = g_list_model_get_n_items (list);
      JsonArray *array;

      if (n == 0)
        continue;

      array = json_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GbItem) item = g_list_model_get_item (list, i);

          json_array_add_element (array, gb_dossier_writer_item_to_json (item));
        }
      json_object_set_array_member (obj, sections[s].member, array);
    }

  add_unknown (dossier, obj);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as the same double, so that 37.5665
 * stays 37.5665 and not 37.566499999999998. */
static gboolean
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return FALSE;

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return TRUE;
    }

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  return TRUE;
}

static void
indent (GString *out,
        guint    level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* Returns FALSE when a number was not finite: JSON has no word for it. */
static gboolean
write_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  gboolean ok = TRUE;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *obj = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (obj);

        if (names == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (const GList *l = names; l != NULL; l = l->next)
          {
            indent (out, level + 1);
            write_string (out, l->data);
            g_string_append (out, ": ");
            ok &= write_node (out, json_object_get_member (obj, l->data), level + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        indent (out, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            indent (out, level + 1);
            ok &= write_node (out, json_array_get_element (array, i), level + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          ok = write_double (out, json_node_get_double (node));
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return ok;
}

/**
 * gb_dossier_writer_node_to_string:
 *
 * Returns: (transfer full) (nullable): @node as the writer writes JSON,
 *   ending in a newline; %NULL when it holds a number that is not finite
 */
char *
gb_dossier_writer_node_to_string (JsonNode *node)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_new (NULL);
  if (!write_node (out, node, 0))
    return NULL;
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * gb_dossier_writer_to_bytes:
 *
 * Returns: (transfer full): @dossier in the canonical form of the dossier
 *   format, or %NULL with @error set when it has no title or holds a number
 *   that JSON can't write (one that is not finite)
 */
GBytes *
gb_dossier_writer_to_bytes (GbDossier  *dossier,
                            GError    **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The loader would refuse the file: better to say so before writing it. */
  if (gb_dossier_get_title_text (dossier) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The story needs a title before it can be saved"));
      return NULL;
    }

  root = dossier_to_json (dossier);
  out = g_string_new (NULL);
  if (!write_node (out, root, 0))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The dossier holds a number that is not finite"));
      return NULL;
    }
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
