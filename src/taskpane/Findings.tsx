/**
 * The findings of the last validation: a summary, a severity filter, and per rule (errors first, then the
 * most frequent) a collapsible list of at most FINDINGS_PER_RULE findings; a click on a cell selects it.
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
} from "@fluentui/react-components";
import type { Finding } from "../core/findings";
import { RULE_BY_CODE } from "../core/rules";
import type { Lang } from "../core/vocabulary";
import type { ValidateFlowResult } from "../workbook/flows";
import type { SeverityFilter } from "./hooks/useValidation";
import type { Strings } from "./strings";
import { heading2, section } from "./styles";

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
  finding: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  cellButton: { minWidth: "auto", padding: "0 4px", fontFamily: tokens.fontFamilyMonospace },
});

export const FINDINGS_PER_RULE = 100;

export interface FindingsProps {
  s: Strings;
  lang: Lang;
  result: ValidateFlowResult | null;
  filter: SeverityFilter;
  onFilter: (f: SeverityFilter) => void;
  onSelect: (f: Finding) => void;
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
  if (!result) return <Body1>{s.validate.none}</Body1>;
  return (
    <section className={styles.section} aria-labelledby="vv-findings">
      <h2 id="vv-findings" className={styles.h2} data-testid="summary">
        {result.findings.length === 0
          ? s.validate.ok
          : s.validate.summary(result.errors, result.warnings)}
      </h2>
      <Caption1>{s.validate.meetmoment(result.meetmoment)}</Caption1>
      {result.findings.length > 0 && (
        <Field label={s.validate.filter}>
          <RadioGroup
            layout="horizontal"
            value={filter}
            onChange={(_, d) => props.onFilter(d.value as SeverityFilter)}
          >
            <Radio value="all" label={s.validate.all} />
            <Radio value="error" label={`${s.validate.errors} (${result.errors})`} />
            <Radio value="warning" label={`${s.validate.warnings} (${result.warnings})`} />
          </RadioGroup>
        </Field>
      )}
      <Accordion multiple collapsible>
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
      <AccordionHeader size="small">
        <span>
          <Badge appearance="filled" color={list[0].severity === "error" ? "danger" : "warning"}>
            {list.length}
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

/** One finding: where (a button that selects the cell, or the sheet name) and its message. */
function FindingItem(props: { s: Strings; finding: Finding; onSelect: (f: Finding) => void }) {
  const { s, finding: f } = props;
  const styles = useStyles();
  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  return (
    <li className={styles.finding}>
      {f.cell ? (
        <Button
          size="small"
          appearance="transparent"
          className={styles.cellButton}
          onClick={() => props.onSelect(f)}
          aria-label={`${s.validate.goTo(where)}: ${f.message}`}
        >
          {where}
        </Button>
      ) : (
        <Text weight="semibold">{where}</Text>
      )}
      <Caption1>{f.message}</Caption1>
    </li>
  );
}
