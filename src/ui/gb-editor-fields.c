/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-editor-fields"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-accessible.h"
#include "gb-basemap-layer.h"
#include "gb-dossier.h"
#include "gb-enum-types.h"
#include "gb-item-editor-private.h"
#include "gb-item.h"
#include "gb-json-path.h"
#include "gb-labels.h"
#include "gb-time-zone.h"

/* The tables: the fields of each kind of item, as docs/dossier-format.md
 * lists its members. The loader decides what is valid; ranges here only
 * keep the spin buttons usable. */

#define DATE_HINT N_("As precise as the source: 2024, 2024-11, 2024-11-04, or a time with its " \
                     "offset such as 2024-11-04T14:00+09:00 (or choose a time zone)")
#define QUOTE_HINT N_("The sentence of the source the item rests on, word for word")

#define ANY_ITEM (KIND_BIT (GB_ITEM_KIND_SOURCE) | KIND_BIT (GB_ITEM_KIND_EVENT) | \
                  KIND_BIT (GB_ITEM_KIND_PLACE) | KIND_BIT (GB_ITEM_KIND_ROUTE) | \
                  KIND_BIT (GB_ITEM_KIND_AGREEMENT) | KIND_BIT (GB_ITEM_KIND_FIGURE) | \
                  KIND_BIT (GB_ITEM_KIND_PERSON) | KIND_BIT (GB_ITEM_KIND_ORGANISATION))
#define PARTIES (KIND_BIT (GB_ITEM_KIND_PERSON) | KIND_BIT (GB_ITEM_KIND_ORGANISATION))
#define SOURCES KIND_BIT (GB_ITEM_KIND_SOURCE)

/* Every item but a source ends with where it comes from. */
#define PROVENANCE \
  { "source", N_("Source"), FIELD_REF, N_("Source"), .kinds = SOURCES, .new_kinds = SOURCES }, \
  { "quote", N_("Quoted Sentence"), FIELD_STRING, .hint = QUOTE_HINT }

static const FieldSpec source_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "title", N_("Title"), FIELD_TEXT },
  { "kind", N_("Kind"), FIELD_CHOICE, .choices = gb_source_kind_get_type },
  { "publisher", N_("Publisher"), FIELD_STRING },
  { "date", N_("Date"), FIELD_DATE, .hint = DATE_HINT },
  { "url", N_("Link"), FIELD_STRING, .hint = N_("An http or https address") },
  { "note", N_("Note"), FIELD_TEXT },
};

static const FieldSpec organisation_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "name", N_("Name"), FIELD_TEXT },
  { "short_name", N_("Short Name"), FIELD_TEXT },
  { "kind", N_("Kind"), FIELD_STRING, .hint = N_("Such as government, ministry, university") },
  { "country", N_("Country"), FIELD_STRING, .hint = N_("A two-letter code such as KZ") },
  { "url", N_("Link"), FIELD_STRING },
  { "description", N_("Description"), FIELD_TEXT },
  PROVENANCE,
};

static const FieldSpec person_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "name", N_("Name"), FIELD_TEXT },
  { "role", N_("Role"), FIELD_TEXT, .hint = N_("Their title as of the story’s date") },
  { "organisation", N_("Organisation"), FIELD_REF,
    .kinds = KIND_BIT (GB_ITEM_KIND_ORGANISATION), .optional = TRUE },
  { "country", N_("Country"), FIELD_STRING, .hint = N_("A two-letter code such as KZ") },
  { "description", N_("Description"), FIELD_TEXT },
  PROVENANCE,
};

static const FieldSpec place_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "name", N_("Name"), FIELD_TEXT },
  { "kind", N_("Kind"), FIELD_CHOICE, .choices = gb_place_kind_get_type },
  { "lat", N_("Latitude"), FIELD_NUMBER, N_("Position"), .min = -1000, .max = 1000, .digits = 4 },
  { "lon", N_("Longitude"), FIELD_NUMBER, .min = -1000, .max = 1000, .digits = 4 },
  { NULL, N_("Map"), FIELD_MAP, .hint = N_("Click the map to set the position") },
  { "country", N_("Country"), FIELD_STRING, N_("Details"),
    .hint = N_("A two-letter code such as KR") },
  { "timezone", N_("Time Zone"), FIELD_ZONE },
  { "iata", N_("Airport Code"), FIELD_STRING, .hint = N_("Three letters such as ICN") },
  { "description", N_("Description"), FIELD_TEXT },
  PROVENANCE,
};

static const FieldSpec route_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "title", N_("Title"), FIELD_TEXT },
  { "from", N_("From"), FIELD_REF, .kinds = KIND_BIT (GB_ITEM_KIND_PLACE) },
  { "to", N_("To"), FIELD_REF, .kinds = KIND_BIT (GB_ITEM_KIND_PLACE) },
  { "mode", N_("Mode"), FIELD_CHOICE, .choices = gb_route_mode_get_type },
  { "duration_minutes", N_("Duration in Minutes"), FIELD_NUMBER, .optional = TRUE,
    .min = 0, .max = 100000, .hint = N_("Typical travel time; 0 when not known") },
  { "operators", N_("Operators"), FIELD_STRINGS, .hint = N_("Separated by commas") },
  { "schedule", N_("Schedule"), FIELD_TEXT },
  { "period", N_("Since"), FIELD_DATE, .hint = DATE_HINT },
  { "description", N_("Description"), FIELD_TEXT },
  PROVENANCE,
};

