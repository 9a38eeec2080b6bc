"""Every cell openpyxl reads from a workbook, as JSON: sheet -> address -> [value, number format, wrap].

Used by bulk-write.test.ts to read the merged workbook with another reader than ours. Dates as ISO text.
"""
import json
import sys
from datetime import date, datetime

import openpyxl


def plain(v):
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    return v


def main(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and c.number_format == "General" and not c.comment:
                    continue
                cells[c.coordinate] = [
                    plain(c.value),
                    c.number_format,
                    bool(c.alignment.wrap_text),
                    c.comment.text if c.comment else None,
                ]
        out[ws.title] = cells
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
