/** A JSON object as migrations see it: untrusted, any shape. */
export type JsonObject = { [key: string]: unknown };

/**
 * One upgrade step `from` -> `from + 1`. `up` must not throw on malformed input: it converts what
 * it recognises and leaves the rest for the schema of the next version to report.
 */
export interface Migration {
  readonly from: number;
  readonly description: string;
  up(doc: JsonObject): JsonObject;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `kernel_size` -> `kernelSize`. */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
