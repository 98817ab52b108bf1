/* hp-export-share-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sharing a whole number of pieces out in proportion, as the sponsor report
 * shares the "used" pieces of a pooled item among its gifts. Plain GLib, no
 * libxlsxwriter, so that tests/test-export.c checks it by hand. Not part of
 * the contract.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * _hp_export_share_out:
 * @total: what to share out (a negative total counts as 0)
 * @weights: (array length=n): the shares' weights, e.g. the pieces each
 *   gift delivered (a negative weight counts as 0)
 * @n: how many shares
 * @out_shares: (array length=n) (out caller-allocates): the shares
 *
 * Largest remainder (Hamilton): each share gets the whole part of
 * @total × weight ÷ sum of the weights, and the pieces left over go one each
 * to the largest remainders, ties to the first in @weights. The shares sum
 * to exactly @total, and a share of weight 0 gets nothing; when all the
 * weights are 0 there is nothing to share in proportion to and every share
 * is 0. For piece counts (the products stay far below 2^63).
 */
void _hp_export_share_out (gint64        total,
                           const gint64 *weights,
                           guint         n,
                           gint64       *out_shares);

G_END_DECLS
