// The import phases' bounded heap growth (core/imports/engine/bounded-heap.ts): switched on when the
// first phase in the process starts, and back to V8's default (0) only when the last one ends —
// also when a phase fails, so a failed import never leaves the whole worker with slower rendering.
import { afterEach, describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, setHeapFlagSetterForTest, withBoundedHeap } from "@/core/imports/engine/bounded-heap";

let restore: ((percent: number) => void) | null = null;
afterEach(() => {
  if (restore) setHeapFlagSetterForTest(restore);
  restore = null;
});

describe("withBoundedHeap", () => {
  it("bounds the growth while phases run, overlapping ones included, and restores V8's default after the last, failed or not", async () => {
    const set: number[] = [];
    restore = setHeapFlagSetterForTest((p) => set.push(p));
    let releaseFirst!: () => void;
    const first = withBoundedHeap(() => new Promise<string>((r) => (releaseFirst = () => r("first"))));
    const second = withBoundedHeap(async () => {
      throw new Error("the preview failed");
    });
    await expect(second).rejects.toThrow("the preview failed");
    // The first phase still runs: the bound stays.
    expect(set).toEqual([HEAP_GROWING_PERCENT]);
    releaseFirst();
    await expect(first).resolves.toBe("first");
    expect(set).toEqual([HEAP_GROWING_PERCENT, 0]);
    // A later phase bounds it again.
    await withBoundedHeap(async () => undefined);
    expect(set).toEqual([HEAP_GROWING_PERCENT, 0, HEAP_GROWING_PERCENT, 0]);
  });
});
