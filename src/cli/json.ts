/**
 * A large JSON document written in pieces: the same text as `JSON.stringify(value, null, 2)`, but the
 * arrays of a top-level object are turned into text an item at a time, so that 100,000 records never
 * become one string of hundreds of megabytes (`export --json`).
 */
const indent = (text: string, by: string) => text.replace(/\n/g, "\n" + by);

/** Pieces of at most about this many characters are handed to `write`. */
const PIECE = 1 << 20;

export function writeJson(value: unknown, write: (s: string) => void): void {
  if (
    value === null ||
    typeof value !== "object" ||
    Array.isArray(value) ||
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    write(JSON.stringify(value, null, 2) + "\n");
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol"
  );
  if (entries.length === 0) {
    write("{}\n");
    return;
  }
  let piece = "{\n";
  const flush = () => {
    write(piece);
    piece = "";
  };
  entries.forEach(([k, v], n) => {
    piece += `  ${JSON.stringify(k)}: `;
    if (Array.isArray(v) && v.length > 0) {
      piece += "[\n";
      v.forEach((item, i) => {
        // An item JSON cannot show is null in an array, as JSON.stringify writes it.
        const text = JSON.stringify(item, null, 2) ?? "null";
        piece += "    " + indent(text, "    ") + (i < v.length - 1 ? ",\n" : "\n");
        if (piece.length >= PIECE) flush();
      });
      piece += "  ]";
    } else piece += indent(JSON.stringify(v, null, 2), "  ");
    piece += n < entries.length - 1 ? ",\n" : "\n";
  });
  piece += "}\n";
  flush();
}
