// Comparing values read from YAML: JSON with object keys sorted, so key order in a file never counts as a change.

/** JSON with object keys sorted, for comparing values. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** True when two values are the same apart from the order of object keys. */
export const sameValue = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);
