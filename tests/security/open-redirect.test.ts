// Issue 15.1: the login page's callbackUrl must never send a member to another site. Each vector is
// what a browser would turn into "//evil.test" or an absolute URL; the check is where the browser would
// really go when the page navigates to the value the login page keeps.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/core/auth/callback-url";

const APP = "https://clinic.example.org";
const landsOn = (value: string) => new URL(safeCallbackUrl(value), `${APP}/login`);

describe("safeCallbackUrl", () => {
  it.each([
    ["tab", "/\t/evil.test/x"],
    ["newline", "/\n/evil.test/x"],
    ["carriage return", "/\r/evil.test"],
    ["leading space", " //evil.test"],
    ["backslash", "/\\evil.test"],
    ["two backslashes", "\\\\evil.test"],
    ["protocol-relative", "//evil.test/x"],
    ["dot segment before //", "/.//evil.test/x"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["absolute http", "http://evil.test/x"],
    ["absolute https", "https://evil.test"],
    ["scheme-relative with credentials", "//user@evil.test"],
  ])("%s: %j leads to this app's dashboard", (_, value) => {
    const url = landsOn(value);
    expect(url.origin).toBe(APP);
    expect(url.pathname).toBe("/");
  });

  it("keeps encoded slashes and escapes as a path of this app (never decoded into a host)", () => {
    for (const value of ["/%2F%2Fevil.test", "/%09/evil.test/x", "/%5Cevil.test", "/%2e%2e//evil.test"]) {
      const url = landsOn(value);
      expect(url.origin, value).toBe(APP);
      expect(url.pathname.startsWith("//"), value).toBe(false);
    }
  });

  it("keeps a real target with its query and fragment, and resolves dot segments", () => {
    expect(safeCallbackUrl("/appointments?status=scheduled")).toBe("/appointments?status=scheduled");
    expect(safeCallbackUrl("/inventory?q=gauze%20swab#list")).toBe("/inventory?q=gauze%20swab#list");
    expect(safeCallbackUrl(["/patients/1", "/evil"])).toBe("/patients/1");
    expect(safeCallbackUrl("/inventory/../patients")).toBe("/patients");
  });

  it("never returns to the login page itself, and falls back to / without a value", () => {
    expect(safeCallbackUrl("/login")).toBe("/");
    expect(safeCallbackUrl("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl("")).toBe("/");
    expect(safeCallbackUrl("patients")).toBe("/");
  });
});
