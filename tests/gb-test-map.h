/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the map's tests (test-map-view.c, test-map-places.c,
 * test-map-routes.c, test-tile-source.c): waiting on conditions rather
 * than the clock, finding widgets, rendering and reading pixels, and a
 * window showing the bundled story with the tiles out of reach. */

#include <adwaita.h>
#include <shumate/shumate.h>

#include "gb-basemap-layer.h"
#include "gb-dossier.h"
#include "gb-map-place-layer.h"
#include "gb-map-view.h"
#include "gb-route-label-layer.h"
#include "gb-route-layer.h"
#include "gb-selection.h"

G_BEGIN_DECLS

/* Long enough for valgrind; a condition met returns at once. */
#define GB_TEST_MAP_TIMEOUT_MS 30000

void        gb_test_map_init           (int         *argc,
                                        char      ***argv);

gboolean    gb_test_map_wait_until     (gboolean   (*done) (gpointer),
                                        gpointer     data,
                                        guint        timeout_ms);
void        gb_test_map_wait_for       (gboolean   (*done) (gpointer),
                                        gpointer     data);
gboolean    gb_test_map_flag_set       (gpointer     data);
void        gb_test_map_wait_frame     (GtkWidget   *widget);
void        gb_test_map_wait_finalized (gpointer     object);
void        gb_test_map_destroy_window (GtkWindow   *window);

guint16     gb_test_map_closed_port    (void);

void        gb_test_map_find_all       (GtkWidget   *widget,
                                        GType        type,
                                        const char  *css_class,
                                        GPtrArray   *out);
GtkWidget  *gb_test_map_find_one       (GtkWidget   *widget,
                                        GType        type);

GdkTexture *gb_test_map_render         (GtkWidget   *widget);
void        gb_test_map_save_screenshot (GdkTexture *texture,
                                         const char *name);

typedef struct
{
  guint8 r, g, b;
} GbTestRgb;

GbTestRgb   gb_test_map_pixel_at       (GdkTexture  *texture,
                                        int          x,
                                        int          y);
int         gb_test_map_color_distance (GbTestRgb    a,
                                        GbTestRgb    b);

gboolean    gb_test_map_view_drawn     (gpointer     view);
void        gb_test_map_wait_for_view  (GtkWidget   *view);
void        gb_test_map_wait_redrawn   (GtkWidget   *view);
GtkWidget  *gb_test_map_show           (GbDossier   *dossier,
                                        GbSelection *selection,
                                        int          width,
                                        int          height);

/* The bundled story in a window, online tiles at a closed port. */
typedef struct
{
  GtkWindow         *window;
  GbMapView         *view;
  ShumateMap        *map;
  ShumateViewport   *viewport;
  GbBasemapLayer    *basemap_layer;
  GbMapPlaceLayer   *places;
  GbRouteLayer      *routes;
  GbRouteLabelLayer *labels;
  GbDossier         *dossier;
  GbSelection       *selection;
  GSettings         *settings;
} GbTestMapFixture;

guint       gb_test_map_assert_route_labels_apart (GtkWidget *view,
                                                   GbDossier *dossier);

gboolean    gb_test_map_basemap_complete (gpointer          fixture);
void        gb_test_map_fixture_setup    (GbTestMapFixture *fx,
                                          gconstpointer     data);
void        gb_test_map_fixture_teardown (GbTestMapFixture *fx,
                                          gconstpointer     data);
void        gb_test_map_widget_coords    (GbTestMapFixture *fx,
                                          double            lat,
                                          double            lon,
                                          int              *x,
                                          int              *y);

G_END_DECLS
