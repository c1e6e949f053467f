/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-item-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-accessible.h"
#include "gb-alert.h"
#include "gb-dossier-edit.h"
#include "gb-dossier-loader.h"
#include "gb-dossier-writer.h"
#include "gb-item-editor-private.h"
#include "gb-item.h"

typedef enum
{
  MODE_EDIT,
  MODE_ADD,
  MODE_STORY,
} Mode;

struct _GbItemEditor
{
  AdwWindow       parent_instance;

  GbHistory      *history;
  Mode            mode;
  GbItemKind      kind;
  GbItem         *item;       /* MODE_EDIT: its newest version; MODE_ADD: the one to add */
  JsonObject     *base;       /* what the fields were filled from */
  GPtrArray      *fields;     /* Field, in the order of the table */

  AdwWindowTitle *title;
  GtkWidget      *form;       /* the groups */
  GtkWidget      *notice;     /* problems no field names, what is still needed */
  GtkWidget      *add_button;
  GPtrArray      *groups;

  Field          *pending;    /* waiting for the item made on the spot */
  gboolean        filling;
  gboolean        applying;
  gboolean        id_edited;
};

G_DEFINE_FINAL_TYPE (GbItemEditor, gb_item_editor, ADW_TYPE_WINDOW)

enum
{
  ITEM_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The window titles, kind by kind: a title to edit, one to add. */
static const struct
{
  const char *edit;
  const char *add;
  const char *id_prefix;
} kind_titles[] = {
  [GB_ITEM_KIND_SOURCE] = { N_("Edit Source"), N_("New Source"), "src" },
  [GB_ITEM_KIND_EVENT] = { N_("Edit Event"), N_("New Event"), "evt" },
  [GB_ITEM_KIND_PLACE] = { N_("Edit Place"), N_("New Place"), "place" },
  [GB_ITEM_KIND_ROUTE] = { N_("Edit Route"), N_("New Route"), "route" },
  [GB_ITEM_KIND_AGREEMENT] = { N_("Edit Agreement or Initiative"),
                               N_("New Agreement or Initiative"), "agr" },
  [GB_ITEM_KIND_FIGURE] = { N_("Edit Key Figure"), N_("New Key Figure"), "fig" },
  [GB_ITEM_KIND_PERSON] = { N_("Edit Person"), N_("New Person"), "person" },
  [GB_ITEM_KIND_ORGANISATION] = { N_("Edit Organisation"), N_("New Organisation"), "org" },
};

/* Helpers */

static GbDossier *
get_dossier (GbItemEditor *self)
{
  return gb_history_get_dossier (self->history);
}

static GPtrArray *
dup_all_fields (GbItemEditor *self)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < self->fields->len; i++)
    gb_editor_field_collect (self->fields->pdata[i], all);
  return all;
}

static Field *
top_field (Field *f)
{
  while (f->parent != NULL)
    f = f->parent;
  return f;
}

static gboolean
field_is_dirty (Field *f)
{
  for (; f != NULL; f = f->parent)
    if (f->dirty)
      return TRUE;
  return FALSE;
}

static JsonNode *copy_node (JsonNode *node);

/* json_node_copy() shares a node's object or array: the form writes into
 * its copy, so the base must not be shared. */
static JsonObject *
copy_object (JsonObject *obj)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, obj);
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (copy, name, copy_node (member));
  return copy;
}

static JsonNode *
copy_node (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      copy = json_node_alloc ();
      json_node_take_object (json_node_init (copy, JSON_NODE_OBJECT),
                             copy_object (json_node_get_object (node)));
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *out = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (out, copy_node (json_array_get_element (array, i)));
      copy = json_node_alloc ();
      json_node_take_array (json_node_init (copy, JSON_NODE_ARRAY), out);
      return copy;
    }
  return json_node_copy (node);
}

/* The item as the form has it: what it was, with the fields changed. */
static JsonObject *
build_object (GbItemEditor *self)
{
  JsonObject *obj = copy_object (self->base);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = self->fields->pdata[i];

      if (self->mode == MODE_ADD || f->dirty)
        gb_editor_field_write (f, obj);
    }
  return obj;
}

