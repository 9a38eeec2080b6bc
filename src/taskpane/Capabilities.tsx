/**
 * What this Excel cannot do for the add-in, said plainly: the required ExcelApi set (1.8, which the manifest
 * also declares) and the notes of ExcelApi 1.18, without which marks are colours only.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Strings } from "./strings";

export interface Missing {
  /** ExcelApi 1.8 is missing: the add-in cannot work. */
  required: boolean;
  /** ExcelApi 1.18 (notes) is missing. */
  notes: boolean;
}

export function CapabilityNotice({ missing, s }: { missing: Missing; s: Strings }) {
  if (!missing.required && !missing.notes) return null;
  return (
    <MessageBar intent={missing.required ? "error" : "info"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{s.capabilities.title}</MessageBarTitle>
        {missing.required ? s.capabilities.required : s.capabilities.notes}
      </MessageBarBody>
    </MessageBar>
  );
}
