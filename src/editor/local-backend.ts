// `sparbar redigera`: the site with the editor, served on 127.0.0.1, and Decap CMS's local backend
// (decap-server) on the clone, so the editor can be tried without an account on a git host.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { makeTemporaryFolder } from '../files/temporary-folder.js';
import { WriteRefusedError } from '../files/write-safety.js';
import { serveFile } from './serve-file.js';

export interface EditorServerOptions {
  plansDir: string;
  /** Port on 127.0.0.1 (0: any free port). */
  port?: number;
  /** Decap's editorial workflow on local branches (decap-server's git mode); default: saves go to the files. */
  workflow?: boolean;
}

/** What the site build reports (src/site/build-site.ts's result, as far as this module needs it). */
export interface EditorBuildResult {
  exitCode: number;
  errors: string[];
  messages: { fatal?: boolean | null | undefined }[];
}

/** Builds the site with the editor into `outDir`, its local backend at `local.url` (sparbar build's buildSite). */
export type BuildWithEditor = (outDir: string, local: { url: string; workflow: boolean; plansPath: string }) => Promise<EditorBuildResult>;

export interface EditorServer {
  /** `http://127.0.0.1:<port>/admin/` */
  adminUrl: string;
  /** The repository (or folder) whose files the editor changes. */
  root: string;
  build: EditorBuildResult;
  close(): Promise<void>;
}

/** Why the local editor cannot start, in Swedish. */
export class EditorServerError extends Error {}

/**
 * Starts the local editor: decap-server (https://www.npmjs.com/package/decap-server) for the repository that
 * holds `plansDir`, bound to 127.0.0.1 on a free port, in `fs` mode (a save writes the file in the work tree)
 * or, with `workflow`, in `git` mode (a save is a commit on a `cms/…` branch, publishing merges it; it needs a
 * clean work tree, as decap-server commits with `git add .`); then builds the site with the editor into a
 * temporary folder and serves it, forwarding `/api/v1` to decap-server, on `port`. Throws EditorServerError.
 */
export async function startEditorServer(options: EditorServerOptions, buildWithEditor: BuildWithEditor): Promise<EditorServer> {
  const plansDir = path.resolve(options.plansDir);
  if (!existsSync(plansDir)) throw new EditorServerError(`Planmappen ${options.plansDir} finns inte.`);
  const root = gitTop(plansDir);
  if (options.workflow) {
    if (root === null) throw new EditorServerError('--arbetsflode behöver ett git-förråd: planmappen ligger inte i något.');
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
    if (dirty.trim() !== '') throw new EditorServerError('--arbetsflode behöver en ren arbetskopia (decap-server checkar ut grenar och checkar in allt med git add .). Checka in eller lägg undan ändringarna först.');
  }
  const top = root ?? plansDir;
  const plansPath = path.relative(top, plansDir).split(path.sep).join('/');
  const decapServer = decapServerEntry();
  if (!decapServer) throw new EditorServerError('decap-server är inte installerat. Kör npm install --save-dev decap-server@3 decap-cms@3.');

  // Made before decap-server starts, so that a temporary folder that cannot be used leaves nothing running.
  let site: string;
  try {
    site = makeTemporaryFolder('sparbar-redigera-');
  } catch (error) {
    if (error instanceof WriteRefusedError) throw new EditorServerError(error.message);
    throw error;
  }
  const backendPort = await freePort();
  const child = spawn(process.execPath, [decapServer], {
    cwd: top,
    env: { ...process.env, PORT: String(backendPort), BIND_HOST: '127.0.0.1', MODE: options.workflow ? 'git' : 'fs', GIT_REPO_DIRECTORY: top, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let childOutput = '';
  child.stdout!.on('data', (c: Buffer) => (childOutput = (childOutput + c.toString()).slice(-4000)));
  child.stderr!.on('data', (c: Buffer) => (childOutput = (childOutput + c.toString()).slice(-4000)));
  const outDir = path.join(site, 'webbplats');
  const server = createServer((req, res) => handle(req, res, outDir, backendPort));
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stopChild(child);
    rmSync(site, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => reject(new EditorServerError(e.code === 'EADDRINUSE' ? `Porten ${options.port} används redan; välj en annan med --port.` : e.message)));
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    const port = (server.address() as AddressInfo).port;
    await waitForBackend(backendPort, child, () => childOutput);
    const build = await buildWithEditor(outDir, { url: `http://127.0.0.1:${port}/api/v1`, workflow: options.workflow === true, plansPath });
    if (build.exitCode !== 0) {
      await stop();
      return { adminUrl: '', root: top, build, close: async () => {} };
    }
    return { adminUrl: `http://127.0.0.1:${port}/admin/`, root: top, build, close: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Serves the built site; POST /api/v1 goes to decap-server. Only requests addressed to 127.0.0.1 or localhost are answered (no DNS rebinding). */
function handle(req: IncomingMessage, res: ServerResponse, site: string, backendPort: number): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== '127.0.0.1' && host !== 'localhost') {
    res.writeHead(403).end();
    return;
  }
  if (req.url === '/api/v1' && req.method === 'POST') {
    const forward = request({ host: '127.0.0.1', port: backendPort, path: '/api/v1', method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? 'application/json' } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
    return;
  }
  serveFile(req, res, site);
}

function gitTop(dir: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function decapServerEntry(): string | null {
  for (const from of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    try {
      const pkg = createRequire(from).resolve('decap-server/package.json');
      const entry = path.join(path.dirname(pkg), 'dist', 'index.js');
      if (existsSync(entry)) return entry;
    } catch {
      // not found from here
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitForBackend(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new EditorServerError(`decap-server avslutades (kod ${child.exitCode}): ${output().trim()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new EditorServerError(`decap-server svarade inte på 127.0.0.1:${port}: ${output().trim()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
