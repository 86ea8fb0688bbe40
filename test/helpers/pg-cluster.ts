import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for the PostgreSQL suites (`npm run test:pg`): initdb into a temp
 * folder, pg_ctl start on a free loopback port with its socket in that folder, fsync off (the data is
 * thrown away), trust auth for the `postgres` superuser. initdb refuses to run as root, so as root the
 * binaries run as the `postgres` user (runuser) and the temp folder is handed to it.
 */
export interface PgCluster {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** The cluster's data folder (tables, WAL under pg_wal): what the cluster test's marker scan reads. */
  dataDir: string;
  /** The folder of initdb/pg_ctl/pg_dump/pg_restore this cluster was started with. */
  bin: string;
  stop(): void;
}

/** The folder holding initdb/pg_ctl: PG_BIN (only it, when set), Debian's /usr/lib/postgresql/<v>/bin (newest), or PATH. */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PG_BIN) return existsSync(join(env.PG_BIN, 'initdb')) ? env.PG_BIN : undefined;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  return found ? found.slice(0, found.lastIndexOf('/')) : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => userInfo().uid === 0;

function asOwner(bin: string, file: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', join(bin, file), ...args]] : [join(bin, file), args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Hands a folder to the `postgres` user when running as root (initdb and the server refuse root). */
export function handToPostgres(dir: string): void {
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
}

/**
 * initdb + pg_ctl start; throws with PostgreSQL's own message when either fails. With `data`, the
 * cluster lives in that folder (initdb'd when missing, reused when present), is stopped cleanly and
 * kept: what the P9 bench caches its seeded PostgreSQL in.
 */
export async function startPgCluster(bin: string, o: { data?: string } = {}): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-pg-'));
  handToPostgres(dir);
  const data = o.data ?? join(dir, 'data');
  const fresh = !existsSync(join(data, 'PG_VERSION'));
  const port = await freePort();
  const logFile = join(dir, 'log');
  writeFileSync(logFile, '');
  if (isRoot()) execFileSync('chown', ['postgres', logFile]);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    '-c shared_buffers=32MB',
  ].join(' ');
  try {
    if (fresh) asOwner(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    asOwner(bin, 'pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', logFile, '-o', options]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`could not start a PostgreSQL cluster with ${bin}: ${err.stderr?.toString() || err.message}`);
  }
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: data,
    bin,
    stop: () => {
      try {
        asOwner(bin, 'pg_ctl', ['stop', '-D', data, '-m', o.data ? 'fast' : 'immediate', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of database `name` on the cluster `adminUrl` points at. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database `name` (a plain identifier) on the cluster; returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}

/** A fresh empty database on the cluster; `drop()` removes it (connections still open are ended). */
export async function createTestDatabase(adminUrl: string, prefix = 'cb'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  return {
    url: await createDatabase(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
