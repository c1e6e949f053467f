/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-story-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gb-bidi.h"
#include "gb-dossier.h"
#include "gb-label.h"
#include "gb-source.h"
#include "gb-story-bar.h"

/* A summary longer than this is cut: a label wraps its whole text on every
 * allocation, and a file may hold megabytes in one field. */
#define SUMMARY_MAX_CHARS 2000
#define SOURCE_TITLE_MAX_CHARS 80
#define SUMMARY_FOLDED_LINES 3

struct _GbStoryBar
{
  GbView          parent_instance;

  GSettings      *settings;

  /* Template widgets */
  GtkWidget       *clamp;
  GtkLabel        *title_label;
  GtkLabel        *meta_label;
  GtkToggleButton *expand_button;
  GtkRevealer     *revealer;
  GtkLabel        *summary_label;
  GtkWidget       *sources_section;
  GtkFlowBox      *sources_box;
  GtkLabel        *more_sources_label;
};

G_DEFINE_FINAL_TYPE (GbStoryBar, gb_story_bar, GB_TYPE_VIEW)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @text without the spaces around it (gb_label_set_story_text() says why
 * the trailing ones must go), and cut to @max_chars. */
static char *
dup_cut (const char *text,
         glong       max_chars)
{
  g_autofree char *stripped = NULL;
  g_autofree char *cut = NULL;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (g_utf8_strlen (stripped, -1) <= max_chars)
    return g_steal_pointer (&stripped);

  cut = g_utf8_substring (stripped, 0, max_chars - 1);
  return g_strconcat (cut, "…", NULL);
}

/* "November 2024 · 12 sources · imported from TimelineJS 3" */
static char *
dup_meta (GbDossier *dossier)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_sources = g_list_model_get_n_items (gb_dossier_get_sources (dossier));
  const char *origin = gb_dossier_get_origin (dossier);

  if (gb_dossier_get_period (dossier) != NULL)
    g_ptr_array_add (parts, gb_date_format (gb_dossier_get_period (dossier)));
  if (n_sources > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources",
                                                          n_sources),
                                             n_sources));
  if (origin != NULL)
    {
      g_autofree char *isolated = gb_bidi_dup_isolated (origin);

      /* Translators: %s is a format's name, such as “TimelineJS 3” */
      g_ptr_array_add (parts, g_strdup_printf (_("imported from %s"), isolated));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: between the parts of the line under the story's title */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
source_clicked_cb (GtkButton  *button,
                   GbStoryBar *self)
{
  GbItem *source = g_object_get_data (G_OBJECT (button), "gb-source");

  gb_view_select (GB_VIEW (self), source);
}

static GtkWidget *
make_source_button (GbStoryBar *self,
                    GbSource   *source)
{
  g_autofree char *title = dup_cut (gb_item_get_title (GB_ITEM (source)), SOURCE_TITLE_MAX_CHARS);
  const char *publisher = gb_source_get_publisher (source);
  GtkWidget *button = gtk_button_new_with_label (title != NULL ? title : "");
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "gb-story-source");
  if (publisher != NULL && publisher[0] != '\0')
    {
      g_autofree char *cut = dup_cut (publisher, SOURCE_TITLE_MAX_CHARS);

      gtk_widget_set_tooltip_text (button, cut);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, cut, -1);
    }
  g_object_set_data_full (G_OBJECT (button), "gb-source", g_object_ref (source), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (source_clicked_cb), self);
  return button;
}

