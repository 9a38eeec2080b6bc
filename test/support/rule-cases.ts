/**
 * A small valid workbook and, for every rule of the catalogue, a way to break it and the cell the finding
 * must point to. Used by the rule tests and by the generator of docs/rules.md (real example messages).
 */
import { combine } from "../../src/core/combine";
import type { Finding } from "../../src/core/findings";
import { readColumns } from "../../src/core/read";
import type { RuleCode } from "../../src/core/rules";
import type { Lang } from "../../src/core/vocabulary";
import { SHEET_BY_KEY } from "../../src/core/template";
import type { TableData } from "../../src/core/table";
import type { SheetKey } from "../../src/core/schema";

export type Row = Record<string, unknown>;
export interface Book {
  projects: Row[];
  milestones: Row[];
  indicators: Row[];
  financing: Row[];
}

export function validBook(): Book {
  return {
    projects: [
      {
        code: "VV001",
        title: "Asbestpremie",
        cluster: "01. Renovatie gebouwenpatrimonium (energetisch & asbestverwijdering)",
        speerpunt: "01. Economie en samenleving verduurzamen",
        status: "In uitvoering na agendering VR",
        koppeling: "VV002 Tweede project",
      },
      {
        code: "VV002",
        title: "Tweede project",
        cluster: "05. Versterking O&O",
        speerpunt: "01. Economie en samenleving verduurzamen",
        status: "Gerealiseerd",
      },
    ],
    milestones: [
      { projectCode: "VV001", name: "Regelgeving", timing: "2022 Q3", status: "Op schema" },
      { projectCode: "VV002", name: "Afgerond", timing: "2021 Q4", status: "Gerealiseerd" },
    ],
    indicators: [
      {
        projectCode: "VV001",
        indicator: "m² asbestvrij",
        streefwaarde: 1650000,
        timing: "2025 Q1",
        realisatie: 119000,
        realisatiegraad: 0.072,
      },
    ],
    financing: [
      {
        projectCode: "VV001",
        begroot: 30000000,
        update: 23000000,
        vak: 344000,
        vek: 344000,
        vlaamseRelancemiddelen: 23000000,
        europeesHerstelfonds: 0,
      },
      {
        projectCode: "VV002",
        begroot: 1000,
        update: null,
        vak: 500,
        vek: 0,
        vlaamseRelancemiddelen: 1000,
      },
    ],
  };
}

export function tables(book: Book, drop: SheetKey[] = []): TableData[] {
  return (Object.keys(book) as SheetKey[])
    .filter((k) => !drop.includes(k))
    .map((k) => {
      const spec = SHEET_BY_KEY[k];
      return {
        sheet: spec.name,
        headerRow: 1,
        firstColumn: 0,
        headers: spec.columns.map((c) => c.header),
        rows: book[k].map((r) => spec.columns.map((c) => r[c.key] ?? null)),
      };
    });
}

export const MEETMOMENT = "2022-06-01";

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

/**
 * For each rule: break the valid book; `cell` is where the finding must point (sheet!A1). Rules about
 * several files give `findings` instead: what reading the files together finds.
 */
export const cases: Record<
  RuleCode,
  {
    break: (b: Book) => TableData[] | void;
    cell: string | null;
    meetmoment?: null;
    findings?: (lang: Lang) => Finding[];
  }
