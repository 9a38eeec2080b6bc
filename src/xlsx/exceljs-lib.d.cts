// The module's runtime exports are exceljs' workbook model and enums only (see exceljs-lib.cjs): its
// streaming reader and writer, in these types, are not there.
import ExcelJS from "exceljs";
export = ExcelJS;
