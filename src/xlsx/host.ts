/**
 * The exceljs host (open.ts: XlsxPort, openXlsx, loadXlsx), loaded on first use. Loading exceljs' object
 * model takes about half a second; the commands that only read never need it. A plain `require`: esbuild
 * bundles it as a module started on first use (bin/compiled.cjs), and under tsx's CommonJS hook (the
 * fallback) `import()` would go to Node's own loader, which does not read TypeScript.
 */
type Host = typeof import("./open");

let host: Host | undefined;

export function xlsxHost(): Host {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  host ??= require("./open") as Host;
  return host;
}
