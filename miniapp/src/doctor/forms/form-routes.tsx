import { FormScreen } from './FormScreen.js';

/**
 * The mini-app screens behind the bot's form links: /form/case-open/<intentId> and
 * /form/consent/<intentId>. Returns null for a route that is not one of them.
 */
export function formScreen(route: string): JSX.Element | null {
  const m = /^\/form\/(case-open|consent)\/([A-Za-z0-9_-]{1,64})$/.exec(route);
  if (!m) return null;
  const kind = m[1] === 'consent' ? 'consent' : 'case-open';
  // Keyed by the intent: another link must not inherit this one's typed values.
  return <FormScreen key={m[2]} kind={kind} intentId={m[2]!} />;
}
