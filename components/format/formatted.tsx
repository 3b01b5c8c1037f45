"use client";
// Values written the organization's way (useOrgFormat) as elements, for table cells and client
// components that render a value inside markup: <Num value={n} />, <DateTime value={iso} />.
// Server components that need a string use orgFormat(ctx.organization) instead.
import { useOrgFormat } from "./org-format";

export function Num({ value, signed = false }: { value: number; signed?: boolean }) {
  const fmt = useOrgFormat();
  return <>{signed ? fmt.signed(value) : fmt.number(value)}</>;
}

export function DateTime({ value, opts }: { value: Date | string; opts?: Intl.DateTimeFormatOptions }) {
  const fmt = useOrgFormat();
  return <>{fmt.dateTime(value, opts)}</>;
}

export function TimeOfDay({ value }: { value: Date | string }) {
  const fmt = useOrgFormat();
  return <>{fmt.time(value)}</>;
}

/** A calendar day ("2026-03-08"): never shifted by a time zone. */
export function Day({ value }: { value: string }) {
  const fmt = useOrgFormat();
  return <>{fmt.day(value)}</>;
}

export function Money({ amount }: { amount: string | number | null | undefined }) {
  const fmt = useOrgFormat();
  return <>{fmt.money(amount)}</>;
}
