// Sleep ops carry their target in `name` (SDK v4.24, contrary to the SDK spec's opts.duration):
// step.sleep gives a time string such as "1s" or "2h30m10s" (units w d h m s), step.sleepUntil an
// ISO date. Returns the wake-up time.

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

export function sleepUntil(name: string, now = Date.now()): Date {
  const text = name.trim();
  if (/^(\d+(\.\d+)?(ms|w|d|h|m|s))+$/.test(text)) {
    let total = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g)) total += Number(amount) * (UNIT_MS[unit ?? "s"] ?? 0);
    return new Date(now + total);
  }
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new Error(`Sleep op has an unreadable duration or date: ${JSON.stringify(name)}`);
  return new Date(at);
}
