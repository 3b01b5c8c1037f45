// GET /api/outbox/<message id>/attachments/<n>: one attachment of a stored e-mail of the member's
// organization (the Outbox page links here), for those who may read the Outbox.
import { getOrgContext } from "@/core/auth/context";
import { contentDisposition } from "@/core/http/content-disposition";
import { getMailAttachment } from "@/core/mail/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const ctx = await getOrgContext();
  if (!ctx) return Response.json({ error: "Sign in to download attachments." }, { status: 401 });
  if (!ctx.can("organization.manage")) return Response.json({ error: "Only owners and admins may read the Outbox." }, { status: 403 });
  const { id, index } = await params;
  const file = /^\d{1,2}$/.test(index) ? await getMailAttachment(ctx, id, Number(index)) : null;
  if (!file) return Response.json({ error: "This message has no such attachment." }, { status: 404 });
  return new Response(file.content, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": contentDisposition("attachment", file.filename),
      // An attached HTML page is a download, never a page of this origin.
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
