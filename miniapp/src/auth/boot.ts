import type { AuthConfigDto, DemoUserDto, DemoAuthCodeDto, MeDto } from '../../../src/contract/auth.js';
import type { ApiClient } from '../api/api-client.js';
import { readDemoUsers, type DemoUser } from '../api/types.js';
import type { DingTalkEnv } from './dingtalk-env.js';

export type AuthState =
  | { kind: 'loading' }
  /** `language`: the clinician's saved preference, when this sign-in looked it up (inside DingTalk). */
  | { kind: 'signedIn'; language?: MeDto['language'] }
  | { kind: 'picker'; users: DemoUser[] }
  | { kind: 'openInDingTalk' }
  | { kind: 'error'; code: string };

export interface BootDeps {
  client: ApiClient;
  env: DingTalkEnv;
  requestCode: (corpId: string, clientId: string) => Promise<string>;
}

/**
 * Decides how this visit signs in. Inside DingTalk the DingTalk identity always wins (a fresh auth
 * code each start), so a link forwarded to someone else signs in as them, not as the sender.
 * Outside DingTalk an existing session is resumed through the refresh cookie; otherwise the sandbox
 * offers its demo users and a real deployment asks to be opened in DingTalk. Inside DingTalk the
 * clinician's saved language comes back too: it beats DingTalk's language (the page started in that).
 */
export async function boot(deps: BootDeps, opts: { resume?: boolean } = {}): Promise<AuthState> {
  const { client, env } = deps;
  if (!env.inDingTalk && opts.resume !== false && (await client.refresh())) return { kind: 'signedIn' };
  const config = await client.call<AuthConfigDto>('/api/auth/config');
  if (env.inDingTalk) {
    const code = await deps.requestCode(config.corpId, config.clientId);
    await client.signInWithCode(code);
    const me = await client.call<MeDto>('/api/me');
    return { kind: 'signedIn', language: me.language };
  }
  if (config.mode !== 'sandbox') return { kind: 'openInDingTalk' };
  const users = readDemoUsers(await client.call<{ users: DemoUserDto[] }>('/api/sandbox/demo-users'));
  return { kind: 'picker', users };
}

/** Sandbox: the simulator issues a code for the chosen user, exchanged exactly like a real one. */
export async function signInAsDemoUser(client: ApiClient, userId: string): Promise<void> {
  const { code } = await client.call<DemoAuthCodeDto>('/api/sandbox/auth-code', { body: { userId } });
  await client.signInWithCode(code);
}
