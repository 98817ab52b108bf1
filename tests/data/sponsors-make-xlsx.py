#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes sponsors-list.xlsx (tests/test-import-sponsors.c): last year's
# sponsor list as an office keeps it in Excel, with a title line above the
# header, values per piece as numbers and as text, pledges as numbers, and
# one sponsor spanning rows. Made up, no real data.
#   /usr/bin/python3 tests/data/sponsors-make-xlsx.py tests/data/sponsors-list.xlsx

import sys

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sponsoren 2026"
ws.append(["Sponsorenliste Heimvorteil2GO 2026"])
ws.append(["Unternehmen", "Ansprechpartnerin", "Telefon", "Mail", "Adresse", "Produkt", "Stückwert", "Menge"])
ws.append(["Sparkasse Hochsauerland", "Herr Kramer", "0291 2901-0", "info@spk.example", "--",
           "Notizblock A5", 1.2, 800])
ws.append(["SPARKASSE HOCHSAUERLAND", None, None, None, None, "Lineal 30 cm", "0,50 €", 300])
ws.append(["Stadtwerke Brilon", "Frau Hesse", "02961 123", None, "Kreuziger Mauer 5, 59929 Brilon",
           "Trinkflasche", 4.5, None])
ws.append(["Stadtwerke Brilon", None, None, None, None, "trinkflasche", None, None])
wb.save(sys.argv[1])
