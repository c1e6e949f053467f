/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-alert"

#include "config.h"

#include "gb-accessible.h"
#include "gb-alert.h"

/* libadwaita 1.6 and later measure an AdwMessageDialog's heading below its
 * minimum width as it lays out ("Trying to measure GtkLabel … for width of
 * 100, but it needs at least 154"), a warning on every question asked.
 * AdwAlertDialog, which replaces it from 1.5, does not. Built against 1.5 or
 * later the alert is one. This file is the one place the app uses API above
 * the floor meson.build pins with ADW_VERSION_MAX_ALLOWED, so the warnings
 * the pin gives for it are silenced here, and only here. */
#if ADW_CHECK_VERSION (1, 5, 0)
# define GB_ALERT_DIALOG 1
#endif

static GQuark
parent_quark (void)
{
  return g_quark_from_static_string ("gb-alert-parent");
}

static GQuark
asking_quark (void)
{
  return g_quark_from_static_string ("gb-alert-asking");
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
forget (GtkWidget *alert)
{
  GtkWindow *parent = gb_alert_get_parent (alert);

  if (parent != NULL && g_object_get_qdata (G_OBJECT (parent), asking_quark ()) == alert)
    g_object_set_qdata (G_OBJECT (parent), asking_quark (), NULL);
}

static void
alert_finalized_cb (gpointer  parent,
                    GObject  *alert)
{
  /* Weak notifications come before the alert's data (its reference on
   * @parent) is let go. */
  if (g_object_get_qdata (parent, asking_quark ()) == alert)
    g_object_set_qdata (parent, asking_quark (), NULL);
}

static void
alert_response_cb (GtkWidget  *alert,
                   const char *response)
{
  forget (alert);
}

static void
alert_map_cb (GtkWidget *alert)
{
  /* The responses' buttons exist once they are all added. */
  gb_accessible_name_buttons (alert);
}

/**
 * gb_alert_new:
 * @parent: (nullable): the window to ask over
 * @heading: the question, plain text
 * @body: (nullable): more about it, plain text
 *
 * A question that a screen reader announces as an alert (libadwaita 1.2
 * makes AdwMessageDialog a plain dialog; GTK 4.8 gives AT-SPI "alert
 * dialog" as one too), with its buttons named by their labels.
 *
 * Returns: (transfer floating): the alert, to add responses to and present
 */
GtkWidget *
gb_alert_new (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *alert;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);

#ifdef GB_ALERT_DIALOG
  alert = g_object_new (ADW_TYPE_ALERT_DIALOG,
#else
  alert = g_object_new (ADW_TYPE_MESSAGE_DIALOG,
                        "transient-for", parent,
                        "modal", TRUE,
#endif
                        "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                        "heading", heading,
                        "heading-use-markup", FALSE,
                        "body", body != NULL ? body : "",
                        "body-use-markup", FALSE,
                        NULL);

  if (parent != NULL)
    {
      g_object_set_qdata_full (G_OBJECT (alert), parent_quark (), g_object_ref (parent),
                               g_object_unref);
      g_object_weak_ref (G_OBJECT (alert), alert_finalized_cb, parent);
    }
  g_signal_connect (alert, "response", G_CALLBACK (alert_response_cb), NULL);
  g_signal_connect (alert, "map", G_CALLBACK (alert_map_cb), NULL);
  return alert;
}

/**
 * gb_alert_add_response:
 * @alert: an alert
 * @id: what "response" says when it is chosen
 * @label: its button's label, with a mnemonic
 * @appearance: how its button looks
 */
void
gb_alert_add_response (GtkWidget             *alert,
                       const char            *id,
                       const char            *label,
                       AdwResponseAppearance  appearance)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

#ifdef GB_ALERT_DIALOG
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), id, label);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), id, appearance);
#else
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), id, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), id, appearance);
#endif
}

/**
 * gb_alert_set_default_response:
 * @alert: an alert
 * @id: the response Enter chooses
 */
void
gb_alert_set_default_response (GtkWidget  *alert,
                               const char *id)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

#ifdef GB_ALERT_DIALOG
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

/**
 * gb_alert_set_close_response:
 * @alert: an alert
 * @id: the response Escape, or closing the alert, chooses
 */
void
gb_alert_set_close_response (GtkWidget  *alert,
                             const char *id)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

#ifdef GB_ALERT_DIALOG
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

/**
 * gb_alert_get_parent:
 * @alert: an alert
 *
 * Returns: (transfer none) (nullable): the window @alert asks over
 */
GtkWindow *
gb_alert_get_parent (GtkWidget *alert)
{
  g_return_val_if_fail (GTK_IS_WIDGET (alert), NULL);

  return g_object_get_qdata (G_OBJECT (alert), parent_quark ());
}

/**
 * gb_alert_present:
 * @alert: an alert
 *
 * Shows @alert over its window. Once answered, it closes itself.
 */
void
gb_alert_present (GtkWidget *alert)
{
  GtkWindow *parent;

  g_return_if_fail (GTK_IS_WIDGET (alert));

  parent = gb_alert_get_parent (alert);
  if (parent != NULL)
    g_object_set_qdata (G_OBJECT (parent), asking_quark (), alert);
#ifdef GB_ALERT_DIALOG
  adw_dialog_present (ADW_DIALOG (alert), GTK_WIDGET (parent));
#else
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

/**
 * gb_alert_get_asking:
 * @parent: a window
 *
 * Returns: (transfer none) (nullable): the alert presented over @parent and
 *   not yet answered
 */
GtkWidget *
gb_alert_get_asking (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  return g_object_get_qdata (G_OBJECT (parent), asking_quark ());
}

G_GNUC_END_IGNORE_DEPRECATIONS
