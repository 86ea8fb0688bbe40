import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { documentRequest } from '../../src/domain/access/access-facts.js';
import { loadPolicyEngine } from '../../src/domain/access/policy-engine.js';
import { createLogger } from '../../src/shared/logger.js';
import { clinician, doc, POLICY_DIR } from './access-fixtures.js';

function recordingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

const allowedView = () =>
  documentRequest(clinician(), 'view', doc(), { careRole: 'attending', patientConsentsToInstitution: true });

describe('the access engine fails closed', () => {
  it('denies and logs when the context does not match the schema', async () => {
    const { logger, lines } = recordingLogger();
    const engine = loadPolicyEngine(POLICY_DIR, { logger });
    const req = allowedView();
    delete req.context.patientConsentsToInstitution;
    const d = engine.decide(req);
    expect(d.allowed).toBe(false);
    expect(d.errors.join(' ')).toContain('patientConsentsToInstitution');
    await new Promise((r) => setImmediate(r));
    expect(lines.join('')).toContain('access decision failed closed');
  });

  it('denies when a forbid errors even though a permit matched (Cedar alone would allow)', () => {
    const engine = loadPolicyEngine(POLICY_DIR, { validateRequests: false });
    const req = allowedView();
    // A wrong type makes forbid-unverified error; Cedar skips erroring policies and would allow.
    req.entities![0]!.attrs.verified = 'yes';
    const d = engine.decide(req);
    expect(d.allowed).toBe(false);
    expect(d.errors.some((e) => e.includes('forbid-unverified'))).toBe(true);
    expect(d.policies).toEqual([]);
  });

  it('denies when the resource entity was not supplied', () => {
    const engine = loadPolicyEngine(POLICY_DIR);
    const req = { ...allowedView(), entities: allowedView().entities!.slice(0, 1) };
    const d = engine.decide(req);
    expect(d.allowed).toBe(false);
    expect(d.errors[0]).toContain('Document::"d-1"');
  });

  it('denies an unknown action', () => {
    const engine = loadPolicyEngine(POLICY_DIR);
    const d = engine.decide({ ...allowedView(), action: 'delete' as never });
    expect(d.allowed).toBe(false);
    expect(d.errors[0]).toContain('unknown action');
  });
});
