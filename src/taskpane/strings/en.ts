/** Every text of the task pane, in English. Same keys as nl.ts (the type enforces it). */
import { plural } from "../../core/key-figures-phrases";
import type { Strings } from "./nl";

/** A count as English readers write it: 1,453. */
const num = (n: number) => n.toLocaleString("en-GB");

export const en: Strings = {
  lang: "en",
  appTitle: "Vlaamse Veerkracht",
  appSubtitle: "Monitoring the recovery plan",
  tabs: {
    start: "Start",
    validate: "Validate",
    overview: "Overview",
    keyFigures: "Key figures",
    settings: "Settings",
  },
  status: {
    heading: "This workbook",
    checking: "Reading the workbook…",
    template: (v) => `Monitoring template, version ${v}`,
    outdated: (v, want) => `Monitoring template version ${v}; the add-in uses version ${want}`,
    convertible: "Holds data that is not in the template yet",
    empty: "No monitoring template yet",
    meetmoment: (m) => (m ? `Measurement date: ${m}` : "Measurement date: not set"),
    next: "What next?",
    nextTemplate: "Fill in the sheets and validate the workbook before you send it.",
    nextConvertible:
      "Convert the workbook into the template. You first see which column goes where; no value is lost.",
    nextEmpty:
      "Create the template: four tables with dropdowns, formats and help on every column header.",
    nextOutdated: "Convert the workbook to the new template version.",
    refresh: "Read again",
    read: (what, next) => `${what}. ${next}`.trim(),
  },
  convert: {
    create: "Create template",
    convert: "Convert to template",
    preview: "Show preview",
    previewTitle: "How the workbook will be converted",
    previewIntro: "Nothing has changed yet. Check the columns and confirm.",
    confirm: "Confirm and run",
    cancel: "Cancel",
    sheet: "Sheet",
    from: "Column in the workbook",
    to: "Column in the template",
    how: "Recognised by",
    howText: {
      exact: "same header",
      folded: "header (case/spacing)",
      synonym: "synonym",
      extra: "extra column, kept",
      added: "new, empty",
    },
    action: {
      unchanged: "already fine",
      converted: "converted",
      moved: "moved",
      kept: "left as it is",
      created: "new",
    },
    newSheet: (columns) =>
      `New sheet with ${num(columns.length)} ${plural(columns.length, "column", "columns")}: ${columns.join(", ")}.`,
    rows: (n) => `${num(n)} ${plural(n, "row", "rows")}`,
    kept: (n) =>
      `${num(n)} ${plural(n, "value without a place in the template goes", "values without a place in the template go")} to the 'Bewaard' sheet.`,
    isTemplate:
      "This workbook is already the monitoring template: there is nothing to convert. Fill in the sheets and validate them on the Validate tab.",
    previewReady: (sheets) =>
      `How the workbook will be converted: ${num(sheets)} ${plural(sheets, "sheet", "sheets")}. Nothing has changed yet.`,
    done: "The template is ready.",
    doneDetail: (created, kept) =>
      `${num(created)} ${plural(created, "sheet", "sheets")} created, ${num(kept)} existing ${plural(kept, "sheet", "sheets")} kept or converted.`,
    working: "Writing the template…",
  },
  validate: {
    run: "Validate",
    annotate: "Mark cells and write the Validatie sheet",
    working: "Checking the workbook…",
    none: "Not validated yet.",
    ok: "No errors or warnings found.",
    summary: (e, w) =>
      `${num(e)} ${plural(e, "error", "errors")}, ${num(w)} ${plural(w, "warning", "warnings")}`,
    liveSummary: (e, w) =>
      `Live validation: ${num(e)} ${plural(e, "error", "errors")}, ${num(w)} ${plural(w, "warning", "warnings")}.`,
    count: (n) => num(n),
    list: "Findings by rule; arrow keys to move",
    selecting: (where) => `Selecting ${where}…`,
    selected: (where) => `Cell ${where} is selected in Excel.`,
    filter: "Show",
    all: "All",
    errors: "Errors",
    warnings: "Warnings",
    error: "error",
    warning: "warning",
    more: (n) => `and ${num(n)} more: see the Validatie sheet.`,
    goTo: (where) => `Go to ${where}`,
    live: "Validate live after changes",
    liveOn: "Live validation is on: every change or paste is checked again.",
    protectedSheets: (sheets: string[]) =>
      `Cells on ${sheets.join(", ")} not marked: the ${sheets.length === 1 ? "sheet is" : "sheets are"} protected. The findings are listed below.`,
    renamedSheet: (from: string, to: string) =>
      `Your own sheet ${from} is now called ${to}: the add-in writes its own ${from} sheet. Nothing was lost.`,
    meetmoment: (m) =>
      m
        ? `Checked against measurement date ${m}.`
        : "No measurement date: overdue milestones are not checked.",
  },
  overview: {
    title: "Overview of the totals",
    intro:
      "Budget, commitments (VAK) and payments (VEK) per spearhead, cluster and envelope, with charts in the status colours.",
    mode: "Formulas",
    functions: "With the add-in's functions (VV.COMMITMENTS, …)",
    formulas: "With plain Excel formulas (works without the add-in too)",
    build: "Build or refresh the overview",
    working: "Building the overview…",
    done: "The Overzicht sheet is up to date.",
  },
  keyFigures: {
    title: "Key figures and comparison",
    intro:
      "The figures and sentences for the Mededeling to the Flemish Government: projects and milestones per status, VAK and VEK of VV001–VV158 against their budget.",
    build: "Build or refresh the key figures",
    working: "Computing the key figures…",
    done: "The Kerncijfers sheet was updated.",
    previous: "Previous measurement (.xlsx workbook)",
    previousHint:
      "Pick the workbook of the previous measurement: it is read here, not changed and not sent anywhere.",
    reading: "Reading the previous workbook…",
    loaded: (name: string, m: string | null) =>
      `Previous measurement: ${name}${m ? ` (date ${m})` : ""}.`,
    compare: "Compare with the previous measurement",
    comparing: "Comparing the workbooks…",
    compared: "The Vergelijking sheet was updated.",
    clear: "Forget the previous measurement",
    sentences: "Text for the Mededeling",
    changes: (p: number, c: number, d: number, a: number, r: number) =>
      `${num(p)} ${plural(p, "project", "projects")} changed, ${num(c)} ${plural(c, "milestone", "milestones")} completed, ${num(d)} newly delayed, ${num(a)} new and ${num(r)} gone.`,
    gaps: (n: number) =>
      `${num(n)} ${n === 1 ? "value" : "values"} could not be read: see the sheet.`,
  },
  settings: {
    meetmoment: "Measurement date",
    meetmomentHint:
      "The date of the measurement (pick it in the calendar or type it as the field shows it). Milestones dated before it that have not started or are on schedule are overdue.",
    save: "Save the measurement date in the workbook",
    saved: "The measurement date is saved in the workbook (for the command line too).",
    language: "Language",
    dutch: "Nederlands",
    english: "English",
    live: "Live validation",
    liveHint:
      "Validate again after changes and pastes in the tables. Pasting bypasses Excel's dropdowns.",
  },
  capabilities: {
    title: "Not everything works in this version of Excel",
    required:
      "This Excel is too old for the add-in: it needs ExcelApi 1.8 (Microsoft 365, Excel 2019 or later, or Excel on the web). Use vv-monitor on the command line meanwhile.",
    notes:
      "This Excel offers no notes to add-ins (ExcelApi 1.18, Microsoft 365). Marks are therefore colours only: the messages are here in the task pane and on the Validatie sheet, the column help in the dropdowns and on the Instructies sheet.",
  },
  errors: {
    title: "That did not work",
    file: {
      missing: "Pick the file again.",
      empty: "Pick the workbook of the previous measurement, not an empty file.",
      encrypted: "",
      "not-xlsx":
        "Pick the Excel workbook (.xlsx) of the previous measurement, not a PDF or another file. If you only have an .xls or .csv file, open it in Excel and save it as an Excel workbook (.xlsx).",
      corrupt: "Open the workbook in Excel, save it as .xlsx and pick it again.",
      unsupported: "Open the workbook in Excel, save it as .xlsx and pick it again.",
      unreadable: "Pick an Excel workbook (.xlsx).",
    },
    otherFile: "Then pick the previous measurement's Excel workbook (.xlsx).",
    retry: "Try again",
    dismiss: "Close",
    notInExcel: "The add-in is not running in Excel. Open it from Excel (Home > Add-ins).",
    payload:
      "The workbook is too large to read at once. Close other workbooks, or use the command line (npx vv-monitor).",
    protected:
      "A sheet or the workbook is protected. Unprotect it (Review > Unprotect) and try again.",
    editMode: "Excel is still in cell edit mode. Press Enter or Esc in the cell and try again.",
    generic: (m) => `${m} Try again; if it keeps failing, save the workbook and reopen the add-in.`,
  },
  busy: "Working…",
  done: "Done",
};
