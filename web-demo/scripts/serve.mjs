// A small static file server for dist/ (or any folder): the right MIME types
// (application/wasm for streaming compilation), no directory listing, no path
// escapes. `node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root dist]`;
// the port is the last --port given, else the PORT environment variable, else
// 8080; --port 0 picks a free port. Also used by the tests (startServer).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export function startServer({ root, port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = resolve(base, `.${path}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const st = statSync(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, port: p, url: `http://${host.includes(':') ? `[${host}]` : host}:${p}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  // The last one given wins: `npm run serve -- --port 8094` after any the script gives.
  const opt = (name, dflt) => {
    const i = args.lastIndexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const root = resolve(opt('root', join(here, '..', 'dist')));
  const port = Number(opt('port', process.env.PORT ?? 8080));
  const host = opt('host', '127.0.0.1');
  startServer({ root, port, host }).then(({ port: p }) => {
    const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
    process.stdout.write(`Serving ${root} on http://${shown}:${p}/ (Ctrl-C to stop)\n`);
  }).catch((e) => {
    process.stderr.write(`serve: ${e.message}\n`);
    process.exit(1);
  });
}
