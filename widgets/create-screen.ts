// Builds the blessed screen on injected streams, with the fixes in terminal-fixes.ts applied.
import blessed from 'blessed';
import type { Env } from './locale.js';
import { isUtf8Locale } from './locale.js';
import { blessedTerminalName, compactScreenOutput, fillShortGapsOnDraw, withoutExitHandlers, withQuietConsole } from './terminal-fixes.js';

export type ScreenOptions = {
  /** Key input. Default: process.stdin. */
  input?: NodeJS.ReadableStream;
  /** Where the screen is drawn. Default: process.stdout. */
  output?: NodeJS.WritableStream;
  /** $TERM as the user has it; mapped for blessed by blessedTerminalName. Default: env.TERM. */
  term?: string;
  /** Turns on mouse reporting. Default: false (keeps the terminal's own text selection working). */
  mouse?: boolean;
  /** Decides UTF-8 (full-width characters) from LC_ALL/LC_CTYPE/LANG. Default: process.env. */
  env?: Env;
};

export function createScreen(options: ScreenOptions = {}): blessed.Widgets.Screen {
  const env = options.env ?? process.env;
  const utf8 = isUtf8Locale(env);
  const screenOptions = {
    input: options.input ?? process.stdin,
    output: options.output ?? process.stdout,
    terminal: blessedTerminalName(options.term ?? env['TERM']),
    smartCSR: true,
    fullUnicode: utf8,
    // blessed reads LANG itself otherwise, from process.env rather than the injected env.
    forceUnicode: utf8,
    warnings: false,
    autoPadding: true,
    // Resizes reach the app at once; it re-renders a model for the new size.
    resizeTimeout: 0,
  };
  // @types/blessed swaps the stream types of input and output, hence the cast.
  const build = () => blessed.screen(screenOptions as unknown as blessed.Widgets.IScreenOptions);
  const screen = withoutExitHandlers(() => withQuietConsole(build));
  compactScreenOutput((screen as unknown as { program: { _write(text: string): unknown } }).program);
  fillShortGapsOnDraw(screen as unknown as Parameters<typeof fillShortGapsOnDraw>[0]);
  if (options.mouse) screen.enableMouse();
  return screen;
}
