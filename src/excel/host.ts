/**
 * What the Excel that runs the add-in offers: requirement sets (notes need ExcelApi 1.18), the platform (the
 * 5 MB request limit of Excel on the web) and the display language. Outside Excel (tests, a plain browser)
 * `Office.context` is missing: every feature then reads as absent, never as an error.
 */

/** `Excel.run` or a stand-in with the same shape. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * How every batch of the add-in runs. `delayForCellEdit`: while the user is typing in a cell, Excel holds
 * the batch until they leave the cell instead of failing it (RunOptions: "if false, the batch request
 * automatically fails if the user is in cell edit mode"). A debounced live validation fires exactly then.
 */
export const RUN_OPTIONS = { delayForCellEdit: true } as const;

/** `Excel.run` with RUN_OPTIONS: the default of every part of the add-in that talks to Excel. */
export const excelRun: ExcelRun = (batch) => Excel.run(RUN_OPTIONS, batch);

/** The lowest ExcelApi set the add-in needs (manifest.xml declares it) and what newer sets add. */
export const REQUIRED_API = "1.8";
export const FEATURE_API = {
  /** Notes on cells: the marks' messages and the column help on headers. */
  notes: "1.18",
  /** RangeFill.pattern: tells "no fill" from a white fill when a mark is restored. */
  fillPattern: "1.9",
  /** Page layout (orientation, fit to page, print titles and area, headers): src/excel/page-layout.ts. */
  pageLayout: "1.9",
} as const;

/** Excel on the web refuses a request or response above 5 MB (learn.microsoft.com, "Resource limits"). */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

interface OfficeLike {
  context?: {
    platform?: unknown;
    displayLanguage?: unknown;
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

function office(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

/** Whether ExcelApi `version` is supported by the running Excel. */
export function supported(version: string): boolean {
  try {
    return office()?.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false; // Office.context throws before Office.onReady in some hosts: the feature is absent
  }
}

export function onTheWeb(): boolean {
  try {
    return String(office()?.context?.platform) === "OfficeOnline";
  } catch {
    return false;
  }
}

/** Excel's display language, e.g. "nl-BE", or null outside Excel. */
export function displayLanguage(): string | null {
  try {
    const l = office()?.context?.displayLanguage;
    return typeof l === "string" && l !== "" ? l : null;
  } catch {
    return null;
  }
}

/** What the port may use; detected from Office.context unless given. */
export interface HostFeatures {
  notes: boolean;
  /** RangeFill.pattern can be loaded (ExcelApi 1.9; the manifest asks for 1.8). */
  fillPattern: boolean;
  /** Whether sheets get their page layout (ExcelApi 1.9). */
  pageLayout: boolean;
  /** Largest request the port sends in one sync, in bytes (Infinity: no limit known). */
  payloadLimit: number;
}

export function detectFeatures(given: Partial<HostFeatures> = {}): HostFeatures {
  return {
    notes: given.notes ?? supported(FEATURE_API.notes),
    fillPattern: given.fillPattern ?? supported(FEATURE_API.fillPattern),
    pageLayout: given.pageLayout ?? supported(FEATURE_API.pageLayout),
    payloadLimit: given.payloadLimit ?? (onTheWeb() ? WEB_PAYLOAD_LIMIT : Infinity),
  };
}

/** The ExcelApi sets this Excel lacks, for the pane to say what is unavailable. */
export function missingFeatures(): { required: boolean; notes: boolean } {
  return { required: !supported(REQUIRED_API), notes: !supported(FEATURE_API.notes) };
}