/* The story's own members, as the dossier format writes them. */
static JsonObject *
dup_story_object (GbDossier *dossier)
{
  static const char * const members[] = { "title", "summary", "languages", "period" };
  g_autoptr(GBytes) bytes = gb_dossier_writer_to_bytes (dossier, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = json_object_new ();
  JsonObject *root;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return obj;

  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (root, members[i]))
      json_object_set_member (obj, members[i],
                              json_node_copy (json_object_get_member (root, members[i])));
  return obj;
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(JsonNode) na = json_node_alloc ();
  g_autoptr(JsonNode) nb = json_node_alloc ();

  json_node_init_object (na, a);
  json_node_init_object (nb, b);
  return json_node_equal (na, nb);
}

/* Problems */

static void
show_notice (GbItemEditor *self,
             const char   *text,
             gboolean      is_error)
{
  gtk_label_set_text (GTK_LABEL (self->notice), text != NULL ? text : "");
  gtk_widget_set_visible (self->notice, text != NULL && text[0] != '\0');
  if (is_error)
    {
      gtk_widget_remove_css_class (self->notice, "dim-label");
      gtk_widget_add_css_class (self->notice, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->notice, "error");
      gtk_widget_add_css_class (self->notice, "dim-label");
    }
}

static Field *
field_for_path (GPtrArray  *all,
                const char *path)
{
  Field *best = NULL;
  guint best_match = 0;

  for (guint i = 0; i < all->len; i++)
    {
      guint match = gb_editor_field_match (all->pdata[i], path);

      if (match > best_match)
        {
          best = all->pdata[i];
          best_match = match;
        }
    }
  return best;
}

/* Each problem next to its field; in a new item's form, only at the fields
 * the user has touched: the others are listed as still to fill in. */
static void
show_problems (GbItemEditor *self,
               GPtrArray    *problems)
{
  g_autoptr(GPtrArray) all = dup_all_fields (self);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) first_paths = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) general = g_string_new (NULL);
  g_autoptr(GString) needed = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GbItemProblem *p = problems->pdata[i];
      Field *f = field_for_path (all, p->path);
      char *before;

      if (f == NULL)
        {
          g_string_append_printf (general, "%s%s", general->len ? "\n" : "", p->message);
          continue;
        }
      if (self->mode == MODE_ADD && !field_is_dirty (f))
        {
          if (!g_hash_table_contains (messages, f) && strstr (needed->str, _(f->spec->label)) == NULL)
            g_string_append_printf (needed, "%s%s", needed->len ? _(", ") : "", _(f->spec->label));
          continue;
        }
      before = g_hash_table_lookup (messages, f);
      g_hash_table_insert (messages, f, before ? g_strdup_printf ("%s\n%s", before, p->message)
                                               : g_strdup (p->message));
      if (!g_hash_table_contains (first_paths, f))
        g_hash_table_insert (first_paths, f, p->path);
    }

  for (guint i = 0; i < all->len; i++)
    if (!g_hash_table_contains (messages, all->pdata[i]))
      gb_editor_field_show (all->pdata[i], NULL, NULL, FALSE);
  g_hash_table_iter_init (&iter, messages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gb_editor_field_show (key, value, g_hash_table_lookup (first_paths, key), TRUE);

  if (general->len > 0)
    show_notice (self, general->str, TRUE);
  else if (needed->len > 0)
    {
      /* Translators: %s lists fields, as "Title, Date, Source" */
      g_autofree char *text = g_strdup_printf (_("Still to fill in: %s"), needed->str);

      show_notice (self, text, FALSE);
    }
  else
    show_notice (self, NULL, FALSE);
}

/* Applying */

static void
apply_story (GbItemEditor *self,
             JsonObject   *obj,
             const char   *key)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GbText) title = NULL;
  g_autoptr(GbText) summary = NULL;
  g_autoptr(GbDate) period = NULL;
  g_auto(GStrv) languages = NULL;

  if (gb_dossier_check_story (obj, &title, &summary, &period, &languages, &problems))
    {
      self->applying = TRUE;
      gb_history_set_story (self->history, title, summary, period,
                            (const char * const *) languages, key);
      self->applying = FALSE;
      g_clear_pointer (&self->base, json_object_unref);
      self->base = json_object_ref (obj);
    }
  show_problems (self, problems);
}

