// The item lists' faster paths must return what a plain ORDER BY ... LIMIT returned: low stock read
// through its partial index page by page (REST keyset cursors), searches answered partly by a walk of
// the ordering and partly through the trigram index (items/search-order.ts) — whichever part the
// matches fall in, for ascending and descending orderings, REST cursors and the admin table's keyset
// pages forwards and backwards — and search words with punctuation (SKU fragments), which the index
// is given a part of.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiServer } from "@/tests/api/http-server";
import { page, itemJson } from "../api/json";
import { itemPageRequest, listItems, type ItemSort } from "../items/queries";
import { PROBE_ROWS_PER_ROW } from "../items/search-order";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

type Row = { name: string; sku: string; quantity: number; reorderThreshold?: number };
type Item = { id: string; name: string; sku: string; quantity: number; reorderThreshold: number };

async function clinic(rows: Row[]) {
  const org = await createTestOrganization("List Paths Clinic");
  await enablePluginFor(org, "inventory");
  await rootDb().inventoryItem.createMany({
    data: rows.map((r) => ({ organizationId: org.org.id, name: r.name, sku: r.sku, quantity: r.quantity, reorderThreshold: r.reorderThreshold ?? 10, price: "1.00" })),
  });
  const items: Item[] = await rootDb().inventoryItem.findMany({
    where: { organizationId: org.org.id },
    select: { id: true, name: true, sku: true, quantity: true, reorderThreshold: true },
  });
  const created = await createApiToken(await org.as("owner"), { name: "lists", expiresIn: "30" });
  if (!created.ok) throw new Error(created.error);
  return { org, items, api: apiClient(server.url, created.token) };
}

/** Every page of a REST list, following nextCursor: the skus in the order served. */
async function allPages(api: ReturnType<typeof apiClient>, path: string): Promise<{ skus: string[]; pages: number }> {
  const skus: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await api("GET", `${path}${path.includes("?") ? "&" : "?"}${cursor ? `cursor=${cursor}` : ""}`);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const body = page(itemJson).parse(res.json);
    skus.push(...body.data.map((r) => r.sku));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 200);
  return { skus, pages };
}

// The reference order: the column, then the id (PostgreSQL compares uuids as their hex text does).
const by = <K extends keyof Item>(key: K, desc = false) => (a: Item, b: Item) => {
  const c = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return desc ? -c : c;
};
const skusOf = (items: Item[]) => items.map((i) => i.sku);
const pad = (n: number) => String(n).padStart(4, "0");

describe("low stock", () => {
  it("pages through every item below its threshold, lowest quantity first, in any ordering", async () => {
    // Quantities 0..59 against thresholds 10..49: the low ones are scattered among the others.
    const rows = Array.from({ length: 120 }, (_, n) => ({ name: `Item ${pad(n)}`, sku: `LOW-${pad(n)}`, quantity: (n * 37) % 60, reorderThreshold: 10 + (n % 40) }));
    const { items, api } = await clinic(rows);
    const low = items.filter((i) => i.quantity < i.reorderThreshold);
    expect(low.length).toBeGreaterThan(20);
    expect(low.length).toBeLessThan(items.length);

    const byQuantity = await allPages(api, "/api/v1/inventory/items/low-stock?limit=7");
    expect(byQuantity.skus).toEqual(skusOf([...low].sort(by("quantity"))));
    expect(byQuantity.pages).toBe(Math.ceil(low.length / 7));
    expect((await allPages(api, "/api/v1/inventory/items/low-stock?limit=9&ordering=-quantity")).skus).toEqual(skusOf([...low].sort(by("quantity", true))));
    expect((await allPages(api, "/api/v1/inventory/items/low-stock?limit=9&ordering=name")).skus).toEqual(skusOf([...low].sort(by("name"))));
    // The list's stock=low filter is the same set.
    expect((await allPages(api, "/api/v1/inventory/items?stock=low&ordering=quantity&limit=50")).skus).toEqual(byQuantity.skus);
  });
});

