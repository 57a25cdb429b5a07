// Total and available memory from /proc/meminfo, the figures systeminformation's mem() takes from the same file.

export type MemoryFigures = { totalBytes: number; availableBytes: number };

/** Lines read: "Name:   1234 kB". */
const LINE = /^(MemTotal|MemFree|MemAvailable|Buffers|Cached|Slab):\s+(\d+) kB$/gm;

/**
 * MemAvailable is the kernel's estimate of memory that can be had without swapping (caches and
 * reclaimable slab count as free). Kernels before 3.14 lack it; there, like systeminformation,
 * available is MemFree + Buffers + Cached + Slab. Throws a one-line error naming the file.
 */
export function parseMeminfo(text: string, where = '/proc/meminfo'): MemoryFigures {
  const kb = new Map<string, number>();
  for (const match of text.matchAll(LINE)) kb.set(match[1] as string, Number(match[2]));
  const total = kb.get('MemTotal');
  if (total === undefined || total <= 0) {
    throw new Error(`${where} has no "MemTotal: N kB" line with N > 0; is it a /proc/meminfo file?`);
  }
  let available = kb.get('MemAvailable');
  if (available === undefined) {
    const parts = ['MemFree', 'Buffers', 'Cached', 'Slab'].map((name) => kb.get(name));
    if (parts.some((n) => n === undefined)) {
      throw new Error(`${where} has neither "MemAvailable:" nor all of MemFree, Buffers, Cached and Slab; is it a /proc/meminfo file?`);
    }
    available = parts.reduce((sum: number, n) => sum + (n ?? 0), 0);
  }
  // The older estimate can overshoot (Slab is not all reclaimable); a share above 100 % is never real.
  return { totalBytes: total * 1024, availableBytes: Math.min(available, total) * 1024 };
}
