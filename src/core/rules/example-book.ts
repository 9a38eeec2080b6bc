/**
 * The valid example workbook every rule's example breaks: small, with no finding at all. docs/rules.md
 * shows the findings of the broken copies; the rule tests check each fires on its cell and no other time.
 */
import type { TableData } from "../table";
import type { SheetKey } from "../schema";
import { SHEET_BY_KEY } from "../template";

export type Row = Record<string, unknown>;
export interface Book {
  projects: Row[];
  milestones: Row[];
  indicators: Row[];
  financing: Row[];
}

/** The meetmoment the examples are validated with. */
export const MEETMOMENT = "2022-06-01";

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

/** The book as the tables of a workbook in the template's layout, without the sheets in `drop`. */
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
