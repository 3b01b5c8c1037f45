// The nightly inventory check (the seed's nightly low-stock and expiry tasks), at midnight in each
// organization's own time zone. The pieces the Inngest functions (nightly-jobs.ts) run as steps, each
// a plain function so tests can call it with an injected "now":
//
//   claimDueChecks   every 15 minutes: ONE statement claims a check (inventory_nightly_checks row) for
//                    each organization with Inventory enabled whose local date has no check yet and
//                    whose local time is less than NIGHTLY_CATCH_UP_HOURS past midnight. So every
//                    organization is checked once per local night, shortly after its midnight; a tick
//                    missed while jobs were down is made up by the next one (within the catch-up
//                    window), and an organization that enables the plugin at noon waits for its next
//                    midnight instead of being mailed at once.
//   findNightlyReport  ONE set-based query for low stock (the shared item filter's "low") and ONE for
//                    expiry (expired or expiring within 30 days, in stock), each with its total and
//                    the first NIGHTLY_LIST_LIMIT items — an organization with a million items gets a
//                    readable e-mail with the totals and a link, not a million lines.
//   sendNightlySummary ONE e-mail per organization and night (dedupe key per organization and local
//                    date, so a retried or re-run check never mails twice); none when nothing is low or
//                    expiring, when the alerts are off or when there is no notification address.
//   completeCheck    records what the check found on its row.
import { z } from "zod";
import { Prisma, rootDb } from "@/core/db/client";
import { sendMail } from "@/core/mail/send";
import { getSettings } from "@/core/plugins/settings/store";
import { itemWhereSql } from "../items/filters";
import { formatQuantity } from "../components/quantity";
import { numberFormat } from "@/core/format/numbers";
import { formatCalendarDate } from "@/core/time/zoned";
import { languageOfLocale } from "@/core/i18n/languages";
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../messages";

/** How long after local midnight a missed check is still made up (a later one waits for the next night). */
export const NIGHTLY_CATCH_UP_HOURS = 6;
/** Items listed per section of the e-mail; the totals always count every item. */
export const NIGHTLY_LIST_LIMIT = 100;
/** Expiry alerts cover items that have expired or expire within this many days of the local date. */
export const EXPIRY_WINDOW_DAYS = 30;
/** Organizations claimed (and events sent) per step of the fan-out, to keep each step's output small. */
export const CLAIM_CHUNK = 500;

export const MAIL_SOURCE = "inventory.nightly-check";

export type DueCheck = { organizationId: string; localDate: string };

/** The per-organization check's event data: the local date it is for, and the key that makes it once-only. */
export const nightlyCheckData = z
  .object({
    organizationId: z.uuid(),
    localDate: z.iso.date(),
    /** `<organizationId>:<localDate>`: the function's idempotency key (the executor's expressions cannot concatenate). */
    checkKey: z.string().max(100),
  })
  .refine((d) => d.checkKey === checkKeyOf(d), { message: "checkKey must be <organizationId>:<localDate>", path: ["checkKey"] });

export function checkKeyOf(check: DueCheck): string {
  return `${check.organizationId}:${check.localDate}`;
}

/**
 * Claims the due checks at `now` (see the file comment), at most `limit`, and returns every check
 * claimed under `claimedBy` — including ones a previous attempt of the same step claimed, so a step
 * that is replayed after a crash sends the events it had not sent. An organization whose time zone
 * PostgreSQL's tz database does not know (a zone newer than the server's) is checked at UTC midnight
 * rather than never, and without failing everyone else's claim.
 */
export async function claimDueChecks(now: Date, claimedBy: string, limit = CLAIM_CHUNK): Promise<DueCheck[]> {
  return rootDb().$transaction(async (tx) => {
    await tx.$executeRaw`
      WITH local AS (
        SELECT o.id AS "organizationId", ${now}::timestamptz AT TIME ZONE COALESCE(z.name, 'UTC') AS t
        FROM plugin_installations p
        JOIN organizations o ON o.id = p."organizationId"
        LEFT JOIN pg_timezone_names z ON z.name = o.timezone
        WHERE p."pluginId" = 'inventory' AND p.enabled AND o.active
      )
      INSERT INTO inventory_nightly_checks ("organizationId", "checkedOn", "claimedBy")
      SELECT l."organizationId", l.t::date, ${claimedBy}
      FROM local l
      WHERE l.t - date_trunc('day', l.t) < make_interval(hours => ${NIGHTLY_CATCH_UP_HOURS}::int)
        AND NOT EXISTS (SELECT 1 FROM inventory_nightly_checks c WHERE c."organizationId" = l."organizationId" AND c."checkedOn" = l.t::date)
      ORDER BY l."organizationId"
      LIMIT ${limit}
      ON CONFLICT DO NOTHING`;
    return tx.$queryRaw<DueCheck[]>`
      SELECT "organizationId"::text AS "organizationId", to_char("checkedOn", 'YYYY-MM-DD') AS "localDate"
      FROM inventory_nightly_checks WHERE "claimedBy" = ${claimedBy} ORDER BY "organizationId"`;
  });
}

