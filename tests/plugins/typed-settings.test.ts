// Typed settings reads for plugin authors: typedSettings(schema, access).get(key) has the type of
// the field as declared with defineSettings — a key the plugin does not declare, or using the value
// as the wrong type, fails `npm run typecheck` (the expected-error directives below are checked by
// it) — and at run time it reads exactly what the untyped access reads.
import { describe, expect, expectTypeOf, it } from "vitest";
import { defineSettings, typedSettings, type SettingsValuesOf } from "@/core/plugins/settings/schema";
import { z } from "zod";

const schema = defineSettings({
  fields: {
    enabled: { type: "boolean", default: true, label: "Enabled" },
    limit: { type: "integer", default: 10, label: "Limit" },
    name: { type: "text", default: "", label: "Name" },
    mode: { type: "choice", default: "a", options: [{ value: "a", label: "A" }], label: "Mode" },
    since: { type: "date", default: null, label: "Since" },
    token: { type: "secret", label: "Token" },
    rules: { type: "json", default: { max: 1 }, schema: z.object({ max: z.number() }), label: "Rules" },
  },
});

describe("typedSettings", () => {
  const stored: Record<string, unknown> = { enabled: false, limit: 25, name: "Acme", mode: "a", since: "2026-01-01", token: null, rules: { max: 3 } };
  const settings = typedSettings(schema, { get: async (key) => stored[key] });

  it("gives each key the type of its field", async () => {
    expectTypeOf(settings.get("enabled")).resolves.toEqualTypeOf<boolean>();
    expectTypeOf(settings.get("limit")).resolves.toEqualTypeOf<number>();
    expectTypeOf(settings.get("name")).resolves.toEqualTypeOf<string>();
    expectTypeOf(settings.get("since")).resolves.toEqualTypeOf<string | null>();
    expectTypeOf(settings.get("token")).resolves.toEqualTypeOf<string | null>();
    expectTypeOf(settings.get("rules")).resolves.toEqualTypeOf<{ max: number }>();
    expectTypeOf<SettingsValuesOf<typeof schema>["limit"]>().toEqualTypeOf<number>();
    // @ts-expect-error "limt" is not a declared setting
    await settings.get("limt").catch(() => undefined);
    // @ts-expect-error a number setting is not a string
    const wrong: string = await settings.get("limit");
    expect(wrong).toBe(25);
  });

  it("reads what the underlying access reads", async () => {
    const read = [settings.get("enabled"), settings.get("limit"), settings.get("name"), settings.get("mode"), settings.get("since"), settings.get("token"), settings.get("rules")];
    expect(await Promise.all(read)).toEqual(Object.values(stored));
  });
});
