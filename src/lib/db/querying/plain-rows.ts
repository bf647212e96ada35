/**
 * Rows as plain JS: BigInt counts become numbers, so components never meet BigInt.
 * Values beyond 2^53 would lose precision; the contract's counts and 万元 sums are far below it.
 */
export function toPlainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

export function toPlainRow(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) plain[key] = toPlainValue(value);
  return plain;
}