static const FieldSpec event_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "title", N_("Title"), FIELD_TEXT },
  { "date", N_("Date"), FIELD_DATE, .hint = DATE_HINT },
  { "description", N_("Description"), FIELD_TEXT },
  { "places", N_("Places"), FIELD_REFS, N_("Where and Who"),
    .kinds = KIND_BIT (GB_ITEM_KIND_PLACE), .new_kinds = KIND_BIT (GB_ITEM_KIND_PLACE) },
  { "people", N_("People"), FIELD_REFS, .kinds = KIND_BIT (GB_ITEM_KIND_PERSON),
    .new_kinds = KIND_BIT (GB_ITEM_KIND_PERSON) },
  { "organisations", N_("Organisations"), FIELD_REFS,
    .kinds = KIND_BIT (GB_ITEM_KIND_ORGANISATION),
    .new_kinds = KIND_BIT (GB_ITEM_KIND_ORGANISATION) },
  PROVENANCE,
};

static const FieldSpec agreement_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "title", N_("Title"), FIELD_TEXT },
  { "kind", N_("Kind"), FIELD_CHOICE, .choices = gb_agreement_kind_get_type },
  { "status", N_("Status"), FIELD_CHOICE, .choices = gb_agreement_status_get_type,
    .hint = N_("As the story’s source says; what happened since goes in the follow-up") },
  { "period", N_("Period"), FIELD_DATE, .hint = DATE_HINT },
  { "summary", N_("Summary"), FIELD_TEXT },
  { "parties", N_("Parties"), FIELD_REFS, N_("Parties and Places"), .kinds = PARTIES,
    .new_kinds = PARTIES },
  { "event", N_("Signed or Launched At"), FIELD_REF, .kinds = KIND_BIT (GB_ITEM_KIND_EVENT),
    .optional = TRUE },
  { "places", N_("Places"), FIELD_REFS, .kinds = KIND_BIT (GB_ITEM_KIND_PLACE) },
  PROVENANCE,
  { "follow_up", N_("Follow-up"), FIELD_FOLLOW_UP, N_("Follow-up") },
};

static const FieldSpec figure_fields[] = {
  { "id", N_("Id"), FIELD_ID },
  { "label", N_("What Is Counted"), FIELD_TEXT },
  { "value", N_("Value"), FIELD_NUMBER, .min = -1e15, .max = 1e15, .digits = 2 },
  { "unit", N_("Unit"), FIELD_STRING, .hint = N_("Such as USD, years, people, percent") },
  { "qualifier", N_("Qualifier"), FIELD_CHOICE, .choices = gb_figure_qualifier_get_type },
  { "date", N_("Year or Date"), FIELD_DATE, .hint = DATE_HINT },
  { "description", N_("Description"), FIELD_TEXT },
  { "related", N_("About"), FIELD_REFS, .kinds = ANY_ITEM },
  PROVENANCE,
};

/* The entries of an agreement's follow-up log. */
static const FieldSpec follow_up_fields[] = {
  { "date", N_("Date"), FIELD_DATE, .hint = DATE_HINT },
  { "status", N_("New Status"), FIELD_CHOICE, .choices = gb_agreement_status_get_type },
  { "note", N_("Note"), FIELD_TEXT },
  { "source", N_("Source"), FIELD_REF, .kinds = SOURCES, .new_kinds = SOURCES },
  { "quote", N_("Quoted Sentence"), FIELD_STRING, .hint = QUOTE_HINT },
};

static const FieldSpec story_fields[] = {
  { "title", N_("Title"), FIELD_TEXT },
  { "summary", N_("Summary"), FIELD_TEXT },
  { "languages", N_("Languages"), FIELD_STRINGS,
    .hint = N_("Language tags separated by commas, such as en, kk, ko, ru") },
  { "period", N_("Period"), FIELD_DATE, .hint = DATE_HINT },
};

static const struct
{
  const FieldSpec *fields;
  guint            n_fields;
} kind_fields[] = {
  [GB_ITEM_KIND_SOURCE] = { source_fields, G_N_ELEMENTS (source_fields) },
  [GB_ITEM_KIND_EVENT] = { event_fields, G_N_ELEMENTS (event_fields) },
  [GB_ITEM_KIND_PLACE] = { place_fields, G_N_ELEMENTS (place_fields) },
  [GB_ITEM_KIND_ROUTE] = { route_fields, G_N_ELEMENTS (route_fields) },
  [GB_ITEM_KIND_AGREEMENT] = { agreement_fields, G_N_ELEMENTS (agreement_fields) },
  [GB_ITEM_KIND_FIGURE] = { figure_fields, G_N_ELEMENTS (figure_fields) },
  [GB_ITEM_KIND_PERSON] = { person_fields, G_N_ELEMENTS (person_fields) },
  [GB_ITEM_KIND_ORGANISATION] = { organisation_fields, G_N_ELEMENTS (organisation_fields) },
};

const FieldSpec *
gb_editor_fields_for_kind (GbItemKind  kind,
                           guint      *n_fields)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_fields), NULL);

  *n_fields = kind_fields[kind].n_fields;
  return kind_fields[kind].fields;
}

const FieldSpec *
gb_editor_fields_for_story (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (story_fields);
  return story_fields;
}

/* Rows and cells */

static const char * const *
zone_names (void)
{
  static GStrv names;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, gb_time_zone_dup_names ());
  return (const char * const *) names;
}

static char *
dup_member_path (const char *prefix,
                 const char *member)
{
  GString *path = g_string_new (prefix);

  gb_json_path_append_member (path, member);
  return g_string_free (path, FALSE);
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->path);
  g_free (cell->lang);
  g_free (cell->id);
  g_free (cell);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->base, json_object_unref);
  g_clear_pointer (&entry->fields, g_ptr_array_unref);
  g_free (entry);
}

/* Text from the file, never markup: rows parse their titles in libadwaita 1.2. */
static GtkWidget *
plain_row (GtkWidget  *row,
           const char *title)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
