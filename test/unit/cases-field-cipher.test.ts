import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';
import { DomainError } from '../../src/shared/errors.js';

describe('FieldCipher', () => {
  const root = randomBytes(32);
  const cipher = createFieldCipher(root);

  it('When a value is sealed, then it opens for the same field and patient and is not readable', () => {
    const sealed = cipher.seal('name', 'p1', '陳大文 CHAN Tai-man');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('CHAN');
    expect(cipher.open('name', 'p1', sealed)).toBe('陳大文 CHAN Tai-man');
    // Fresh IV each time: equal plaintexts do not give equal ciphertexts.
    expect(cipher.seal('name', 'p1', 'x')).not.toBe(cipher.seal('name', 'p1', 'x'));
  });

  it('When a ciphertext is moved to another field or patient, or altered, then it does not open', () => {
    const sealed = cipher.seal('hkid', 'p1', 'A123456(3)');
    expect(() => cipher.open('dob', 'p1', sealed)).toThrow(DomainError);
    expect(() => cipher.open('hkid', 'p2', sealed)).toThrow(DomainError);
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.open('hkid', 'p1', `v1.${raw.toString('base64')}`)).toThrow(DomainError);
    expect(() => cipher.open('hkid', 'p1', 'garbage')).toThrow(DomainError);
    expect(() => createFieldCipher(randomBytes(32)).open('hkid', 'p1', sealed)).toThrow(DomainError);
  });

  it('When errors are raised, then they carry no plaintext', () => {
    const sealed = cipher.seal('hkid', 'p1', 'A123456(3)');
    try {
      cipher.open('hkid', 'p2', sealed);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('A123456');
    }
  });

  it('When the HKID is hashed, then the hash is stable under one key, differs across keys, and is not the encryption key', () => {
    const h = cipher.hkidHash('A123456(3)');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.hkidHash('A123456(3)')).toBe(h);
    expect(cipher.hkidHash('A123457(1)')).not.toBe(h);
    expect(createFieldCipher(randomBytes(32)).hkidHash('A123456(3)')).not.toBe(h);
    // A plain SHA-256 of the HKID (what an attacker with the table could compute) does not match.
    expect(h).not.toBe(createHash('sha256').update('A123456(3)').digest('hex'));
  });

  it('When the root key is not 32 bytes, then the cipher refuses to start', () => {
    expect(() => createFieldCipher(randomBytes(16))).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });
});
