// The one place that works around blessed's traps: terminfo parsing, stray warnings, and exit-calling handlers.
//
// What blessed 0.1.81 does on its own, and what we do about it:
// - Its terminfo compiler throws on entries from ncurses >= 6.1 (xterm-256color, tmux-256color,
//   screen-256color: the sgr and extended capabilities), prints the failing code with
//   console.error, then falls back: to its bundled copy for names it ships (xterm-256color,
//   256 colours) or to plain xterm (8 colours) for everything else. So every *-256color name
//   becomes xterm-256color, and console.error is silenced while the screen is built.
// - Tput errors and "Output is not a TTY" are emitted as 'warning' events; they are only drawn
//   when the screen's `warnings` option is on, which we never turn on.
// - Screen.bind installs process handlers once per process: SIGTERM, SIGINT and SIGQUIT handlers
//   that call process.exit(0) when they are the only listener, and an uncaughtException handler
//   that destroys every screen then calls process.exit(1). We remove those (the app owns
//   signals and crashes). We keep the 'exit' handlers of Screen (destroy every screen, which
//   restores the terminal) and Program (flush output): they never call process.exit.
// - On Ctrl-Z (only if something binds it) Program.pause installs a one-shot SIGCONT handler;
//   nothing here binds it.

/** Signals and events whose blessed handlers end the process. */
const EXITING_EVENTS = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'uncaughtException'] as const;

/** Terminals that support 256 colours but are not named *-256color; their terminfo is often absent. */
const MODERN_XTERMS = /^(alacritty|xterm-kitty|kitty|foot|wezterm|xterm-ghostty|ghostty|contour)/;

/**
 * The terminal name to give blessed for $TERM: names it cannot parse become one it ships.
 * Unset or empty gives 'xterm'; 'linux' stays (blessed reads it fine and the console needs it).
 */
export function blessedTerminalName(term: string | undefined): string {
  const name = (term ?? '').trim().toLowerCase();
  if (name === '') return 'xterm';
  if (/256colou?r|truecolor|-direct$/.test(name) || MODERN_XTERMS.test(name)) return 'xterm-256color';
  return name;
}

/** Runs `build` with console.error silenced, so blessed's terminfo compiler cannot scribble on the screen. */
export function withQuietConsole<T>(build: () => T): T {
  const original = console.error;
  console.error = () => {};
  try {
    return build();
  } finally {
    console.error = original;
  }
}

type Listener = (...args: unknown[]) => void;

/**
 * Runs `build` and then removes every SIGTERM/SIGINT/SIGQUIT/uncaughtException listener it added
 * to `proc`, so blessed cannot call process.exit behind the app's back.
 */
export function withoutExitHandlers<T>(build: () => T, proc: NodeJS.EventEmitter = process): T {
  const before = new Map(EXITING_EVENTS.map((event) => [event, new Set(proc.listeners(event))]));
  try {
    return build();
  } finally {
    for (const event of EXITING_EVENTS) {
      const known = before.get(event) ?? new Set();
      for (const listener of proc.listeners(event)) {
        if (!known.has(listener)) proc.removeListener(event, listener as Listener);
      }
    }
  }
}

/**
 * blessed starts every changed line with a move to its first column, then at once moves again to
 * the first changed cell: `ESC[5;1H ESC[5;26H`. The first move does nothing but cost bytes (about
 * 7 per changed line, every frame), so it is dropped. Only a move followed directly by another
 * move on the same row is touched.
 */
const DOUBLE_MOVE = /\x1b\[(\d+);1H(?=\x1b\[\1;\d+H)/g;

/**
 * blessed switches colours with a reset and then the new colours as two sequences, `ESC[m ESC[38;5;245m`;
 * one, `ESC[0;38;5;245m`, does the same. Only a reset followed at once by another colour sequence is joined.
 */
const RESET_THEN_COLOURS = /\x1b\[m\x1b\[([\d;]+)m/g;

export function compactFrame(frame: string): string {
  const moved = frame.includes(';1H\x1b[') ? frame.replace(DOUBLE_MOVE, '') : frame;
  return moved.includes('\x1b[m\x1b[') ? moved.replace(RESET_THEN_COLOURS, '\x1b[0;$1m') : moved;
}

/** Routes blessed's screen output through compactFrame; what it does not match passes unchanged. */
export function compactScreenOutput(program: { _write(text: string): unknown }): void {
  const write = program._write.bind(program);
  program._write = (text: string) => write(compactFrame(text));
}

/** A blessed screen cell: attribute bits and the character. */
type Cell = [number, string];
type CellLine = Cell[] & { dirty?: boolean };

/** The bytes blessed writes to skip `n` unchanged cells on a row: ESC [ n C. */
const skipCost = (n: number): number => 3 + String(n).length;
/** Printable ASCII: one byte, one cell, and never part of blessed's alternate-charset or wide-character handling. */
const isPlainAscii = (ch: string): boolean => ch.length === 1 && ch >= ' ' && ch <= '~';

/**
 * blessed skips every run of unchanged cells between two changed ones with a cursor move, even a
 * run of one cell: `4 ESC[1C 5` (6 bytes) where `4.5` (3 bytes) would do. Figures that change a
 * digit or two each tick are mostly such runs. Marks the cells of a short run as changed when
 * writing them again is cheaper than the move: plain ASCII in the attribute the terminal is already
 * in, so no colour code is added. blessed itself still writes every cell, so the screen is the same.
 */
export function fillShortGaps(line: readonly Cell[], drawn: Cell[], defaultAttr: number): void {
  let attr = defaultAttr;
  let gapStart = -1;
  let seenChange = false;
  for (let x = 0; x < line.length; x++) {
    const [data, ch] = line[x]!;
    const old = drawn[x]!;
    if (data === old[0] && ch === old[1]) {
      if (seenChange && gapStart < 0) gapStart = x;
      continue;
    }
    if (gapStart >= 0) {
      if (x - gapStart < skipCost(x - gapStart) && line.slice(gapStart, x).every(([d, c]) => d === attr && isPlainAscii(c))) {
        for (let g = gapStart; g < x; g++) drawn[g]![0] = -1;
      }
      gapStart = -1;
    }
    // A wide character's second cell is handled by blessed on its own: no run may start right after one.
    seenChange = isPlainAscii(ch) || (ch.length === 1 && ch.charCodeAt(0) < 0x1100);
    attr = data;
  }
}

type DrawingScreen = {
  lines: CellLine[];
  olines: Cell[][];
  dattr: number;
  cursor: { artificial?: boolean };
  options: { useBCE?: boolean };
  draw(start: number, end: number): void;
};

/** Runs fillShortGaps on every line blessed is about to draw (not with its artificial cursor or erase lookahead, whose paths differ). */
export function fillShortGapsOnDraw(screen: DrawingScreen): void {
  if (screen.cursor.artificial || screen.options.useBCE) return;
  const draw = screen.draw.bind(screen);
  screen.draw = (start: number, end: number) => {
    for (let y = start; y <= end; y++) {
      const line = screen.lines[y];
      const drawn = screen.olines[y];
      if (line?.dirty && drawn) fillShortGaps(line, drawn, screen.dattr);
    }
    draw(start, end);
  };
}