add_row (Field     *f,
         GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (f->container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (f->container), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (f->container), row);
  g_ptr_array_add (f->rows, row);
}

static void
focus_left_cb (GtkEventControllerFocus *controller,
               Field                   *f)
{
  GbHistory *history = gb_item_editor_get_history (f->editor);

  /* The next typing in this field is a step of its own. The form going away
   * takes the focus too, once it has let go of the history. */
  if (history != NULL)
    gb_history_break_merge (history);
}

static Cell *
add_cell (Field      *f,
          GtkWidget  *widget,
          const char *path)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  cell->widget = widget;
  cell->path = g_strdup (path);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left_cb), f);
  gtk_widget_add_controller (widget, focus);
  g_ptr_array_add (f->cells, cell);
  return cell;
}

static void
changed_cb (GtkWidget *widget,
            Field     *f)
{
  if (!gb_item_editor_is_filling (f->editor))
    gb_item_editor_field_changed (f->editor, f);
}

static void
notify_changed_cb (GObject    *object,
                   GParamSpec *pspec,
                   Field      *f)
{
  changed_cb (GTK_WIDGET (object), f);
}

static GtkWidget *
new_entry_row (Field      *f,
               const char *title,
               const char *text,
               const char *path)
{
  GtkWidget *row = plain_row (adw_entry_row_new (), title);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "changed", G_CALLBACK (changed_cb), f);
  add_row (f, row);
  add_cell (f, row, path);
  return row;
}

static GtkWidget *
new_combo_row (Field       *f,
               const char  *title,
               GtkStringList *strings,
               guint        selected,
               const char  *path)
{
  GtkWidget *row = plain_row (adw_combo_row_new (), title);
  g_autoptr(GtkExpression) expression = NULL;

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  /* Hundreds of zones or items: libadwaita 1.4 can search them. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (row), "enable-search") != NULL)
    g_object_set (row, "enable-search", TRUE, NULL);
  g_signal_connect (row, "notify::selected", G_CALLBACK (notify_changed_cb), f);
  add_row (f, row);
  add_cell (f, row, path);
  g_object_unref (strings);
  return row;
}

static const char *
get_string_member (JsonObject *obj,
                   const char *member)
{
  JsonNode *node = obj != NULL && member != NULL ? json_object_get_member (obj, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* FIELD_TEXT: a row per language of the story, and per other language the
 * text has; one row without a language when the story names none. */
static void
build_text (Field      *f,
            JsonObject *obj)
{
  GbDossier *dossier = gb_history_get_dossier (gb_item_editor_get_history (f->editor));
  const char * const *story_langs = gb_dossier_get_languages (dossier);
  JsonNode *node = json_object_get_member (obj, f->spec->member);
  g_autoptr(GPtrArray) langs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; story_langs != NULL && story_langs[i] != NULL; i++)
    g_ptr_array_add (langs, g_strdup (story_langs[i]));

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *lang;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &lang, &value))
        {
          if (!g_ptr_array_find_with_equal_func (langs, lang, g_str_equal, NULL))
            g_ptr_array_add (langs, g_strdup (lang));
          if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
            g_hash_table_insert (values, (gpointer) lang, (gpointer) json_node_get_string (value));
        }
    }
  if (langs->len == 0)
    g_ptr_array_add (langs, g_strdup (""));
  if (get_string_member (obj, f->spec->member) != NULL)
    g_hash_table_insert (values, langs->pdata[0], (gpointer) get_string_member (obj, f->spec->member));

  for (guint i = 0; i < langs->len; i++)
    {
      const char *lang = langs->pdata[i];
      g_autofree char *title = NULL;
      g_autofree char *path = NULL;
      Cell *cell;

      /* Translators: a field and the language of its text, as "Title (kk)" */
      title = lang[0] ? g_strdup_printf (_("%s (%s)"), _(f->spec->label), lang)
                      : g_strdup (_(f->spec->label));
      path = lang[0] ? dup_member_path (f->path, lang) : g_strdup (f->path);
      new_entry_row (f, title, g_hash_table_lookup (values, lang), path);
      cell = f->cells->pdata[f->cells->len - 1];
      cell->lang = g_strdup (lang);
    }
}

static void
write_text (Field      *f,
            JsonObject *obj)
{
  g_autoptr(JsonObject) texts = json_object_new ();
  const char *plain = NULL;

  for (guint i = 0; i < f->cells->len; i++)
    {
      Cell *cell = f->cells->pdata[i];
      const char *text = gtk_editable_get_text (GTK_EDITABLE (cell->widget));

      if (text[0] == '\0')
        continue;
      if (cell->lang[0] == '\0')
        plain = text;
      else
        json_object_set_string_member (texts, cell->lang, text);
    }

  if (plain != NULL)
    json_object_set_string_member (obj, f->spec->member, plain);
  else if (json_object_get_size (texts) > 0)
    json_object_set_object_member (obj, f->spec->member, json_object_ref (texts));
  else
    json_object_remove_member (obj, f->spec->member);
}

/* The choices are the enum's values in its order, so the drop-down's
 * position is the index into the GEnumClass. */
static GtkStringList *
choice_strings (const FieldSpec *spec,
                const char      *nick,
                guint           *selected)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (spec->choices ());
  GtkStringList *strings = gtk_string_list_new (NULL);

  *selected = 0;
  for (guint i = 0; i < klass->n_values; i++)
    {
      gtk_string_list_append (strings,
                              gb_labels_enum_choice (G_TYPE_FROM_CLASS (klass),
                                                     klass->values[i].value));
      if (g_strcmp0 (nick, klass->values[i].value_nick) == 0)
        *selected = i;
    }
  return strings;
}

static const char *
choice_nick (const FieldSpec *spec,
             guint            position)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (spec->choices ());

  if (position >= klass->n_values)
    position = 0;
  return klass->values[position].value_nick;
}

