// Prometheus families for the Raspberry Pi health strip and the --pid / --process targets.
import type { Snapshot } from '../store/snapshot.js';
import { ratio, type ExpositionBuilder } from './prometheus-text.js';

const THROTTLE_FLAGS = [
  ['underVoltage', 'under_voltage'],
  ['armFrequencyCapped', 'arm_frequency_capped'],
  ['throttled', 'throttled'],
  ['softTemperatureLimit', 'soft_temperature_limit'],
] as const;

export function writePi(out: ExpositionBuilder, pi: Snapshot['pi']): void {
  if (!pi) return;
  if (pi.board.state === 'ok') out.gauge('zoomtop_board_info', 'The board zoomtop runs on (value always 1).', 1, { model: pi.board.model, raspberry_pi: String(pi.board.raspberryPi) });
  if (pi.temperature.state === 'ok') out.gauge('zoomtop_soc_temperature_celsius', 'SoC temperature, degrees Celsius.', pi.temperature.celsius);
  if (pi.clock.state === 'ok') {
    out
      .gauge('zoomtop_cpu_frequency_hertz', 'CPU clock now, hertz.', pi.clock.currentHz)
      .gauge('zoomtop_cpu_frequency_max_hertz', 'CPU clock maximum, hertz.', pi.clock.maxHz);
  }
  if (pi.throttle.state !== 'ok') return;
  for (const [name, help, flags] of [
    ['zoomtop_throttled', 'Pi firmware throttling flags holding now (1) or not (0).', pi.throttle.now],
    ['zoomtop_throttled_since_boot', 'Pi firmware throttling flags that have held since boot (1) or not (0).', pi.throttle.sinceBoot],
  ] as const) {
    out.family(name, 'gauge', help);
    for (const [key, flag] of THROTTLE_FLAGS) out.sample(name, { flag }, flags[key] ? 1 : 0);
  }
}

/** The --pid / --process targets, labelled by the target as given. */
export function writeTargets(out: ExpositionBuilder, targets: NonNullable<Snapshot['processTargets']>): void {
  if (targets.length === 0) return;
  out.family('zoomtop_target_up', 'gauge', '1 while a watched process target is running, 0 when it exited or is missing.');
  for (const t of targets) out.sample('zoomtop_target_up', { target: t.target }, t.status === 'running' ? 1 : 0);
  const running = targets.flatMap((t) => (t.status === 'running' ? [t] : []));
  const each = (name: string, help: string, value: (t: (typeof running)[number]) => number | null): void => {
    const known = running.filter((t) => value(t) !== null);
    if (known.length === 0) return;
    out.family(name, 'gauge', help);
    for (const t of known) out.sample(name, { target: t.target }, value(t) as number);
  };
  each('zoomtop_target_cpu_usage_ratio', 'CPU time per second of one core of a watched process.', (t) => ratio(t.cpuPercent));
  each('zoomtop_target_resident_memory_bytes', 'Resident memory of a watched process, bytes.', (t) => t.rssBytes);
  each('zoomtop_target_threads', 'Threads of a watched process.', (t) => t.threadCount);
  each('zoomtop_target_open_fds', 'Open file descriptors of a watched process.', (t) => t.openFdCount);
  const restarts = targets.flatMap((t) => (t.status === 'missing' ? [] : [t]));
  if (restarts.length === 0) return;
  out.family('zoomtop_target_restarts_total', 'counter', 'Times a --process target moved to a new pid.');
  for (const t of restarts) out.sample('zoomtop_target_restarts_total', { target: t.target }, t.restartCount);
}
