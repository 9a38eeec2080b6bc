/**
 * Style rules that several pane components share, as plain Griffel objects: each component spreads them
 * into its own useStyles (makeStyles), so the look is written once and every component keeps its styles.
 */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export const heading2: GriffelStyle = {
  fontSize: tokens.fontSizeBase400,
  lineHeight: tokens.lineHeightBase400,
  fontWeight: tokens.fontWeightSemibold,
  margin: "0 0 4px 0",
};

export const heading3: GriffelStyle = {
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightSemibold,
  margin: "8px 0 4px 0",
};

/** A column of blocks: a tab's content, a section. */
export const section: GriffelStyle = { display: "flex", flexDirection: "column", gap: "8px" };

/** Read by screen readers, not seen, taking no room (the usual visually-hidden rules). */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  border: 0,
};

/** A line of buttons that wraps in a narrow pane. */
export const row: GriffelStyle = {
  display: "flex",
  flexWrap: "wrap",
  gap: "8px",
  alignItems: "center",
};
