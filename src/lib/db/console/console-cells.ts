/**
 * The SQL console's cells as plain JS, from Arrow's values: DECIMAL as numbers, dates as ISO
 * text, BigInt as a number when it fits (text otherwise), lists and structs as JSON text.
 */
export interface ArrowField { name: string; type: { toString(): string; scale?: number; precision?: number } }

function bigintValue(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? bigintValue(inner) : inner));

/** A converter from Arrow's JS value to a plain cell value, chosen once per column. */
export function cellConverter(field: ArrowField): (value: unknown) => unknown {
  const type = field.type;
  const typeName = String(type);
  if (typeof type.scale === 'number' && typeof type.precision === 'number') {
    const divisor = 10 ** type.scale; // Arrow gives a DECIMAL as its unscaled integer
    return (value) => (value == null ? null : Number(String(value)) / divisor);
  }
  if (/^Date/.test(typeName)) return (value) => (value == null ? null : new Date(value as number | Date).toISOString().slice(0, 10));
  if (/^Timestamp/.test(typeName)) return (value) => (value == null ? null : new Date(value as number | Date).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, ''));
  return plainCell;
}

function plainCell(value: unknown): unknown {
  if (value == null) return null;
  if (typeof value === 'bigint') return bigintValue(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  const withJson = value as { toJSON?: () => unknown };
  return json(typeof withJson.toJSON === 'function' ? withJson.toJSON() : value);
}