static void
build_number (Field      *f,
              JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, f->spec->member);
  double step = f->spec->digits > 0 ? 0.0001 : 1;
  GtkWidget *row = plain_row (adw_action_row_new (), _(f->spec->label));
  GtkWidget *spin = gtk_spin_button_new_with_range (f->spec->min, f->spec->max, step);
  double value = 0;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) != G_TYPE_STRING)
    value = json_node_get_double (node);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), f->spec->digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 10);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (changed_cb), f);
  add_row (f, row);
  add_cell (f, spin, f->path);
}

static void
write_number (Field      *f,
              JsonObject *obj)
{
  Cell *cell = f->cells->pdata[0];
  double value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (cell->widget));

  if (f->spec->optional && value == 0)
    json_object_remove_member (obj, f->spec->member);
  else if (f->spec->digits == 0)
    json_object_set_int_member (obj, f->spec->member, (gint64) value);
  else
    json_object_set_double_member (obj, f->spec->member, value);
}

static GtkStringList *
zone_strings (const char *zone,
              guint      *selected)
{
  const char * const *names = zone_names ();
  GtkStringList *strings = gtk_string_list_new (NULL);

  *selected = 0;
  gtk_string_list_append (strings, _("None"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      gtk_string_list_append (strings, names[i]);
      if (g_strcmp0 (zone, names[i]) == 0)
        *selected = i + 1;
    }
  return strings;
}

static const char *
selected_zone (GtkWidget *combo)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

  return selected > 0 && selected != GTK_INVALID_LIST_POSITION ? zone_names ()[selected - 1]
                                                                : NULL;
}

/* FIELD_DATE: its start, its end and its zone, as the format's DATE. */
static void
build_date (Field      *f,
            JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, f->spec->member);
  JsonObject *dobj = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                    : NULL;
  const char *start = dobj ? get_string_member (dobj, "start")
                           : get_string_member (obj, f->spec->member);
  g_autofree char *start_path = dup_member_path (f->path, "start");
  g_autofree char *end_path = dup_member_path (f->path, "end");
  g_autofree char *zone_path = dup_member_path (f->path, "zone");
  g_autofree char *end_title = NULL;
  guint selected;
  GtkStringList *zones = zone_strings (dobj ? get_string_member (dobj, "zone") : NULL, &selected);

  new_entry_row (f, _(f->spec->label), start, start_path);
  /* Translators: the end of a date field, as "Period Ends" */
  end_title = g_strdup_printf (_("%s Ends (optional)"), _(f->spec->label));
  new_entry_row (f, end_title, dobj ? get_string_member (dobj, "end") : NULL, end_path);
  new_combo_row (f, _("Time Zone"), zones, selected, zone_path);
}

static void
write_date (Field      *f,
            JsonObject *obj)
{
  const char *start = gtk_editable_get_text (GTK_EDITABLE (((Cell *) f->cells->pdata[0])->widget));
  const char *end = gtk_editable_get_text (GTK_EDITABLE (((Cell *) f->cells->pdata[1])->widget));
  const char *zone = selected_zone (((Cell *) f->cells->pdata[2])->widget);
  JsonObject *dobj;

  if (start[0] == '\0' && end[0] == '\0' && zone == NULL)
    {
      json_object_remove_member (obj, f->spec->member);
      return;
    }
  if (end[0] == '\0' && zone == NULL)
    {
      json_object_set_string_member (obj, f->spec->member, start);
      return;
    }

  dobj = json_object_new ();
  json_object_set_string_member (dobj, "start", start);
  if (end[0] != '\0')
    json_object_set_string_member (dobj, "end", end);
  if (zone != NULL)
    json_object_set_string_member (dobj, "zone", zone);
  json_object_set_object_member (obj, f->spec->member, dobj);
}

static char *
dup_new_label (GbItemKind kind)
{
  switch (kind)
    {
    case GB_ITEM_KIND_SOURCE:
      return g_strdup (_("New Source…"));
    case GB_ITEM_KIND_PLACE:
      return g_strdup (_("New Place…"));
    case GB_ITEM_KIND_PERSON:
      return g_strdup (_("New Person…"));
    case GB_ITEM_KIND_ORGANISATION:
      return g_strdup (_("New Organisation…"));
    default:
      return g_strdup (_("New…"));
    }
}

/* The items a reference may name, in the dossier's order, kind by kind. */
static GPtrArray *
dup_candidates (Field *f)
{
  GbDossier *dossier = gb_history_get_dossier (gb_item_editor_get_history (f->editor));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint kind = 0; kind < 8; kind++)
    {
      GListModel *list;

      if ((f->spec->kinds & KIND_BIT (kind)) == 0)
        continue;
      list = gb_dossier_get_items_of_kind (dossier, kind);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (items, g_list_model_get_item (list, i));
    }
  return items;
}

/* FIELD_REF: "None", the items, then "New …" for each kind made on the spot
 * (ids "+KIND", which no id can be). */
static void
fill_ref (Field      *f,
          const char *id)
{
  g_autoptr(GPtrArray) items = dup_candidates (f);
  GtkStringList *strings = gtk_string_list_new (NULL);
  guint selected = 0;
  Cell *cell;

  g_ptr_array_set_size (f->ids, 0);
  gtk_string_list_append (strings, _("None"));
  g_ptr_array_add (f->ids, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      if (g_strcmp0 (id, gb_item_get_id (items->pdata[i])) == 0)
        selected = f->ids->len;
      gtk_string_list_append (strings, gb_item_get_title (items->pdata[i]));
      g_ptr_array_add (f->ids, g_strdup (gb_item_get_id (items->pdata[i])));
    }
  for (guint kind = 0; kind < 8; kind++)
    if (f->spec->new_kinds & KIND_BIT (kind))
      {
        g_autofree char *label = dup_new_label (kind);

        gtk_string_list_append (strings, label);
        g_ptr_array_add (f->ids, g_strdup_printf ("+%u", kind));
      }

  f->selected = selected;
  if (f->cells->len == 0)
    {
      new_combo_row (f, _(f->spec->label), strings, selected, f->path);
      return;
    }
  cell = f->cells->pdata[0];
  adw_combo_row_set_model (ADW_COMBO_ROW (cell->widget), G_LIST_MODEL (strings));
  adw_combo_row_set_selected (ADW_COMBO_ROW (cell->widget), selected);
  g_object_unref (strings);
}

