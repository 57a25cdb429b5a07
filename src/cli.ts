#!/usr/bin/env node
// The zoomtop command: argv -> options -> dashboard. The only place that touches process.argv and exit,
// and the composition root: the one file in src/ that loads widgets/ (lazily, so the library never pulls in blessed).
import { readFileSync } from 'node:fs';
import { parseOptions, USAGE } from './app/options.js';
import { effectiveOptions } from './app/effective-options.js';
import { loadZoomtopConfig } from './config/zoomtop-config.js';

// Each mode's code is imported when that mode runs: the dashboard does not load the subcommands,
// replay or headless exporters (less to parse at start, less resident memory: issue 8).

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'replay') return replayMain(argv.slice(1));
  // The dashboard takes only flags, so a first word that is not one may name a subcommand.
  if (argv[0] !== undefined && !argv[0].startsWith('-')) {
    const { isSubcommand, runSubcommand } = await import('./commands/subcommands.js');
    if (isSubcommand(argv[0])) {
      // exitCode, not exit(): output piped to a script must be flushed first.
      process.exitCode = await runSubcommand(argv);
      return;
    }
  }
  const parsed = parseOptions(argv);
  if (!parsed.ok) {
    process.stderr.write(`zoomtop: ${parsed.error}\n`);
    process.exit(2);
  }
  if (parsed.options.help) {
    const { SUBCOMMAND_USAGE } = await import('./commands/subcommands.js');
    process.stdout.write(`${USAGE}\n${SUBCOMMAND_USAGE}`);
    return;
  }
  if (parsed.options.version) {
    process.stdout.write(`zoomtop ${version()}\n`);
    return;
  }
  // Every problem of zoomtop.yaml at once, before anything starts.
  const loaded = await loadZoomtopConfig({ file: parsed.options.config ?? undefined, env: process.env });
  if (!loaded.ok) {
    for (const line of loaded.errors) process.stderr.write(`zoomtop: ${line}\n`);
    process.exit(2);
  }
  const options = effectiveOptions(parsed.options, loaded.config);
  if (options.headless) {
    const { runHeadlessApp } = await import('./app/run-headless-app.js');
    process.exitCode = await runHeadlessApp(options, { settings: loaded.config });
    return;
  }
  // A bad --theme is told before a missing terminal: both are fixed on the command line, the theme first.
  const { createThemeCatalog } = await import('../widgets/theme-catalog.js');
  const catalog = createThemeCatalog({ env: process.env, term: process.env.TERM });
  let themeName = catalog.initialName(options.theme);
  const loadFirst = () => {
    try {
      return catalog.load(themeName);
    } catch (error) {
      // A name from zoomtop.yaml is fixed there, not on the command line: say which file it came from.
      const from = options.theme !== null && parsed.options.theme === null && loaded.file ? `${loaded.file}: theme: ` : '';
      process.stderr.write(`zoomtop: ${from}${(error as Error).message}\n`);
      return process.exit(2);
    }
  };
  const theme = loadFirst();
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    // One plain line, never escape codes: the output may be a pipe or a log file.
    const which = !process.stdout.isTTY ? 'stdout' : 'stdin';
    process.stderr.write(`zoomtop: ${which} is not a terminal; the dashboard needs one: run zoomtop in a terminal or tmux, or pass --headless to write the figures instead (zoomtop --help for options)\n`);
    process.exit(1);
  }
  const { runDashboard, StartupError } = await import('./app/run-dashboard.js');
  const { createBlessedUi } = await import('../widgets/blessed-ui.js');
  // `t` moves on even past a theme that fails to load, so a bad file never traps the key.
  const nextTheme = () => catalog.load((themeName = catalog.next(themeName)));
  try {
    await runDashboard(options, {
      settings: loaded.config,
      openUi: () => createBlessedUi({ theme, mouse: options.mouse, nextTheme }),
    });
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`zoomtop: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** `zoomtop replay`: here rather than in commands/, because it opens the terminal UI from widgets/. */
async function replayMain(args: string[]): Promise<void> {
  const { parseReplayArgs, REPLAY_USAGE, runReplay } = await import('./app/run-replay.js');
  const parsed = parseReplayArgs(args);
  if (!parsed.ok) {
    process.stderr.write(`zoomtop: ${parsed.error}\n`);
    process.exit(2);
  }
  if (parsed.help) return void process.stdout.write(REPLAY_USAGE);
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('zoomtop: replay draws the dashboard and needs a terminal; run it in a terminal or tmux\n');
    process.exit(1);
  }
  const { createBlessedUi } = await import('../widgets/blessed-ui.js');
  const { createThemeCatalog } = await import('../widgets/theme-catalog.js');
  const catalog = createThemeCatalog({ env: process.env, term: process.env.TERM });
  let themeName = catalog.initialName(null);
  try {
    const theme = catalog.load(themeName);
    const nextTheme = () => catalog.load((themeName = catalog.next(themeName)));
    runReplay(parsed.file, parsed.speed, { openUi: () => createBlessedUi({ theme, mouse: false, nextTheme }) });
  } catch (error) {
    process.stderr.write(`zoomtop: ${(error as Error).message.split('\n')[0]}\n`);
    process.exit(1);
  }
}

void main(process.argv.slice(2));
