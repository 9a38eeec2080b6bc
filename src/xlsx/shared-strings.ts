/**
 * The shared string table of a package exceljs wrote, with the strings of the bulk rows added: each text
 * once, as Excel itself stores strings (inline strings made the merge of 50 workbooks 14 MB instead of 8).
 */
import exceljsUtils from "exceljs/lib/utils/utils";

const utils = exceljsUtils as unknown as {
  xmlEncode(text: string): string;
  xmlDecode(text: string): string;
};

export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly first: number;
  private count: number;
  /** Set once the part is made: a text new after that would be missing from it. */
  private sealed = false;

  /** The table as exceljs wrote it: its plain entries are found again by their text. */
  constructor(private readonly sst: string) {
    const head = /<sst\b[^>]*>/.exec(sst);
    if (!head) throw new Error("sharedStrings: no <sst>");
    this.count = Number(/\bcount="(\d+)"/.exec(head[0])?.[1] ?? 0);
    let n = 0;
    for (const m of sst.matchAll(/<si>(?:<t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>)?/g)) {
      if (m[1] !== undefined) {
        const text = utils.xmlDecode(m[1]);
        if (!this.ids.has(text)) this.ids.set(text, n);
      }
      n++;
    }
    this.first = n;
  }

  /** The index of a text, added when it is new. */
  id(text: string): number {
    this.count++;
    let i = this.ids.get(text);
    if (i === undefined) {
      if (this.sealed) throw new Error(`sharedStrings: "${text}" added after the part was made`);
      i = this.first + this.added.length;
      this.added.push(text);
      this.ids.set(text, i);
    }
    return i;
  }

  /** The index `i` of a text numbered just before, used once more (counted, not looked up). */
  again(i: number): number {
    this.count++;
    return i;
  }

  /** The part with the added strings (exceljs' form: `xml:space` where the text has edge spaces or lines). */
  toBuffer(): Buffer {
    this.sealed = true;
    const end = this.sst.lastIndexOf("</sst>");
    const head = this.sst
      .slice(0, end)
      .replace(/(<sst\b[^>]*?\bcount=")\d+/, `$1${this.count}`)
      .replace(/(<sst\b[^>]*?\buniqueCount=")\d+/, `$1${this.first + this.added.length}`);
    const parts = [Buffer.from(head, "utf8")];
    for (let k = 0; k < this.added.length; k += 4096) {
      const xml = this.added.slice(k, k + 4096).map((t) => {
        const preserve = /^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : "";
        return `<si><t${preserve}>${utils.xmlEncode(t)}</t></si>`;
      });
      parts.push(Buffer.from(xml.join(""), "utf8"));
    }
    parts.push(Buffer.from(this.sst.slice(end), "utf8"));
    return Buffer.concat(parts);
  }
}
