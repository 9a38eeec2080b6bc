"""Write a workbook as pandas and scripts export one: openpyxl in write-only mode, the rows of the input
workbook's visible sheets (read with openpyxl, values only: formulas as their cached results) written as
plain rows: inline strings, no tables, no styles but the number format openpyxl gives dates. The sheets
that are vv-monitor's own are left out, as an export of the data leaves them: Bewaard (a merge keeps
there the values of the rows it could not place: 450,000 cells for the bench's merge, where every
project conflicts) and the hidden ones (lists, the stamp).

Usage: /usr/bin/python3 bench/write-openpyxl.py input.xlsx output.xlsx
The file benchmark (bench/files.ts) makes its openpyxl-written 100,000-row workbook with it.
"""
import sys

import openpyxl

source = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
out = openpyxl.Workbook(write_only=True)
for ws in source.worksheets:
    if ws.sheet_state != "visible" or ws.title == "Bewaard":
        continue
    target = out.create_sheet(ws.title)
    for row in ws.iter_rows(values_only=True):
        target.append(list(row))
source.close()
out.save(sys.argv[2])
