/** LibreOffice headless for the end-to-end test: find soffice, convert every sheet of a workbook to CSV. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/** `SOFFICE` names the binary explicitly (an empty or missing path counts as not installed). */
export function findSoffice(): string | null {
  if (process.env.SOFFICE !== undefined)
    return process.env.SOFFICE && existsSync(process.env.SOFFICE) ? process.env.SOFFICE : null;
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** CSV filter: comma, double quotes, UTF-8, from line 1, raw values (not as shown), every sheet (-1). */
const CSV_ALL_SHEETS =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Convert every sheet of `file` to CSV with a fresh profile in `dir`; returns sheet name → rows. */
export function sheetsAsCsv(soffice: string, file: string, dir: string): Map<string, string[][]> {
  const out = join(dir, "csv-" + basename(file, ".xlsx"));
  mkdirSync(out, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, ".lo-profile")}`,
      "--headless",
      "--convert-to",
      CSV_ALL_SHEETS,
      "--outdir",
      out,
      file,
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 180_000,
    }
  );
  const stem = basename(file, ".xlsx");
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) {
    if (!f.startsWith(`${stem}-`) || !f.endsWith(".csv")) continue;
    sheets.set(f.slice(stem.length + 1, -4), parseCsv(readFileSync(join(out, f), "utf8")));
  }
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${file}`);
  return sheets;
}

/** RFC 4180 CSV: quoted fields with doubled quotes and newlines inside (`delimiter`: "," or ";"). */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A number as LibreOffice writes it in CSV: "1234.5", "7.2%" (a percentage becomes a fraction). */
export function csvNumber(s: string): number | null {
  const t = s.trim();
  if (t === "") return null;
  const pct = t.endsWith("%");
  const n = Number(pct ? t.slice(0, -1) : t);
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

/**
 * The end-to-end checks that need LibreOffice, given its path: under CI a missing soffice fails (so that a
 * green run never hides a skipped check), elsewhere the checks are skipped with a line that says why.
 */
export function withSoffice(checks: (soffice: string) => void): void {
  const soffice = findSoffice();
  if (soffice) checks(soffice);
  else if (process.env.CI === "true" || process.env.CI === "1")
    it("needs LibreOffice (soffice) under CI", () => {
      throw new Error("soffice not found: install libreoffice-calc-nogui");
    });
  else it.skip("LibreOffice (soffice) is not installed: end-to-end check skipped", () => {});
}
