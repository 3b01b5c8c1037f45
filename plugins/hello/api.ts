// REST: /api/v1/hello/greetings (GET list, POST create) and /api/v1/hello/greetings/:id (GET).
import { z } from "zod";
import { wholeNumberInput } from "@/core/validation/whole-number";
import { apiError, validationError } from "@/core/http/api-errors";
import type { ApiRoute } from "@/core/plugins/types";
import { createGreeting, getGreeting, greetingInput, listGreetings } from "./greetings";
import { HELLO_PERMISSIONS } from "./permissions";

const page = z.object({
  limit: wholeNumberInput().pipe(z.number().int().min(1).max(200)).default(50),
  offset: wholeNumberInput().pipe(z.number().int().min(0)).default(0),
});

const toJson = (g: { id: string; message: string; patientId: string | null; createdAt: Date; announcedAt: Date | null }) => ({
  id: g.id, message: g.message, patientId: g.patientId, createdAt: g.createdAt.toISOString(), announcedAt: g.announcedAt?.toISOString() ?? null,
});

export const helloApi: ApiRoute[] = [
  {
    method: "GET",
    path: "greetings",
    permission: HELLO_PERMISSIONS.view,
    handler: async ({ ctx, request }) => {
      const q = page.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!q.success) return validationError(q.error, ctx.requestId);
      const rows = await listGreetings(ctx, q.data.limit, q.data.offset);
      return Response.json({ data: rows.map(toJson), limit: q.data.limit, offset: q.data.offset });
    },
  },
  {
    method: "POST",
    path: "greetings",
    permission: HELLO_PERMISSIONS.manage,
    handler: async ({ ctx, request }) => {
      const body = await request.json().catch(() => undefined);
      if (body === undefined) return apiError(400, "invalid_json", "The request body must be JSON.", { requestId: ctx.requestId });
      const parsed = greetingInput.safeParse(body);
      if (!parsed.success) return validationError(parsed.error, ctx.requestId);
      return Response.json({ data: toJson(await createGreeting(ctx, parsed.data.message)) }, { status: 201 });
    },
  },
  {
    method: "GET",
    path: "greetings/:id",
    permission: HELLO_PERMISSIONS.view,
    handler: async ({ ctx, params }) => {
      const g = await getGreeting(ctx, params.id!);
      return g ? Response.json({ data: toJson(g) }) : apiError(404, "not_found", "No such greeting.", { requestId: ctx.requestId });
    },
  },
];
