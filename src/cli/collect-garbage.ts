import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A full garbage collection between the stages of a large run (the roster read, the readings resolved), so that
 * what one stage left behind is freed before the next allocates: without it V8 lets a 170,000-row run grow to
 * about 450 MB, most of it the roster's parsed cells and the readings' intermediates, dead but not yet collected.
 * Only the CLI does this (it owns the process); the library never touches the collector. Below `minimumRows` a
 * collection costs more than it saves and nothing is done.
 */
export function collectGarbageAfterLargeStage(rows: number, minimumRows = 20_000): void {
  if (rows < minimumRows) return;
  collector ??= exposeCollector();
  collector?.();
}

let collector: (() => void) | null | undefined;

function exposeCollector(): (() => void) | null {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

let smallHeap = false;

/** About 50,000 rows of a CSV roster (170,000 rows: 9.5 MB). */
const LARGE_ROSTER_BYTES = 3 * 1024 * 1024;
const LARGE_ROSTER_ROWS = 50_000;

/**
 * For a large run (a roster file of 3 MB or more, known before it is read; or 50,000 rows once it is), asks V8
 * to favour a small heap over speed from here on
 * (--optimize-for-size: the heap grows less between collections). Measured with `npm run bench:scale` at 170,000
 * badges: peak RSS 292 → 257 MB for about 20 % more time (3.3 → 4.0 s); below the bound (10,000 staff, half a
 * second) speed matters more and nothing changes. Only the CLI does this, for the process it owns.
 */
export function favourSmallHeapForLargeRun(size: { bytes?: number; rows?: number }): void {
  if (smallHeap || ((size.bytes ?? 0) < LARGE_ROSTER_BYTES && (size.rows ?? 0) < LARGE_ROSTER_ROWS)) return;
  smallHeap = true;
  try {
    setFlagsFromString("--optimize-for-size");
  } catch {
    /* a V8 without the flag: the run goes on as it was */
  }
}
