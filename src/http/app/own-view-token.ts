import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { ViewClaims } from '../../domain/sharing/view-token.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, isDomainError } from '../../shared/errors.js';

/**
 * The claims of a view token presented by the signed-in clinician `me`, who must be the viewer it
 * was issued to. Every refusal is recorded as a refused access decision by `me`: a bad or expired
 * token (coded `view.token_*`, not 401, which the app would take for a lost sign-in), or a
 * forwarded one (`access.denied`).
 */
export interface OwnViewDeps {
  audit: Pick<AuditSink, 'append'>;
  clock: Clock;
}

export function ownViewClaims(deps: OwnViewDeps, verify: (token: string, now: number) => ViewClaims, token: string, me: ClinicianRow): ViewClaims {
  const refuse = (reason: string, target?: string) =>
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.accessDecision, target, outcome: 'denied', reason });
  let claims: ViewClaims;
  try {
    claims = verify(token, deps.clock.now());
  } catch (err) {
    const code = isDomainError(err) ? err.code : 'token.invalid';
    refuse(code);
    throw new DomainError(code === 'token.expired' ? 'view.token_expired' : 'view.token_invalid');
  }
  if (claims.v !== me.id) {
    refuse('token.other_viewer', claims.d);
    throw new DomainError('access.denied');
  }
  return claims;
}
