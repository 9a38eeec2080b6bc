/**
 * Two entities' workbooks that both report VV058, differently (another VAK): the case of issue 26 item 6.
 * Shared by the merge test (test/cli/merge-conflict.test.ts) and LibreOffice's recomputation
 * (test/e2e/merge-conflict.e2e.test.ts).
 */
import ExcelJS from "exceljs";

const PROJECT_HEADERS = ["Projectcode", "Projecttitel", "Cluster", "Speerpunt", "Projectstatus"];
const FIN_HEADERS = [
  "Projectcode",
  "Beleidsruimte (begroot)",
  "Beleidsruimte (begroot) update",
  "Uitvoering VAK",
  "Uitvoering VEK",
];
const CLUSTER = "02. Fietsinfrastructuur";
const SPEERPUNT = "02. Investeren in infrastructuur";

type Project = [code: string, begroot: number, update: number, vak: number, vek: number];

async function entity(file: string, projects: Project[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Projecten").addRows([
    PROJECT_HEADERS,
    ...projects.map(([code]) => [code, `Project ${code}`, CLUSTER, SPEERPUNT, "Opgestart"]),
  ]);
  wb.addWorksheet("Financiering").addRows([FIN_HEADERS, ...projects]);
  await wb.xlsx.writeFile(file);
}

/** a.xlsx: VV058 with VAK 4.000.000; b.xlsx: VV058 with VAK 7.500.000, and VV100. */
export async function conflictFiles(a: string, b: string): Promise<void> {
  await entity(a, [
    ["VV058", 10_000_000, 12_000_000, 4_000_000, 1_000_000],
    ["VV001", 2_000_000, 2_000_000, 500_000, 250_000],
  ]);
  await entity(b, [
    ["VV058", 10_000_000, 12_000_000, 7_500_000, 1_000_000],
    ["VV100", 3_000_000, 3_500_000, 1_250_000, 600_000],
  ]);
}

/** What `totals a.xlsx b.xlsx` counts: a's VV058 only, with VV001 and VV100. */
export const CONFLICT_TOTAL = {
  count: 3,
  begroot: 15_000_000,
  update: 17_500_000,
  vak: 5_750_000,
  vek: 1_850_000,
};
