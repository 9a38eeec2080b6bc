/** The workbook's status in words and its next step: shown by StatusCard, said after reading the workbook. */
import { TEMPLATE_VERSION } from "../core/vocabulary";
import type { Strings } from "./strings";
import type { WorkbookStatus } from "./workbench";

/** The status in words and the next step; "checking" while it is not known yet. */
export function describeStatus(s: Strings, status: WorkbookStatus | null): [string, string] {
  if (!status) return [s.status.checking, ""];
  switch (status.kind) {
    case "template":
      return [s.status.template(status.version ?? TEMPLATE_VERSION), s.status.nextTemplate];
    case "outdated":
      return [s.status.outdated(status.version ?? "?", TEMPLATE_VERSION), s.status.nextOutdated];
    case "convertible":
      return [s.status.convertible, s.status.nextConvertible];
    default:
      return [s.status.empty, s.status.nextEmpty];
  }
}
