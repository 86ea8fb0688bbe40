import { randomBytes, randomUUID } from 'node:crypto';

/** Crockford-like alphabet without look-alikes (no 0/O, 1/I/L, U). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random code of `length` characters from an unambiguous alphabet. */
export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! % ALPHABET.length];
  return out;
}

export function newId(): string {
  return randomUUID();
}
