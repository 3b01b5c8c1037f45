// What a job run worked on (core/jobs/subjects.ts): core's import and export runs, inventory's runs
// through its manifest (with the real event names its jobs are triggered by), and decoration that
// can never break the page or link off the app.
import { afterEach, describe, expect, it, vi } from "vitest";
import { jobSubject } from "@/core/jobs/subjects";
import { log } from "@/core/log";
import { definePlugin, type PluginManifest } from "@/core/plugins/types";
import inventory from "@/plugins/inventory/plugin";
import { bulkOperationRequested } from "@/plugins/inventory/jobs/bulk-events";
import { initialImportRequested } from "@/plugins/inventory/jobs/job-events";
import { nightlyCheckRequested } from "@/plugins/inventory/jobs/nightly-jobs";
import { shopifySyncRequested } from "@/plugins/inventory/jobs/shopify-jobs";

const id = "01a24d31-05eb-7210-bb3d-db8706f292d4";
const org = "11111111-2222-4333-8444-555555555555";

afterEach(() => vi.restoreAllMocks());

describe("jobSubject", () => {
  it("links core's import and export runs to their pages", () => {
    expect(jobSubject("core/import.commit.requested", { organizationId: org, importId: id }, [])).toEqual({ label: "Commit of import 01a24d31", href: `/imports/${id}` });
    expect(jobSubject("core/import.undo.requested", { organizationId: org, importId: id }, [])).toEqual({ label: "Undo of import 01a24d31", href: `/imports/${id}` });
    expect(jobSubject("core/export.requested", { organizationId: org, exportId: id }, [])).toEqual({ label: "Export 01a24d31", href: `/exports/${id}` });
    // Data that is not what the event carries (an id that is not one) links nowhere.
    expect(jobSubject("core/import.commit.requested", { importId: "../../settings" }, [])).toBeNull();
    expect(jobSubject(null, {}, [])).toBeNull();
  });

  it("links inventory's runs while the plugin is among the enabled ones, by the names its jobs are triggered by", () => {
    expect(Object.keys(inventory.jobSubjects ?? {}).sort()).toEqual(
      [bulkOperationRequested.name, initialImportRequested.name, nightlyCheckRequested.name, shopifySyncRequested.name].sort(),
    );
    expect(jobSubject(bulkOperationRequested.name, { organizationId: org, operationId: id }, [inventory])).toEqual({ label: "Bulk action 01a24d31 on the inventory list", href: "/inventory" });
    expect(jobSubject(nightlyCheckRequested.name, { organizationId: org, localDate: "2026-12-05", checkKey: `${org}:2026-12-05` }, [inventory])).toEqual({
      label: "Nightly stock check of 2026-12-05",
      href: "/inventory?stock=low",
    });
    expect(jobSubject(shopifySyncRequested.name, { organizationId: org, part: 2 }, [inventory])).toEqual({ label: "Shopify sync", href: "/inventory/shopify" });
    // Disabled (not in the list): its pages are gone, so no link.
    expect(jobSubject(bulkOperationRequested.name, { organizationId: org, operationId: id }, [])).toBeNull();
  });

  it("gives no link for a resolver that throws (logged), or one that points off the app", () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const base = { version: "1.0.0", description: "x", author: "t" };
    const broken = definePlugin({ ...base, id: "broken", name: "Broken", jobSubjects: { "broken/thing": () => { throw new Error("boom"); } } });
    const sneaky = definePlugin({
      ...base,
      id: "sneaky",
      name: "Sneaky",
      jobSubjects: {
        "sneaky/a": () => ({ label: "A", href: "javascript:alert(1)" }),
        "sneaky/b": () => ({ label: "B", href: "//evil.example/x" }),
        "sneaky/c": () => ({ label: "", href: "/ok" }),
        "sneaky/d": () => ({ label: "D", href: "/ok" }),
      },
    });
    const plugins: PluginManifest[] = [broken, sneaky];
    expect(jobSubject("broken/thing", {}, plugins)).toBeNull();
    expect(warn).toHaveBeenCalledWith("jobs.subject_failed", expect.objectContaining({ eventName: "broken/thing", pluginId: "broken" }));
    expect(["sneaky/a", "sneaky/b", "sneaky/c"].map((e) => jobSubject(e, {}, plugins))).toEqual([null, null, null]);
    expect(jobSubject("sneaky/d", {}, plugins)).toEqual({ label: "D", href: "/ok" });
  });
});
