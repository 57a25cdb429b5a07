// Command-line words -> validated options, with one-line errors that say the fix. Pure.
import { parseArgs } from 'node:util';
import { parseDuration } from '../views/format.js';
import { HEADLESS_FORMATS, type HeadlessFormat } from '../export/headless.js';
import { LOG_LEVELS, type LogLevel } from './log-file.js';

export type Options = {
  demo: boolean;
  intervalMs: number;
  /** null when StatsD ingest is off. */
  statsd: { host: string; port: number } | null;
  appConfig: string | null;
  /** Auto mode from the start (the A key toggles it). */
  auto: boolean;
  /** Preview actions, never write the app config. */
  readOnly: boolean;
  /** null: chosen from the terminal (console on TERM=linux, mono under NO_COLOR, else default). */
  theme: string | null;
  /** Mouse reporting; off by default because it takes the terminal's (and tmux's) own mouse away. */
  mouse: boolean;
  logLevel: LogLevel;
  /** Processes to watch (--pid N, --process NAME; each may repeat). */
  watch: ({ pid: number } | { name: string })[];
  /** zoomtop.yaml named by --config; null: the one in the XDG config directory, if any. */
  config: string | null;
  /** Which of the values zoomtop.yaml may also set were given on the command line (they win). */
  given: { interval: boolean; statsd: boolean; logLevel: boolean };
  /** --prometheus HOST:PORT; null (the default) serves nothing. explicitHost: a host was written (":9464" means loopback). */
  prometheus: { host: string; port: number; explicitHost: boolean } | null;
  /** --headless: no TUI, output per --format. Default false. */
  headless: boolean;
  /** Headless output format. Default ndjson. */
  format: HeadlessFormat;
  /** Headless run length; null (the default) runs until SIGINT/SIGTERM. */
  durationMs: number | null;
  /** Headless output file; null (the default) is stdout. */
  output: string | null;
  /** --record FILE: frames and actions appended as NDJSON; null (the default) records nothing. */
  record: string | null;
  help: boolean;
  version: boolean;
};

export type ParsedOptions = { ok: true; options: Options } | { ok: false; error: string };

export const USAGE = `Usage: zoomtop [options]

Live dashboard of where a ZoomCam appliance spends its machine.

Options:
  --demo               run the built-in camera pipeline (a stand-in for ZoomCam) and watch it
  --config FILE        zoomtop's own settings (default: $XDG_CONFIG_HOME/zoomtop/zoomtop.yaml
                       when it exists; \`zoomtop init\` writes one with every default)
  --pid N              watch this process too (CPU, RSS, threads, open files); repeatable
  --process NAME       watch the process with this command name, following restarts; repeatable
  --interval DURATION  sampling interval, e.g. 1s, 500ms, 2s (default 1s); a bare number
                       is seconds
  --statsd HOST:PORT   where to listen for StatsD timers and gauges (default 127.0.0.1:8125)
  --no-statsd          do not listen for StatsD
  --app-config FILE    the app's YAML config that optimizer actions edit
                       (default with --demo: the demo's copy in the zoomtop data directory)
  --auto               start in auto mode: apply automated actions within the auto gate's limits
                       (at most one per 5 min, 6 per hour, never the same twice without effect)
  --read-only          show suggestions and previews, never write the app config
  --theme NAME         default, light, high-contrast, mono, console, or one of yours in
                       $XDG_CONFIG_HOME/zoomtop/themes/NAME.yaml (default: from the terminal)
  --mouse              turn on mouse reporting (off: the terminal keeps its own selection)
  --log-level LEVEL    error, warn, info or debug (default info); the log is zoomtop.log
                       in the zoomtop data directory
  --prometheus HOST:PORT  serve /metrics for Prometheus (off by default; ":9464" is loopback;
                       any other address exposes the figures and must be written out)
  --record FILE        append every frame and action to FILE (NDJSON, rotated at 50 MB, 5 files);
                       play it with \`zoomtop replay FILE\`
  --headless           no dashboard and no terminal needed: write the figures instead
  --format FORMAT      with --headless: ndjson (a line per interval, default), influx (line
                       protocol per interval), json or yaml (a summary at the end)
  --duration DURATION  with --headless: stop after this long, e.g. 60s, 10m (default: until
                       SIGINT or SIGTERM)
  --output FILE        with --headless: write to FILE instead of stdout
  -h, --help           show this help
  -v, --version        show the version
`;

const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 3_600_000;

