/**
 * The add-in's page layout (src/excel/page-layout.ts) on the twin: every sheet the add-in writes gets the
 * same description the files get (src/workbook/page-layout.ts): A4, one page wide, print titles, print
 * area on the report sheets, the meetmoment and "pagina &P van &N" in header and footer. Without
 * ExcelApi 1.9 nothing of it is touched, and the sheets are written all the same. The layout adds no sync.
 */
import { ExcelWorkbookPort, type ExcelRun } from "../../src/excel/port";
import {
  COMPARISON_SHEET,
  KEY_FIGURES_SHEET,
  OVERVIEW_SHEET,
  SHEETS,
  VALIDATION_SHEET,
} from "../../src/core/template";
import { buildOverview, demoPlan, validateFlow } from "../../src/workbook/flows";
import { ExcelWorkbench } from "../../src/taskpane/workbench";
import { readPreviousWorkbook } from "../../src/taskpane/previous-workbook";
import { FakeExcel, installGlobals } from "../fakes/excel";
import { emptyPageLayout } from "../fakes/excel-page-layout";
import {
  distributionRecords,
  SEPTEMBER_2021,
  DECEMBER_2021,
  workbookOf,
} from "../support/mededeling";

async function excelWith(apiVersion: string) {
  const x = new FakeExcel({ apiVersion });
  x.addSheet("Blad1");
  // Office.context.requirements of this Excel: the port detects ExcelApi 1.9 itself, as in Excel.
  installGlobals(globalThis as unknown as Record<string, unknown>, x);
  const port = new ExcelWorkbookPort({ run: x.run as unknown as ExcelRun });
  const s0 = x.syncs;
  await port.apply(
    demoPlan({
      data: {
        report: "test",
        meetmoment: DECEMBER_2021.meetmoment,
        records: distributionRecords(DECEMBER_2021),
      },
    })
  );
  const demoSyncs = x.syncs - s0;
  return {
    x,
    port,
    demoSyncs,
    bench: new ExcelWorkbench({ run: x.run as unknown as ExcelRun, port }),
  };
}

const layoutOf = (x: FakeExcel, sheet: string) => {
  const s = x.findSheet(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.pageLayout;
};

const globals = globalThis as unknown as Record<string, unknown>;
const saved = { Office: globals.Office, Excel: globals.Excel };
afterAll(() => Object.assign(globals, saved));

describe("the page layout in Excel (ExcelApi 1.9)", () => {
  let x: FakeExcel;
  beforeAll(async () => {
    const made = await excelWith("1.18");
    x = made.x;
    await validateFlow(made.port, {
      meetmoment: DECEMBER_2021.meetmoment,
      lang: "nl",
      annotate: true,
    });
    await buildOverview(made.port, { lang: "nl" });
    const sept = await workbookOf(distributionRecords(SEPTEMBER_2021), SEPTEMBER_2021.meetmoment);
    const previous = await readPreviousWorkbook("september-2021.xlsx", await sept.toBuffer(), "nl");
    await made.bench.keyFigures({ lang: "nl", meetmoment: null, previous });
    await made.bench.compare({ lang: "nl", meetmoment: null, previous });
  }, 180_000);

  it.each(SHEETS.map((s) => s.name))(
    "%s: one page wide, landscape, header row repeated",
    (name) => {
      const pl = layoutOf(x, name);
      expect(pl.paperSize).toBe("A4");
      expect(pl.orientation).toBe("Landscape");
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(pl.printTitleRows).toBe("$1:$1");
      expect(pl.printArea).toBeNull(); // a data sheet prints its whole table
      expect(pl.headers.leftHeader).toBe("Vlaamse Veerkracht, meetmoment 31 december 2021");
      expect(pl.headers.rightHeader).toBe("&A");
      expect(pl.headers.rightFooter).toBe("pagina &P van &N");
    }
  );

  it.each([
    ["Instructies", "Landscape", null],
    [OVERVIEW_SHEET, "Landscape", "$1:$3"],
    [VALIDATION_SHEET, "Landscape", "detail"],
    [KEY_FIGURES_SHEET, "Landscape", "$1:$2"],
    [COMPARISON_SHEET, "Landscape", "$1:$2"],
  ])("%s: a report with its print area, one page wide", (name, orientation, titles) => {
    const pl = layoutOf(x, name);
    expect(pl.orientation).toBe(orientation);
    expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    if (titles === "detail") {
      // Validatie: the header row of the findings' list, under the summary, on every page.
      const m = /^\$(\d+):\$(\d+)$/.exec(pl.printTitleRows ?? "");
      expect(m && m[1] === m[2] && Number(m[1]) > 1).toBe(true);
    } else expect(pl.printTitleRows).toBe(titles);
    expect(pl.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    // The print area reaches the sheet's last filled row, and over its charts where it has them.
    const last = Number(/\d+$/.exec(pl.printArea!)![0]);
    const used = x.findSheet(name)!.used(true)!;
    if (name === OVERVIEW_SHEET || name === KEY_FIGURES_SHEET)
      expect(last).toBeGreaterThanOrEqual(used.row + used.rows);
    else expect(last).toBe(used.row + used.rows);
    expect(pl.headers.rightFooter).toBe("pagina &P van &N");
  });
});

describe("the page layout without ExcelApi 1.9", () => {
  it("writes the sheets, sets no page layout, in the same number of syncs", async () => {
    const old = await excelWith("1.8");
    const now = await excelWith("1.18");
    expect(old.demoSyncs).toBe(now.demoSyncs);
    for (const s of SHEETS) {
      expect(old.x.findSheet(s.name)!.pageLayout).toEqual(emptyPageLayout());
      expect(now.x.findSheet(s.name)!.pageLayout).not.toEqual(emptyPageLayout());
    }
    expect(old.x.calls.some((c) => c.startsWith("PageLayout"))).toBe(false);
  }, 120_000);
});
