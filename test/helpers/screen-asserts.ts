// Checks on a drawn screen that the tests share: every panel framed where the layout puts it.
import assert from 'node:assert/strict';
import type { PanelId, Rect } from '../../src/views/model.js';
import type { VirtualTerminal } from './virtual-terminal.js';

export const PANEL_TITLES: [PanelId, string][] = [
  ['cpu', 'CPU'],
  ['memory', 'Memory'],
  ['gpu', 'GPU'],
  ['operations', 'Operations'],
  ['alerts', 'Alerts'],
  ['suggestions', 'Suggestions'],
];

/** The text inside a panel's border, one string per row. */
export function inside(vt: VirtualTerminal, r: Rect): string[] {
  return vt.screenText().slice(r.top + 1, r.top + r.height - 1).map((line) => line.slice(r.left + 1, r.left + r.width - 1));
}

/** Every border cell of every panel with a non-empty rect is where `layout` says: nothing was drawn over another panel. */
export function assertFramed(vt: VirtualTerminal, layout: Record<PanelId, Rect>, where = `${vt.cols}x${vt.rows}`): void {
  const lines = vt.screenText();
  for (const [id, title] of PANEL_TITLES) {
    const r = layout[id];
    if (r.width <= 0 || r.height <= 0) continue;
    const top = lines[r.top] ?? '';
    const bottom = lines[r.top + r.height - 1] ?? '';
    assert.equal(top.slice(r.left, r.left + 3 + title.length), `┌─ ${title}`, `${id} title at ${where}`);
    assert.equal(top[r.left + r.width - 1], '┐', `${id} top-right at ${where}`);
    assert.equal(bottom.slice(r.left, r.left + r.width), `└${'─'.repeat(r.width - 2)}┘`, `${id} bottom at ${where}`);
    // By cell, not by string index: a wide character is one string character over two cells.
    for (let y = r.top + 1; y < r.top + r.height - 1; y++) {
      const sides = vt.cellAt(r.left, y).char + vt.cellAt(r.left + r.width - 1, y).char;
      assert.equal(sides, '││', `${id} sides on row ${y} at ${where}: ${lines[y]}`);
    }
  }
}
