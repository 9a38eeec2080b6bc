"""The peer of `npm run bench -- files`: openpyxl in read-only mode reads every cell of a workbook.

Prints one JSON line: cells read, and the peak resident memory of this process in MB.
Run with Debian's Python (/usr/bin/python3), where python3-openpyxl is installed.
"""
import json
import resource
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if v is not None:
                cells += 1
wb.close()
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cells": cells, "peakMb": round(peak_mb, 1)}))
