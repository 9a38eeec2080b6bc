/**
 * exceljs as this project uses it: its workbook model and enums, from its patched sources (lib/, see patches/),
 * without its streaming reader and writer (and the unzip library they load), which nothing here calls. The
 * xlsx host imports exceljs from here, in every build:
 * - on the command line, loading all of exceljs took 0.36 s of the main thread in a merge, this part 0.13 s;
 * - in the task pane (webpack), exceljs' prebuilt browser bundle (dist/) is not patched by patch-package: from
 *   here the previous meting's workbook is read in the browser exactly as the command line reads it, and
 *   without that bundle's polyfills (the pane targets ES2020 browsers).
 * Its types (exceljs-lib.d.cts) are exceljs' own.
 */
const ExcelJS = { Workbook: require("exceljs/lib/doc/workbook") };
const Enums = require("exceljs/lib/doc/enums");
Object.keys(Enums).forEach((key) => {
  ExcelJS[key] = Enums[key];
});
module.exports = ExcelJS;
