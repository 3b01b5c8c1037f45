// @vitest-environment jsdom
// The generated settings form in a DOM: categories, dependent fields appearing, inline errors from
// the shared zod builder and from the server, secrets never pre-filled, only edited values sent.
import { act, createElement } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/core/actions/result";

const server = vi.hoisted(() => ({
  sent: [] as unknown[],
  toasts: [] as string[],
  reply: null as unknown,
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));
vi.mock("sonner", () => ({
  toast: {
    success: (m: string) => server.toasts.push(`success: ${m}`),
    error: (m: string) => server.toasts.push(`error: ${m}`),
    info: (m: string) => server.toasts.push(`info: ${m}`),
  },
}));
vi.mock("@/core/plugins/settings/actions", () => ({
  savePluginSettingsAction: async (_id: string, input: unknown) => {
    server.sent.push(input);
    return server.reply as ActionResult<{ changed: string[] }>;
  },
}));

const { SettingsForm } = await import("@/app/(admin)/plugins/[id]/settings/_components/settings-form");
const { describeSettingsFields, toFormValues } = await import("@/core/plugins/settings/fields");

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const fields = describeSettingsFields({
  fields: {
    alerts: { type: "boolean", default: false, label: "Alerts", category: "Alerts" },
    threshold: { type: "integer", default: 10, min: 1, label: "Threshold", category: "Alerts", dependsOn: { key: "alerts", equals: true } },
    mode: { type: "choice", default: "daily", options: [{ value: "daily", label: "Daily" }, { value: "weekly", label: "Weekly" }], label: "Digest" },
    rules: { type: "json", default: { a: 1 }, label: "Rules" },
    when: { type: "datetime", default: null, label: "When" },
    api_key: { type: "secret", label: "API key", category: "Integration" },
  },
});

async function render() {
  const values = toFormValues(fields, { alerts: false, threshold: 10, mode: "daily", rules: { a: 1 }, when: null, api_key: { set: true } }, "Europe/London");
  const div = document.createElement("div");
  document.body.append(div);
  const root = createRoot(div);
  await act(async () => root.render(createElement(SettingsForm, { pluginId: "x", pluginName: "X", fields, values, secretsSet: { api_key: true }, timeZone: "Europe/London" })));
  const $ = <E extends Element = HTMLInputElement>(selector: string) => div.querySelector<E>(selector);
  const errors = () => [...div.querySelectorAll("[role=alert]")].map((e) => `${e.id}: ${e.textContent}`);
  const submit = () => act(async () => $<HTMLFormElement>("form")!.requestSubmit());
  return { div, $, errors, submit, unmount: () => act(async () => root.unmount()) };
}

/** What typing does: set the value through the native setter, then the input and blur events. */
async function type(el: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
    el!.dispatchEvent(new Event("input", { bubbles: true }));
    el!.dispatchEvent(new Event("focusout", { bubbles: true }));
  });
}

afterEach(() => {
  server.sent.length = 0;
  server.toasts.length = 0;
  document.body.innerHTML = "";
});

describe("settings form", () => {
  it("groups by category, shows a dependent field only when its dependency is met, and validates inline", async () => {
    const f = await render();
    expect([...f.div.querySelectorAll("h2")].map((h) => h.textContent)).toEqual(["Alerts", "General", "Integration"]);
    expect(f.$("#setting-threshold")).toBeNull();
    await act(async () => f.$("#setting-alerts")!.click());
    expect(f.$("#setting-threshold")).not.toBeNull();

    await type(f.$("#setting-threshold"), "0");
    await type(f.$<HTMLTextAreaElement>("#setting-rules"), "{bad");
    await f.submit();
    expect(f.errors()).toEqual([
      "setting-threshold-error: Must be at least 1",
      expect.stringMatching(/^setting-rules-error: Invalid JSON: /),
    ]);
    expect(f.$("#setting-threshold")!.getAttribute("aria-invalid")).toBe("true");
    expect(server.sent).toEqual([]);
    expect(f.$("#setting-when-description")!.textContent).toBe("Time in Europe/London.");
    await f.unmount();
  });

  it("never pre-fills a secret, sends only edited values, and shows the server's field errors", async () => {
    const f = await render();
    expect(f.$("label[for=setting-api_key]")!.textContent).toBe("API key Set");
    expect(f.$("#setting-api_key")!.value).toBe("");
    await act(async () => f.$("#setting-api_key-clear")!.click());
    expect(f.$("#setting-api_key")!.disabled).toBe(true);
    await type(f.$<HTMLTextAreaElement>("#setting-rules"), '{"a": 2}');

    server.reply = { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { rules: "a: must be at most 1" } };
    await f.submit();
    expect(server.sent).toEqual([{ rules: '{"a": 2}', api_key: { clear: true } }]);
    expect(f.errors()).toEqual(["setting-rules-error: a: must be at most 1"]);
    expect(server.toasts).toEqual(["error: Please correct the highlighted fields."]);

    server.reply = { ok: true, data: { changed: ["rules", "api_key"] }, message: "X settings saved." };
    await type(f.$<HTMLTextAreaElement>("#setting-rules"), '{"a": 1.5}');
    await f.submit();
    expect(server.toasts.at(-1)).toBe("success: X settings saved.");
    await f.submit();
    expect(server.toasts.at(-1)).toBe("info: Nothing to save: no setting was changed.");
    await f.unmount();
  });
});
