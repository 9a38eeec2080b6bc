/**
 * vek-above-vak: Payments above commitments.
 * Checked per row of Financiering, with half a euro of tolerance.
 * The check is in ./across/vek-above-vak.ts (the catalogue the readers report through does not import it).
 */
import { defineRule } from "./define";
import { eur } from "./text";

export default defineRule({
  code: "vek-above-vak",
  severity: "error",
  title: { nl: "VEK hoger dan VAK", en: "Payments above commitments" },
  message: {
    nl: (p) =>
      `Uitvoering VEK (${eur(p.value, "nl")}) is hoger dan uitvoering VAK (${eur(p.vak, "nl")}): er kan niet meer betaald zijn dan vastgelegd. Controleer beide bedragen.`,
    en: (p) =>
      `Payments (${eur(p.value, "en")}) exceed commitments (${eur(p.vak, "en")}). Check both amounts.`,
  },
  example: { break: (b) => void (b.financing[0].vek = 400000), cell: "Financiering!E2" },
});
