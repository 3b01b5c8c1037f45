// Content-Disposition for a download. The plain `filename` is an ASCII stand-in (other characters
// become "_") for old clients; `filename*` (RFC 6266 / 5987) carries the real name in UTF-8.
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^a-zA-Z0-9._ -]/g, "_");
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === name ? `${kind}; filename="${name}"` : `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