static const char *
selected_ref (Field *f)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (((Cell *) f->cells->pdata[0])->widget));

  return selected < f->ids->len ? f->ids->pdata[selected] : NULL;
}

/* A "New …" entry chosen: back to what was chosen, and the form for the new item. */
static void
ref_selected_cb (GObject    *row,
                 GParamSpec *pspec,
                 Field      *f)
{
  const char *id;
  guint kind;

  if (gb_item_editor_is_filling (f->editor) || f->cells->len == 0)
    return;

  id = selected_ref (f);
  if (id == NULL || id[0] != '+')
    {
      f->selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
      return;
    }

  kind = (guint) g_ascii_strtoull (id + 1, NULL, 10);
  g_signal_handlers_block_by_func (row, ref_selected_cb, f);
  g_signal_handlers_block_by_func (row, notify_changed_cb, f);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), f->selected);
  g_signal_handlers_unblock_by_func (row, notify_changed_cb, f);
  g_signal_handlers_unblock_by_func (row, ref_selected_cb, f);
  gb_item_editor_add_new (f->editor, f, kind);
}

static void
build_ref (Field      *f,
           JsonObject *obj)
{
  Cell *cell;

  fill_ref (f, get_string_member (obj, f->spec->member));
  cell = f->cells->pdata[0];
  /* Before the generic handler, so that "New …" is never taken as a value. */
  g_signal_handlers_disconnect_by_func (cell->widget, notify_changed_cb, f);
  g_signal_connect (cell->widget, "notify::selected", G_CALLBACK (ref_selected_cb), f);
  g_signal_connect (cell->widget, "notify::selected", G_CALLBACK (notify_changed_cb), f);
}

static void
write_ref (Field      *f,
           JsonObject *obj)
{
  const char *id = selected_ref (f);

  if (id == NULL || id[0] == '+')
    json_object_remove_member (obj, f->spec->member);
  else
    json_object_set_string_member (obj, f->spec->member, id);
}

static void
update_refs_subtitle (Field *f)
{
  g_autofree char *subtitle = NULL;
  guint n = 0;

  for (guint i = 0; i < f->cells->len; i++)
    n += gtk_check_button_get_active (GTK_CHECK_BUTTON (((Cell *) f->cells->pdata[i])->widget));
  subtitle = g_strdup_printf (ngettext ("%u chosen", "%u chosen", n), n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (f->rows->pdata[0]), subtitle);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Field          *f)
{
  update_refs_subtitle (f);
  changed_cb (GTK_WIDGET (check), f);
}

static void
add_ref_row (Field     *f,
             GtkWidget *expander,
             GbItem    *item,
             gboolean   active)
{
  GtkWidget *row = plain_row (adw_action_row_new (), gb_item_get_title (item));
  GtkWidget *check = gtk_check_button_new ();
  Cell *cell;

  if (f->spec->kinds != KIND_BIT (gb_item_get_kind (item)))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gb_labels_item_kind (gb_item_get_kind (item)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), f);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  cell = add_cell (f, check, f->path);
  cell->id = g_strdup (gb_item_get_id (item));
}

static void
new_ref_activated_cb (AdwActionRow *row,
                      Field        *f)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "gb-kind"));

  gb_item_editor_add_new (f->editor, f, kind);
}

/* FIELD_REFS: an expander of check rows, one per item, and "New …" rows. */
static void
build_refs (Field      *f,
            JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, f->spec->member);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                   : NULL;
  g_autoptr(GPtrArray) items = dup_candidates (f);
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *expander = plain_row (adw_expander_row_new (), _(f->spec->label));

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_STRING)
      g_hash_table_add (chosen, (gpointer) json_array_get_string_element (array, i));

  add_row (f, expander);
  for (guint i = 0; i < items->len; i++)
    add_ref_row (f, expander, items->pdata[i],
                 g_hash_table_contains (chosen, gb_item_get_id (items->pdata[i])));

  for (guint kind = 0; kind < 8; kind++)
    if (f->spec->new_kinds & KIND_BIT (kind))
      {
        g_autofree char *label = dup_new_label (kind);
        GtkWidget *row = plain_row (adw_action_row_new (), label);

        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        g_object_set_data (G_OBJECT (row), "gb-kind", GUINT_TO_POINTER (kind));
        g_signal_connect (row, "activated", G_CALLBACK (new_ref_activated_cb), f);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      }
  update_refs_subtitle (f);
}

/* Takes @array; an empty one leaves the member out, as the format does. */
static void
set_array_member (Field      *f,
                  JsonObject *obj,
                  JsonArray  *array)
{
  if (json_array_get_length (array) > 0)
    json_object_set_array_member (obj, f->spec->member, array);
  else
    {
      json_object_remove_member (obj, f->spec->member);
      json_array_unref (array);
    }
}

static void
write_refs (Field      *f,
            JsonObject *obj)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < f->cells->len; i++)
    {
      Cell *cell = f->cells->pdata[i];

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (cell->widget)))
        json_array_add_string_element (array, cell->id);
    }

  set_array_member (f, obj, array);
}

