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
