/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The problems found in a JSON file being read (a dossier, an imported
 * timeline), each at a JSON path, and the message that lists them: one line
 * per problem, "NAME:LINE:COLUMN: PATH: what is wrong". At most
 * GB_DOSSIER_MAX_PROBLEMS are kept. */

typedef struct _GbProblems GbProblems;

/* @data and @length are the file's bytes, kept (not copied) to give problems
 * a line and column; @display_name starts each line of the message. */
GbProblems *gb_problems_new               (const char  *data,
                                           gsize        length,
                                           const char  *display_name);
void        gb_problems_free              (GbProblems  *self);

/* Paths as the guard prints them: events[3].date.start. Each push returns
 * what to give gb_problems_pop() to come back. */
gsize       gb_problems_push_member       (GbProblems  *self,
                                           const char  *name);
gsize       gb_problems_push_index        (GbProblems  *self,
                                           guint        index);
void        gb_problems_pop               (GbProblems  *self,
                                           gsize        len);

/* A problem at the current path. */
void        gb_problems_report            (GbProblems  *self,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);
/* A problem named after @member, which is missing: located at its parent. */
void        gb_problems_report_missing    (GbProblems  *self,
                                           const char  *member,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* A problem at @member of the current path: events[3].date then says
 * events[3].date.start for @member "start". */
void        gb_problems_report_in         (GbProblems  *self,
                                           const char  *member,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Either of the first two: at the current path when @member is %NULL. */
void        gb_problems_report_valist     (GbProblems  *self,
                                           const char  *member,
                                           const char  *format,
                                           va_list      args) G_GNUC_PRINTF (3, 0);
guint       gb_problems_get_count         (GbProblems  *self);
void        gb_problems_move_since        (GbProblems  *self,
                                           guint        count,
                                           GbProblems  *to);
/* The @index-th problem as reported: its JSON path (events[3].date.start,
 * "" at the top level) and its message, for a form to show it at its field. */
const char *gb_problems_get_path          (GbProblems  *self,
                                           guint        index);
const char *gb_problems_get_message       (GbProblems  *self,
                                           guint        index);
/* The problem just reported, when there are more than @count_before,
 * concerns @member of its path: a missing member, reported at its parent. */
void        gb_problems_set_last_member   (GbProblems  *self,
                                           guint        count_before,
                                           const char  *member);

/* @value as a message may quote it (gb_escape_dup_quote()), kept until
 * @self is freed: for "“%s”" in the report functions' formats. */
const char *gb_problems_quote             (GbProblems  *self,
                                           const char  *value);

/* For files that are not JSON (a spreadsheet read as TimelineJS slides):
 * gives the line and column of a problem at @path (0 when unknown) and the
 * words that name the place instead of the path ("row 7, Year"). */
typedef char *(*GbProblemsLocateFunc)    (const char  *path,
                                           guint       *line,
                                           guint       *column,
                                           gpointer     user_data);
void        gb_problems_set_locate_func   (GbProblems           *self,
                                           GbProblemsLocateFunc  func,
                                           gpointer              user_data);

/* The message, one line per problem; %NULL when there is none. */
char       *gb_problems_format            (GbProblems  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GbProblems, gb_problems_free)

G_END_DECLS
