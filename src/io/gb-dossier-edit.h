/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gb-history.h"

G_BEGIN_DECLS

gboolean    gb_dossier_edit_remove_with_references (GbHistory   *history,
                                                    GbItem      *item,
                                                    GError     **error);

GbDossier  *gb_dossier_edit_copy                   (GbDossier   *dossier,
                                                    GError     **error);

G_END_DECLS
