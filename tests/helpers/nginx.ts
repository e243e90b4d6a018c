// Real nginx (the Debian package) over a built site, for tests/deploy.test.ts: a throw-away prefix
// holding a main nginx.conf, the project's deploy/snippets/ and one server file; 127.0.0.1 only, on
// free ports; the error log in the prefix; stopped by its pid.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL = 'apt-get update && apt-get install -y nginx libnginx-mod-http-brotli-static';

/** The nginx binary and its brotli_static module, or a Vietnamese sentence saying what is missing and how to install it. */
export function findNginx(candidates = ['/usr/sbin/nginx', '/usr/bin/nginx', 'nginx']): { bin: string; brotliModule: string } {
  // Debian puts it in /usr/sbin, which a non-root PATH may lack; a bare name is looked up in PATH.
  const bin = candidates.find((c) => !c.includes('/') || existsSync(c)) ?? candidates.at(-1)!;
  const version = spawnSync(bin, ['-V'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(`Không tìm thấy nginx: kiểm thử triển khai (tests/deploy.test.ts) chạy nginx thật và không thể bỏ qua. Cài bằng: ${INSTALL} (kiểm thử này chạy bằng npm run test:nginx; .ci/run tự cài nginx khi thiếu).`);
  }
  const modules = /--modules-path=(\S+)/.exec(version.stderr)?.[1] ?? '/usr/lib/nginx/modules';
  const brotliModule = join(modules, 'ngx_http_brotli_static_module.so');
  if (!existsSync(brotliModule)) {
    throw new Error(`nginx thiếu mô-đun brotli_static (${brotliModule}) mà deploy/snippets/congdoan-soket/site.conf dùng. Cài bằng: ${INSTALL}.`);
  }
  return { bin, brotliModule };
}

/** A port nothing listens on now (nginx binds it a moment later: start() retries if another process took it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Nginx { prefix: string; stop: () => Promise<void>; errorLog: () => string }

/**
 * Starts nginx in the foreground with `serverConf(ports)` as its only server file, the project's
 * snippets beside it (same relative include paths as /etc/nginx/). Resolves when every port answers.
 */
export async function startNginx(serverConf: (ports: number[]) => string, portCount = 1, files: Record<string, string> = {}): Promise<Nginx & { ports: number[] }> {
  const { bin, brotliModule } = findNginx();
  for (let attempt = 1; ; attempt += 1) {
    const prefix = mkdtempSync(join(tmpdir(), 'soket-nginx-'));
    cpSync('deploy/snippets', join(prefix, 'snippets'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(prefix, name), text);
    const ports: number[] = [];
    while (ports.length < portCount) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    writeFileSync(join(prefix, 'server.conf'), serverConf(ports));
    writeFileSync(
      join(prefix, 'nginx.conf'),
      [
        `load_module ${brotliModule};`,
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(prefix, 'nginx.pid')};`,
        `error_log ${join(prefix, 'error.log')} info;`,
        // As root, nginx would hand requests to an unprivileged user that may not read the checkout.
        ...(process.getuid?.() === 0 ? ['user root root;'] : []),
        'events { worker_connections 64; }',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(prefix, `${k}-temp`)};`),
        '  include server.conf;',
        '}',
        '',
      ].join('\n'),
    );
    const child: ChildProcess = spawn(bin, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += chunk; });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const errorLog = () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '');
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefix, { recursive: true, force: true });
    };
    const started = Date.now();
    let ready = false;
    while (!ready && child.exitCode === null && Date.now() - started < 10_000) {
      ready = (await Promise.all(ports.map((port) => answers(port)))).every(Boolean);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (ready) return { prefix, ports, stop, errorLog };
    const why = `${stderr}\n${errorLog()}`.trim();
    await stop();
    if (/Address already in use/.test(why) && attempt < 5) continue;
    throw new Error(`nginx không khởi động được:\n${why}`);
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', method: 'HEAD', agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('error', () => resolve(false));
    req.end();
  });
}

export interface Response { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** One GET (no keep-alive) with Node's own client; the body as sent, still compressed. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { headers, agent: false, ...(target.protocol === 'https:' ? { rejectUnauthorized: false, servername: headers.host } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.once('error', reject);
    req.end();
  });
}
