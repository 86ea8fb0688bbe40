import { CaseScreen } from './CaseScreen.js';
import { DocumentScreen } from './DocumentScreen.js';
import './doctor.css';

/** The doctor's pushed screens: /case/C-XXXXX and /doc/<documentId>; null for any other route. */
export function doctorScreen(route: string) {
  const m = /^\/(case|doc)\/([A-Za-z0-9_-]{1,64})$/.exec(route);
  if (!m) return null;
  return m[1] === 'case' ? <CaseScreen code={m[2]!} /> : <DocumentScreen documentId={m[2]!} />;
}
