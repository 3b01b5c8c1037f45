// core/lists/keyset.ts's own rules, over a source whose count is given: a list that fits on its first
// page counts itself (an estimate kept from before a bulk delete must not say "about 50,000" over
// three rows), and a last page's position comes from an exact count only. (The pages themselves are
// tested over real tables: plugins/inventory/tests/list-paths.test.ts, plugins/audit/tests/viewer.test.ts.)
import { describe, expect, it } from "vitest";
import type { MatchCount } from "@/core/lists/count";
import { keysetPage, type KeysetSource } from "@/core/lists/keyset";

type Row = { id: string; v: number };
const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function source(values: number[], count: MatchCount): KeysetSource<Row> {
  const rows = values.map((v) => ({ id: ids(v), v }));
  return {
    ordering: "v",
    rows: async (direction, from, limit) => {
      const ordered = direction === "forward" ? rows : [...rows].reverse();
      const after = from ? ordered.filter((r) => (direction === "forward" ? r.v > Number(from.v) : r.v < Number(from.v))) : ordered;
      return after.slice(0, limit);
    },
    key: (row) => ({ v: row.v, id: row.id }),
    count: async () => count,
  };
}

describe("keysetPage", () => {
  it("counts a list that fits on its first page itself, whatever the count said", async () => {
    const page = await keysetPage(source([1, 2, 3], { value: 50_000, exact: false }), { kind: "first" }, 10);
    expect(page.rows.map((r) => r.v)).toEqual([1, 2, 3]);
    expect(page.view).toEqual({ count: { value: 3, exact: true }, start: 1, previous: null, next: null });
  });

  it("keeps an estimate when there is more than one page, and places the last page only by an exact count", async () => {
    const values = Array.from({ length: 25 }, (_, i) => i + 1);
    const estimated = await keysetPage(source(values, { value: 30, exact: false }), { kind: "first" }, 10);
    expect(estimated.view.count).toEqual({ value: 30, exact: false });
    expect((await keysetPage(source(values, { value: 30, exact: false }), { kind: "last" }, 10)).view.start).toBeNull();
    const last = await keysetPage(source(values, { value: 25, exact: true }), { kind: "last" }, 10);
    expect(last.rows.map((r) => r.v)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(last.view.start).toBe(16);
    expect(last.view.next).toBeNull();
  });
});
