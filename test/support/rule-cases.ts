/**
 * The rules' examples (each rule's file in src/core/rules holds its own), as the rule tests and the
 * generator of docs/rules.md use them: how to break the valid example book, the cell the finding must
 * point to and, for the rules about several files, what reading the files together finds.
 */
import { combine } from "../../src/core/combine";
import type { Finding } from "../../src/core/findings";
import { readColumns } from "../../src/core/read";
import { validateTables } from "../../src/core/validate";
import { RULES, type RuleCode, type RuleExample } from "../../src/core/rules";
import { MEETMOMENT, tables, validBook, type Book } from "../../src/core/rules/example-book";
import type { TableData } from "../../src/core/table";
import type { Lang } from "../../src/core/vocabulary";
import { readSnapshot } from "../../src/workbook/flows/combine";
import type { WorkbookSnapshot } from "../../src/workbook/port";

export {
  MEETMOMENT,
  tables,
  validBook,
  type Book,
  type Row,
} from "../../src/core/rules/example-book";

/** The findings of reading two books as two files, taken together (the overlap rules). */
function twoFiles(change: (second: Book) => void): (lang: Lang) => Finding[] {
  return (lang) => {
    const a = validBook();
    const b = validBook();
    change(b);
    const part = (file: string, book: Book) => ({ file, ...readColumns(tables(book), { lang }) });
    return combine([part("a.xlsx", a), part("b.xlsx", b)], lang).findings;
  };
}

/** Tables as a workbook, one sheet each (the rules raised when a workbook is read). */
function asWorkbook(t: readonly TableData[]): WorkbookSnapshot {
  return {
    sheets: t.map((x, index) => ({ name: x.sheet, index, visible: true, tables: [x] })),
    stamp: null,
  };
}

/**
 * For each rule: break the valid book; `cell` is where the finding must point (sheet!A1). Rules about
 * several files give `findings` instead: what reading the files together finds.
 */
export const cases = Object.fromEntries(
  RULES.map((r) => {
    const { secondFile, meetmomentCell, workbook, ...example }: RuleExample = r.example;
    if (workbook)
      return [
        r.code,
        {
          ...example,
          findings: (lang: Lang) => {
            const book = validBook();
            const t = example.break(book) ?? tables(book);
            return readSnapshot(asWorkbook(t), { lang, meetmoment: MEETMOMENT }).result.findings;
          },
        },
      ];
    if (meetmomentCell)
      return [
        r.code,
        {
          ...example,
          findings: (lang: Lang) =>
            validateTables(tables(validBook()), { meetmoment: null, meetmomentCell, lang })
              .findings,
        },
      ];
    return [r.code, secondFile ? { ...example, findings: twoFiles(secondFile) } : example];
  })
) as Record<
  RuleCode,
  Omit<RuleExample, "secondFile" | "meetmomentCell" | "workbook"> & {
    findings?: (lang: Lang) => Finding[];
  }
>;
