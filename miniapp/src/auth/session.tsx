import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import { createEndpoints } from '../api/endpoints.js';
import { EndpointsContext } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { boot, signInAsDemoUser, type AuthState } from './boot.js';
import { readDingTalkEnv, requestDingTalkAuthCode, type DingTalkEnv } from './dingtalk-env.js';

export interface Session {
  state: AuthState;
  api: ApiClient;
  env: DingTalkEnv;
  pickDemoUser(userId: string): Promise<void>;
  /** Sandbox only: forget this session in the page and show the demo-user picker again. */
  switchUser(): void;
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

const errorCode = (err: unknown) => (err instanceof ApiError ? err.code : 'internal');

export function SessionProvider({ env = readDingTalkEnv(), children }: { env?: DingTalkEnv; children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ kind: 'loading' });
  const { suggestLang } = useI18n();
  const run = useRef(0);
  const start = useRef<(resume: boolean) => void>(() => undefined);
  const api = useMemo(() => createApiClient({ onSignedOut: () => start.current(true) }), []);

  start.current = (resume: boolean) => {
    const mine = ++run.current;
    setState({ kind: 'loading' });
    boot({ client: api, env, requestCode: requestDingTalkAuthCode }, { resume }).then(
      (s) => {
        if (mine !== run.current) return;
        if (s.kind === 'signedIn' && s.language) suggestLang(s.language === 'zh' ? 'zh-HK' : 'en');
        setState(s);
      },
      (err: unknown) => mine === run.current && setState({ kind: 'error', code: errorCode(err) }),
    );
  };
  useEffect(() => start.current(true), []);

  const pickDemoUser = useCallback(
    async (userId: string) => {
      await signInAsDemoUser(api, userId);
      setState({ kind: 'signedIn' });
    },
    [api],
  );
  const switchUser = useCallback(() => {
    setState({ kind: 'loading' });
    void api.signOut().then(() => start.current(false));
  }, [api]);
  const retry = useCallback(() => start.current(true), []);

  const value = useMemo<Session>(() => ({ state, api, env, pickDemoUser, switchUser, retry }), [state, api, env, pickDemoUser, switchUser, retry]);
  const endpoints = useMemo(() => createEndpoints(api), [api]);
  return (
    <SessionContext.Provider value={value}>
      <EndpointsContext.Provider value={endpoints}>{children}</EndpointsContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
