import WebSocket from 'ws';
import { eventually } from './eventually.js';

interface CdpMessage {
  id?: number;
  method?: string;
  params?: { scriptId?: string; url?: string };
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** The inspector's WebSocket URL a process started with `--inspect=127.0.0.1:0` printed. */
export const inspectorUrl = (output: () => string): Promise<string> =>
  eventually(() => /Debugger listening on (ws:\/\/\S+)/.exec(output())?.[1], 10_000, 'the inspector URL');

/**
 * Pauses another Node process (through its inspector) the first time it reaches the first `needle` in
 * the module whose URL ends with `fileSuffix` — a point between two steps of the real
 * code, with no hook in it. `paused()` resolves once the process stands still there.
 */
export async function breakAt(url: string, fileSuffix: string, needle: string): Promise<{ paused(timeoutMs?: number): Promise<void>; close(): void }> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  const replies = new Map<number, (m: CdpMessage) => void>();
  const scripts: Array<{ scriptId: string; url: string }> = [];
  let onPaused = () => undefined as void;
  const paused = new Promise<void>((resolve) => (onPaused = resolve));
  ws.on('message', (raw: Buffer) => {
    const m = JSON.parse(raw.toString()) as CdpMessage;
    if (m.id !== undefined) replies.get(m.id)?.(m);
    else if (m.method === 'Debugger.scriptParsed' && m.params?.url) scripts.push({ scriptId: m.params.scriptId!, url: m.params.url });
    else if (m.method === 'Debugger.paused') onPaused();
  });
  let next = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++next;
      replies.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result ?? {})));
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call('Debugger.enable');
  const script = await eventually(() => scripts.find((s) => s.url.endsWith(fileSuffix)), 5000, `${fileSuffix} to be loaded`);
  const source = String((await call('Debugger.getScriptSource', { scriptId: script.scriptId })).scriptSource);
  // The loader may put a whole module on one line: the place is a line and a column.
  const at = source.indexOf(needle);
  if (at < 0) throw new Error(`no ${needle} in ${script.url}`);
  const before = source.slice(0, at).split('\n');
  const location = { scriptId: script.scriptId, lineNumber: before.length - 1, columnNumber: before.at(-1)!.length };
  await call('Debugger.setBreakpoint', { location });
  const waitPaused = (timeoutMs = 10_000) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not paused at ${needle} within ${timeoutMs} ms`)), timeoutMs)));
    return Promise.race([paused, late]).finally(() => clearTimeout(timer));
  };
  return { paused: waitPaused, close: () => ws.close() };
}