static void
build_strings (Field      *f,
               JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, f->spec->member);
  g_autoptr(GString) text = g_string_new (NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *element = json_array_get_element (json_node_get_array (node), i);

        if (json_node_get_value_type (element) == G_TYPE_STRING)
          g_string_append_printf (text, "%s%s", text->len ? ", " : "",
                                  json_node_get_string (element));
      }
  new_entry_row (f, _(f->spec->label), text->str, f->path);
}

static void
write_strings (Field      *f,
               JsonObject *obj)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (((Cell *) f->cells->pdata[0])->widget));
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        json_array_add_string_element (array, parts[i]);
    }

  set_array_member (f, obj, array);
}

/* FIELD_MAP */

static void
update_marker (Field *f)
{
  Field *lat = gb_item_editor_find_field (f->editor, "lat");
  Field *lon = gb_item_editor_find_field (f->editor, "lon");
  double la, lo;

  if (lat == NULL || lon == NULL || f->marker == NULL)
    return;
  la = gtk_spin_button_get_value (GTK_SPIN_BUTTON (((Cell *) lat->cells->pdata[0])->widget));
  lo = gtk_spin_button_get_value (GTK_SPIN_BUTTON (((Cell *) lon->cells->pdata[0])->widget));
  shumate_location_set_location (SHUMATE_LOCATION (f->marker), CLAMP (la, -85, 85),
                                 CLAMP (lo, -180, 180));
}

static void
map_released_cb (GtkGestureClick *click,
                 int              n_press,
                 double           x,
                 double           y,
                 Field           *f)
{
  GtkWidget *map = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (click));
  double lat, lon;

  shumate_viewport_widget_coords_to_location (f->viewport, map, x, y, &lat, &lon);
  /* One step to undo, not one per coordinate. */
  gb_history_begin_group (gb_item_editor_get_history (f->editor));
  gb_editor_field_set_number (gb_item_editor_find_field (f->editor, "lat"), lat);
  gb_editor_field_set_number (gb_item_editor_find_field (f->editor, "lon"), lon);
  gb_history_end_group (gb_item_editor_get_history (f->editor));
  update_marker (f);
}

static void
build_map (Field      *f,
           JsonObject *obj)
{
  g_autoptr(ShumateMapSource) reference = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  ShumateMap *map = shumate_map_new ();
  ShumateMarkerLayer *markers;
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *pin = gtk_image_new_from_icon_name ("mark-location-symbolic");
  double lat = json_object_get_double_member_with_default (obj, "lat", 0);
  double lon = json_object_get_double_member_with_default (obj, "lon", 0);

  /* The offline outlines only: a reference source for the projection, never
   * asked for a tile. */
  reference = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_from_url (
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
  f->viewport = shumate_map_get_viewport (map);
  shumate_viewport_set_reference_map_source (f->viewport, reference);
  shumate_map_add_layer (map, SHUMATE_LAYER (gb_basemap_layer_new (f->viewport)));
  markers = shumate_marker_layer_new (f->viewport);
  f->marker = shumate_marker_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (pin), 24);
  shumate_marker_set_child (f->marker, pin);
  shumate_marker_layer_add_marker (markers, f->marker);
  shumate_map_add_layer (map, SHUMATE_LAYER (markers));
  shumate_viewport_set_zoom_level (f->viewport, 3);
  shumate_map_center_on (map, CLAMP (lat, -85, 85), CLAMP (lon, -180, 180));

  gtk_widget_set_size_request (GTK_WIDGET (map), -1, 200);
  gtk_widget_set_overflow (GTK_WIDGET (map), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map: click to set the position"), -1);
  g_signal_connect (click, "released", G_CALLBACK (map_released_cb), f);
  gtk_widget_add_controller (GTK_WIDGET (map), GTK_EVENT_CONTROLLER (click));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (map));
  gtk_widget_set_focusable (row, FALSE);
  add_row (f, row);
  for (guint i = 0; i < 2; i++)
    {
      Field *coordinate = gb_item_editor_find_field (f->editor, i == 0 ? "lat" : "lon");

      if (coordinate != NULL)
        g_signal_connect_swapped (((Cell *) coordinate->cells->pdata[0])->widget, "value-changed",
                                  G_CALLBACK (update_marker), f);
    }
  update_marker (f);
}

/* FIELD_FOLLOW_UP: an expander per entry, its fields from follow_up_fields. */

static void build_follow_up (Field *f, JsonArray *log);
static void build_message (Field *f);

static JsonObject *
entry_to_json (Entry *entry)
{
  JsonObject *obj = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, entry->base);
  while (json_object_iter_next (&iter, &name, &node))
    json_object_set_member (obj, name, json_node_copy (node));
  for (guint i = 0; i < entry->fields->len; i++)
    gb_editor_field_write (entry->fields->pdata[i], obj);
  return obj;
}

static JsonArray *
dup_log (Field *f,
         guint  skip)
{
  JsonArray *log = json_array_new ();

  for (guint i = 0; i < f->entries->len; i++)
    if (i != skip)
      json_array_add_object_element (log, entry_to_json (f->entries->pdata[i]));
  return log;
}

/* Entries are named by their index: after one is added or removed, all are
 * built again from what they hold. */
static void
rebuild_follow_up (Field     *f,
                   JsonArray *log)
{
  GtkWidget *group = f->container;

  for (guint i = 0; i < f->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), f->rows->pdata[i]);
  g_ptr_array_set_size (f->rows, 0);
  g_ptr_array_set_size (f->entries, 0);
  g_ptr_array_set_size (f->cells, 0);
  build_follow_up (f, log);
  build_message (f);
  gb_editor_field_show (f, NULL, NULL, FALSE);
  f->dirty = TRUE;
  gb_item_editor_field_changed (f->editor, f);
}

