// While an import's preview or commit runs in this process (an undo is not measured and keeps V8's
// default), V8 may grow its heap by at most HEAP_GROWING_PERCENT over what is live after each full
// collection, instead of its own adaptive factor (up to 4x for a process allocating fast). Why: the rows of a batch stay alive across the
// database round trip of the batch before (preview.ts readAhead), so every batch is promoted to the old
// generation and dies there; with V8's default factor the worker's heap grew to a plateau ~400 MB above
// where it started during a 100,000-row import (the live heap stays ~50 MB: bench:import).
//
// Measured with bench:import:http, 100,000 new rows, RSS growth of the app (before → with the setting
// for the whole worker): 414, 427, 428 MB → 20 %: 100, 104, 92 MB (10 %: 82 MB, but 40 % more app CPU).
// For the whole worker it also cost the admin list page ~20-30 % of its throughput (bench:api page:
// 23 → 17-19 req/s at 15 %), which is why it is switched on only while an import phase runs here and
// back to V8's default (0 = adaptive) when the last one ends.
//
// v8.setFlagsFromString after start-up is documented as "undefined behaviour" in general; this flag is
// read by V8's heap controller each time it sets the next limit (after a full GC), which is what makes
// it work at run time (checked in the benchmark above and bench/import/README.md).
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 20;

let active = 0;
let setFlag = (percent: number) => v8.setFlagsFromString(`--heap-growing-percent=${percent}`);

/** Runs `fn` with the bounded heap growth; nested and concurrent phases share it, the last one out restores V8's default. */
export async function withBoundedHeap<T>(fn: () => Promise<T>): Promise<T> {
  if (active++ === 0) setFlag(HEAP_GROWING_PERCENT);
  try {
    return await fn();
  } finally {
    if (--active === 0) setFlag(0);
  }
}

/** For the test: observe the flag instead of setting V8's. Returns the previous setter. */
export function setHeapFlagSetterForTest(setter: (percent: number) => void): (percent: number) => void {
  const previous = setFlag;
  setFlag = setter;
  return previous;
}
