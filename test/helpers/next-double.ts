// Neighbouring doubles, for tests that must check both sides of an exact boundary.

const FLOAT = new Float64Array(1);
const BITS = new BigInt64Array(FLOAT.buffer);

/** The double `by` steps above (or, negative, below) a positive finite number. */
export function stepDouble(value: number, by: bigint): number {
  FLOAT[0] = value;
  BITS[0] = (BITS[0] as bigint) + by;
  return FLOAT[0] as number;
}