static void
remove_entry_cb (GtkButton *button,
                 Field     *f)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gb-index"));
  g_autoptr(JsonArray) log = dup_log (f, index);

  rebuild_follow_up (f, log);
}

static void
add_entry_cb (AdwActionRow *row,
              Field        *f)
{
  g_autoptr(JsonArray) log = dup_log (f, G_MAXUINT);
  JsonObject *entry = json_object_new ();
  GtkWidget *expander;

  json_object_set_string_member (entry, "status", "launched");
  json_array_add_object_element (log, entry);
  rebuild_follow_up (f, log);
  expander = ((Entry *) f->entries->pdata[f->entries->len - 1])->row;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_widget_grab_focus (expander);
}

static void
add_entry (Field      *f,
           JsonObject *obj,
           guint       index)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *prefix = g_strdup_printf ("%s[%u]", f->path, index);
  g_autofree char *title = g_strdup_printf (_("Entry %u"), index + 1);
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Entry"));
  GtkWidget *expander = plain_row (adw_expander_row_new (), title);
  const char *date = get_string_member (obj, "date");

  entry->base = json_object_ref (obj);
  entry->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) gb_editor_field_free);
  entry->row = expander;
  if (date != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), date);
  add_row (f, expander);
  for (guint i = 0; i < G_N_ELEMENTS (follow_up_fields); i++)
    {
      Field *sub = gb_editor_field_new (f->editor, &follow_up_fields[i], prefix, expander, obj);

      sub->parent = f;
      g_ptr_array_add (entry->fields, sub);
    }

  g_object_set_data (G_OBJECT (remove), "gb-index", GUINT_TO_POINTER (index));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_entry_cb), f);
  gb_accessible_name_buttons (remove);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
  g_ptr_array_add (f->entries, entry);
}