export type LowItem = { id: string; name: string; sku: string; quantity: number; unit: string; threshold: number };
export type ExpiringItem = { id: string; name: string; sku: string; quantity: number; unit: string; expiresOn: string; daysLeft: number };
export type Section<T> = { total: number; items: T[] };

export type NightlyReport = {
  organization: { id: string; name: string; timezone: string; locale: string };
  localDate: string;
  to: string;
  /** null when that alert is switched off (the section is not checked at all). */
  lowStock: Section<LowItem> | null;
  expiring: Section<ExpiringItem> | null;
};

export type NightlyOutcome = NightlyReport | { skipped: string };

/** What the check finds for the organization on its local date, or why nothing is checked. */
export async function findNightlyReport(organizationId: string, localDate: string): Promise<NightlyOutcome> {
  const db = rootDb();
  const [organization, settings] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, timezone: true, locale: true } }),
    getSettings(db, "inventory", organizationId),
  ]);
  const to = typeof settings.notificationEmail === "string" ? settings.notificationEmail.trim() : "";
  const lowOn = settings.enableLowStockAlerts === true;
  const expiryOn = settings.enableExpirationAlerts === true;
  if (!lowOn && !expiryOn) return { skipped: "Low-stock and expiration alerts are both switched off." };
  if (!to) return { skipped: "No notification e-mail address is set." };

  const lowStock = lowOn ? await lowStockSection(organizationId) : null;
  const expiring = expiryOn ? await expirySection(organizationId, localDate) : null;
  return { organization, localDate, to, lowStock, expiring };
}

type Counted<T> = T & { total: number };

function section<T>(rows: Array<Counted<T>>): Section<T> {
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...item }) => item as T) };
}

/** ONE query: the organization's low items (quantity below the item's threshold), with their total. */
async function lowStockSection(organizationId: string): Promise<Section<LowItem>> {
  const where = itemWhereSql(organizationId, { q: "", stock: "low" });
  const rows = await rootDb().$queryRaw<Array<Counted<LowItem>>>(Prisma.sql`
    SELECT i.id::text AS id, i.name, i.sku, i.quantity, i.unit, i."reorderThreshold" AS threshold, count(*) OVER ()::int AS total
    FROM inventory_items i WHERE ${where}
    ORDER BY i.quantity ASC, i.name ASC, i.id ASC
    LIMIT ${NIGHTLY_LIST_LIMIT}`);
  return section(rows);
}

/**
 * ONE query on the (organizationId, expiresOn) index: items in stock that have expired or expire within
 * EXPIRY_WINDOW_DAYS of the local date, soonest first. Items with nothing left are not worth an alert.
 */
async function expirySection(organizationId: string, localDate: string): Promise<Section<ExpiringItem>> {
  const rows = await rootDb().$queryRaw<Array<Counted<ExpiringItem>>>`
    SELECT i.id::text AS id, i.name, i.sku, i.quantity, i.unit, to_char(i."expiresOn", 'YYYY-MM-DD') AS "expiresOn",
           (i."expiresOn" - ${localDate}::date)::int AS "daysLeft", count(*) OVER ()::int AS total
    FROM inventory_items i
    WHERE i."organizationId" = ${organizationId}::uuid AND i."expiresOn" <= ${localDate}::date + ${EXPIRY_WINDOW_DAYS}::int AND i.quantity > 0
    ORDER BY i."expiresOn" ASC, i.name ASC, i.id ASC
    LIMIT ${NIGHTLY_LIST_LIMIT}`;
  return section(rows);
}

export function isReport(outcome: NightlyOutcome): outcome is NightlyReport {
  return !("skipped" in outcome);
}

/** Whether the report has anything to say (no e-mail otherwise). */
export function hasFindings(report: NightlyReport): boolean {
  return (report.lowStock?.total ?? 0) > 0 || (report.expiring?.total ?? 0) > 0;
}

// The mail's words in the organization's locale's language (messages.ts `mail`), its numbers and the
// check's date formatted the organization's way: the notification address is the organization's, not a
// member's, so no member's language choice applies.
type MailT = ReturnType<typeof pluginTranslator<InventoryMessages>>;

