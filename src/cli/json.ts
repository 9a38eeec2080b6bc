/**
 * A large JSON document written in pieces: the same text as `JSON.stringify(value, null, 2)`, but the
 * arrays of a top-level object are turned into text an item at a time, so that 100,000 records never
 * become one string of hundreds of megabytes (`export --json`). The pieces are handed out one by one
 * (`jsonPieces`): the caller writes each and waits until the output has taken it before asking for the
 * next, so that a slow reader never makes the whole text pile up in memory.
 */
const indent = (text: string, by: string) => text.replace(/\n/g, "\n" + by);

/** Pieces of at most about this many characters are handed out. */
const PIECE = 1 << 16;

/** The text of `JSON.stringify(value, null, 2)` and a line feed, in pieces. */
export function* jsonPieces(value: unknown): Generator<string, void, undefined> {
  if (
    value === null ||
    typeof value !== "object" ||
    Array.isArray(value) ||
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    yield JSON.stringify(value, null, 2) + "\n";
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol"
  );
  if (entries.length === 0) {
    yield "{}\n";
    return;
  }
  let piece = "{\n";
  for (let n = 0; n < entries.length; n++) {
    const [k, v] = entries[n];
    piece += `  ${JSON.stringify(k)}: `;
    if (Array.isArray(v) && v.length > 0) {
      piece += "[\n";
      for (let i = 0; i < v.length; i++) {
        // An item JSON cannot show is null in an array, as JSON.stringify writes it.
        const text = JSON.stringify(v[i], null, 2) ?? "null";
        piece += "    " + indent(text, "    ") + (i < v.length - 1 ? ",\n" : "\n");
        if (piece.length >= PIECE) {
          yield piece;
          piece = "";
        }
      }
      piece += "  ]";
    } else piece += indent(JSON.stringify(v, null, 2), "  ");
    piece += n < entries.length - 1 ? ",\n" : "\n";
  }
  yield piece + "}\n";
}

/** Write the pieces of `value`'s JSON text, each once `drained` (when given) says the output took the last. */
export async function writeJson(
  value: unknown,
  write: (s: string) => void,
  drained?: () => Promise<void>
): Promise<void> {
  for (const piece of jsonPieces(value)) {
    write(piece);
    if (drained) await drained();
  }
}