static void
apply_item (GbItemEditor *self,
            JsonObject   *obj,
            const char   *key)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GbItem) item = NULL;
  g_autoptr(GError) error = NULL;

  item = gb_dossier_build_item_full (get_dossier (self), self->kind, obj,
                                     self->mode == MODE_EDIT ? self->item : NULL, &problems);
  show_problems (self, problems);

  if (self->mode == MODE_ADD)
    {
      g_set_object (&self->item, item);
      gtk_widget_set_sensitive (self->add_button, item != NULL);
      return;
    }

  if (item == NULL || objects_equal (obj, self->base))
    return;

  self->applying = TRUE;
  if (gb_history_replace (self->history, self->item, item, key, &error))
    {
      g_set_object (&self->item, item);
      g_clear_pointer (&self->base, json_object_unref);
      self->base = json_object_ref (obj);
      adw_window_title_set_subtitle (self->title, gb_item_get_title (item));
    }
  else
    show_notice (self, error->message, TRUE);
  self->applying = FALSE;
}

static void
validate (GbItemEditor *self,
          Field        *changed)
{
  g_autoptr(JsonObject) obj = build_object (self);
  const char *key = changed != NULL ? top_field (changed)->path : NULL;

  if (self->mode == MODE_STORY)
    apply_story (self, obj, key);
  else
    apply_item (self, obj, key);
}

/* A new item's id, from its title: unique in the dossier. */
static char *
dup_new_id (GbItemEditor *self,
            const char   *title)
{
  g_autofree char *ascii = g_str_to_ascii (title != NULL ? title : "", NULL);
  g_autoptr(GString) slug = g_string_new (NULL);
  char *id;

  for (const char *p = ascii; *p != '\0' && slug->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "new");

  id = g_strdup_printf ("%s-%s", kind_titles[self->kind].id_prefix, slug->str);
  for (guint n = 2; gb_dossier_lookup (get_dossier (self), id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%s-%u", kind_titles[self->kind].id_prefix, slug->str, n);
    }
  return id;
}

static void
update_new_id (GbItemEditor *self)
{
  Field *id_field = gb_item_editor_find_field (self, "id");
  g_autofree char *id = NULL;
  Field *title_field = NULL;

  for (guint i = 0; i < self->fields->len && title_field == NULL; i++)
    if (((Field *) self->fields->pdata[i])->spec->type == FIELD_TEXT)
      title_field = self->fields->pdata[i];
  if (id_field == NULL || title_field == NULL || self->id_edited)
    return;

  id = dup_new_id (self, gb_editor_field_get_text (title_field));
  self->filling = TRUE;
  gb_editor_field_set_text (id_field, id);
  self->filling = FALSE;
}

/* The form */

static void
clear_form (GbItemEditor *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->form), self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->fields, 0);
  self->pending = NULL;
}

static void
build_form (GbItemEditor *self)
{
  const FieldSpec *specs;
  GtkWidget *group;
  guint n;

  clear_form (self);
  specs = self->mode == MODE_STORY ? gb_editor_fields_for_story (&n)
                                   : gb_editor_fields_for_kind (self->kind, &n);

  self->filling = TRUE;
  group = gb_item_editor_new_group (self, NULL);
  for (guint i = 0; i < n; i++)
    {
      /* An item keeps its id: others refer to it by that. */
      if (specs[i].type == FIELD_ID && self->mode != MODE_ADD)
        continue;
      if (specs[i].group != NULL)
        group = gb_item_editor_new_group (self, _(specs[i].group));
      g_ptr_array_add (self->fields, gb_editor_field_new (self, &specs[i], "", group, self->base));
    }
  self->filling = FALSE;

  if (self->mode == MODE_ADD)
    {
      update_new_id (self);
      validate (self, NULL);
    }
}

/* Callbacks */

