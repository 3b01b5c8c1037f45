// Where the login page may send a member after sign-in: a path of this app, never another site.
//
// A string check ("starts with / but not //") is not enough, because browsers read URLs more loosely
// than the check does: they drop tabs and newlines anywhere in a URL ("/\t/evil.test" becomes
// "//evil.test", a protocol-relative URL), read "\" as "/" and resolve dot segments ("/.//evil.test"
// becomes "//evil.test"). So the value is refused outright when it carries a character a browser would
// drop or reinterpret, then parsed as a URL against a stand-in origin, and only a result on that
// origin is accepted — rebuilt from the parsed path, query and fragment, the form the browser will see.

/** A stand-in origin: only used to tell a same-origin path from anything else. */
const HERE = "http://ritiko.invalid";

// C0 controls, space and DEL to C1 controls (what URL parsers strip or drop), and the backslash.
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\\]/;

export function safeCallbackUrl(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || UNSAFE.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE) return "/";
  const target = `${url.pathname}${url.search}${url.hash}`;
  // After dot segments are resolved the path may start with "//" again: that is another host.
  if (target.startsWith("//")) return "/";
  // Returning to the login page itself would be a dead end.
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return "/";
  return target;
}
