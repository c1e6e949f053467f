/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-links"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gb-links.h"

static gboolean
has_hidden_characters (const char *uri)
{
  for (const char *p = uri; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      /* Spaces, control characters and bidi overrides let a link look like
       * something it is not. */
      if (c <= 0x20 || c == 0x7f || g_unichar_isspace (c) ||
          type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        return TRUE;
    }

  return FALSE;
}

/**
 * gb_links_check:
 * @uri: (nullable): a link from a data file
 * @host: (out) (optional) (transfer full): where to store the host to show
 * @error: why the link is refused
 *
 * Decides whether a link may be opened.
 *
 * Returns: %TRUE for an http or https link with a host and nothing hidden
 */
gboolean
gb_links_check (const char  *uri,
                char       **host,
                GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *raw_host;

  if (host != NULL)
    *host = NULL;

  if (uri == NULL || uri[0] == '\0')
    {
      g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_FAILED, _("The link is empty"));
      return FALSE;
    }

  if (strlen (uri) > GB_LINKS_MAX_LENGTH || !g_utf8_validate (uri, -1, NULL) ||
      has_hidden_characters (uri))
    {
      g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                           _("The link contains characters that links must not contain"));
      return FALSE;
    }

  if (!(parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, error)))
    return FALSE;

  /* GUri lower-cases the scheme: "JavaScript:" is caught too. */
  scheme = g_uri_get_scheme (parsed);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME,
                   _("Only web links (http and https) are opened, not “%s”"), scheme);
      return FALSE;
    }

  raw_host = g_uri_get_host (parsed);
  if (raw_host == NULL || raw_host[0] == '\0')
    {
      g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_BAD_HOST, _("The link has no host"));
      return FALSE;
    }

  /* "https://trusted.example@evil.example/" shows one host and opens another. */
  if (g_uri_get_userinfo (parsed) != NULL)
    {
      g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_BAD_USER,
                           _("The link carries a user name"));
      return FALSE;
    }

  if (host != NULL)
    {
      /* Punycode, so that look-alike letters can't pass for a known host. */
      char *ascii = g_hostname_to_ascii (raw_host);

      *host = ascii != NULL ? ascii : g_strdup (raw_host);
    }

  return TRUE;
}

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

  if (!gb_links_check (uri, &host, NULL))
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

  if (!gb_links_check (uri, NULL, &error))
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

  if (gb_links_check (uri, &host, &error))
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