describe("searches", () => {
  // Names cluster like a real catalog's: 150 "Alcohol pad" items sort before every "Gauze" item, so
  // with limit=2 (a probe of PROBE_ROWS_PER_ROW x 3 rows) page 1 of "gauze" lies beyond the probe.
  // One "Alcohol pad" has a gauze SKU: a match inside the probe, found by its SKU alone.
  const catalog = (): Row[] => [
    ...Array.from({ length: 150 }, (_, n) => ({ name: `Alcohol pad ${pad(n)}`, sku: n === 5 ? "GAUZE-SKU" : `ALC-${pad(n)}`, quantity: n })),
    ...Array.from({ length: 25 }, (_, n) => ({ name: `Gauze swab ${pad(n)}`, sku: `GZ-${pad(n)}`, quantity: (n * 7) % 25 })),
    ...Array.from({ length: 40 }, (_, n) => ({ name: `Syringe ${pad(n)}`, sku: `SYR-${pad(n)}`, quantity: 200 + n })),
  ];
  const isGauze = (i: Item) => /gauze/i.test(i.name) || /gauze/i.test(i.sku);

  it("returns every match in the ordering, page after page, wherever the matches lie", async () => {
    expect(PROBE_ROWS_PER_ROW * 3).toBeLessThan(150);
    const { org, items, api } = await clinic(catalog());
    const gauze = items.filter(isGauze);
    expect(gauze).toHaveLength(26);

    // Without an ordering a search lists the most recently changed first (api/items.ts).
    const recent = await rootDb().$queryRaw<{ sku: string }[]>`
      SELECT sku FROM inventory_items WHERE "organizationId" = ${org.org.id}::uuid AND (name ILIKE '%gauze%' OR sku ILIKE '%gauze%')
      ORDER BY "updatedAt" DESC, id DESC`;
    expect((await allPages(api, "/api/v1/inventory/items?q=gauze&limit=3")).skus).toEqual(recent.map((r) => r.sku));

    const byName = await allPages(api, "/api/v1/inventory/items?q=gauze&limit=2&ordering=name");
    expect(byName.skus).toEqual(skusOf([...gauze].sort(by("name"))));
    expect(byName.skus[0]).toBe("GAUZE-SKU"); // "Alcohol pad 0005" sorts first
    expect((await allPages(api, "/api/v1/inventory/items?q=GAUZE&limit=3&ordering=-name")).skus).toEqual(skusOf([...gauze].sort(by("name", true))));
    expect((await allPages(api, "/api/v1/inventory/items?q=gauze&limit=4&ordering=quantity")).skus).toEqual(skusOf([...gauze].sort(by("quantity"))));
    expect((await allPages(api, "/api/v1/inventory/items?q=gauze&limit=2&ordering=-quantity")).skus).toEqual(skusOf([...gauze].sort(by("quantity", true))));
    // Every word must match, each anywhere: "swab 001" is Gauze swab 0001 and 0010..0019.
    const swab001 = gauze.filter((i) => /swab/i.test(i.name) && /001/.test(i.name)).sort(by("name"));
    expect(swab001).toHaveLength(11);
    expect((await allPages(api, "/api/v1/inventory/items?q=swab%20001&limit=3&ordering=name")).skus).toEqual(skusOf(swab001));
    // A search that matches nothing, and one with a word the trigram index cannot take ("pa").
    expect((await allPages(api, "/api/v1/inventory/items?q=bandage&limit=2")).skus).toEqual([]);
    expect((await allPages(api, "/api/v1/inventory/items?q=pa&limit=20&ordering=name")).skus).toEqual(skusOf(items.filter((i) => /pa/i.test(i.name) || /pa/i.test(i.sku)).sort(by("name"))));
  });

  it("gives the admin table the same rows on every keyset page, forwards and backwards, with their positions", async () => {
    const { org, items } = await clinic(catalog());
    const gauze = skusOf([...items.filter(isGauze)].sort(by("name")));
    const asked = (sort: ItemSort, dir: "asc" | "desc", raw: Record<string, string>) =>
      listItems(org.org.id, { q: "gauze" }, { request: itemPageRequest(raw, sort, dir), pageSize: 5, sort, dir });

    // Forwards with "Next": every match once, in order, each page saying where it starts.
    const forward: string[] = [];
    const starts: Array<number | null> = [];
    const seen: Array<{ next: string | null; previous: string | null }> = [];
    let raw: Record<string, string> = {};
    for (let guard = 0; guard < 20; guard++) {
      const res = await asked("name", "asc", raw);
      expect(res.paging.count).toEqual({ value: 26, exact: true });
      forward.push(...res.rows.map((r) => r.sku));
      starts.push(res.paging.start);
      seen.push({ next: res.paging.next, previous: res.paging.previous });
      if (!res.paging.next) break;
      raw = { after: res.paging.next };
    }
    expect(forward).toEqual(gauze);
    expect(starts).toEqual([1, 6, 11, 16, 21, 26]);
    expect(seen[0]!.previous).toBeNull();
    expect(seen.at(-1)!.next).toBeNull();

    // Backwards from the last page with "Previous": the same pages in reverse; the first page is
    // shown full even when reached from a cursor near the start.
    const backward: string[][] = [];
    raw = { last: "1" };
    const lastStarts: Array<number | null> = [];
    for (let guard = 0; guard < 20; guard++) {
      const res = await asked("name", "asc", raw);
      backward.unshift(res.rows.map((r) => r.sku));
      lastStarts.push(res.paging.start);
      if (!res.paging.previous) break;
      raw = { before: res.paging.previous };
    }
    // From the end, pages are aligned to the end: 26 = 1 + 5 × 5, so the first page holds 5 rows
    // (rows 1-5) and was reached by the restart from row 2's cursor.
    expect(backward.flat().filter((sku, i, all) => all.indexOf(sku) === i)).toEqual(gauze);
    expect(lastStarts).toEqual([22, 17, 12, 7, 2, 1]);
    expect(backward[0]).toEqual(gauze.slice(0, 5));

    // Descending by quantity: the second page is rows 5-8 of the reference order.
    const desc = skusOf([...items.filter(isGauze)].sort(by("quantity", true)));
    const page1 = await asked("quantity", "desc", {});
    const page2 = await asked("quantity", "desc", { after: page1.paging.next! });
    expect(page2.rows.map((r) => r.sku)).toEqual(desc.slice(5, 10));
    const back = await asked("quantity", "desc", { before: page2.paging.previous! });
    expect(back.rows.map((r) => r.sku)).toEqual(desc.slice(0, 5));

    // A cursor of another sort (an old URL after the sort changed), or not ours, shows the first page.
    expect((await asked("sku", "asc", { after: page1.paging.next! })).paging.start).toBe(1);
    expect((await asked("name", "asc", { before: "not-a-cursor" })).rows.map((r) => r.sku)).toEqual(gauze.slice(0, 5));
  });

  it("finds SKU fragments with punctuation exactly, in any letter case", async () => {
    const skus = ["BN-0012345", "BN-0012346", "BN0012345", "XB-0012345", "bn-0012345-l", "BN-1012345"];
    const { api } = await clinic(skus.map((sku, n) => ({ name: `Item ${n}`, sku, quantity: 5 })));
    const search = async (q: string) => (await allPages(api, `/api/v1/inventory/items?q=${encodeURIComponent(q)}&ordering=sku&limit=50`)).skus;
    expect(await search("BN-0012345")).toEqual(["BN-0012345", "bn-0012345-l"]);
    expect(await search("bn-00123")).toEqual(["BN-0012345", "BN-0012346", "bn-0012345-l"]);
    expect(await search("B-0012345")).toEqual(["XB-0012345"]);
    expect(await search("0012345-L")).toEqual(["bn-0012345-l"]);
    // LIKE's wildcards are literal characters in a search.
    expect(await search("BN_0012345")).toEqual([]);
    expect(await search("N-%2")).toEqual([]);
    // The index holds name and SKU as one text ("Item 0 BN-0012345"): a word is still found only
    // inside one of the two, never across the seam ("0BN-001" is in neither).
    expect(await search("0BN-001")).toEqual([]);
    expect(await search("Item0")).toEqual([]);
    expect(await search("item BN-001234")).toEqual(["BN-0012345", "BN-0012346", "bn-0012345-l"]);
  });
});
