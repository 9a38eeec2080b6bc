/**
 * The flows, written once against the WorkbookPort: the add-in (Office.js) and the command line
 * (exceljs) run the very same code.
 */
export { createTemplate, type TemplateResult } from "./template";
export {
  planConversion,
  convertWorkbook,
  type ConversionPreview,
  type ConversionOptions,
  type SheetConversion,
  type ColumnMapping,
  type KeptCell,
} from "./convert";
export {
  validateFlow,
  validateSnapshot,
  validationSheet,
  marksOf,
  type ValidateFlowOptions,
  type ValidateFlowResult,
  type ValidateFlowRun,
  type SkippedRun,
} from "./validate";
export {
  buildOverview,
  overviewPlan,
  sumifsFormula,
  type FormulaBuilder,
  type OverviewFilter,
  type OverviewOptions,
  type OverviewLayout,
} from "./overview";
export {
  mergeWorkbooks,
  planMerge,
  type MergeInput,
  type MergeReport,
  type MergeFileSummary,
  type MergeOptions,
} from "./merge";
export {
  exportRecords,
  type ExportResult,
  type ExportedIndicator,
  type ExportedFinancing,
  type ExportedProject,
} from "./export";
export { demoPlan, writeDemo, demoDataset, hasTemplateData } from "./demo";
export { listsSheet, instructionsSheet } from "./sheets";
export { templateTable, columnFormat, toWriteValue } from "./common";
export { tablesForValidation, findSources, nothingRecognised, ledgerOf } from "./reading";
export type { Source, SkippedSheet } from "./sources";
export {
  ReadingLedger,
  amountOf,
  type LedgerReason,
  type LeftOutCell,
  type SheetLedger,
} from "./ledger";
export { LEDGER_REASONS } from "./ledger-reasons";
export { leftOutFindings, ACCOUNTED } from "./ledger-findings";
export {
  readFiles,
  readSnapshot,
  fileLedger,
  type CombinedReading,
  type FileInput,
  type SnapshotReading,
  type FileReading,
  type ReadFilesOptions,
} from "./combine";
export {
  computeKeyFigures,
  keyFiguresJson,
  buildKeyFigures,
  type KeyFiguresResult,
} from "./key-figures";
export { keyFiguresSheet, KEY_FIGURES_TITLES } from "./key-figures-sheet";
export {
  readMeetmoment,
  readMeetmomentFiles,
  gapsFor,
  type MeetmomentData,
  type RecordAt,
} from "./meetmoment-data";
export {
  compareMeetmomenten,
  comparisonJson,
  buildComparison,
  type ComparisonResult,
} from "./compare";
export { comparisonSheet, COMPARISON_TITLES } from "./compare-sheet";
export { exportTables, dataPackage, numberCell, type CsvTable } from "./datapackage";
export { excelCsvTables, dutchNumber, type ExcelCsvTable } from "./csv-excel";
