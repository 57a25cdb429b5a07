// A small unified diff of changed lines, for previewing a config edit before it is written.

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Beyond this many changed lines the middle is shown as one replacement, not searched. */
const MAX_EDIT_DISTANCE = 1000;

/**
 * Unified diff of `beforeText` -> `afterText` with `context` lines around each change;
 * '' when they are equal. CR and a leading BOM are dropped from displayed lines, and control
 * characters shown as U+FFFD, so a preview never drives the terminal. "No newline at end of
 * file" markers are not emitted.
 */
export function unifiedDiff(file: string, beforeText: string, afterText: string, context = 1): string {
  if (beforeText === afterText) return '';
  const ops = diffLines(splitLines(beforeText), splitLines(afterText));
  const out = [`--- ${file}`, `+++ ${file}`];
  const positions: { a: number; b: number }[] = [];
  let a = 0;
  let b = 0;
  for (const op of ops) {
    positions.push({ a, b });
    if (op.kind !== '+') a++;
    if (op.kind !== '-') b++;
  }
  for (const [first, last] of hunkRanges(ops, Math.max(0, context))) {
    const slice = ops.slice(first, last + 1);
    const start = positions[first] ?? { a: 0, b: 0 };
    const aCount = slice.filter((op) => op.kind !== '+').length;
    const bCount = slice.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(start.a, aCount)} +${range(start.b, bCount)} @@`);
    for (const op of slice) out.push(`${op.kind}${display(op.line)}`);
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** GNU style: "3" for one line, "3,2" for more, "2,0" (line before) for none. */
function range(linesBefore: number, count: number): string {
  if (count === 1) return String(linesBefore + 1);
  return `${count === 0 ? linesBefore : linesBefore + 1},${count}`;
}

function display(line: string): string {
  return line.replace(/^\uFEFF/, '').replace(/\r$/, '').replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '\uFFFD');
}

/** [first, last] op indexes of each hunk: changes plus context, merged when contexts touch. */
function hunkRanges(ops: readonly Op[], context: number): [number, number][] {
  const ranges: [number, number][] = [];
  ops.forEach((op, index) => {
    if (op.kind === ' ') return;
    const first = Math.max(0, index - context);
    const last = Math.min(ops.length - 1, index + context);
    const previous = ranges[ranges.length - 1];
    if (previous !== undefined && first <= previous[1] + 1) previous[1] = last;
    else ranges.push([first, last]);
  });
  return ranges;
}

/** Line ops: common prefix and suffix kept, Myers' shortest edit script in between. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const middle = myers(midA, midB) ?? [...midA.map((line): Op => ({ kind: '-', line })), ...midB.map((line): Op => ({ kind: '+', line }))];
  const same = (line: string): Op => ({ kind: ' ', line });
  return [...a.slice(0, prefix).map(same), ...middle, ...a.slice(a.length - suffix).map(same)];
}

/** Myers O(ND) diff; null when more than MAX_EDIT_DISTANCE edits are needed. */
function myers(a: readonly string[], b: readonly string[]): Op[] | null {
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(a.length + b.length, MAX_EDIT_DISTANCE); d++) {
    const prev = trace[d - 1];
    const v = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x = 0;
      if (prev !== undefined) x = goesDown(prev, d, k) ? (prev[k + d] as number) : (prev[k + d - 2] as number) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + d] = x;
      if (x >= a.length && y >= b.length) {
        trace.push(v);
        return backtrack(trace, a, b);
      }
    }
    trace.push(v);
  }
  return null;
}

/** Whether diagonal k at step d is reached from k+1 (an insert) rather than k-1 (a delete). */
function goesDown(prev: Int32Array, d: number, k: number): boolean {
  // prev holds step d-1, index k' + (d-1); so k+1 -> k+d and k-1 -> k+d-2.
  return k === -d || (k !== d && (prev[k + d - 2] as number) < (prev[k + d] as number));
}

function backtrack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1] as Int32Array;
    const k = x - y;
    const down = goesDown(prev, d, k);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[prevK + d - 1] as number;
    const prevY = prevX - prevK;
    for (; x > prevX && y > prevY; y--) ops.push({ kind: ' ', line: a[--x] as string });
    if (down) ops.push({ kind: '+', line: b[--y] as string });
    else ops.push({ kind: '-', line: a[--x] as string });
  }
  for (; x > 0 && y > 0; y--) ops.push({ kind: ' ', line: a[--x] as string });
  return ops.reverse();
}
