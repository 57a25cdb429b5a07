#!/usr/bin/env node
// The zoomtop command: argv -> options -> dashboard. The only place that touches process.argv and exit,
// and the composition root: the one file in src/ that loads widgets/ (lazily, so the library never pulls in blessed).
import { readFileSync } from 'node:fs';
import { parseOptions, USAGE } from './app/options.js';
import { runDashboard, StartupError } from './app/run-dashboard.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseOptions(argv);
  if (!parsed.ok) {
    process.stderr.write(`zoomtop: ${parsed.error}\n`);
    process.exit(2);
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (options.version) {
    process.stdout.write(`zoomtop ${version()}\n`);
    return;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write('zoomtop: the dashboard needs a terminal, and stdin/stdout is not one; run it in a terminal (or in tmux)\n');
    process.exit(1);
  }
  const { createBlessedUi } = await import('../widgets/blessed-ui.js');
  const { chooseThemeName, loadTheme } = await import('../widgets/theme.js');
  const themeName = chooseThemeName({ term: process.env.TERM, env: process.env });
  const theme = loadTheme(themeName);
  try {
    await runDashboard(options, {
      openUi: () => Object.assign(createBlessedUi({ theme }), { ellipsis: theme.glyphs.ellipsis }),
    });
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`zoomtop: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

void main(process.argv.slice(2));
