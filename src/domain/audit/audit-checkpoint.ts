import type { AuditSigner, CheckpointVerifier } from './audit-signer.js';
import type { StoredCheckpoint } from './audit-repository.js';

/**
 * A signed tree head. The signed bytes are a fixed text form, one field per line, so a signature
 * can be checked by any tool that can rebuild four lines (in the spirit of C2SP tlog-checkpoint).
 */
export const CHECKPOINT_ORIGIN = 'consultbridge/audit/v1';

export interface CheckpointBody {
  treeSize: number;
  rootHash: Buffer;
  at: number;
}

export function encodeCheckpoint(c: CheckpointBody): Buffer {
  return Buffer.from(`${CHECKPOINT_ORIGIN}\n${c.treeSize}\n${c.rootHash.toString('base64')}\n${c.at}\n`, 'utf8');
}

export function signCheckpoint(signer: AuditSigner, body: CheckpointBody): Omit<StoredCheckpoint, 'id'> {
  return { ...body, keyId: signer.keyId, signature: signer.sign(encodeCheckpoint(body)) };
}

/** Why a stored checkpoint's signature does not hold, or null when it does. */
export function checkpointSignatureProblem(
  verifier: CheckpointVerifier | null,
  c: StoredCheckpoint,
): 'checkpoint_unknown_key' | 'checkpoint_signature_invalid' | null {
  if (!verifier || verifier.keyId !== c.keyId) return 'checkpoint_unknown_key';
  return verifier.verify(encodeCheckpoint(c), c.signature) ? null : 'checkpoint_signature_invalid';
}

/** JSON shape for the CLI and any external auditor. */
export function checkpointJson(c: StoredCheckpoint, verifier: CheckpointVerifier | null) {
  return {
    id: c.id,
    treeSize: c.treeSize,
    rootHash: c.rootHash.toString('hex'),
    at: new Date(c.at).toISOString(),
    keyId: c.keyId,
    signature: c.signature.toString('base64'),
    signedText: encodeCheckpoint(c).toString('utf8'),
    publicKey: verifier?.keyId === c.keyId ? verifier.publicKeyPem : null,
  };
}
