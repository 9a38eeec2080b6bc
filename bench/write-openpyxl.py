"""Write a workbook as pandas and scripts export one: openpyxl in write-only mode, plain rows (inline
strings, no tables, no styles but the number format openpyxl gives dates), values only (formulas as their
stored results). Each sheet of the first input that holds a table gets the rows of that table from every
input, one after the other under one header: the 46 entity workbooks of the file benchmark give the
100,000 rows they hold together (a merge keeps the rows of conflicting projects out of its tables). The
other visible sheets are copied from the first input; hidden ones (lists, the stamp) are left out.

Usage: /usr/bin/python3 bench/write-openpyxl.py output.xlsx input1.xlsx [input2.xlsx ...]
Prints the number of table rows written.
"""
import sys

import openpyxl
from openpyxl.utils.cell import range_boundaries

out_path, inputs = sys.argv[1], sys.argv[2:]
first = openpyxl.load_workbook(inputs[0], data_only=True)
# The header row and columns of each sheet's table, from the first input (all inputs share the template).
tables = {}
for ws in first.worksheets:
    for t in ws.tables.values():
        tables[ws.title] = range_boundaries(t.ref)

out = openpyxl.Workbook(write_only=True)
rows_written = 0
sheets = {}
for ws in first.worksheets:
    if ws.sheet_state != "visible":
        continue
    sheets[ws.title] = out.create_sheet(ws.title)
    if ws.title not in tables:
        for row in ws.iter_rows(values_only=True):
            sheets[ws.title].append(list(row))
        continue
    min_col, min_row, max_col, _ = tables[ws.title]
    for row in ws.iter_rows(min_row=1, max_row=min_row, values_only=True):
        sheets[ws.title].append(list(row))
for path in inputs:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for title, (min_col, min_row, max_col, _) in tables.items():
        if title not in sheets:
            continue
        for row in wb[title].iter_rows(min_row=min_row + 1, values_only=True):
            if all(v is None for v in row):
                continue
            sheets[title].append(list(row))
            rows_written += 1
    wb.close()
out.save(out_path)
print(rows_written)
