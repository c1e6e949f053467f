/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A question asked over a window, with its answers as responses. Built on
 * AdwAlertDialog where the libadwaita it is built with has one (1.5), on
 * AdwMessageDialog on the 1.2 floor. The alert emits "response" with the
 * chosen id, as both do:
 *
 *   void response_cb (GtkWidget *alert, const char *response, gpointer data);
 *
 * Heading and body are plain text, never markup. */

GtkWidget   *gb_alert_new                  (GtkWindow             *parent,
                                            const char            *heading,
                                            const char            *body);
void         gb_alert_add_response         (GtkWidget             *alert,
                                            const char            *id,
                                            const char            *label,
                                            AdwResponseAppearance  appearance);
void         gb_alert_set_default_response (GtkWidget             *alert,
                                            const char            *id);
void         gb_alert_set_close_response   (GtkWidget             *alert,
                                            const char            *id);
GtkWindow   *gb_alert_get_parent           (GtkWidget             *alert);
void         gb_alert_present              (GtkWidget             *alert);
GtkWidget   *gb_alert_get_asking           (GtkWindow             *parent);

G_END_DECLS
