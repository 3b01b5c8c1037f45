// The test kit's REST client for a plugin's API routes (issue 18.5): real HTTP against the app's own
// route handlers and the production API router (tests/api/http-server.ts), as a member of a test
// organization with an API token — no Next build, no mocks.
//
//   const api = await apiAs(org, "staff");
//   const res = await api.get("/api/v1/inventory/items?limit=5");     // { status, json, headers }
//   expect((await apiAnonymous().get("/api/v1/inventory/items")).status).toBe(401);
//
// One server per test file, started by the first call and closed after the file's tests.
import { afterAll } from "vitest";
import type { Role } from "@/core/auth/roles";
import { createApiToken } from "@/core/api-tokens/tokens";
import type { TestOrganization } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiServer } from "../api/http-server";

let server: Promise<ApiServer> | null = null;
afterAll(async () => {
  const running = server;
  server = null;
  await (await running)?.close();
});

function baseUrl(): Promise<string> {
  server ??= startApiServer();
  return server.then((s) => s.url);
}

export type ApiResponse = Awaited<ReturnType<ReturnType<typeof apiClient>>>;
export type ApiCaller = {
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  delete(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
};

function caller(token?: string): ApiCaller {
  const call = async (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, headers?: Record<string, string>) =>
    apiClient(await baseUrl(), token)(method, path, body, headers);
  return {
    get: (path, headers) => call("GET", path, undefined, headers),
    post: (path, body, headers) => call("POST", path, body, headers),
    put: (path, body, headers) => call("PUT", path, body, headers),
    patch: (path, body, headers) => call("PATCH", path, body, headers),
    delete: (path, headers) => call("DELETE", path, undefined, headers),
  };
}

/** Calls as a member with `role` in `org` (the test organization has one of each role), with an API token. */
export async function apiAs(org: TestOrganization, role: Role): Promise<ApiCaller & { userId: string }> {
  const ctx = await org.as(role);
  const res = await createApiToken(ctx, { name: `test kit (${role})`, expiresIn: "30" });
  if (!res.ok) throw new Error(res.error);
  return { ...caller(res.token), userId: ctx.user.id };
}

/** Calls without credentials: every plugin route answers a JSON 401. */
export function apiAnonymous(): ApiCaller {
  return caller();
}
