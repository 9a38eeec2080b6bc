/** The typed content of a monitoring workbook, and where each record came from. */
import type { Financing, Indicator, Milestone, Project } from "./schema";

export interface Records {
  projects: Project[];
  milestones: Milestone[];
  indicators: Indicator[];
  financing: Financing[];
}

/** Where a record sits: sheet and 1-based Excel row, plus the A1 column letter of every column key. */
export interface RowRef {
  sheet: string;
  row: number;
}

export function emptyRecords(): Records {
  return { projects: [], milestones: [], indicators: [], financing: [] };
}
