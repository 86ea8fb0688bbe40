import type { AuditSigner, CheckpointVerifier } from './audit-signer.js';
import type { StoredCheckpoint } from './audit-repository.js';

/**
 * A signed tree head. The signed bytes are a fixed text form, one field per line, so a signature
 * can be checked by any tool that can rebuild them (in the spirit of C2SP tlog-checkpoint):
 *
 *     consultbridge/audit/v2      consultbridge/audit/v1 (checkpoints signed before data residency)
 *     <tree size>                 <tree size>
 *     <root hash, base64>         <root hash, base64>
 *     <at, epoch ms>              <at, epoch ms>
 *     region <DATA_REGION>
 *
 * v2 signs the deployment's declared data region with the tree head, so the region a checkpoint
 * states is covered by its signature; v1 checkpoints (no region stored) keep verifying as they were signed.
 */
export const CHECKPOINT_ORIGIN = 'consultbridge/audit/v1';
export const CHECKPOINT_ORIGIN_V2 = 'consultbridge/audit/v2';

export interface CheckpointBody {
  treeSize: number;
  rootHash: Buffer;
  at: number;
  /** The declared data region (DATA_REGION); null or absent only on checkpoints signed before it was recorded. */
  region?: string | null;
}

export function encodeCheckpoint(c: CheckpointBody): Buffer {
  const head = `${c.treeSize}\n${c.rootHash.toString('base64')}\n${c.at}\n`;
  if (c.region == null) return Buffer.from(`${CHECKPOINT_ORIGIN}\n${head}`, 'utf8');
  return Buffer.from(`${CHECKPOINT_ORIGIN_V2}\n${head}region ${c.region}\n`, 'utf8');
}

export function signCheckpoint(signer: AuditSigner, body: CheckpointBody): Omit<StoredCheckpoint, 'id'> {
  const region = body.region ?? null;
  return { ...body, region, keyId: signer.keyId, signature: signer.sign(encodeCheckpoint({ ...body, region })) };
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
    region: c.region,
    keyId: c.keyId,
    signature: c.signature.toString('base64'),
    signedText: encodeCheckpoint(c).toString('utf8'),
    publicKey: verifier?.keyId === c.keyId ? verifier.publicKeyPem : null,
  };
}
