/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _GbText         GbText;
typedef struct _GbDate         GbDate;
typedef struct _GbItem         GbItem;
typedef struct _GbSource       GbSource;
typedef struct _GbPlace        GbPlace;
typedef struct _GbRoute        GbRoute;
typedef struct _GbEvent        GbEvent;
typedef struct _GbAgreement    GbAgreement;
typedef struct _GbFigure       GbFigure;
typedef struct _GbPerson       GbPerson;
typedef struct _GbOrganisation GbOrganisation;
typedef struct _GbDossier      GbDossier;
typedef struct _GbSelection    GbSelection;

G_END_DECLS
