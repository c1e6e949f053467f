/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-web-link"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-escape.h"
#include "gb-web-link.h"

G_DEFINE_QUARK (gb-web-link-error-quark, gb_web_link_error)

/* Spaces, controls and bidi or zero-width characters let a link look like
 * something it is not; browsers read a backslash as a slash, so that
 * "https://good.example\.evil.example" would open another host than it
 * shows. Returns the first such character, or 0. */
static gunichar
find_hidden_character (const char *link)
{
  for (const char *p = link; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (c <= 0x20 || c == 0x7f || c == '\\' || g_unichar_isspace (c) ||
          type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        return c;
    }

  return 0;
}

/* Letters, digits, "-" and "." once in ASCII, or an IP address. */
static gboolean
is_plain_host (const char *ascii)
{
  if (g_hostname_is_ip_address (ascii))
    return TRUE;

  for (const char *p = ascii; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;

  return ascii[0] != '\0';
}

static gboolean
check_characters (const char  *link,
                  GError     **error)
{
  gsize length = strlen (link);
  gunichar hidden;

  if (length > GB_WEB_LINK_MAX_LENGTH)
    {
      g_set_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_TOO_LONG,
                   /* Translators: %lu is a number of bytes, %d the largest allowed */
                   _("the link is %lu bytes long, more than the %d a link may have"),
                   (unsigned long) length, GB_WEB_LINK_MAX_LENGTH);
      return FALSE;
    }

  if (!g_utf8_validate (link, length, NULL))
    {
      g_set_error_literal (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_HIDDEN_CHARACTER,
                           _("the link is not valid UTF-8 text"));
      return FALSE;
    }

  if ((hidden = find_hidden_character (link)) != 0)
    {
      g_set_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_HIDDEN_CHARACTER,
                   _("the link contains U+%04X, a space, backslash, control or invisible "
                     "character that links must not contain"), hidden);
      return FALSE;
    }

  return TRUE;
}

/**
 * gb_web_link_check:
 * @link: (nullable): a link from a data file
 * @host: (out) (optional) (transfer full): where to store the host to show, in ASCII
 * @error: a #GB_WEB_LINK_ERROR saying why the link is refused
 *
 * Decides whether @link is a safe web link (see gb-web-link.h).
 *
 * Returns: %TRUE for a safe http or https link
 */
gboolean
gb_web_link_check (const char  *link,
                   char       **host,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *shown = NULL;
  const char *scheme;
  const char *raw_host;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (host != NULL)
    *host = NULL;

  if (link == NULL || link[0] == '\0')
    {
      g_set_error_literal (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_EMPTY,
                           _("the link is empty"));
      return FALSE;
    }

  if (!check_characters (link, error))
    return FALSE;

  if (!(uri = g_uri_parse (link, G_URI_FLAGS_NONE, NULL)))
    {
      shown = gb_escape_dup_quote (link);
      g_set_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_NOT_A_LINK,
                   _("“%s” is not a web address"), shown);
      return FALSE;
    }

  /* GUri lower-cases the scheme: "JavaScript:" is caught too. */
  scheme = g_uri_get_scheme (uri);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      shown = gb_escape_dup_quote (scheme);
      g_set_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_SCHEME,
                   _("only http and https links are allowed, not “%s”"), shown);
      return FALSE;
    }

  raw_host = g_uri_get_host (uri);
  if (raw_host == NULL || raw_host[0] == '\0')
    {
      shown = gb_escape_dup_quote (link);
      g_set_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_HOST,
                   _("“%s” has no host"), shown);
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_USER_INFO,
                           _("the link carries a user name before its host, which hides the "
                             "host it opens"));
      return FALSE;
    }

  /* Punycode, so that look-alike letters can't pass for a known host. */
  ascii = g_hostname_to_ascii (raw_host);
  if (ascii == NULL || !is_plain_host (ascii))
    {
      shown = gb_escape_dup_quote (raw_host);
      g_set_error (error, GB_WEB_LINK_ERROR, GB_WEB_LINK_ERROR_HOST,
                   _("“%s” is not a host name"), shown);
      return FALSE;
    }

  if (host != NULL)
    *host = g_steal_pointer (&ascii);

  return TRUE;
}
