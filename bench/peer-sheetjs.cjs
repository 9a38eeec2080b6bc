// The JavaScript peer of `npm run bench -- files`: SheetJS (@e965/xlsx, the npm mirror of the current
// release) reads a workbook as most JavaScript programs do, `XLSX.readFile` and `sheet_to_json` of every
// sheet, and nothing else. Prints one JSON line: the cells read (values that are not empty) and the peak
// resident memory of this process in MB.
"use strict";
const XLSX = require("@e965/xlsx");

const wb = XLSX.readFile(process.argv[2]);
let cells = 0;
for (const name of wb.SheetNames) {
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, defval: null });
  for (const row of rows) for (const v of row) if (v !== null && v !== "") cells++;
}
console.log(JSON.stringify({ cells, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
