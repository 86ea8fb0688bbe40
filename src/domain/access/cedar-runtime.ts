/**
 * Cedar's WebAssembly, compiled on first use rather than at import. Loading it costs ~16 MB of
 * resident memory (the 4 MB module, its compiled code and linear memory); a service that has not yet
 * decided anything — idle after start — does not carry it. The first decision pays the load
 * (~50 ms) once. Types come from the package as usual (`import type`), which loads nothing.
 */
import { createRequire } from 'node:module';
import type * as CedarWasm from '@cedar-policy/cedar-wasm/nodejs';

export type Cedar = typeof CedarWasm;

let runtime: Cedar | undefined;

export function cedar(): Cedar {
  return (runtime ??= createRequire(import.meta.url)('@cedar-policy/cedar-wasm/nodejs') as Cedar);
}
