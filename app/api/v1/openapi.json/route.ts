// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the REST API, for the plugins enabled in the
// caller's organization (API token or session, like every /api/v1 route; see proxy.ts).
import "@/app/_plugins/runtime";
import { authenticateApiRequest } from "@/core/api-tokens/authenticate";
import { openApiDocumentFor, publicBaseUrl } from "@/core/openapi/for-organization";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const doc = await openApiDocumentFor(auth.ctx, publicBaseUrl(request.url));
  return Response.json(doc, { headers: { "Cache-Control": "private, no-cache" } });
}
