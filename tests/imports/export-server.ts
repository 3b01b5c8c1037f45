// A real HTTP server around the export route handlers' work (core/imports/export/http.ts), for tests.
// The session lookup of the Next route (getOrgContext: cookies) needs Next itself; here the member is
// named by a test-only header and loaded with loadOrgContext — the same OrgContext the route builds.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadOrgContext } from "@/core/auth/context";
import { exportFileResponse, exportResponse } from "@/core/imports/export/http";

export type ExportServer = { url: string; get: (path: string, member: { userId: string; organizationId: string }) => Promise<Response>; close: () => Promise<void> };

export async function startExportServer(opts: { streamLimit?: number } = {}): Promise<ExportServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
        const [userId, organizationId] = String(req.headers["x-test-member"] ?? "").split(":");
        const ctx = userId ? await loadOrgContext(userId, organizationId) : null;
        let response: Response;
        const file = /^\/api\/exports\/files\/([^/]+)$/.exec(url.pathname);
        const resource = /^\/api\/exports\/([^/]+)$/.exec(url.pathname);
        if (!ctx) response = Response.json({ error: "Sign in to export." }, { status: 401 });
        else if (file) response = await exportFileResponse(ctx, decodeURIComponent(file[1]!));
        else if (resource) response = await exportResponse(ctx, decodeURIComponent(resource[1]!), url, opts);
        else response = new Response("not found", { status: 404 });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        // Stream the body as it is produced, as Next does.
        if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
        res.end();
      } catch (err) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String((err as Error).stack ?? err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    get: (path, member) => fetch(`${url}${path}`, { headers: { "x-test-member": `${member.userId}:${member.organizationId}` }, redirect: "manual" }),
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
