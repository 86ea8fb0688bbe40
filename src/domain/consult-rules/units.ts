/**
 * The few laboratory units a consult rule may name, by dimension, with the factor to a base unit. A
 * result converts to a rule's unit only within one dimension; anything else does not match (a rule
 * never guesses a molar mass). Keys are compared without case and with µ read as u.
 */
const UNITS: Record<string, { dim: 'molar' | 'mass' | 'fraction'; toBase: number }> = {
  // Substance concentration, base mmol/L (mEq/L equals mmol/L for a monovalent ion such as K+).
  'mmol/l': { dim: 'molar', toBase: 1 },
  'meq/l': { dim: 'molar', toBase: 1 },
  'umol/l': { dim: 'molar', toBase: 0.001 },
  // Mass concentration, base ng/L.
  'ng/l': { dim: 'mass', toBase: 1 },
  'pg/ml': { dim: 'mass', toBase: 1 },
  'ng/ml': { dim: 'mass', toBase: 1000 },
  'ug/l': { dim: 'mass', toBase: 1000 },
  'mg/dl': { dim: 'mass', toBase: 1e7 },
  'g/l': { dim: 'mass', toBase: 1e9 },
  '%': { dim: 'fraction', toBase: 1 },
};

function key(unit: string): string {
  return unit.trim().replace(/[µμ]/g, 'u').toLowerCase();
}

export function knownUnit(unit: string): boolean {
  return Object.hasOwn(UNITS, key(unit));
}

/**
 * A value in `from` expressed in `to`, or undefined when either unit is unknown or they measure
 * different things.
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  const a = UNITS[key(from)];
  const b = UNITS[key(to)];
  if (!a || !b || a.dim !== b.dim) return undefined;
  return a === b ? value : (value * a.toBase) / b.toBase;
}
