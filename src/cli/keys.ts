import { hkDateTimeSeconds } from '../shared/hk-time.js';
import { exitWith } from './cli-exit.js';
import { loadConfig } from '../config/config.js';
import type { LocalKeyring } from '../domain/vault/local-keyring.js';
import { rewrapAll, type RewrapProgress } from '../domain/vault/rewrap.js';
import type { VaultRepository } from '../domain/vault/vault-repository.js';
import { openKeyTargets } from './keys-targets.js';
import { rewrapChatHistory } from '../domain/chat-history/chat-history-rewrap.js';
import { createInboxCipher } from '../domain/inbox/inbox-cipher.js';
import { rewrapInbox } from '../domain/inbox/inbox-rewrap.js';

const HELP = `Usage: npm run keys -- <command>

Commands:
  status   List key-encryption key (KEK) versions and how many data keys use each.
  rotate   Add a new KEK version, make it current, and re-wrap every data key under it.
  rewrap   Re-wrap data keys still under older versions (no new version); finishes a stopped rotation.
  help     Show this text.

Reads DATABASE_URL, KEY_DIR and MASTER_KEY like the service. Document ciphertext is never touched:
only the small wrapped data keys in the database change, one transaction per batch, so an
interrupted run is safe and can be resumed. rotate and rewrap also re-wrap the sandbox chat's
stored history (its messages and groups) and the sealed inbound messages not yet processed, so they
still open under the new key alone.

Where keys live:
  Without MASTER_KEY, KEKs are kept in KEY_DIR/keyring.json (mode 0600); rotate generates the new KEK
  and saves it there before using it.
  With MASTER_KEY, KEKs never touch the disk (keyring.json holds only version fingerprints), so the new
  key must be supplied. Generate one (e.g. \`openssl rand -base64 32\`) and run
      MASTER_KEY=<current> MASTER_KEY_NEXT=<new> npm run keys -- rotate
  When it reports every key re-wrapped, set MASTER_KEY=<new> for the service and drop MASTER_KEY_NEXT.
  If it stops half-way, run the same command again: the new key is already registered and it resumes.
  On PostgreSQL (DATABASE_URL=postgres://…) MASTER_KEY is required and the versions are kept in the
  database (table vault_kek_versions), so every instance sees the rotation. To rotate without a stop,
  first give every instance MASTER_KEY_NEXT=<new> too: they adopt the new version once it is registered.
  Run rewrap until status shows no data key under the old version, then give them MASTER_KEY=<new> alone.
  Once a rotation has registered the new key, the service refuses to start with the old MASTER_KEY
  alone, so it never writes under a key it could not read back.
`;

/** A text progress bar on stderr: redrawn in place on a terminal, one line per 10% step otherwise. */
function progressReporter(out: NodeJS.WriteStream): (p: RewrapProgress) => void {
  let lastStep = -1;
  return ({ processed, total }) => {
    const ratio = total === 0 ? 1 : processed / total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${processed}/${total} ${Math.round(ratio * 100)}%`;
    if (out.isTTY) {
      out.write(`\r${line}`);
      if (processed >= total) out.write('\n');
      return;
    }
    const step = Math.floor(ratio * 10);
    if (step !== lastStep) out.write(`${line}\n`);
    lastStep = step;
  };
}

async function printStatus(keyring: LocalKeyring, repo: VaultRepository): Promise<void> {
  const counts = new Map((await repo.countByVersion()).map((c) => [c.kekVersion, c.count]));
  const rows = keyring.versions().map((v) => ({
    version: v.version,
    created: v.createdAt ? hkDateTimeSeconds(v.createdAt) : '-',
    key: v.available ? 'available' : 'not supplied',
    current: v.version === keyring.currentVersion() ? '*' : '',
    dataKeys: counts.get(v.version) ?? 0,
  }));
  for (const [version, n] of counts) {
    if (!rows.some((r) => r.version === version)) {
      rows.push({ version, created: '-', key: 'UNKNOWN', current: '', dataKeys: n });
    }
  }
  console.log(`Keyring: ${keyring.source} mode, current version ${keyring.currentVersion()}`);
  console.log('version  current  created                   key           data keys');
  for (const r of rows) {
    console.log(
      `${String(r.version).padEnd(9)}${r.current.padEnd(9)}${r.created.padEnd(26)}${r.key.padEnd(14)}${r.dataKeys}`,
    );
  }
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'help';
  if (!['status', 'rotate', 'rewrap'].includes(command)) {
    (command === 'help' || command === '--help' ? process.stdout : process.stderr).write(HELP);
    return command === 'help' || command === '--help' ? 0 : 2;
  }
  const config = loadConfig(process.env);
  const t = await openKeyTargets(config, config.keys.masterKeyNext);
  try {
    if (command === 'status') {
      await printStatus(t.keyring, t.vault);
      return 0;
    }
    if (command === 'rotate') {
      const { version, created } = await t.keyring.rotate();
      console.log(created ? `Added KEK version ${version}; it is now current.` : `KEK version ${version} is already registered; resuming.`);
    }
    const result = await rewrapAll({ repo: t.vault, keyring: t.keyring }, progressReporter(process.stderr));
    console.log(`Re-wrapped ${result.rewrapped} of ${result.total} data keys under version ${result.targetVersion}.`);
    const chat = await rewrapChatHistory({ repo: t.chat, cipher: createInboxCipher(t.keyring) });
    console.log(`Re-wrapped ${chat.rewrapped} of ${chat.total} sandbox chat rows (messages and groups).`);
    const inbound = await rewrapInbox({ repo: t.inbox, cipher: createInboxCipher(t.keyring) });
    console.log(`Re-wrapped ${inbound.rewrapped} of ${inbound.total} sealed inbound messages.`);
    const failed = [...result.failed, ...chat.failed, ...inbound.failed];
    if (failed.length > 0) {
      console.log(`${failed.length} could not be unwrapped (their KEK version is missing or the row is damaged):`);
      for (const id of failed) console.log(`  ${id}`);
      return 1;
    }
    return 0;
  } finally {
    await t.close();
  }
}

exitWith('keys', main(process.argv.slice(2)));
