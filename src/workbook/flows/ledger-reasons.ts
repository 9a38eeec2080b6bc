/**
 * The reading ledger's reasons in words (Dutch and English): --verbose, the finding amount-left-out and
 * the Bewaard sheet say why a cell was left out with these. Typed by LedgerReason, so that a new reason
 * does not compile without its words; docs/cli.md explains each (test/cli/ledger-docs.test.ts).
 */
import type { Lang } from "../../core/vocabulary";
import type { LedgerReason } from "./ledger";

export const LEDGER_REASONS: Record<Lang, Record<LedgerReason, string>> = {
  nl: {
    header: "kolomkop",
    computed: "berekende kolom (het sjabloon rekent ze zelf uit)",
    "above-header": "titel of eenheid boven de kop",
    "outside-table": "buiten elke tabel",
    "unknown-column": "onbekende kolom (convert bewaart ze als extra kolom)",
    blank: "lege rij",
    total: "totaalrij (nagekeken tegen de rijen erboven)",
    heading: "tussenkop",
    footnote: "voetnoot onder de tabel",
    summary: "samenvattende tabel onder de gegevens",
    duplicate: "rij staat identiek in een eerder bestand",
    conflict: "rij staat anders in een eerder bestand (niet meegeteld)",
    "other-sheet": "een ander tabblad levert dit sjabloonblad",
    "no-header": "tabblad zonder herkende kolomkop",
    "not-template": "geen tabblad van het sjabloon",
    "hidden-superseded": "verborgen tabblad: een zichtbaar tabblad levert hetzelfde",
    "hidden-column": "verborgen kolom: de zichtbare kolom met dezelfde kop is gelezen",
  },
  en: {
    header: "column header",
    computed: "computed column (the template computes it itself)",
    "above-header": "title or unit above the header",
    "outside-table": "outside any table",
    "unknown-column": "unknown column (convert keeps it as an extra column)",
    blank: "blank row",
    total: "total row (checked against the rows above)",
    heading: "heading",
    footnote: "footnote under the table",
    summary: "summary table under the data",
    duplicate: "row identical in an earlier file",
    conflict: "row different in an earlier file (not counted)",
    "other-sheet": "another sheet feeds this template sheet",
    "no-header": "sheet without a recognised header",
    "not-template": "not a template sheet",
    "hidden-superseded": "hidden sheet: a visible sheet feeds the same",
    "hidden-column": "hidden column: the visible column with the same header was read",
  },
};
