import { BurnViewer } from './BurnViewer.js';
import { CaseScreen } from './CaseScreen.js';
import { DocumentScreen } from './DocumentScreen.js';
import { composeScreen } from './compose/compose-routes.js';
import { formScreen } from './forms/form-routes.js';
import './doctor.css';

/** The doctor's pushed screens: /case/C-XXXXX, /doc/<documentId> and /burn/<itemId>; null for any other route. */
export function doctorScreen(route: string) {
  const slotted = formScreen(route) ?? composeScreen(route);
  if (slotted) return slotted;
  const m = /^\/(case|doc|burn)\/([A-Za-z0-9_-]{1,64})$/.exec(route);
  if (!m) return null;
  if (m[1] === 'burn') return <BurnViewer itemId={m[2]!} />;
  return m[1] === 'case' ? <CaseScreen code={m[2]!} /> : <DocumentScreen documentId={m[2]!} />;
}
