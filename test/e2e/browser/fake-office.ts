/**
 * Stands in for office.js in the browser test: served in place of the CDN script (page.route), it defines
 * `Office`, `Excel` (the fake Excel of test/fakes, one workbook with one empty sheet) and `CustomFunctions`
 * (records the associations). `window.__vvFake` gives the test the workbook model.
 */
import { FakeExcel, installGlobals } from "../../fakes/excel";
import nl from "../../../src/functions/nl.json";

// Dutch Excel on the web: the VV functions are known by their Dutch names (a formula written with the
// English id computes to #NAME?, as in Excel).
const excel = new FakeExcel({
  platform: "OfficeOnline",
  maxPayloadBytes: 5 * 1024 * 1024,
  displayLanguage: "nl-BE",
  customFunctions: {
    namespace: "VV",
    names: { "nl-BE": Object.values(nl.functions).map((f) => f.name) },
  },
});
excel.addSheet("Blad1");
const w = window as unknown as Record<string, unknown>;
installGlobals(w, excel);
const associated: string[] = [];
class CFError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}
w.CustomFunctions = {
  associate: (id: string) => associated.push(id),
  Error: CFError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
w.__vvFake = { excel, associated };