static void
gb_story_bar_dossier_changed (GbView *view)
{
  GbStoryBar *self = GB_STORY_BAR (view);
  GbDossier *dossier = gb_view_get_dossier (view);
  GListModel *sources;
  g_autofree char *title = NULL, *summary = NULL, *meta = NULL;
  GtkWidget *child;
  guint n_sources;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))))
    gtk_flow_box_remove (self->sources_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self), dossier != NULL);
  if (dossier == NULL)
    return;

  title = dup_cut (gb_dossier_get_title (dossier), SUMMARY_MAX_CHARS);
  summary = dup_cut (gb_dossier_get_summary (dossier), SUMMARY_MAX_CHARS);
  meta = dup_meta (dossier);
  gb_label_set_story_text (self->title_label, title);
  gtk_label_set_text (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta[0] != '\0');
  gb_label_set_story_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && summary[0] != '\0');

  sources = gb_dossier_get_sources (dossier);
  n_sources = g_list_model_get_n_items (sources);
  for (guint i = 0; i < MIN (n_sources, GB_STORY_BAR_MAX_SOURCES); i++)
    {
      g_autoptr(GbSource) source = g_list_model_get_item (sources, i);

      gtk_flow_box_append (self->sources_box, make_source_button (self, source));
    }
  gtk_widget_set_visible (self->sources_section, n_sources > 0);

  if (n_sources > GB_STORY_BAR_MAX_SOURCES)
    {
      guint more = n_sources - GB_STORY_BAR_MAX_SOURCES;
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more, found by search",
                                      "and %u more, found by search", more),
                         more);

      gtk_label_set_text (self->more_sources_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_sources_label), n_sources > GB_STORY_BAR_MAX_SOURCES);

  /* Nothing to unfold: no button for it. */
  gtk_widget_set_visible (GTK_WIDGET (self->expand_button),
                          (summary != NULL && summary[0] != '\0') || n_sources > 0);
}

static void
expanded_changed_cb (GbStoryBar *self)
{
  gboolean expanded = gtk_toggle_button_get_active (self->expand_button);

  /* Folded, the summary's first lines. */
  gtk_label_set_lines (self->summary_label, expanded ? -1 : SUMMARY_FOLDED_LINES);
  gtk_label_set_ellipsize (self->summary_label, expanded ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button),
                            expanded ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expand_button),
                               expanded ? _("Hide the Summary and Sources")
                                        : _("Show the Summary and Sources"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expand_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
gb_story_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GbStoryBar *self = GB_STORY_BAR (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, gb_story_bar_get_expanded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_story_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GbStoryBar *self = GB_STORY_BAR (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      gb_story_bar_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gb_story_bar_dispose (GObject *object)
{
  GbStoryBar *self = GB_STORY_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_STORY_BAR);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gb_story_bar_parent_class)->dispose (object);
}

static void
gb_story_bar_class_init (GbStoryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GbViewClass *view_class = GB_VIEW_CLASS (klass);

  object_class->dispose = gb_story_bar_dispose;
  object_class->get_property = gb_story_bar_get_property;
  object_class->set_property = gb_story_bar_set_property;
  view_class->dossier_changed = gb_story_bar_dossier_changed;

  /**
   * GbStoryBar:expanded:
   *
   * Whether the summary and the sources are shown.
   */
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gbstorybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/gb-story-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, clamp);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, meta_label);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, expand_button);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, sources_section);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, sources_box);
  gtk_widget_class_bind_template_child (widget_class, GbStoryBar, more_sources_label);

  g_type_ensure (ADW_TYPE_CLAMP);
}

static void
gb_story_bar_init (GbStoryBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->expand_button, "active", self->revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->expand_button, "notify::active",
                           G_CALLBACK (expanded_changed_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "story-details-shown", self->expand_button, "active",
                   G_SETTINGS_BIND_DEFAULT);
  expanded_changed_cb (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gb_story_bar_new (void)
{
  return g_object_new (GB_TYPE_STORY_BAR, NULL);
}

gboolean
gb_story_bar_get_expanded (GbStoryBar *self)
{
  g_return_val_if_fail (GB_IS_STORY_BAR (self), FALSE);

  return gtk_toggle_button_get_active (self->expand_button);
}

void
gb_story_bar_set_expanded (GbStoryBar *self,
                           gboolean    expanded)
{
  g_return_if_fail (GB_IS_STORY_BAR (self));

  gtk_toggle_button_set_active (self->expand_button, expanded);
}
