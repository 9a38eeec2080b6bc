/** Run the command line in-process with captured output: what the CLI tests share. */
import { main, type Io } from "../../src/cli/main";

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}
