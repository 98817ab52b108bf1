/* heimpack.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core contract of Heimpack: include this, link hp_core. No GTK here.
 */
#pragma once

#include "hp-types.h"
#include "hp-campaign.h"
#include "hp-sponsor.h"
#include "hp-product.h"
#include "hp-pledge.h"
#include "hp-item.h"
#include "hp-receipt.h"
#include "hp-handover.h"
#include "hp-agency.h"
#include "hp-recipe-item.h"
#include "hp-school.h"
#include "hp-graduate.h"
#include "hp-store.h"
#include "hp-backup.h"
#include "hp-purge.h"
#include "hp-import-received.h"
#include "hp-format.h"
#include "hp-demo.h"
#include "hp-table-reader.h"
#include "hp-import.h"
#include "hp-plan.h"
#include "hp-export.h"