function longDate(isoDay: string, locale: string): string {
  return formatCalendarDate(isoDay, locale, { dateStyle: "long" });
}

function expiryPhrase(t: MailT, item: ExpiringItem, locale: string): string {
  const n = (v: number) => numberFormat(locale)!.format(v);
  if (item.daysLeft < 0) return t("mail.expired", { date: item.expiresOn, n: n(-item.daysLeft), count: -item.daysLeft });
  if (item.daysLeft === 0) return t("mail.expiresToday", { date: item.expiresOn });
  return t("mail.expires", { date: item.expiresOn, n: n(item.daysLeft), count: item.daysLeft });
}

function appUrl(): string {
  return (process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

/** The summary e-mail: counts in the subject, then each section's items (plain text). */
export function nightlySummaryMail(report: NightlyReport): { subject: string; text: string } {
  const { locale, name: org } = report.organization;
  const t = pluginTranslator<InventoryMessages>(languageOfLocale(locale), "inventory");
  const counted = (count: number) => ({ n: numberFormat(locale)!.format(count), count });
  const parts: string[] = [];
  const low = report.lowStock;
  const exp = report.expiring;
  if (low?.total) parts.push(t("mail.lowFinding", counted(low.total)));
  if (exp?.total) parts.push(t("mail.expiringFinding", counted(exp.total)));
  const findings = parts.length === 2 ? t("mail.findingsJoin", { first: parts[0]!, second: parts[1]! }) : (parts[0] ?? "");
  const subject = t("mail.nightlySubject", { date: report.localDate, findings, org });

  const lines: string[] = [t("mail.intro", { org, date: longDate(report.localDate, locale), timezone: report.organization.timezone }), ""];
  const more = (s: Section<unknown>) => (s.total > s.items.length ? [`  ${t("mail.more", counted(s.total - s.items.length))}`] : []);
  if (low?.total) {
    lines.push(t("mail.lowHeading", counted(low.total)));
    for (const i of low.items) lines.push(`  - ${t("mail.lowLine", { name: i.name, sku: i.sku, quantity: formatQuantity(i.quantity, i.unit, { locale }), threshold: String(i.threshold) })}`);
    lines.push(...more(low), `  ${t("mail.seeAll", { url: `${appUrl()}/inventory?stock=low` })}`, "");
  }
  if (exp?.total) {
    lines.push(t("mail.expiringHeading", { days: String(EXPIRY_WINDOW_DAYS), ...counted(exp.total) }));
    for (const i of exp.items) lines.push(`  - ${t("mail.expiringLine", { name: i.name, sku: i.sku, quantity: formatQuantity(i.quantity, i.unit, { locale }), when: expiryPhrase(t, i, locale) })}`);
    lines.push(...more(exp), "");
  }
  lines.push(t("mail.why"));
  return { subject, text: lines.join("\n") };
}

export type SummaryResult = { mailId: string | null; sent: "caught" | "sent" | "failed" | "none"; duplicate: boolean };

/** Sends the night's one e-mail (or none). Throws when SMTP refuses it, so the step is retried. */
export async function sendNightlySummary(report: NightlyReport): Promise<SummaryResult> {
  if (!hasFindings(report)) return { mailId: null, sent: "none", duplicate: false };
  const { subject, text } = nightlySummaryMail(report);
  const res = await sendMail({
    organizationId: report.organization.id,
    to: report.to,
    subject,
    text,
    source: MAIL_SOURCE,
    dedupeKey: `inventory.nightly:${report.organization.id}:${report.localDate}`,
  });
  return { mailId: res.id, sent: res.status, duplicate: res.duplicate };
}

export type CheckResult = { status: "completed" | "skipped"; lowStock: number | null; expiring: number | null; mailMessageId: string | null };

/**
 * Marks the organization's check for that local date done, with what it found (creating the row when
 * the check was requested by hand rather than claimed by the fan-out).
 */
export async function completeCheck(check: DueCheck, result: CheckResult): Promise<void> {
  await rootDb().$executeRaw`
    INSERT INTO inventory_nightly_checks ("organizationId", "checkedOn", "claimedBy", status, "lowStock", expiring, "mailMessageId", "completedAt")
    VALUES (${check.organizationId}::uuid, ${check.localDate}::date, 'direct', ${result.status}, ${result.lowStock}, ${result.expiring},
            ${result.mailMessageId}::uuid, now())
    ON CONFLICT ("organizationId", "checkedOn") DO UPDATE
      SET status = EXCLUDED.status, "lowStock" = EXCLUDED."lowStock", expiring = EXCLUDED.expiring,
          "mailMessageId" = EXCLUDED."mailMessageId", "completedAt" = EXCLUDED."completedAt"`;
}
