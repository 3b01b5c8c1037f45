// Record ids are UUIDs. A value that is not one can name no record: callers answer "not found" (or a
// 400 for a malformed filter) without a query — PostgreSQL would refuse the cast with a 500 otherwise.
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