static void
history_changed_cb (GbItemEditor *self)
{
  GbItem *current;

  if (self->applying || self->mode == MODE_ADD)
    return;

  if (self->mode == MODE_STORY)
    {
      g_autoptr(JsonObject) story = dup_story_object (get_dossier (self));

      if (!objects_equal (story, self->base))
        {
          g_clear_pointer (&self->base, json_object_unref);
          self->base = g_steal_pointer (&story);
          build_form (self);
        }
      return;
    }

  /* Undone, redone or deleted elsewhere: follow the item, or close. */
  current = gb_dossier_lookup (get_dossier (self), gb_item_get_id (self->item));
  if (current == NULL || gb_item_get_kind (current) != self->kind)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (current != self->item)
    {
      g_autoptr(JsonNode) node = gb_dossier_writer_item_to_json (current);

      g_set_object (&self->item, current);
      g_clear_pointer (&self->base, json_object_unref);
      self->base = json_object_ref (json_node_get_object (node));
      adw_window_title_set_subtitle (self->title, gb_item_get_title (current));
      build_form (self);
    }
}

static void
add_clicked_cb (GbItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GbItem) item = NULL;

  if (self->item == NULL)
    return;

  item = g_object_ref (self->item);
  if (!gb_history_insert (self->history, item, &error))
    {
      show_notice (self, error->message, TRUE);
      return;
    }
  g_signal_emit (self, signals[ITEM_ADDED], 0, item);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
new_item_added_cb (GbItemEditor *self,
                   GbItem       *item)
{
  Field *f = g_steal_pointer (&self->pending);

  if (f != NULL)
    gb_editor_field_take_new (f, item);
}

/* GObject */

static void
gb_item_editor_dispose (GObject *object)
{
  GbItemEditor *self = GB_ITEM_EDITOR (object);

  /* The rows first: their handlers (focus leaving) use the fields. */
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  adw_window_set_content (ADW_WINDOW (self), NULL);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->item);
  g_clear_pointer (&self->base, json_object_unref);

  G_OBJECT_CLASS (gb_item_editor_parent_class)->dispose (object);
}

static void
gb_item_editor_class_init (GbItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_item_editor_dispose;

  /**
   * GbItemEditor::item-added:
   * @item: the item the form added to the dossier
   */
  signals[ITEM_ADDED] = g_signal_new ("item-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, GB_TYPE_ITEM);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gb_item_editor_init (GbItemEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) gb_editor_field_free);
  self->groups = g_ptr_array_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);

  self->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->form, 18);
  gtk_widget_set_margin_bottom (self->form, 18);
  gtk_widget_set_margin_start (self->form, 12);
  gtk_widget_set_margin_end (self->form, 12);
  self->notice = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->notice), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->notice), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->notice), 0);
  gtk_widget_set_visible (self->notice, FALSE);
  gtk_box_append (GTK_BOX (self->form), self->notice);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->form);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  g_object_set_data (G_OBJECT (self), "gb-header", header);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}

/* The header's buttons: Cancel and Add for a new item, Done otherwise. */
static void
setup_header (GbItemEditor *self,
              const char   *title)
{
  AdwHeaderBar *header = g_object_get_data (G_OBJECT (self), "gb-header");

  adw_window_title_set_title (self->title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (self->mode == MODE_ADD)
    {
      GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

      self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
      gtk_widget_add_css_class (self->add_button, "suggested-action");
      gtk_widget_set_sensitive (self->add_button, FALSE);
      g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
      g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
      adw_header_bar_pack_start (header, cancel);
      adw_header_bar_pack_end (header, self->add_button);
      adw_header_bar_set_show_end_title_buttons (header, FALSE);
      gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
    }
  else
    {
      GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));

      gtk_widget_add_css_class (done, "suggested-action");
      g_signal_connect_swapped (done, "clicked", G_CALLBACK (gtk_window_destroy), self);
      adw_header_bar_pack_end (header, done);
      adw_header_bar_set_show_end_title_buttons (header, FALSE);
      gtk_window_set_default_widget (GTK_WINDOW (self), done);
    }
  gb_accessible_name_buttons (GTK_WIDGET (header));
}

