/**
 * A text as people mean it when they compare list values and headers: case, accents and runs of spaces
 * ignored ("Opgestart", "opgestart ", "OPGESTART" are one value). Used by the list parser, the header
 * matcher and the nearest-value suggestions, so that a value they accept and one they suggest fold alike.
 */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
