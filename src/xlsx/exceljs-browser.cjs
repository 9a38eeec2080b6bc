/**
 * exceljs for the task pane, built from its patched sources (lib/, see patches/) rather than its prebuilt
 * browser bundle (dist/, which patch-package does not touch): the previous meting's workbook is then read in
 * the browser exactly as the command line reads it. Same exports as exceljs' own browser entry, without its
 * polyfills (the pane targets ES2020 browsers). webpack.config.js points "exceljs" here for the web build.
 */
const ExcelJS = { Workbook: require("exceljs/lib/doc/workbook") };
const Enums = require("exceljs/lib/doc/enums");
Object.keys(Enums).forEach((key) => {
  ExcelJS[key] = Enums[key];
});
module.exports = ExcelJS;
