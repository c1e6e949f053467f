/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-accessible"

#include "config.h"

#include "gb-accessible.h"

/**
 * gb_accessible_name_buttons:
 * @widget: a widget whose buttons to name
 *
 * GTK 4.8 names a button with a mnemonic by its label property, underscore
 * and all, before its label's text: "_Done Done". Without the property the
 * label names it, as later GTK versions do. For the buttons @widget has now.
 */
void
gb_accessible_name_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gb_accessible_name_buttons (child);
}

static void
alert_map_cb (GtkWidget *dialog)
{
  /* The responses' buttons exist once they are all added. */
  gb_accessible_name_buttons (dialog);
}

/**
 * gb_alert_new:
 * @parent: (nullable): the window to ask over
 * @heading: the question, plain text
 * @body: (nullable): more about it, plain text
 *
 * An AdwMessageDialog that a screen reader announces as an alert (libadwaita
 * 1.2 makes it a plain dialog), with its buttons named by their labels. The
 * role is "alert": GTK 4.8 gives AT-SPI "alert dialog" as a plain dialog.
 *
 * Returns: (transfer floating): the dialog, to add responses to and present
 */
GtkWidget *
gb_alert_new (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  dialog = g_object_new (ADW_TYPE_MESSAGE_DIALOG,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                         "transient-for", parent,
                         "heading", heading,
                         NULL);
  if (body != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  g_signal_connect (dialog, "map", G_CALLBACK (alert_map_cb), NULL);
  return dialog;
}
