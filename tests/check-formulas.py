#!/usr/bin/python3
# check-formulas.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Recomputes every formula of a workbook from the values stored in it and
# compares the result with the value stored beside the formula (what a
# reader without a calculation engine shows, and what a mail merge reads).
# Knows the formulas Heimpack writes: =A1+B1, =A1-B1, =A1*B1, =SUM(A1:A9)
# and =SUBTOTAL(9,A1:A9) (which leaves out other SUBTOTAL cells in its
# range). A formula that refers to its own cell (a circular reference) or
# one it does not know is an error.
#
# Usage: check-formulas.py FILE...
# Prints one line per problem and exits 1 if there is any; prints
# "N formulas" and exits 0 otherwise.

import re
import sys

import openpyxl
from openpyxl.utils import range_boundaries
from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

BINARY = re.compile(r'^=\$?([A-Z]+)\$?(\d+)([-+*])\$?([A-Z]+)\$?(\d+)$')
RANGE = re.compile(r'^=(SUM|SUBTOTAL\(9,)\(?\$?([A-Z]+\$?\d+:\$?[A-Z]+\$?\d+)\)$')


def number(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def check(path):
    problems = []
    n = 0
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    for ws, fws in zip(values.worksheets, formulas.worksheets):
        for row in fws.iter_rows():
            for cell in row:
                text = cell.value
                if not (isinstance(text, str) and text.startswith('=')):
                    continue
                n += 1
                where = '%s!%s' % (ws.title, cell.coordinate)
                stored = ws[cell.coordinate].value
                m = BINARY.match(text.replace(' ', ''))
                r = RANGE.match(text.replace(' ', ''))
                if m:
                    a = '%s%s' % (m.group(1), m.group(2))
                    b = '%s%s' % (m.group(4), m.group(5))
                    if cell.coordinate in (a, b):
                        problems.append('%s: %s refers to itself' % (where, text))
                        continue
                    x, y = number(ws[a].value), number(ws[b].value)
                    expected = {'+': x + y, '-': x - y, '*': x * y}[m.group(3)]
                elif r:
                    min_col, min_row, max_col, max_row = range_boundaries(r.group(2).replace('$', ''))
                    expected = 0
                    circular = False
                    for rr in range(min_row, max_row + 1):
                        for cc in range(min_col, max_col + 1):
                            if (rr, cc) == (cell.row, cell.column):
                                circular = True
                            inner = fws.cell(rr, cc).value
                            if r.group(1).startswith('SUBTOTAL') and isinstance(inner, str) \
                               and inner.upper().startswith('=SUBTOTAL('):
                                continue
                            expected += number(ws.cell(rr, cc).value)
                    if circular:
                        problems.append('%s: %s refers to itself' % (where, text))
                        continue
                else:
                    problems.append('%s: unknown formula %s' % (where, text))
                    continue
                if not isinstance(stored, (int, float)) or abs(stored - expected) > 0.005:
                    problems.append('%s: %s stores %r, computes %r' % (where, text, stored, expected))
    return n, problems


def main():
    total = 0
    problems = []
    for path in sys.argv[1:]:
        n, p = check(path)
        total += n
        problems += ['%s: %s' % (path, line) for line in p]
    for line in problems:
        print(line)
    if problems:
        sys.exit(1)
    print('%d formulas' % total)


if __name__ == '__main__':
    main()
