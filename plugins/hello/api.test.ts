// Hello's REST routes over real HTTP with the test kit's apiAs (tests/kit/api.ts): each role gets
// what its permissions allow, a bad body is a 400 naming the field, nothing without credentials.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { apiAnonymous, apiAs } from "@/tests/kit/api";

describe("Hello's API", () => {
  it("lets a member with hello.manage post a greeting and a viewer read it; others get 403, strangers 401", async () => {
    const org = await createTestOrganization("Kit Clinic");
    await enablePluginFor(org, "hello");
    await grant(org, "staff", { groups: ["hello.manager"] });
    await grant(org, "viewer", { groups: ["hello.viewer"] });
    const staff = await apiAs(org, "staff");
    const viewer = await apiAs(org, "viewer");

    const bad = await staff.post("/api/v1/hello/greetings", { message: "" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.error)).toContain("message");
    const made = await staff.post("/api/v1/hello/greetings", { message: "Good morning" });
    expect([made.status, made.json.data.message]).toEqual([201, "Good morning"]);

    const read = await viewer.get(`/api/v1/hello/greetings/${made.json.data.id}`);
    expect([read.status, read.json.data.message]).toEqual([200, "Good morning"]);
    expect((await viewer.post("/api/v1/hello/greetings", { message: "Hi" })).status).toBe(403);

    const anonymous = await apiAnonymous().get("/api/v1/hello/greetings");
    expect([anonymous.status, anonymous.json.error.code]).toEqual([401, "unauthenticated"]);
    const other = await createTestOrganization("Other Kit Clinic");
    await enablePluginFor(other, "hello");
    const stranger = await apiAs(other, "owner");
    expect((await stranger.get(`/api/v1/hello/greetings/${made.json.data.id}`)).status).toBe(404);
  });
});
