#!/usr/bin/python3
# tests/real-data-rows.py ROOT: the data rows of the real-world files that
# are known to import (../shared/real-data, see its SOURCES.md), counted by
# an independent reader: Python's csv module with each file's encoding and
# delimiter as SOURCES.md gives them, and openpyxl for workbooks. Prints
# "RELATIVE-PATH<TAB>ROWS" lines for tests/test-real-data.c, which checks
# Heimpack's table reader against them.
#
# A data row is a record after the header that has a non-blank cell; the
# header is the first record (after Excel's "sep=;" hint line, if any).
# Files whose header the reader must find among title lines, or that stop
# with an error by design (SOURCES.md: messytables' and csvkit's broken
# files), are not listed.
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import os
import sys

CSV_FILES = [
    # (path, encoding, delimiter); SOURCES.md's record count in the comment
    ('schools-nrw/msb-schuldaten-2021-09.csv', 'utf-8', ';'),             # 5,507
    ('schools-nrw/svws-schulver-Schultraeger.csv', 'utf-8', ';'),         # 769
    ('places/svws-nrw-Orte.csv', 'utf-8', ';'),                           # 5,956
    ('places/svws-nrw-Ortsteile.csv', 'utf-8', ';'),                      # 6,622
    ('places/destatis-AuszugGV4QAktuell-excel-export.csv', 'utf-8-sig', ','),  # 16,068
    ('places/osm-zuordnung_plz_ort_landkreis.csv', 'utf-8', ','),         # 12,883
    ('students-pseudonymized/svws-kursblockung001-Schueler.txt', 'utf-8-sig', ';'),   # 137
    ('students-pseudonymized/svws-klausurblockung001-schueler.txt', 'ascii', ';'),    # 417
    ('csv-edge-cases/svws-TestdatenSplitStrasse.csv', 'ascii', ';'),      # 2
    ('csv-edge-cases/svws-schild3-UnicodeUmwandlung.csv', 'utf-8', ';'),  # 193
    ('csv-edge-cases/csvkit/mac_newlines.csv', 'utf-8', ','),
    ('csv-edge-cases/csvkit/test_header_newline.csv', 'utf-8', ','),
    ('csv-edge-cases/csvkit/test_latin1.csv', 'latin-1', ','),
    ('csv-edge-cases/csvkit/test_locale.csv', 'utf-8', ','),
    ('csv-edge-cases/csvkit/test_no_leading_zeroes.csv', 'utf-8', ','),
    ('csv-edge-cases/csvkit/test_utf16_big.csv', 'utf-16', ','),
    ('csv-edge-cases/csvkit/test_utf16_little.csv', 'utf-16', ','),
    ('csv-edge-cases/csvkit/test_utf8_bom.csv', 'utf-8-sig', ','),
    ('csv-edge-cases/messytables/utf8bom.csv', 'utf-8-sig', ','),         # 0 (header only)
]

XLSX_FILES = [
    'xlsx/libxlsxwriter-excel-reference/autofilter00.xlsx',
    'xlsx/libxlsxwriter-excel-reference/simple01.xlsx',
    'xlsx/libxlsxwriter-excel-reference/simple02.xlsx',
    'xlsx/libxlsxwriter-excel-reference/quote_name01.xlsx',
    'xlsx/libxlsxwriter-excel-reference/rich_string01.xlsx',
    'xlsx/libxlsxwriter-excel-reference/escapes03.xlsx',
    'xlsx/messytables/simple.xlsx',
    'xlsx/messytables/sw_gen.xlsx',
]


def blank(value):
    return value is None or str(value).strip() == ''


def csv_rows(path, encoding, delimiter):
    with open(path, encoding=encoding, newline='') as f:
        text = f.read()
    if text.lower().startswith('sep='):
        text = text.split('\n', 1)[1] if '\n' in text else ''
    records = [r for r in csv.reader(io.StringIO(text, newline=''), delimiter=delimiter)
               if not all(blank(c) for c in r)]
    return max(len(records) - 1, 0)


def xlsx_rows(path):
    import warnings
    import openpyxl

    # (openpyxl warns of extensions it does not read)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        # the first sheet with data, as the reader takes it
        for sheet in book.worksheets:
            rows = [r for r in sheet.iter_rows(values_only=True) if not all(blank(c) for c in r)]
            if rows:
                return len(rows) - 1
    return 0


def main(root):
    for path, encoding, delimiter in CSV_FILES:
        print('%s\t%d' % (path, csv_rows(os.path.join(root, path), encoding, delimiter)))
    for path in XLSX_FILES:
        print('%s\t%d' % (path, xlsx_rows(os.path.join(root, path))))


if __name__ == '__main__':
    main(sys.argv[1])
