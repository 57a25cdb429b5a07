// `zoomtop replay FILE [--speed N]`: the live dashboard's views drawn from a recording; pause, step, seek; no optimizer.
import { parseArgs } from 'node:util';
import { checkSpeed } from '../export/replay.js';
import { openReplay } from '../export/open-replay.js';
import { toDashboardModel, type ViewContext } from '../views/dashboard-model.js';
import { suggestionRows } from '../views/suggestion-rows.js';
import { operationKey, visibleOperations } from '../views/operations-model.js';
import type { OperationsOrder } from '../views/model.js';
import { installExitGuard, type ExitProcess } from './exit-guard.js';
import type { DashboardUi } from './run-dashboard.js';
import { reduceKey } from './ui-reducer.js';
import { initialUiState, type UiState } from './ui-state.js';

export const REPLAY_USAGE = `Usage: zoomtop replay FILE [--speed N]

Plays a recording written by zoomtop --record in the dashboard.
  --speed N   recording seconds per second, above 0 up to 1000 (default 1)
Keys: space or p pause/play, left/right step a frame, [ and ] seek 10 s back/forward, q quit.
Optimizer keys are off in replay.
`;

export type ReplayArgs = { ok: true; file: string; speed: number; help: boolean } | { ok: false; error: string };

export function parseReplayArgs(args: string[]): ReplayArgs {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { speed: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    return { ok: false, error: `replay: ${(error as Error).message.split('\n')[0]}; see zoomtop replay --help` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, file: '', speed: 1, help: true };
  if (positionals.length !== 1) return { ok: false, error: 'replay needs exactly one recording file, e.g. zoomtop replay run.ndjson' };
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  try {
    checkSpeed(speed);
  } catch (error) {
    return { ok: false, error: (error as Error).message.replace(String(speed), JSON.stringify(values.speed)) };
  }
  return { ok: true, file: positionals[0] as string, speed, help: false };
}

/** Keys that act on the app config or the sampler: meaningless for a recording. */
const OPTIMIZER_KEYS = new Set(['a', 'y', 'u', 'A', '+', '=', '-', 'c', 'e', 'h']);
const SEEK_MS = 10_000;

export type ReplayDeps = { openUi: () => DashboardUi; proc?: ExitProcess };

/** Opens the recording (throws a one-line error before the screen is taken), then plays it until q. */
export function runReplay(file: string, speed: number, deps: ReplayDeps): void {
  const { replay, skipped } = openReplay(file, { speed });
  const skippedCount = skipped.reduce((n, s) => n + s.lines.length, 0);
  let timer: NodeJS.Timeout | undefined;
  const screen = deps.openUi();
  const guard = installExitGuard({ proc: deps.proc, restoreTerminal: () => screen.destroy(), stop: async () => clearTimeout(timer) });
  let uiState: UiState = initialUiState;
  const context: ViewContext = { host: 'replay', intervalMs: 1000, statsdAddress: null, windowLabel: 'recorded', ellipsis: '…', readOnly: true, settling: null };

  // The operation rows as last drawn, as in the live dashboard: close rows keep their places, keys walk what is shown.
  let shownOrder: OperationsOrder | undefined;
  // How far the open dialog scrolls as last drawn (it depends on the size and, for the detail, the figures).
  let shownDialogMaxOffset = 0;
  const render = (): void => {
    const frame = replay.current();
    const state = replay.state();
    const at = new Date(frame.atMs).toISOString().slice(11, 19);
    context.settling = `replay ${at} ${state.playing ? 'playing' : 'paused'} x${state.speed} frame ${state.index + 1}/${state.frameCount}${skippedCount ? `, ${skippedCount} lines skipped` : ''}`;
    const glyphs = screen.glyphs?.() ?? { ellipsis: '…', bar: '#' };
    const model = toDashboardModel(frame.snapshot, frame.outcome, uiState, screen.size(), { ...context, ...glyphs, cameraStats: frame.cameraStats, operationOrder: shownOrder });
    shownOrder = model.operationOrder;
    shownDialogMaxOffset = model.dialog?.maxOffset ?? 0;
    screen.render(model);
    clearTimeout(timer);
    const waitMs = replay.msUntilNextFrame();
    if (waitMs !== null) timer = setTimeout(render, Math.max(20, waitMs + 1));
  };
  const notice = (line: string): void => void (uiState = { ...uiState, dialog: { kind: 'message', title: 'Replay', lines: [line], tone: 'warning' } });

  screen.onResize(() => render());
  screen.onKey((key) => {
    if (key === 'q') return void guard.exit(0);
    if (key === 'C-c') return void guard.exit(130);
    if (uiState.dialog === null && !uiState.editingFilter) {
      if (key === ' ' || key === 'space' || key === 'p') replay.toggle();
      else if (key === 'left') replay.step(-1);
      else if (key === 'right') replay.step(1);
      else if (key === '[') replay.seekBy(-SEEK_MS);
      else if (key === ']') replay.seekBy(SEEK_MS);
      else if (key === 't' && screen.nextTheme) tryTheme(screen, notice);
      else if (OPTIMIZER_KEYS.has(key)) notice('replay: optimizer keys are off');
      else navigate(key);
    } else navigate(key);
    render();
  });
  const navigate = (key: string): void => {
    const frame = replay.current();
    const operationKeys = shownOrder?.keys ?? visibleOperations(frame.snapshot.operations, uiState.sort, uiState.filter).map(operationKey);
    // Only navigation and overlays: every effect (apply, undo, interval) is an optimizer or sampler act.
    uiState = reduceKey(uiState, key, { suggestionCount: suggestionRows(frame.outcome.suggestions).length, operationKeys, dialogMaxOffset: shownDialogMaxOffset }).state;
  };
  replay.play();
  render();
}

function tryTheme(screen: DashboardUi, notice: (line: string) => void): void {
  try {
    screen.nextTheme?.();
  } catch (error) {
    notice((error as Error).message);
  }
}
