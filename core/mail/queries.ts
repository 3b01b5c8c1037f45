// Reads of the organization's mail (mail_messages) for the Outbox page. Everything goes through the
// organization-scoped client (MailMessage has organizationId), so another organization's messages do
// not exist here. Newest first on the (organizationId, createdAt) index; status filter and search
// (recipient or subject, substring) narrow it in the database.
import type { OrgContext } from "@/core/auth/context";
import type { Prisma } from "@/core/db/generated/client";
import { clampPage, first, type ListParams, type RawSearchParams } from "@/core/lists/list-params";
import { isUuid } from "@/core/db/ids";
import { z } from "zod";
import { mailAttachment, type MailAttachment } from "./attachments";
import { isMailStatus, type MailStatus } from "./status";

export const MAIL_SORTS = ["createdAt"] as const;
export type MailSort = (typeof MAIL_SORTS)[number];

export type MailFilters = { status?: MailStatus };

export function parseMailFilters(raw: RawSearchParams): MailFilters {
  const status = first(raw.status) ?? "";
  return { status: isMailStatus(status) ? status : undefined };
}

export type MailRow = {
  id: string;
  to: string;
  subject: string;
  status: string;
  source: string;
  createdAt: string;
  sentAt: string | null;
};

const ROW_SELECT = { id: true, to: true, subject: true, status: true, source: true, createdAt: true, sentAt: true } as const satisfies Prisma.MailMessageSelect;

function whereOf(filters: MailFilters, q: string): Prisma.MailMessageWhereInput {
  const and: Prisma.MailMessageWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (q) and.push({ OR: [{ to: { contains: q, mode: "insensitive" } }, { subject: { contains: q, mode: "insensitive" } }] });
  return and.length ? { AND: and } : {};
}

export async function listMail(ctx: Pick<OrgContext, "db">, params: ListParams<MailSort>, filters: MailFilters) {
  const where = whereOf(filters, params.q);
  const total = await ctx.db.mailMessage.count({ where });
  const page = clampPage(params.page, params.pageSize, total);
  const rows = await ctx.db.mailMessage.findMany({
    where,
    orderBy: [{ createdAt: params.dir }, { id: params.dir }],
    skip: (page - 1) * params.pageSize,
    take: params.pageSize,
    select: ROW_SELECT,
  });
  return {
    total,
    page,
    rows: rows.map((r): MailRow => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })),
  };
}

export type MailDetail = NonNullable<Awaited<ReturnType<typeof getMail>>>;

/** One message of the active organization with its text and error; null if unknown here. */
export async function getMail(ctx: Pick<OrgContext, "db">, id: string) {
  if (!isUuid(id)) return null;
  const m = await ctx.db.mailMessage.findFirst({
    where: { id },
    select: { ...ROW_SELECT, text: true, html: true, error: true, dedupeKey: true, attachments: true },
  });
  if (!m) return null;
  const { attachments, ...rest } = m;
  return {
    ...rest,
    hasHtml: m.html !== null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    // What the page lists: names, types and sizes; the content is downloaded one file at a time.
    attachments: storedAttachments(attachments).map((a) => ({ filename: a.filename, contentType: a.contentType, bytes: Buffer.byteLength(a.content) })),
  };
}

/** The attachments stored with a message (core/mail/send.ts), or none when the column holds anything else. */
export function storedAttachments(value: unknown): MailAttachment[] {
  const parsed = z.array(mailAttachment).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** One attachment of one message of the active organization, by its position; null if there is none. */
export async function getMailAttachment(ctx: Pick<OrgContext, "db">, id: string, index: number): Promise<MailAttachment | null> {
  if (!isUuid(id) || !Number.isInteger(index) || index < 0) return null;
  const m = await ctx.db.mailMessage.findFirst({ where: { id }, select: { attachments: true } });
  return (m && storedAttachments(m.attachments)[index]) ?? null;
}
