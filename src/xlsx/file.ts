/**
 * Reading a workbook file from disk (Node only: the pane reads bytes the user picked, never a path), shared
 * by the full read (open.ts) and the streaming read (stream/read.ts).
 */
import { promises as fs } from "node:fs";
import { WorkbookReadError } from "./errors";

/** A file's bytes; a missing or unreadable file is a one-line WorkbookReadError. */
export async function fileBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      file,
      code === "ENOENT" ? "missing" : "unreadable",
      code === "ENOENT" ? undefined : code
    );
  }
}

/** Write a file's bytes (the package with charts, see XlsxPort.save). */
export async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  await fs.writeFile(file, bytes);
}