> = {
  "sheet-missing": { break: (b) => tables(b, ["milestones"]), cell: null },
  "column-missing": {
    break: (b) => {
      const t = tables(b);
      t[1].headers[3] = "Stand";
      return t;
    },
    cell: null,
  },
  required: { break: (b) => void (b.projects[0].title = "  "), cell: "Projecten!B2" },
  "cell-error": {
    break: (b) => void (b.projects[0].title = { error: "#N/A" }),
    cell: "Projecten!B2",
  },
  "code-format": {
    break: (b) => void (b.milestones[0].projectCode = "project 1"),
    cell: "Mijlpalen!A2",
  },
  "code-range": {
    break: (b) =>
      void (
        (b.projects[1].code = "VV181"),
        (b.milestones[1].projectCode = "VV181"),
        (b.financing[1].projectCode = "VV181"),
        (b.projects[0].koppeling = null)
      ),
    cell: "Projecten!A3",
  },
  "type-amount": { break: (b) => void (b.financing[0].vak = "veel"), cell: "Financiering!D2" },
  "amount-negative": { break: (b) => void (b.financing[0].vek = -5), cell: "Financiering!E2" },
  "type-percent": {
    break: (b) => void (b.indicators[0].realisatiegraad = "ongeveer de helft"),
    cell: "Outputindicatoren!F2",
  },
  "percent-range": {
    break: (b) =>
      void ((b.indicators[0].realisatiegraad = 72), (b.indicators[0].realisatie = 1650000 * 72)),
    cell: "Outputindicatoren!F2",
  },
  "number-as-text": { break: (b) => void (b.financing[0].vak = "344000"), cell: "Financiering!D2" },
  "number-ambiguous": {
    break: (b) => void (b.indicators[0].realisatie = "119.000"),
    cell: "Outputindicatoren!E2",
  },
  "enum-value": {
    break: (b) => void (b.milestones[0].status = "Bijna klaar"),
    cell: "Mijlpalen!D2",
  },
  "list-spelling": {
    break: (b) => void (b.milestones[0].status = "op schema"),
    cell: "Mijlpalen!D2",
  },
  "timing-format": {
    break: (b) => void (b.milestones[0].timing = "Nog te bepalen"),
    cell: "Mijlpalen!C2",
  },
  "timing-variant": {
    break: (b) => void (b.milestones[0].timing = "Q3 2022"),
    cell: "Mijlpalen!C2",
  },
  "timing-range": {
    break: (b) => void (b.indicators[0].timing = "2035 Q1"),
    cell: "Outputindicatoren!D2",
  },
  "total-mismatch": {
    break: (b) =>
      void b.financing.push({ projectCode: "Totaal", begroot: 30001000, vak: 300000, vek: 344000 }),
    cell: "Financiering!D4",
  },
  "row-left-out": {
    break: (b) => void b.financing.push({ projectCode: "* VAK inclusief herverdeling", vak: 3000 }),
    cell: "Financiering!D4",
  },
  "amount-scaled": {
    break: (b) => {
      const t = tables(b);
      t[3].headers.push("Vastleggingen (x 1.000 EUR)");
      return t;
    },
    cell: "Financiering!N1",
  },
  "formula-uncomputed": {
    break: (b) => void (b.financing[0].vak = { formula: "VLOOKUP(A2,Orafin!A:B,2,FALSE)" }),
    cell: "Financiering!D2",
  },
  "overlap-identical": {
    break: () => undefined,
    cell: "Projecten!A2",
    findings: twoFiles(() => {}),
  },
  "overlap-conflict": {
    break: () => undefined,
    cell: "Financiering!D2",
    findings: twoFiles((b) => void (b.financing[0].vak = 345000)),
  },
  "code-duplicate": {
    break: (b) => void b.projects.push({ ...b.projects[0] }),
    cell: "Projecten!A4",
  },
  "project-unknown": {
    break: (b) => void (b.milestones[0].projectCode = "VV099"),
    cell: "Mijlpalen!A2",
  },
  "financing-duplicate": {
    break: (b) => void b.financing.push({ ...b.financing[1] }),
    cell: "Financiering!A4",
  },
  "financing-missing": { break: (b) => void b.financing.pop(), cell: "Projecten!A3" },
  "cluster-speerpunt": {
    break: (b) => void (b.projects[0].speerpunt = "02. Investeren in infrastructuur"),
    cell: "Projecten!D2",
  },
  "koppeling-unknown": {
    break: (b) => void (b.projects[0].koppeling = "VV077 Onbekend"),
    cell: "Projecten!R2",
  },
  "vek-above-vak": { break: (b) => void (b.financing[0].vek = 400000), cell: "Financiering!E2" },
  "vak-above-budget": {
    break: (b) => void (b.financing[0].vak = b.financing[0].vek = 25000000),
    cell: "Financiering!D2",
  },
  "spending-zero-budget": {
    break: (b) => void ((b.financing[1].begroot = 0), (b.financing[1].vlaamseRelancemiddelen = 0)),
    cell: "Financiering!D3",
  },
  "origins-sum": {
    break: (b) => void (b.financing[0].vlaamseRelancemiddelen = 20000000),
    cell: "Financiering!F2",
  },
  "meetmoment-missing": { break: () => undefined, cell: null, meetmoment: null },
  "milestone-overdue": {
    break: (b) => void (b.milestones[0].timing = "2022 Q1"),
    cell: "Mijlpalen!D2",
  },
  "realised-open-milestones": {
    break: (b) => void (b.milestones[1].status = "Vertraging"),
    cell: "Projecten!N3",
  },
  "target-not-number": {
    break: (b) => void (b.indicators[0].streefwaarde = "handboek beschikbaar"),
    cell: "Outputindicatoren!C2",
  },
  "target-zero": {
    break: (b) => void (b.indicators[0].streefwaarde = 0),
    cell: "Outputindicatoren!C2",
  },
  "realisatiegraad-mismatch": {
    break: (b) => void (b.indicators[0].realisatiegraad = 0.075),
    cell: "Outputindicatoren!F2",
  },
  "realisatiegraad-without-realisatie": {
    break: (b) => void (b.indicators[0].realisatie = null),
    cell: "Outputindicatoren!F2",
  },
};
