// A tiny static file server for the built site, on 127.0.0.1 only: serves `root` under `base`, resolves
// folders to index.html, answers 404 with the site's 404.html. For the browser tests and screenshots.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    pathname = pathname.slice(base.length);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/') && pathname !== '') {
        res.writeHead(301, { Location: `${base}${pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? (file.endsWith('.pagefind') || file.endsWith('.pf_meta') || file.includes('pf_fragment') || file.includes('pf_index') ? 'application/octet-stream' : 'application/octet-stream');
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