static void
build_follow_up (Field     *f,
                 JsonArray *log)
{
  GtkWidget *add = plain_row (adw_action_row_new (), _("Add Follow-up Entry"));

  for (guint i = 0; log != NULL && i < json_array_get_length (log); i++)
    {
      JsonNode *node = json_array_get_element (log, i);
      g_autoptr(JsonObject) empty = json_object_new ();

      add_entry (f, JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : empty, i);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
  g_signal_connect (add, "activated", G_CALLBACK (add_entry_cb), f);
  add_row (f, add);
}

static void
write_follow_up (Field      *f,
                 JsonObject *obj)
{
  JsonArray *log = dup_log (f, G_MAXUINT);

  set_array_member (f, obj, log);
}

/* Fields */

static void
build_message (Field *f)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* A preferences row, so that the group keeps it under its field: other
   * widgets go below the whole group. */
  f->message_row = adw_preferences_row_new ();
  f->message = GTK_LABEL (label);
  gtk_label_set_wrap (f->message, TRUE);
  gtk_label_set_wrap_mode (f->message, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (f->message, 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (f->message_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (f->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (f->message_row), FALSE);
  gtk_widget_set_focusable (f->message_row, FALSE);
  gtk_widget_add_css_class (f->message_row, "gb-field-message");
  add_row (f, f->message_row);
}

Field *
gb_editor_field_new (GbItemEditor    *editor,
                     const FieldSpec *spec,
                     const char      *prefix,
                     GtkWidget       *container,
                     JsonObject      *obj)
{
  Field *f = g_new0 (Field, 1);
  JsonNode *node;

  f->spec = spec;
  f->editor = editor;
  f->path = spec->member != NULL ? dup_member_path (prefix, spec->member) : g_strdup (prefix);
  f->container = container;
  f->rows = g_ptr_array_new ();
  f->cells = g_ptr_array_new_with_free_func (cell_free);
  f->ids = g_ptr_array_new_with_free_func (g_free);
  f->entries = g_ptr_array_new_with_free_func (entry_free);

  switch (spec->type)
    {
    case FIELD_TEXT:
      build_text (f, obj);
      break;
    case FIELD_STRING:
    case FIELD_ID:
      new_entry_row (f, _(spec->label), get_string_member (obj, spec->member), f->path);
      break;
    case FIELD_CHOICE:
      {
        guint selected;
        GtkStringList *strings = choice_strings (spec, get_string_member (obj, spec->member),
                                                 &selected);

        new_combo_row (f, _(spec->label), strings, selected, f->path);
      }
      break;
    case FIELD_NUMBER:
      build_number (f, obj);
      break;
    case FIELD_DATE:
      build_date (f, obj);
      break;
    case FIELD_ZONE:
      {
        guint selected;
        GtkStringList *zones = zone_strings (get_string_member (obj, spec->member), &selected);

        new_combo_row (f, _(spec->label), zones, selected, f->path);
      }
      break;
    case FIELD_REF:
      build_ref (f, obj);
      break;
    case FIELD_REFS:
      build_refs (f, obj);
      break;
    case FIELD_STRINGS:
      build_strings (f, obj);
      break;
    case FIELD_MAP:
      build_map (f, obj);
      break;
    case FIELD_FOLLOW_UP:
      node = json_object_get_member (obj, spec->member);
      build_follow_up (f, node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                        : NULL);
      break;
    default:
      g_assert_not_reached ();
    }

  build_message (f);
  gb_editor_field_show (f, NULL, NULL, FALSE);
  return f;
}

void
gb_editor_field_free (Field *f)
{
  g_return_if_fail (f != NULL);

  g_free (f->path);
  g_ptr_array_unref (f->rows);
  g_ptr_array_unref (f->cells);
  g_ptr_array_unref (f->ids);
  g_ptr_array_unref (f->entries);
  g_free (f);
}

void
gb_editor_field_collect (Field     *f,
                         GPtrArray *out)
{
  g_return_if_fail (f != NULL);

  g_ptr_array_add (out, f);
  for (guint i = 0; i < f->entries->len; i++)
    {
      Entry *entry = f->entries->pdata[i];

      for (guint j = 0; j < entry->fields->len; j++)
        gb_editor_field_collect (entry->fields->pdata[j], out);
    }
}

void
gb_editor_field_write (Field      *f,
                       JsonObject *obj)
{
  g_return_if_fail (f != NULL);

  switch (f->spec->type)
    {
    case FIELD_TEXT:
      write_text (f, obj);
      break;
    case FIELD_STRING:
    case FIELD_ID:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (((Cell *) f->cells->pdata[0])->widget));

        if (text[0] != '\0')
          json_object_set_string_member (obj, f->spec->member, text);
        else
          json_object_remove_member (obj, f->spec->member);
      }
      break;
    case FIELD_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (((Cell *) f->cells->pdata[0])->widget));

        json_object_set_string_member (obj, f->spec->member, choice_nick (f->spec, selected));
      }
      break;
    case FIELD_NUMBER:
      write_number (f, obj);
      break;
    case FIELD_DATE:
      write_date (f, obj);
      break;
    case FIELD_ZONE:
      if (selected_zone (((Cell *) f->cells->pdata[0])->widget) != NULL)
        json_object_set_string_member (obj, f->spec->member,
                                       selected_zone (((Cell *) f->cells->pdata[0])->widget));
      else
        json_object_remove_member (obj, f->spec->member);
      break;
    case FIELD_REF:
      write_ref (f, obj);
      break;
    case FIELD_REFS:
      write_refs (f, obj);
      break;
    case FIELD_STRINGS:
      write_strings (f, obj);
      break;
    case FIELD_MAP:
      break;
    case FIELD_FOLLOW_UP:
      write_follow_up (f, obj);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_description (GtkWidget  *widget,
                 const char *text)
{
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
gb_editor_field_show (Field      *f,
                      const char *message,
                      const char *cell_path,
                      gboolean    is_error)
{
  const char *hint = f->spec->hint != NULL ? _(f->spec->hint) : NULL;
  const char *shown = message != NULL ? message : hint;

  g_return_if_fail (f != NULL);

  f->failed = is_error;
  gtk_label_set_text (f->message, shown != NULL ? shown : "");
  gtk_widget_set_visible (f->message_row, shown != NULL);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (f->message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (f->message), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (f->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (f->message), "dim-label");
    }

  for (guint i = 0; i < f->rows->len; i++)
    gtk_widget_remove_css_class (f->rows->pdata[i], "error");
  for (guint i = 0; i < f->cells->len; i++)
    {
      Cell *cell = f->cells->pdata[i];
      GtkWidget *row = gtk_widget_get_ancestor (cell->widget, GTK_TYPE_LIST_BOX_ROW);
      gboolean hit = is_error && (cell_path == NULL || g_str_equal (cell->path, cell_path));

      if (row != NULL && hit)
        gtk_widget_add_css_class (row, "error");
      else if (row != NULL)
        gtk_widget_remove_css_class (row, "error");
      /* A screen reader reads the message with the field: GTK 4.8 gives
       * AT-SPI the description property only, not the described-by text. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell->widget),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, f->message, NULL, -1);
      set_description (cell->widget, shown);
      /* Newer GTK exposes an entry row's text field, which has the focus. */
      if (GTK_IS_EDITABLE (cell->widget) &&
          gtk_editable_get_delegate (GTK_EDITABLE (cell->widget)) != NULL)
        set_description (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (cell->widget))),
                         shown);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   hit ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

/* The length of @prefix when @path is it or lies under it; 0 otherwise. */
static guint
prefix_match (const char *prefix,
              const char *path)
{
  gsize n = strlen (prefix);

  if (strncmp (prefix, path, n) != 0)
    return 0;
  return path[n] == '\0' || path[n] == '.' || path[n] == '[' ? n + 1 : 0;
}

guint
gb_editor_field_match (Field      *f,
                       const char *path)
{
  g_return_val_if_fail (f != NULL, 0);

  if (f->spec->member == NULL)
    return 0;
  /* A problem about a whole text ("title") still belongs to its field. */
  return prefix_match (f->path, path);
}

void
gb_editor_field_take_new (Field  *f,
                          GbItem *item)
{
  g_return_if_fail (f != NULL);
  g_return_if_fail (GB_IS_ITEM (item));

  if (f->spec->type == FIELD_REF)
    fill_ref (f, gb_item_get_id (item));
  else if (f->spec->type == FIELD_REFS)
    {
      GtkWidget *expander = f->rows->pdata[0];

      add_ref_row (f, expander, item, TRUE);
      update_refs_subtitle (f);
    }
  f->dirty = TRUE;
  gb_item_editor_field_changed (f->editor, f);
}

const char *
gb_editor_field_get_text (Field *f)
{
  g_return_val_if_fail (f != NULL, NULL);
  g_return_val_if_fail (f->cells->len > 0 && GTK_IS_EDITABLE (((Cell *) f->cells->pdata[0])->widget), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (((Cell *) f->cells->pdata[0])->widget));
}

void
gb_editor_field_set_text (Field      *f,
                          const char *text)
{
  g_return_if_fail (f != NULL);
  g_return_if_fail (f->cells->len > 0);

  gtk_editable_set_text (GTK_EDITABLE (((Cell *) f->cells->pdata[0])->widget), text);
}

void
gb_editor_field_set_number (Field  *f,
                            double  value)
{
  g_return_if_fail (f != NULL);
  g_return_if_fail (f->spec->type == FIELD_NUMBER);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (((Cell *) f->cells->pdata[0])->widget), value);
}
