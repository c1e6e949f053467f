/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "gb-dossier-loader.h"
#include "gb-json-locate.h"
#include "gb-json-path.h"
#include "gb-problems.h"

/* Lines given a line and column: each is a scan of the file. */
#define MAX_LOCATED 20

typedef struct
{
  char *path;     /* what the message names */
  char *locate;   /* where it points: the same, or the parent of a missing member */
  char *message;
} Problem;

struct _GbProblems
{
  const char *data;
  gsize       length;
  char       *display_name;
  GString    *path;
  GArray     *problems;   /* Problem */
  GbProblemsLocateFunc locate_func;
  gpointer    locate_data;
};

static void
problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->path);
  g_free (p->locate);
  g_free (p->message);
}

GbProblems *
gb_problems_new (const char *data,
                 gsize       length,
                 const char *display_name)
{
  GbProblems *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (GbProblems, 1);
  self->data = data;
  self->length = length;
  self->display_name = g_strdup (display_name);
  self->path = g_string_new (NULL);
  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self->problems, problem_clear);

  return self;
}

void
gb_problems_free (GbProblems *self)
{
  g_return_if_fail (self != NULL);

  g_free (self->display_name);
  g_string_free (self->path, TRUE);
  g_array_unref (self->problems);
  g_free (self);
}

gsize
gb_problems_push_member (GbProblems *self,
                         const char *name)
{
  gsize len;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  len = self->path->len;
  gb_json_path_append_member (self->path, name);
  return len;
}

gsize
gb_problems_push_index (GbProblems *self,
                        guint       index)
{
  gsize len;

  g_return_val_if_fail (self != NULL, 0);

  len = self->path->len;
  gb_json_path_append_index (self->path, index);
  return len;
}

void
gb_problems_pop (GbProblems *self,
                 gsize       len)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (len <= self->path->len);

  g_string_truncate (self->path, len);
}

void
gb_problems_report_valist (GbProblems *self,
                           const char *member,
                           const char *format,
                           va_list     args)
{
  Problem p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  if (self->problems->len >= GB_DOSSIER_MAX_PROBLEMS)
    return;

  p.locate = g_strdup (self->path->str);
  if (member != NULL)
    {
      GString *path = g_string_new (self->path->str);

      gb_json_path_append_member (path, member);
      p.path = g_string_free (path, FALSE);
    }
  else
    p.path = g_strdup (self->path->str);
  p.message = g_strdup_vprintf (format, args);
  g_array_append_val (self->problems, p);
}

void
gb_problems_report (GbProblems *self,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  gb_problems_report_valist (self, NULL, format, args);
  va_end (args);
}

void
gb_problems_report_missing (GbProblems *self,
                            const char *member,
                            const char *format,
                            ...)
{
  va_list args;

  g_return_if_fail (member != NULL);

  va_start (args, format);
  gb_problems_report_valist (self, member, format, args);
  va_end (args);
}

void
gb_problems_report_in (GbProblems *self,
                       const char *member,
                       const char *format,
                       ...)
{
  va_list args;
  gsize len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (member != NULL);

  len = gb_problems_push_member (self, member);
  va_start (args, format);
  gb_problems_report_valist (self, NULL, format, args);
  va_end (args);
  gb_problems_pop (self, len);
}

guint
gb_problems_get_count (GbProblems *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->problems->len;
}

void
gb_problems_set_locate_func (GbProblems           *self,
                             GbProblemsLocateFunc  func,
                             gpointer              user_data)
{
  g_return_if_fail (self != NULL);

  self->locate_func = func;
  self->locate_data = user_data;
}

char *
gb_problems_format (GbProblems *self)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->problems->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *p = &g_array_index (self->problems, Problem, i);
      guint line = 0, column = 0;
      g_autofree char *shown = NULL;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, self->display_name);
      if (self->locate_func != NULL)
        {
          shown = self->locate_func (p->path, &line, &column, self->locate_data);
          if (line > 0)
            g_string_append_printf (out, ":%u:%u", line, column);
          g_string_append_printf (out, ": %s: %s", shown, p->message);
          continue;
        }
      if (i < MAX_LOCATED && p->locate[0] != '\0' &&
          gb_json_locate (self->data, self->length, p->locate, &line, &column))
        g_string_append_printf (out, ":%u:%u", line, column);
      g_string_append_printf (out, ": %s: %s", p->path[0] ? p->path : _("top level"), p->message);
    }

  if (self->problems->len >= GB_DOSSIER_MAX_PROBLEMS)
    g_string_append_printf (out, "\n%s: %s", self->display_name,
                            _("too many problems; stopped counting"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
