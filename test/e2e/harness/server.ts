// Serves test/fixtures on 127.0.0.1 (content scripts do not run on data: URLs or setContent pages).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface FixtureServer {
  origin: string;
  url(file: string): string;
  close(): Promise<void>;
}

export async function serveFixtures(root = path.resolve('test/fixtures'), extraRoots: Record<string, string> = {}): Promise<FixtureServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let base = root;
    let rel = pathname;
    for (const [prefix, dir] of Object.entries(extraRoots)) {
      if (pathname.startsWith(prefix)) {
        base = dir;
        rel = pathname.slice(prefix.length);
      }
    }
    const file = path.join(base, path.normalize(rel).replace(/^([/\\])+/, ''));
    if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (file) => `${origin}/${file}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
