/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-problems"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gb-dossier-loader.h"
#include "gb-escape.h"
#include "gb-json-locate.h"
#include "gb-json-path.h"
#include "gb-problems.h"

typedef struct
{
  char *path;     /* what the message names */
  char *locate;   /* where it points: the same, or the parent of a missing member */
  char *field;    /* the member it concerns, for a form: the missing one itself */
  char *message;
  guint line;     /* 0 until located, and where it can't be */
  guint column;
} Problem;

struct _GbProblems
{
  const char *data;
  gsize       length;
  char       *display_name;
  GString    *path;
  GArray     *problems;   /* Problem */
  GPtrArray  *quotes;     /* char *, for the messages' formats */
  GbProblemsLocateFunc locate_func;
  gpointer    locate_data;
};

static void
problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->path);
  g_free (p->locate);
  g_free (p->field);
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
  self->quotes = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
gb_problems_free (GbProblems *self)
{
  g_return_if_fail (self != NULL);

  g_free (self->display_name);
  g_string_free (self->path, TRUE);
  g_array_unref (self->problems);
  g_ptr_array_unref (self->quotes);
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
  p.field = g_strdup (p.path);
  p.message = g_strdup_vprintf (format, args);
  p.line = p.column = 0;
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

/**
 * gb_problems_move_since:
 * @count: how many problems @self had before those to move
 * @to: where they go
 *
 * Moves the problems reported after the first @count to @to, as they
 * were: an importer that leaves out an event it could not read keeps
 * what was wrong with it apart from what fails the whole file.
 */
void
gb_problems_move_since (GbProblems *self,
                        guint       count,
                        GbProblems *to)
{
  g_return_if_fail (self != NULL && to != NULL && self != to);

  for (guint i = count; i < self->problems->len; i++)
    {
      Problem *p = &g_array_index (self->problems, Problem, i);

      if (to->problems->len < GB_DOSSIER_MAX_PROBLEMS)
        {
          g_array_append_val (to->problems, *p);
          memset (p, 0, sizeof *p);
        }
    }
  if (count < self->problems->len)
    g_array_set_size (self->problems, count);
}

guint
gb_problems_get_count (GbProblems *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->problems->len;
}

const char *
gb_problems_get_path (GbProblems *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return g_array_index (self->problems, Problem, index).field;
}

void
gb_problems_set_last_member (GbProblems *self,
                             guint       count_before,
                             const char *member)
{
  Problem *p;
  GString *field;

  g_return_if_fail (self != NULL);
  g_return_if_fail (member != NULL);

  /* Not reported: there were too many already. */
  if (self->problems->len <= count_before)
    return;

  p = &g_array_index (self->problems, Problem, self->problems->len - 1);
  field = g_string_new (p->path);
  gb_json_path_append_member (field, member);
  g_free (p->field);
  p->field = g_string_free (field, FALSE);
}

const char *
gb_problems_get_message (GbProblems *self,
                         guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return g_array_index (self->problems, Problem, index).message;
}

/**
 * gb_problems_quote:
 * @value: a value from the file
 *
 * Returns: (transfer none): @value cut and escaped, owned by @self
 */
const char *
gb_problems_quote (GbProblems *self,
                   const char *value)
{
  char *quote;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  quote = gb_escape_dup_quote (value);
  g_ptr_array_add (self->quotes, quote);
  return quote;
}

/* The length of @path without its last member or index; 0 at the root. */
static gsize
parent_length (const char *path)
{
  gsize last = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; path[i] != '\0'; i++)
    {
      if (quoted && path[i] == '\\' && path[i + 1] != '\0')
        i++;
      else if (path[i] == '"')
        quoted = !quoted;
      else if (!quoted && (path[i] == '.' || path[i] == '['))
        last = i;
    }

  return last;
}

/* Where @p points, or where its nearest located parent starts: a member name
 * cut for the message can't be found, but the object holding it can. */
static void
locate_problem (GbProblems *self,
                Problem    *p)
{
  g_autofree char *path = g_strdup (p->locate);

  /* Not JSON: the file's own reader says where. */
  if (self->locate_func != NULL)
    {
      g_autofree char *shown = self->locate_func (p->path, &p->line, &p->column,
                                                  self->locate_data);
      return;
    }

  /* Up to the root ("" is the top-level value), which is always found. */
  for (;;)
    {
      if (gb_json_locate (self->data, self->length, path, &p->line, &p->column) ||
          path[0] == '\0')
        return;
      path[parent_length (path)] = '\0';
    }
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
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

  /* In file order (a stable sort keeps a place's problems in reading order),
   * each with its line and column; the loader reads section by section. */
  for (guint i = 0; i < self->problems->len; i++)
    locate_problem (self, &g_array_index (self->problems, Problem, i));
  g_array_sort (self->problems, compare_positions);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *p = &g_array_index (self->problems, Problem, i);
      g_autofree char *shown = NULL;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, self->display_name);
      if (self->locate_func != NULL)
        {
          guint line = 0, column = 0;

          shown = self->locate_func (p->path, &line, &column, self->locate_data);
          if (line > 0)
            g_string_append_printf (out, ":%u:%u", line, column);
          g_string_append_printf (out, ": %s: %s", shown, p->message);
          continue;
        }
      if (p->line > 0)
        g_string_append_printf (out, ":%u:%u", p->line, p->column);
      g_string_append_printf (out, ": %s: %s", p->path[0] ? p->path : _("top level"), p->message);
    }

  if (self->problems->len >= GB_DOSSIER_MAX_PROBLEMS)
    g_string_append_printf (out, "\n%s: %s", self->display_name,
                            _("too many problems; stopped counting"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
