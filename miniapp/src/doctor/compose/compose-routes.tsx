import { AlertFormScreen } from './AlertFormScreen.js';
import { BurnComposeScreen } from './BurnComposeScreen.js';
import { ShareScreen } from './ShareScreen.js';
import './compose.css';

/**
 * The mini-app compose screens the bot's `share`, `burn` and `allergy-alert` answers link to:
 * /case/<code>/share, /case/<code>/burn (?after=<seconds>) and /case/<code>/alert.
 * Returns null for a route that is not one of them.
 */
export function composeScreen(route: string): JSX.Element | null {
  const m = /^\/case\/([A-Za-z0-9-]{1,20})\/(share|burn|alert)$/.exec(route);
  if (!m) return null;
  const code = m[1]!;
  if (m[2] === 'share') return <ShareScreen code={code} />;
  if (m[2] === 'burn') return <BurnComposeScreen code={code} />;
  return <AlertFormScreen code={code} />;
}
