/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-links"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-links.h"
#include "gb-web-link.h"

/**
 * gb_links_dup_host:
 *
 * Returns: (nullable) (transfer full): the host to show for @uri, or %NULL if
 *   the link is refused
 */
char *
gb_links_dup_host (const char *uri)
{
  char *host = NULL;

  if (!gb_web_link_check (uri, &host, NULL))
    return NULL;

  return host;
}

/**
 * gb_links_open:
 * @parent: (nullable): a widget of the window the link is opened from
 *
 * Opens @uri in the browser if gb_links_check() allows it.
 *
 * Returns: %TRUE if the link was handed to the browser
 */
gboolean
gb_links_open (GtkWidget  *parent,
               const char *uri)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WIDGET (parent), FALSE);

  if (!gb_web_link_check (uri, NULL, &error))
    {
      g_debug ("Not opening a link: %s", error->message);
      return FALSE;
    }

  if (parent != NULL)
    root = gtk_widget_get_root (parent);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static void
link_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  gb_links_open (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "gb-link-uri"));
}

/**
 * gb_links_button_new:
 * @uri: (nullable): a link from a data file
 *
 * A button that shows the link's host and opens it; for a refused link, an
 * insensitive button that says so.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
gb_links_button_new (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *icon;

  button = gtk_button_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (NULL);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  if (gb_web_link_check (uri, &host, &error))
    {
      g_autofree char *tooltip = g_strdup_printf (_("Open %s in the browser"), uri);

      icon = gtk_image_new_from_icon_name ("web-browser-symbolic");
      gtk_label_set_text (GTK_LABEL (label), host);
      /* Tooltips set as text are not parsed as markup. */
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "gb-link-uri", g_strdup (uri), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (link_clicked_cb), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
      gtk_label_set_text (GTK_LABEL (label), _("Link not opened"));
      gtk_widget_set_tooltip_text (button, error->message);
      gtk_widget_set_sensitive (button, FALSE);
    }

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "gb-link");

  return button;
}
