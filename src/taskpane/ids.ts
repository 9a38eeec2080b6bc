/**
 * The ids of the elements focus goes to after an action (hooks/useFocusRequest): the result of each
 * action, named once so that the hooks that ask for focus and the components that carry the ids agree.
 */
export const ERROR_BAR = "vv-error";
export const NOTICE_BAR = "vv-notice";
/** The preview's heading (Start). */
export const PREVIEW_HEADING = "vv-preview";
/** Sjabloon aanmaken / Omzetten naar sjabloon (Start). */
export const CONVERT_BUTTON = "vv-convert";
/** The findings' summary heading (Valideren). */
export const FINDINGS_SUMMARY = "vv-findings";
/** The file picker of the previous meting (Kerncijfers). */
export const PREVIOUS_FILE = "vv-previous-file";
