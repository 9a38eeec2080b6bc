/**
 * The sentences of section 3 of the Mededeling aan de Vlaamse Regering, written from the key figures
 * (optionally against the previous meetmoment): projects (3.1), milestones (3.2), commitments and
 * payments (3.3). Dutch as the Mededeling words it; English for --lang en.
 */
import { financeSentences } from "./key-figures-finance-text";
import { milestoneSentences } from "./key-figures-milestones-text";
import type { KeyFigureInput } from "./key-figures-phrases";
import { projectSentences } from "./key-figures-projects-text";
import type { Lang } from "./vocabulary";

export type { KeyFigureInput } from "./key-figures-phrases";

export interface KeyFigureText {
  projects: string[];
  milestones: string[];
  finance: string[];
}

export function keyFigureText(input: KeyFigureInput, lang: Lang): KeyFigureText {
  return {
    projects: projectSentences(input, lang),
    milestones: milestoneSentences(input, lang),
    finance: financeSentences(input, lang),
  };
}

/** All sentences in the Mededeling's order. */
export function keyFigureSentences(input: KeyFigureInput, lang: Lang): string[] {
  const t = keyFigureText(input, lang);
  return [...t.projects, ...t.milestones, ...t.finance];
}
