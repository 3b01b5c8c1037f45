// How an organization's locale writes numbers, money, instants and calendar days (core/format/
// org-format.ts): the same values in en-US, es-ES and de-DE, the time zone applied to instants only,
// and a locale this server no longer offers falling back to en-US rather than failing the page.
import { describe, expect, it } from "vitest";
import { knownLocale, LOCALES, localeSchema } from "@/core/format/locale";
import { formatMoney } from "@/core/format/numbers";
import { orgFormat } from "@/core/format/org-format";

const instant = "2026-03-08T14:30:00Z";
// Intl separates some parts with narrow no-break spaces: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("orgFormat", () => {
  it("writes numbers, changes and money in the organization's locale and currency", () => {
    const us = orgFormat({ locale: "en-US", timezone: "UTC", currency: "USD" });
    const es = orgFormat({ locale: "es-ES", timezone: "UTC", currency: "EUR" });
    const de = orgFormat({ locale: "de-DE", timezone: "UTC", currency: "EUR" });
    expect([us.number(1234567.5), es.number(1234567.5), de.number(1234567.5)]).toEqual(["1,234,567.5", "1.234.567,5", "1.234.567,5"]);
    // Spanish groups from five digits on (CLDR's minimum grouping digits).
    expect([es.number(1234), es.number(12345)]).toEqual(["1234", "12.345"]);
    expect([us.signed(5), us.signed(-3), us.signed(0)]).toEqual(["+5", "-3", "0"]);
    expect([plain(us.money("1234.5")), plain(es.money("1234.5")), plain(de.money("9999999999.99"))]).toEqual(["$1,234.50", "1234,50 €", "9.999.999.999,99 €"]);
    expect(plain(es.compactMoney(1_250_000))).toBe("1,3 M €");
    expect([us.money("abc"), us.money(null)]).toEqual(["—", "—"]);
  });

  it("writes instants on the organization's wall clock in its locale, and calendar days without shifting them", () => {
    const madrid = orgFormat({ locale: "es-ES", timezone: "Europe/Madrid", currency: "EUR" });
    const ny = orgFormat({ locale: "en-US", timezone: "America/New_York", currency: "USD" });
    expect(plain(madrid.dateTime(instant))).toBe("8 mar 2026, 15:30");
    expect(plain(ny.dateTime(instant))).toBe("Mar 8, 2026, 10:30 AM");
    expect([madrid.date(instant), ny.date(instant)]).toEqual(["8 mar 2026", "Mar 8, 2026"]);
    expect(plain(madrid.time(instant))).toBe("15:30");
    // A calendar day is the same day in every zone (stored at UTC midnight).
    const tokyo = orgFormat({ locale: "en-US", timezone: "Pacific/Kiritimati", currency: "USD" });
    expect([tokyo.day("2026-03-08"), madrid.day("2026-03-08"), madrid.day("2026-03-08", "short")]).toEqual(["Mar 8, 2026", "8 mar 2026", "8 mar"]);
  });

  it("offers only the listed locales, and writes a stored locale it no longer offers in en-US", () => {
    expect(LOCALES.map((l) => l.tag)).toContain("es-ES");
    expect(localeSchema.safeParse("es-ES").success).toBe(true);
    expect(localeSchema.safeParse("xx-YY").error?.issues[0]?.message).toBe("Choose one of the listed locales");
    expect([knownLocale("fr-FR"), knownLocale("tlh"), knownLocale(null)]).toEqual(["fr-FR", "en-US", "en-US"]);
    expect(orgFormat({ locale: "tlh", timezone: "UTC", currency: "USD" }).number(1234)).toBe("1,234");
  });

  it("formats stored decimal strings exactly, and names a currency Intl does not know", () => {
    expect(formatMoney("0.10", "USD", "en-US")).toBe("$0.10");
    expect(formatMoney("12345678901234.99", "USD", "en-US")).toBe("$12,345,678,901,234.99");
    expect(formatMoney("5.00", "XX1", "es-ES")).toBe("5.00 XX1");
  });
});
