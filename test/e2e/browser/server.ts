/** A static https server for dist/ on localhost, with a self-signed certificate (selfsigned, as webpack-dev-server uses). */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { extname, join, normalize, resolve } from "node:path";
import selfsigned from "selfsigned";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".css": "text/css",
};

export async function serveDist(
  dir: string
): Promise<{ url: string; server: Server; requests: string[] }> {
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    days: 2,
  } as never);
  const root = resolve(dir);
  const requests: string[] = [];
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname);
    requests.push(path);
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  return { url: `https://localhost:${port}`, server, requests };
}