static GbItemEditor *
editor_new (GbHistory  *history,
            Mode        mode,
            GbItemKind  kind,
            GbItem     *item)
{
  GbItemEditor *self = g_object_new (GB_TYPE_ITEM_EDITOR, NULL);

  self->history = g_object_ref (history);
  self->mode = mode;
  self->kind = kind;
  g_set_object (&self->item, item);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (history_changed_cb), self);
  return self;
}

/* Public */

/* For the fields (gb-item-editor-private.h). */

GbHistory *
gb_item_editor_get_history (GbItemEditor *self)
{
  return self->history;
}

gboolean
gb_item_editor_is_filling (GbItemEditor *self)
{
  return self->filling;
}

void
gb_item_editor_field_changed (GbItemEditor *self,
                              Field        *field)
{
  g_assert (GB_IS_ITEM_EDITOR (self));
  g_assert (field != NULL);

  if (self->filling)
    return;

  field->dirty = TRUE;
  if (field->spec->type == FIELD_ID)
    self->id_edited = TRUE;
  if (self->mode == MODE_ADD && field->spec->type == FIELD_TEXT && field->parent == NULL &&
      gb_item_editor_find_field (self, "id") != NULL)
    {
      for (guint i = 0; i < self->fields->len; i++)
        if (((Field *) self->fields->pdata[i])->spec->type == FIELD_TEXT)
          {
            if (self->fields->pdata[i] == field)
              update_new_id (self);
            break;
          }
    }
  validate (self, field);
}

void
gb_item_editor_add_new (GbItemEditor *self,
                        Field        *field,
                        GbItemKind    kind)
{
  GtkWidget *editor;

  g_assert (GB_IS_ITEM_EDITOR (self));

  editor = gb_item_editor_new_for_kind (self->history, kind);
  self->pending = field;
  g_signal_connect_object (editor, "item-added", G_CALLBACK (new_item_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

Field *
gb_item_editor_find_field (GbItemEditor *self,
                           const char   *member)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = self->fields->pdata[i];

      if (g_strcmp0 (f->spec->member, member) == 0)
        return f;
    }
  return NULL;
}

GtkWidget *
gb_item_editor_new_group (GbItemEditor *self,
                          const char   *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->form), group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/**
 * gb_item_editor_new:
 * @history: the edits of the dossier @item is in
 * @item: the item to edit
 *
 * Returns: (transfer floating): the form, a window to present
 */
GtkWidget *
gb_item_editor_new (GbHistory *history,
                    GbItem    *item)
{
  g_autoptr(JsonNode) node = NULL;
  GbItemEditor *self;
  GbItemKind kind;

  g_return_val_if_fail (GB_IS_HISTORY (history), NULL);
  g_return_val_if_fail (GB_IS_ITEM (item), NULL);

  kind = gb_item_get_kind (item);
  self = editor_new (history, MODE_EDIT, kind, item);
  node = gb_dossier_writer_item_to_json (item);
  self->base = json_object_ref (json_node_get_object (node));
  setup_header (self, _(kind_titles[kind].edit));
  adw_window_title_set_subtitle (self->title, gb_item_get_title (item));
  build_form (self);
  return GTK_WIDGET (self);
}

/**
 * gb_item_editor_new_for_kind:
 * @history: the edits of the dossier to add to
 * @kind: what to add
 *
 * Returns: (transfer floating): the form, a window to present
 */
GtkWidget *
gb_item_editor_new_for_kind (GbHistory  *history,
                             GbItemKind  kind)
{
  GbItemEditor *self;

  g_return_val_if_fail (GB_IS_HISTORY (history), NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), NULL);

  self = editor_new (history, MODE_ADD, kind, NULL);
  self->base = json_object_new ();
  /* A source the user adds is background to the story, not its article. */
  if (kind == GB_ITEM_KIND_SOURCE)
    json_object_set_string_member (self->base, "kind", "context");
  setup_header (self, _(kind_titles[kind].add));
  build_form (self);
  return GTK_WIDGET (self);
}

/**
 * gb_story_editor_new:
 * @history: the edits of the dossier whose story to edit
 *
 * Returns: (transfer floating): the form, a window to present
 */