export function parseOptions(argv: string[]): ParsedOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: 'boolean', default: false },
        auto: { type: 'boolean', default: false },
        'read-only': { type: 'boolean', default: false },
        // No defaults here: an option given on the command line must be told apart from zoomtop.yaml's value.
        config: { type: 'string' },
        pid: { type: 'string', multiple: true },
        process: { type: 'string', multiple: true },
        interval: { type: 'string' },
        statsd: { type: 'string' },
        'no-statsd': { type: 'boolean', default: false },
        'app-config': { type: 'string' },
        theme: { type: 'string' },
        mouse: { type: 'boolean', default: false },
        'log-level': { type: 'string' },
        prometheus: { type: 'string' },
        record: { type: 'string' },
        headless: { type: 'boolean', default: false },
        format: { type: 'string' },
        duration: { type: 'string' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, error: `${(error as Error).message.split('\n')[0]}; see zoomtop --help` };
  }
  if (values['no-statsd'] && values.statsd !== undefined) return { ok: false, error: `--statsd "${values.statsd}" and --no-statsd contradict each other; drop one of them` };
  const watch: Options['watch'] = [];
  for (const pid of values.pid ?? []) {
    if (!/^[1-9]\d{0,9}$/.test(pid)) return { ok: false, error: `--pid "${pid}" is not a process id; give a positive whole number, e.g. --pid 1234` };
    watch.push({ pid: Number(pid) });
  }
  for (const name of values.process ?? []) {
    if (name.trim() === '') return { ok: false, error: '--process "" names no process; give its command name, e.g. --process zoomcam' };
    watch.push({ name });
  }
  const given: Options['given'] = { interval: values.interval !== undefined, statsd: values.statsd !== undefined || values['no-statsd'] === true, logLevel: values['log-level'] !== undefined };
  values.interval ??= '1s';
  values.statsd ??= '127.0.0.1:8125';
  values['log-level'] ??= 'info';
  const intervalMs = parseDuration(values.interval);
  if (intervalMs === null || intervalMs < MIN_INTERVAL_MS || intervalMs > MAX_INTERVAL_MS) {
    return { ok: false, error: `--interval "${values.interval}" is not a duration between 100ms and 1h; write it like 1s, 500ms or 2s` };
  }
  const logLevel = values['log-level'];
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    return { ok: false, error: `--log-level "${logLevel}" is not a level; use one of ${LOG_LEVELS.join(', ')}` };
  }
  if (values.auto && values['read-only']) return { ok: false, error: '--auto writes the app config and --read-only forbids it; drop one of them' };
  const theme = values.theme ?? null;
  if (theme !== null && !/^[a-z0-9][a-z0-9_-]*$/i.test(theme)) {
    return { ok: false, error: `--theme "${theme}" is not a theme name; use letters, digits, - and _ (e.g. default, light, high-contrast, mono, console)` };
  }
  const exports = parseExports(values);
  if (!exports.ok) return exports;
  let statsd: Options['statsd'] = null;
  if (!values['no-statsd']) {
    const address = parseHostPort(values.statsd);
    if (!address) return { ok: false, error: `--statsd "${values.statsd}" is not HOST:PORT; write it like 127.0.0.1:8125, or pass --no-statsd` };
    statsd = address;
  }
  return {
    ok: true,
    options: {
      demo: values.demo,
      intervalMs,
      statsd,
      appConfig: values['app-config'] ?? null,
      auto: values.auto,
      readOnly: values['read-only'],
      theme,
      mouse: values.mouse,
      logLevel: logLevel as LogLevel,
      config: values.config ?? null,
      watch,
      given,
      ...exports.options,
      help: values.help,
      version: values.version,
    },
  };
}

type ExportOptions = Pick<Options, 'prometheus' | 'headless' | 'format' | 'durationMs' | 'output' | 'record'>;
type ExportValues = { prometheus?: string; record?: string; headless?: boolean; format?: string; duration?: string; output?: string };

/** --prometheus, --record and the headless options; the headless ones mean nothing without --headless. */
function parseExports(values: ExportValues): { ok: true; options: ExportOptions } | { ok: false; error: string } {
  const headless = values.headless === true;
  for (const name of ['format', 'duration', 'output'] as const) {
    if (!headless && values[name] !== undefined) return { ok: false, error: `--${name} "${values[name]}" only applies with --headless; add --headless or drop --${name}` };
  }
  let prometheus: Options['prometheus'] = null;
  if (values.prometheus !== undefined) {
    const address = parseHostPort(values.prometheus);
    if (!address) return { ok: false, error: `--prometheus "${values.prometheus}" is not HOST:PORT; write it like 127.0.0.1:9464 (or :9464 for loopback)` };
    prometheus = { ...address, explicitHost: !/^:/.test(values.prometheus.trim()) };
  }
  const format = values.format ?? 'ndjson';
  if (!(HEADLESS_FORMATS as readonly string[]).includes(format)) return { ok: false, error: `--format "${format}" is not a format; use one of ${HEADLESS_FORMATS.join(', ')}` };
  let durationMs: number | null = null;
  if (values.duration !== undefined) {
    durationMs = parseDuration(values.duration);
    if (durationMs === null || durationMs <= 0) return { ok: false, error: `--duration "${values.duration}" is not a positive duration; write it like 60s, 10m or 1h` };
  }
  if (values.output === '') return { ok: false, error: '--output "" names no file; give a path, e.g. --output zoomtop.ndjson, or leave it out for stdout' };
  if (values.record === '') return { ok: false, error: '--record "" names no file; give a path, e.g. --record run.ndjson' };
  return { ok: true, options: { prometheus, headless, format: format as HeadlessFormat, durationMs, output: values.output ?? null, record: values.record ?? null } };
}

/** "127.0.0.1:8125", "[::1]:8125", ":8125" (loopback) -> host and port; null when malformed. */
export function parseHostPort(text: string): { host: string; port: number } | null {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text.trim());
  if (!match) return null;
  const port = Number(match[3]);
  if (port < 0 || port > 65535) return null;
  const host = match[1] ?? (match[2] || '127.0.0.1');
  return { host, port };
}
