/**
 * exceljs' own parsers of the small parts (pinned exceljs 4.4.0 with patches/): the streaming reader
 * parses shared strings, styles, the workbook, relationships, tables and notes exactly as exceljs does,
 * so that its snapshot equals the full read's. Only the members used are declared.
 */
declare module "exceljs/lib/xlsx/xform/base-xform" {
  export default class BaseXform {
    model: unknown;
    parseStream(stream: Iterable<string> | AsyncIterable<string>): Promise<unknown>;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
  }
}
declare module "exceljs/lib/xlsx/xform/strings/shared-strings-xform" {
  import BaseXform from "exceljs/lib/xlsx/xform/base-xform";
  export default class SharedStringsXform extends BaseXform {
    getString(index: number): unknown;
  }
}
declare module "exceljs/lib/xlsx/xform/style/styles-xform" {
  import BaseXform from "exceljs/lib/xlsx/xform/base-xform";
  export default class StylesXform extends BaseXform {
    getStyleModel(id: number): { numFmt?: string } | null;
  }
}
declare module "exceljs/lib/xlsx/xform/book/workbook-xform" {
  import BaseXform from "exceljs/lib/xlsx/xform/base-xform";
  export default class WorkbookXform extends BaseXform {}
}
declare module "exceljs/lib/xlsx/xform/core/relationships-xform" {
  import BaseXform from "exceljs/lib/xlsx/xform/base-xform";
  export default class RelationshipsXform extends BaseXform {}
}
declare module "exceljs/lib/xlsx/xform/table/table-xform" {
  import BaseXform from "exceljs/lib/xlsx/xform/base-xform";
  export default class TableXform extends BaseXform {}
}
declare module "exceljs/lib/xlsx/xform/comment/comments-xform" {
  import BaseXform from "exceljs/lib/xlsx/xform/base-xform";
  export default class CommentsXform extends BaseXform {}
}
declare module "exceljs/lib/xlsx/xform/strings/rich-text-xform" {
  export default class RichTextXform {
    model: unknown;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
  }
}
declare module "exceljs/lib/utils/utils" {
  const utils: {
    isDateFmt(fmt: string | undefined): boolean;
    excelToDate(v: number, date1904?: boolean): Date;
    xmlDecode(text: string): string;
  };
  export default utils;
}
declare module "exceljs/lib/utils/shared-formula" {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
declare module "exceljs/lib/utils/col-cache" {
  const colCache: {
    decodeAddress(value: string): { row: number; col: number; address: string };
    decode(
      value: string
    ):
      | { row: number; col: number; address: string }
      | { top: number; left: number; bottom: number; right: number; dimensions: string };
  };
  export default colCache;
}