GtkWidget *
gb_story_editor_new (GbHistory *history)
{
  GbItemEditor *self;

  g_return_val_if_fail (GB_IS_HISTORY (history), NULL);

  self = editor_new (history, MODE_STORY, GB_ITEM_KIND_SOURCE, NULL);
  self->base = dup_story_object (gb_history_get_dossier (history));
  setup_header (self, _("Edit Story"));
  build_form (self);
  return GTK_WIDGET (self);
}

GbItem *
gb_item_editor_get_item (GbItemEditor *self)
{
  g_return_val_if_fail (GB_IS_ITEM_EDITOR (self), NULL);

  return self->item;
}

/* Deleting */

#define MAX_NAMED_REFERRERS 10

static void
delete_response_cb (GtkWidget  *alert,
                    const char *response,
                    gpointer    user_data)
{
  GbHistory *history = g_object_get_data (G_OBJECT (alert), "gb-history");
  GbItem *item = g_object_get_data (G_OBJECT (alert), "gb-item");
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (response, "delete"))
    ok = gb_history_remove (history, item, &error);
  else if (g_str_equal (response, "remove-references"))
    ok = gb_dossier_edit_remove_with_references (history, item, &error);

  if (!ok)
    {
      GtkWidget *failed = gb_alert_new (gb_alert_get_parent (alert), _("Could Not Delete"),
                                        error->message);

      gb_alert_add_response (failed, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
      gb_alert_present (failed);
    }
}

/**
 * gb_item_editor_delete:
 * @parent: (nullable): the window to ask over
 * @history: the edits of the dossier @item is in
 * @item: the item to delete
 *
 * Asks first: with "Delete" when nothing refers to @item, otherwise naming
 * the items that do and offering "Remove References and Delete"
 * (gb_dossier_edit_remove_with_references()). Either is one step to undo.
 */
void
gb_item_editor_delete (GtkWindow *parent,
                       GbHistory *history,
                       GbItem    *item)
{
  g_autoptr(GPtrArray) referrers = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *alert;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (GB_IS_HISTORY (history));
  g_return_if_fail (GB_IS_ITEM (item));

  referrers = gb_dossier_dup_referrers (gb_history_get_dossier (history), item);
  /* Translators: %s is an item's title, as the file has it */
  heading = g_strdup_printf (_("Delete “%s”?"), gb_item_get_title (item));
  if (referrers->len == 0)
    g_string_append (body, _("Undo brings it back."));
  else
    {
      g_string_append (body, ngettext ("This item refers to it:", "These items refer to it:",
                                       referrers->len));
      for (guint i = 0; i < referrers->len && i < MAX_NAMED_REFERRERS; i++)
        g_string_append_printf (body, "\n• %s", gb_item_get_title (referrers->pdata[i]));
      if (referrers->len > MAX_NAMED_REFERRERS)
        {
          guint more = referrers->len - MAX_NAMED_REFERRERS;

          g_string_append_c (body, '\n');
          g_string_append_printf (body, ngettext ("and %u more", "and %u more", more), more);
        }
      g_string_append (body, "\n\n");
      g_string_append (body, _("Their references to it are removed; an item that cannot do "
                               "without it, such as a route without one of its places or an "
                               "item without its source, is deleted too. Undo brings all "
                               "of it back."));
    }

  /* Heading and body are plain text (titles come from the file): gb_alert_new()
   * turns markup off. */
  alert = gb_alert_new (parent, heading, body->str);
  gb_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  if (referrers->len == 0)
    gb_alert_add_response (alert, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  else
    gb_alert_add_response (alert, "remove-references", _("_Remove References and Delete"),
                           ADW_RESPONSE_DESTRUCTIVE);
  gb_alert_set_default_response (alert, "cancel");
  gb_alert_set_close_response (alert, "cancel");

  g_object_set_data_full (G_OBJECT (alert), "gb-history", g_object_ref (history),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (alert), "gb-item", g_object_ref (item), g_object_unref);
  g_signal_connect (alert, "response", G_CALLBACK (delete_response_cb), NULL);
  gb_alert_present (alert);
}
