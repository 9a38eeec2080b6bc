/** Helpers for the file tests: a temporary directory, real .xlsx round trips, the data set's own sums. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openXlsx } from "../../src/xlsx/open";
import type { XlsxPort } from "../../src/xlsx/port";

export function tempDir(prefix = "vv-"): {
  dir: string;
  path: (name: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Save a port to a file and open the file again: what a user would get. */
export async function roundTrip(port: XlsxPort, file: string): Promise<XlsxPort> {
  await port.save(file);
  return openXlsx(file);
}

interface RawProject {
  code: string;
  speerpunt: { label: string };
  cluster: { label: string };
  financing: {
    beleidsruimte_begroot: number | null;
    beleidsruimte_begroot_update: number | null;
    uitvoering_vak: number | null;
    uitvoering_vek: number | null;
  };
  output_indicators: { streefwaarde: number | null; realisatie: number | null }[];
}

/** The bundled JSON, read directly (not through the core) to compute expected figures independently. */
export function rawDataset(): { meetmoment: string; projects: RawProject[] } {
  return JSON.parse(
    readFileSync(join(__dirname, "../../data/vlaamse-veerkracht-2022-06.json"), "utf8")
  );
}

/** Sums per speerpunt/cluster from the JSON: begroot, update (effective), VAK, VEK, in cents to avoid float noise. */
export function expectedSums(
  by: "speerpunt" | "cluster"
): Map<string, { count: number; begroot: number; update: number; vak: number; vek: number }> {
  const out = new Map<
    string,
    { count: number; begroot: number; update: number; vak: number; vek: number }
  >();
  for (const p of rawDataset().projects) {
    const key = p[by].label;
    const g = out.get(key) ?? { count: 0, begroot: 0, update: 0, vak: 0, vek: 0 };
    const f = p.financing;
    g.count++;
    g.begroot += Math.round((f.beleidsruimte_begroot ?? 0) * 100);
    g.update += Math.round((f.beleidsruimte_begroot_update ?? f.beleidsruimte_begroot ?? 0) * 100);
    g.vak += Math.round((f.uitvoering_vak ?? 0) * 100);
    g.vek += Math.round((f.uitvoering_vek ?? 0) * 100);
    out.set(key, g);
  }
  return out;
}
