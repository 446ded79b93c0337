// A minimal static file server for the demo page (no dependencies): GET and HEAD of files
// under one directory, with the right MIME types (application/wasm for streaming
// instantiation), no caching, bound to 127.0.0.1 only.
//
//   node www/tests/static-server.mjs [--root DIR] [--port N] [--host 127.0.0.1]
//
// --port 0 picks a free port. The first line on stdout is `listening <url>`.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ndjson": "application/x-ndjson; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

function parseArgs(argv) {
  const args = { root: resolve(fileURLToPath(new URL("..", import.meta.url))), port: 8080, host: "127.0.0.1" };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === "--root") args.root = resolve(value);
    else if (name === "--port") args.port = Number(value);
    else if (name === "--host") args.host = value;
    else throw new Error(`static-server: unknown argument ${name}`);
    i += 1;
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error("static-server: bad --port");
  return args;
}

/** Starts the server; resolves to { server, url }. */
export async function serve({ root, port = 0, host = "127.0.0.1", log = () => {} }) {
  const base = await realpath(root);
  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : text);
      log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    if (path.includes("\0")) return send(400, "bad request\n");
    let file = join(base, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      file = await realpath(file);
    } catch {
      return send(404, "not found\n");
    }
    // Only files inside the root, symbolic links resolved.
    if (!file.startsWith(base + sep)) {
      return send(403, "forbidden\n");
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, "not found\n");
    }
    if (!info.isFile()) return send(404, "not found\n");
    res.writeHead(200, {
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": info.size,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    log(`200 ${req.method} ${req.url}`);
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
    return undefined;
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const { port: actual } = server.address();
  return { server, url: `http://${host}:${actual}/` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const { url } = await serve({ ...args, log: process.env.STATIC_SERVER_QUIET ? undefined : (l) => console.error(l) });
  console.log(`listening ${url}`);
}
