/**
 * The findings of the last validation: a summary, a severity filter, and per rule (errors first, then the
 * most frequent) a collapsible list of at most FINDINGS_PER_RULE findings; a click on a cell selects it.
 * The list is one tab stop with the arrow keys inside (Fluent's arrow navigation group); each rule's header
 * is a heading; each finding is one button that holds its message, so the message is read once; which
 * groups are open is kept by the caller, so they stay open across tab switches.
 */
import { useMemo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import type { Finding } from "../core/findings";
import { RULE_BY_CODE } from "../core/rules";
import type { Lang } from "../core/vocabulary";
import type { ValidateFlowResult } from "../workbook/flows";
import type { SeverityFilter } from "./hooks/useValidation";
import { FINDINGS_SUMMARY } from "./ids";
import type { Strings } from "./strings";
import { heading2, row, section, visuallyHidden } from "./styles";

const useStyles = makeStyles({
  section,
  h2: heading2,
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  row,
  // The whole finding is the button: at least 24 px high (WCAG 2.5.8), its message wrapping inside it.
  findingButton: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    width: "100%",
    minWidth: 0,
    minHeight: "32px",
    padding: "4px 8px",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
  },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  message: { overflowWrap: "anywhere" },
  plain: { display: "flex", flexDirection: "column", padding: "4px 8px" },
  header: { overflowWrap: "anywhere" },
  hidden: visuallyHidden,
});

export const FINDINGS_PER_RULE = 100;

export interface FindingsProps {
  s: Strings;
  lang: Lang;
  result: ValidateFlowResult | null;
  filter: SeverityFilter;
  onFilter: (f: SeverityFilter) => void;
  onSelect: (f: Finding) => void;
  /** The rules whose groups are open. */
  open: string[];
  onOpen: (open: string[]) => void;
}

/** The findings that pass the filter, by rule: errors before warnings, then the most frequent first. */
export function groupFindings(
  findings: readonly Finding[],
  filter: SeverityFilter
): [string, Finding[]][] {
  const by = new Map<string, Finding[]>();
  for (const f of findings) {
    if (filter !== "all" && f.severity !== filter) continue;
    const list = by.get(f.rule) ?? [];
    list.push(f);
    by.set(f.rule, list);
  }
  return [...by.entries()].sort((a, b) =>
    a[1][0].severity === b[1][0].severity
      ? b[1].length - a[1].length
      : a[1][0].severity === "error"
        ? -1
        : 1
  );
}

export function Findings(props: FindingsProps) {
  const { s, lang, result, filter } = props;
  const styles = useStyles();
  const groups = useMemo(() => groupFindings(result?.findings ?? [], filter), [result, filter]);
  // One tab stop for the whole list; the arrow keys move between headers and findings.
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  if (!result) return <Body1>{s.validate.none}</Body1>;
  return (
    <section className={styles.section} aria-labelledby={FINDINGS_SUMMARY}>
      <h2 id={FINDINGS_SUMMARY} className={styles.h2} data-testid="summary" tabIndex={-1}>
        {result.findings.length === 0
          ? s.validate.ok
          : s.validate.summary(result.errors, result.warnings)}
      </h2>
      <Caption1>{s.validate.meetmoment(result.meetmoment)}</Caption1>
      {result.findings.length > 0 && (
        <Field label={s.validate.filter}>
          <RadioGroup
            layout="horizontal"
            className={styles.row}
            value={filter}
            onChange={(_, d) => props.onFilter(d.value as SeverityFilter)}
          >
            <Radio value="all" label={s.validate.all} />
            <Radio
              value="error"
              label={`${s.validate.errors} (${s.validate.count(result.errors)})`}
            />
            <Radio
              value="warning"
              label={`${s.validate.warnings} (${s.validate.count(result.warnings)})`}
            />
          </RadioGroup>
        </Field>
      )}
      {groups.length > 0 && (
        <div role="group" aria-label={s.validate.list} {...arrows}>
          <Accordion
            multiple
            collapsible
            openItems={props.open}
            onToggle={(_, d) => props.onOpen(d.openItems as string[])}
          >
            {groups.map(([code, list]) => (
              <RuleGroup
                key={code}
                s={s}
                lang={lang}
                code={code}
                list={list}
                onSelect={props.onSelect}
              />
            ))}
          </Accordion>
        </div>
      )}
    </section>
  );
}

/** The title of a rule in the catalogue; the code itself for a rule the catalogue does not know. */
function ruleTitle(code: string, lang: Lang): string {
  return (
    (RULE_BY_CODE as Record<string, { title: Record<Lang, string> } | undefined>)[code]?.title[
      lang
    ] ?? code
  );
}

/** One rule's findings: how many, the rule's title and severity; open, the first FINDINGS_PER_RULE. */
function RuleGroup(props: {
  s: Strings;
  lang: Lang;
  code: string;
  list: Finding[];
  onSelect: (f: Finding) => void;
}) {
  const { s, code, list } = props;
  const styles = useStyles();
  return (
    <AccordionItem value={code}>
      <AccordionHeader as="h3" className={styles.header}>
        <span>
          <Badge appearance="filled" color={list[0].severity === "error" ? "danger" : "warning"}>
            {s.validate.count(list.length)}
          </Badge>{" "}
          {ruleTitle(code, props.lang)}{" "}
          <Caption1>
            ({list[0].severity === "error" ? s.validate.error : s.validate.warning})
          </Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.list}>
          {list.slice(0, FINDINGS_PER_RULE).map((f, i) => (
            <FindingItem key={i} s={s} finding={f} onSelect={props.onSelect} />
          ))}
        </ul>
        {list.length > FINDINGS_PER_RULE && (
          <Caption1>{s.validate.more(list.length - FINDINGS_PER_RULE)}</Caption1>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}

/**
 * One finding: one button with where (the cell it selects) and its message; without a cell, text only. Its
 * name comes from what it shows ("Ga naar" is for screen readers only), so the name holds
 * the visible text (WCAG 2.5.3) and the message is read once.
 */
function FindingItem(props: { s: Strings; finding: Finding; onSelect: (f: Finding) => void }) {
  const { s, finding: f } = props;
  const styles = useStyles();
  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  return (
    <li>
      {f.cell ? (
        <Button
          appearance="subtle"
          className={styles.findingButton}
          onClick={() => props.onSelect(f)}
        >
          <span className={styles.where}>
            <span className={styles.hidden}>{s.validate.goTo("")}</span>
            {where}
          </span>
          <span className={styles.message}>{f.message}</span>
        </Button>
      ) : (
        <div className={styles.plain}>
          <Text weight="semibold">{where}</Text>
          <Caption1 className={styles.message}>{f.message}</Caption1>
        </div>
      )}
    </li>
  );
}
