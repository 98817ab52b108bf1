/* hp-toast.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void hp_toast_dismiss (AdwToast *toast);

G_END_DECLS
