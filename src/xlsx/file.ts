/**
 * Reading a workbook file from disk (Node only: the pane reads bytes the user picked, never a path), shared
 * by the full read (open.ts) and the streaming read (stream/read.ts).
 */
import { promises as fs } from "node:fs";
import { WorkbookReadError, type ReadErrorKind } from "./errors";

/** The system's error codes on reading, as the user needs to know them. */
const KIND: Record<string, ReadErrorKind> = {
  ENOENT: "missing",
  ENOTDIR: "missing",
  EISDIR: "folder",
  EACCES: "denied",
  EPERM: "denied",
  EBUSY: "locked",
};

/** A file's bytes; a missing or unreadable file is a one-line WorkbookReadError. */
export async function fileBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const kind = KIND[code];
    throw new WorkbookReadError(file, kind ?? "unreadable", kind ? undefined : code);
  }
}

/** Write a file's bytes (the package with charts, see XlsxPort.save). */
export async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  await fs.writeFile(file, bytes);
}
