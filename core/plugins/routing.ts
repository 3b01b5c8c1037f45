// Matches a plugin's page/API path patterns ("", "greetings", "greetings/:id") against URL segments.
// Static segments beat parameters, so "greetings/new" wins over "greetings/:id".

export type Match<T> = { route: T; params: Record<string, string> };

function score(pattern: string): number[] {
  return pattern.split("/").filter(Boolean).map((s) => (s.startsWith(":") ? 1 : 2));
}

export function matchPath<T extends { path: string }>(routes: readonly T[], segments: readonly string[]): Match<T> | null {
  const candidates: Match<T>[] = [];
  for (const route of routes) {
    const parts = route.path.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    parts.forEach((p, i) => {
      const seg = segments[i]!;
      if (p.startsWith(":")) params[p.slice(1)] = seg;
      else if (p !== seg) ok = false;
    });
    if (ok) candidates.push({ route, params });
  }
  candidates.sort((a, b) => {
    const sa = score(a.route.path);
    const sb = score(b.route.path);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
    return 0;
  });
  return candidates[0] ?? null;
}
