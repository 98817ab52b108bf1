#!/usr/bin/python3
# check-xlsx.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The independent reader of tests/test-export.c: loads a workbook with
# Debian's python3-openpyxl and prints what the tests check as one JSON
# object on stdout:
#
#   {"sheets": [{"name", "max_row", "max_col", "freeze", "title_rows",
#                "paper", "orientation", "fit_to_page", "fit_width",
#                "fit_height", "header": [left, center, right],
#                "footer": [left, center, right], "autofilter",
#                "first_page" (the number of the first printed page, if set),
#                "breaks": [row after which a page ends, ...],
#                "widths": [width or null, ...], "heights": [height or null, ...],
#                "heading_rows": [row, ...], "indents": {"C5": 1, ...},
#                "bold": ["D12", ...], "links": {"N5": "'Sheet'!A1", ...},
#                "rows": [[cell, ...], ...]}, ...]}
#
# where a cell is [value, type, number_format, formula]: type is "n"
# (number), "s" (string), "date", "time", "b" or null (empty); value is the
# cached value (dates as "YYYY-MM-DD", times as "HH:MM"), formula the formula
# text or null. "widths" are the set column widths (as stored, with Excel's
# padding) and "heights" the set row heights in points of the described
# rows; "heading_rows" are the 1-based rows with a table heading (grey
# fill); "indents" the cells with an indent; "bold" the cells with a value
# in a bold font (e.g. the under-18 marks of a class list).
#
# Every XML part of the file is parsed with xml.etree first: the script
# fails (exit 1, naming the part) if one is not well-formed, so every test
# that reads a workbook back also checks its XML.
#
# Texts are shown as Excel shows them: the XML escapes `_xHHHH_` (a
# character) and `_x005F_` (a literal underscore) of OOXML's ST_Xstring are
# decoded. openpyxl 3.0.9 decodes them in page headers, and in shared
# strings only drops "x005F_", but leaves inline strings (libxlsxwriter's
# constant-memory mode) as they are in the XML; so a workbook without
# shared strings gets its string cells decoded here.
#
# Usage: check-xlsx.py FILE [MAX_ROWS] [SHEET_LIMIT]
#   MAX_ROWS: rows per sheet in "rows" (default 80); SHEET_LIMIT: how many
#   sheets to describe in full (default all; the rest get name and max_row).

import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter


ESCAPED = re.compile('_x([0-9A-Fa-f]{4})_')
DECODE_STRINGS = False


def excel_text(value):
    """An ST_Xstring as Excel shows it, decoded left to right."""
    return ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)


def check_xml_parts(path):
    """Parses every XML part; returns whether there are shared strings."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for name in names:
            if name.endswith('.xml') or name.endswith('.rels'):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    sys.exit('%s: part %s is not well-formed XML: %s' % (path, name, e))
        return 'xl/sharedStrings.xml' in names


def cell_facts(value_cell, formula_cell):
    value = value_cell.value
    formula = None
    if isinstance(formula_cell.value, str) and formula_cell.value.startswith('='):
        formula = formula_cell.value
    if value is None:
        kind = None
    elif isinstance(value, bool):
        kind = 'b'
    elif isinstance(value, datetime.datetime):
        kind = 'date'
        value = value.date().isoformat() if (value.hour, value.minute) == (0, 0) else value.isoformat()
    elif isinstance(value, datetime.date):
        kind = 'date'
        value = value.isoformat()
    elif isinstance(value, datetime.time):
        kind = 'time'
        value = value.strftime('%H:%M')
    elif isinstance(value, (int, float)):
        kind = 'n'
    else:
        kind = 's'
        value = str(value)
        if DECODE_STRINGS:
            value = excel_text(value)
    return [value, kind, value_cell.number_format, formula]


def header_parts(hf):
    return [hf.left.text, hf.center.text, hf.right.text]


def sheet_facts(ws, fws, max_rows, full):
    facts = {'name': ws.title, 'max_row': ws.max_row, 'max_col': ws.max_column}
    if not full:
        return facts
    setup = ws.page_setup
    facts.update({
        'freeze': ws.freeze_panes,
        'title_rows': ws.print_title_rows,
        'paper': int(setup.paperSize) if setup.paperSize is not None else None,
        'orientation': setup.orientation,
        'fit_to_page': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        'fit_width': int(setup.fitToWidth) if setup.fitToWidth is not None else None,
        'fit_height': int(setup.fitToHeight) if setup.fitToHeight is not None else None,
        'header': header_parts(ws.oddHeader),
        'footer': header_parts(ws.oddFooter),
        'autofilter': ws.auto_filter.ref,
        # useFirstPageNumber without firstPageNumber: 1, the schema's default
        'first_page': int(setup.firstPageNumber or 1) if setup.useFirstPageNumber else None,
        'breaks': [b.id for b in ws.row_breaks.brk],
    })
    rows = []
    heading_rows = []
    indents = {}
    bold = []
    links = {}
    n_rows = min(ws.max_row, max_rows)
    for r in range(1, n_rows + 1):
        rows.append([cell_facts(ws.cell(r, c), fws.cell(r, c)) for c in range(1, ws.max_column + 1)])
        cells = [ws.cell(r, c) for c in range(1, ws.max_column + 1)]
        if any(c.fill.fill_type == 'solid' and str(c.fill.fgColor.rgb).upper().endswith('D9D9D9') for c in cells):
            heading_rows.append(r)
        for c in cells:
            if c.alignment.indent:
                indents[c.coordinate] = c.alignment.indent
            if c.value is not None and c.font is not None and c.font.b:
                bold.append(c.coordinate)
            if c.hyperlink is not None:
                links[c.coordinate] = c.hyperlink.location or c.hyperlink.target
    facts['rows'] = rows
    facts['heading_rows'] = heading_rows
    facts['indents'] = indents
    facts['bold'] = bold
    facts['links'] = links
    facts['widths'] = [
        ws.column_dimensions[get_column_letter(c)].width
        if ws.column_dimensions[get_column_letter(c)].customWidth else None
        for c in range(1, ws.max_column + 1)]
    facts['heights'] = [ws.row_dimensions[r].height for r in range(1, n_rows + 1)]
    return facts


def main():
    global DECODE_STRINGS
    path = sys.argv[1]
    DECODE_STRINGS = not check_xml_parts(path)
    max_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    sheets = []
    for i, ws in enumerate(values.worksheets):
        full = limit is None or i < limit
        sheets.append(sheet_facts(ws, formulas.worksheets[i], max_rows, full))
    json.dump({'sheets': sheets}, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
