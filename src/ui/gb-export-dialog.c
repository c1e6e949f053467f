/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gb-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gb-export.h"
#include "gb-export-dialog.h"
#include "gb-render-formats.h"

struct _GbExportDialog
{
  AdwWindow             parent_instance;

  GbDossier            *dossier;
  GtkWidget            *map_widget;   /* weak */
  GFile                *test_file;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  /* Template objects */
  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *format_dropdown;
  GtkLabel             *format_hint;
  GtkScrolledWindow    *result_scroller;
  GtkLabel             *result_label;
  GtkButton            *export_button;
};

G_DEFINE_FINAL_TYPE (GbExportDialog, gb_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  GbExportDialog *dialog;
  char           *name;      /* the file's display name */
  GPtrArray      *notes;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->dialog);
  g_free (job->name);
  g_ptr_array_unref (job->notes);
  g_free (job);
}

static const GbExportFormat *
chosen_format (GbExportDialog *self)
{
  const GbExportFormat *formats;
  guint n, i = gtk_drop_down_get_selected (self->format_dropdown);

  formats = gb_export_get_formats (&n);
  return i < n ? &formats[i] : &formats[0];
}

static gboolean
map_on_screen (GbExportDialog *self)
{
  return self->map_widget != NULL && gtk_widget_get_mapped (self->map_widget)
         && gtk_widget_get_width (self->map_widget) > 0
         && gtk_widget_get_height (self->map_widget) > 0;
}

static void
format_selected_cb (GbExportDialog *self)
{
  const GbExportFormat *format = chosen_format (self);
  g_autofree char *hint = NULL;

  if (g_str_equal (format->name, "png") && map_on_screen (self))
    hint = g_strdup (_("The map as it is on screen, with its credits, as a .png image."));
  else
    /* Translators: %s is a file name extension, such as "pdf" */
    hint = g_strdup_printf (_("Saved as a .%s file. What it cannot hold is named after the "
                              "export."), format->extension);
  gtk_label_set_text (self->format_hint, hint);
}

/* The map widget drawn as it is, its attribution included, as PNG data. */
static GBytes *
snapshot_map (GbExportDialog *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->map_widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (self->map_widget);
  int height = gtk_widget_get_height (self->map_widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (self->map_widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return NULL;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png_bytes (texture);
}

static void
show_result (GbExportDialog *self,
             const char     *toast_title,
             const char     *details,
             gboolean        failed)
{
  /* Toasts parse markup in libadwaita 1.2; the title holds a file name. */
  g_autofree char *escaped = g_markup_escape_text (toast_title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  gtk_label_set_text (self->result_label, details != NULL ? details : toast_title);
  gtk_widget_set_visible (GTK_WIDGET (self->result_scroller), TRUE);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ExportJob *job = user_data;
  GbExportDialog *self = job->dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) details = g_string_new (NULL);

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is a file name */
          title = g_strdup_printf (_("Could not save “%s”"), job->name);
          g_string_printf (details, "%s: %s", title, error->message);
          show_result (self, title, details->str, TRUE);
        }
    }
  else
    {
      if (job->notes->len > 0)
        /* Translators: %s is a file name; what the format left out is listed below */
        title = g_strdup_printf (_("Saved “%s”; some of the story is left out"), job->name);
      else
        /* Translators: %s is a file name */
        title = g_strdup_printf (_("Saved “%s”"), job->name);
      g_string_append (details, title);
      for (guint i = 0; i < job->notes->len; i++)
        g_string_append_printf (details, "\n• %s", (const char *) g_ptr_array_index (job->notes, i));
      show_result (self, title, details->str, FALSE);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  export_job_free (job);
}

static void
export_to (GbExportDialog *self,
           GFile          *file)
{
  const GbExportFormat *format = chosen_format (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->dialog = g_object_ref (self);
  job->name = g_file_get_basename (file);
  job->notes = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (format->name, "png") && map_on_screen (self))
    bytes = snapshot_map (self);
  if (bytes != NULL)
    gb_render_note_map_image (job->notes, self->dossier);
  else
    bytes = gb_export_to_bytes (format, self->dossier, job->notes, &error);

  if (bytes == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not export “%s”"), job->name);
      g_autofree char *details = g_strdup_printf ("%s: %s", title,
                                                  error != NULL ? error->message : "");

      show_result (self, title, details, TRUE);
      export_job_free (job);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, written_cb, job);
}

static void
chooser_response_cb (GbExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    export_to (self, file);
}

static char *
dup_suggested_name (GbExportDialog        *self,
                    const GbExportFormat  *format)
{
  GFile *source = gb_dossier_get_file (self->dossier);
  g_autofree char *base = source != NULL ? g_file_get_basename (source)
                                         : g_strdup (gb_dossier_get_id (self->dossier));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* A name from a file: no path separators in it. */
  g_strdelimit (base, "/\\", '-');
  return g_strdup_printf ("%s.%s", base, format->extension);
}

static void
export_clicked_cb (GbExportDialog *self)
{
  const GbExportFormat *format = chosen_format (self);
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->test_file != NULL)
    {
      export_to (self, self->test_file);
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  name = dup_suggested_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _(format->title));
  gtk_file_filter_add_mime_type (filter, format->mime_type);
  pattern = g_strdup_printf ("*.%s", format->extension);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gb_export_dialog_dispose (GObject *object)
{
  GbExportDialog *self = GB_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->map_widget);
  gtk_widget_dispose_template (GTK_WIDGET (self), GB_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gb_export_dialog_parent_class)->dispose (object);
}

static void
gb_export_dialog_finalize (GObject *object)
{
  GbExportDialog *self = GB_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->test_file);
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (gb_export_dialog_parent_class)->finalize (object);
}

static void
gb_export_dialog_class_init (GbExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gb_export_dialog_dispose;
  object_class->finalize = gb_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/goldenbridge/GoldenBridge/"
                                               "gb-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GbExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GbExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GbExportDialog, format_hint);
  gtk_widget_class_bind_template_child (widget_class, GbExportDialog, result_scroller);
  gtk_widget_class_bind_template_child (widget_class, GbExportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, GbExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
gb_export_dialog_init (GbExportDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  const GbExportFormat *formats;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  gb_render_add_export_formats ();
  formats = gb_export_get_formats (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (titles, _(formats[i].title));
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (titles));

  /* The briefing first: what most people export from a window. */
  for (guint i = 0; i < n; i++)
    if (g_str_equal (formats[i].name, "pdf"))
      gtk_drop_down_set_selected (self->format_dropdown, i);
  format_selected_cb (self);
}

GbExportDialog *
gb_export_dialog_new (GtkWindow *parent,
                      GbDossier *dossier,
                      GtkWidget *map_widget)
{
  GbExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GB_IS_DOSSIER (dossier), NULL);
  g_return_val_if_fail (map_widget == NULL || GTK_IS_WIDGET (map_widget), NULL);

  self = g_object_new (GB_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->dossier = g_object_ref (dossier);
  g_set_weak_pointer (&self->map_widget, map_widget);
  format_selected_cb (self);
  return self;
}

const char *
gb_export_dialog_get_format (GbExportDialog *self)
{
  g_return_val_if_fail (GB_IS_EXPORT_DIALOG (self), NULL);

  return chosen_format (self)->name;
}

void
gb_export_dialog_set_test_file (GbExportDialog *self,
                                GFile          *file)
{
  g_return_if_fail (GB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->test_file, file);
}
