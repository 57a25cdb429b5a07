// The only way src/ talks to the terminal: widgets/ implements this.
import type { DashboardModel } from '../views/model.js';

/** Keys as the app sees them: a printable character, or a name like 'up', 'enter', 'escape', 'C-c', 'tab', 'S-tab'. */
export type KeyName = string;

export type TerminalSize = { cols: number; rows: number };

export type UiPort = {
  size(): TerminalSize;
  render(model: DashboardModel): void;
  onKey(handler: (key: KeyName) => void): void;
  onResize(handler: (size: TerminalSize) => void): void;
  /** Restores the terminal: main screen, cursor, echo. Safe to call twice. */
  destroy(): void;
};
