/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-cards-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-agreement.h"
#include "gb-cards-view.h"

struct _GbCardsView
{
  GtkWidget       parent_instance;
  GtkWidget      *scroller;
  GtkListView    *list_view;
  GtkSingleSelection *model;
  GbSelection    *selection;
};

G_DEFINE_FINAL_TYPE (GbCardsView, gb_cards_view, GTK_TYPE_WIDGET)

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  GbAgreement *agreement = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  g_autofree char *line = NULL;

  line = g_strdup_printf ("%s · %s",
                          gb_agreement_kind_to_string (gb_agreement_get_agreement_kind (agreement)),
                          gb_agreement_status_to_string (gb_agreement_get_status (agreement)));
  gtk_label_set_text (GTK_LABEL (title), gb_item_get_title (GB_ITEM (agreement)));
  gtk_label_set_text (GTK_LABEL (meta), line);
}

static void
activate_cb (GtkListView *list_view,
             guint        position,
             gpointer     user_data)
{
  GbCardsView *self = user_data;
  g_autoptr(GbItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (self->selection != NULL)
    gb_selection_set_item (self->selection, item);
}

static void
gb_cards_view_dispose (GObject *object)
{
  GbCardsView *self = (GbCardsView *) object;

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (gb_cards_view_parent_class)->dispose (object);
}

static void
gb_cards_view_class_init (GbCardsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_cards_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gbcardsview");
}

static void
gb_cards_view_init (GbCardsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);

  self->model = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->model, FALSE);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->model)),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
gb_cards_view_new (void)
{
  return g_object_new (GB_TYPE_CARDS_VIEW, NULL);
}

void
gb_cards_view_set_dossier (GbCardsView *self,
                           GbDossier   *dossier)
{
  g_return_if_fail (GB_IS_CARDS_VIEW (self));
  g_return_if_fail (!dossier || GB_IS_DOSSIER (dossier));

  gtk_single_selection_set_model (self->model,
                                  dossier != NULL ? gb_dossier_get_agreements (dossier) : NULL);
}

void
gb_cards_view_set_selection (GbCardsView *self,
                             GbSelection *selection)
{
  g_return_if_fail (GB_IS_CARDS_VIEW (self));
  g_return_if_fail (!selection || GB_IS_SELECTION (selection));

  g_set_object (&self->selection, selection);
}
