// The Pi health strip: board, throttling now and since boot, SoC temperature, ARM clock, GPU memory — one line with tones.
import { SOC_TEMPERATURE_CRITICAL_C, SOC_TEMPERATURE_WARNING_C } from '../rules/default-rules.js';
import type { ThrottleFlags } from '../sampler/types.js';
import type { PiHealthFigures } from '../store/snapshot.js';
import { formatBytes } from './format.js';
import type { Line, Span, Tone } from './model.js';
import { cutToWidth, textWidth } from './text-width.js';

export type PiHealthModel = {
  /** False off a Pi (or before the board is known): the layout may leave the strip out. */
  raspberryPi: boolean;
  line: Line;
};

/** A piece of the strip; when the line is too narrow the highest `drop` goes first. */
type Segment = { spans: Span[]; drop: number };

const SEPARATOR: Span = { text: ' | ', tone: 'muted' };
/** Below the warning level by this much, the temperature is shown as "careful". */
const CAREFUL_MARGIN_C = 10;
const FLAG_WORDS: readonly [keyof ThrottleFlags, string, string, Tone][] = [
  ['underVoltage', 'UNDER-VOLTAGE', 'under-voltage', 'critical'],
  ['throttled', 'THROTTLED', 'throttled', 'warning'],
  ['softTemperatureLimit', 'SOFT TEMP LIMIT', 'soft temp limit', 'warning'],
  ['armFrequencyCapped', 'ARM CAPPED', 'ARM capped', 'careful'],
];

export function toPiHealthModel(pi: PiHealthFigures | undefined, width: number): PiHealthModel {
  const raspberryPi = pi?.board.state === 'ok' && pi.board.raspberryPi;
  if (!pi) return { raspberryPi: false, line: fit([{ spans: [{ text: 'Pi health: n/a (no Pi sources)', tone: 'muted' }], drop: 0 }], width) };
  const segments = [
    boardSegment(pi),
    raspberryPi ? throttleSegment(pi) : null,
    temperatureSegment(pi),
    clockSegment(pi),
    raspberryPi ? sinceBootSegment(pi) : null,
    gpuMemorySegment(pi),
  ];
  return { raspberryPi, line: fit(segments.filter((s): s is Segment => s !== null), width) };
}

function boardSegment(pi: PiHealthFigures): Segment {
  const board = pi.board;
  if (board.state === 'pending') return one('Pi …', 'muted', 0);
  if (board.state === 'unavailable') return one(`Pi n/a: ${board.reason}`, 'muted', 0);
  if (!board.raspberryPi) return one(`${board.model}: not a Raspberry Pi`, 'muted', 0);
  return one(shortModel(board.model), 'title', 0);
}

function throttleSegment(pi: PiHealthFigures): Segment {
  const throttle = pi.throttle;
  if (throttle.state === 'pending') return one('flags …', 'muted', 1);
  if (throttle.state === 'unavailable') return one(`flags n/a: ${throttle.reason}`, 'muted', 1);
  const now = FLAG_WORDS.filter(([flag]) => throttle.now[flag]);
  if (now.length === 0) return one('not throttled', 'ok', 1);
  return { spans: now.flatMap(([, word, , tone], i) => [...(i > 0 ? [{ text: ' ', tone: 'normal' as const }] : []), { text: word, tone }]), drop: 0 };
}

function temperatureSegment(pi: PiHealthFigures): Segment {
  const t = pi.temperature;
  if (t.state !== 'ok') return one(t.state === 'pending' ? 'SoC …' : 'SoC n/a', 'muted', 3);
  return one(`SoC ${t.celsius.toFixed(1)} °C`, temperatureTone(t.celsius), 1);
}

/** The same levels as the temperature alerts (above 80 °C warning, above 85 °C critical). */
function temperatureTone(celsius: number): Tone {
  if (celsius > SOC_TEMPERATURE_CRITICAL_C) return 'critical';
  if (celsius > SOC_TEMPERATURE_WARNING_C) return 'warning';
  return celsius > SOC_TEMPERATURE_WARNING_C - CAREFUL_MARGIN_C ? 'careful' : 'ok';
}

function clockSegment(pi: PiHealthFigures): Segment {
  const c = pi.clock;
  if (c.state !== 'ok') return one(c.state === 'pending' ? 'ARM …' : 'ARM n/a', 'muted', 4);
  const capped = pi.throttle.state === 'ok' && (pi.throttle.now.armFrequencyCapped || pi.throttle.now.throttled);
  return one(`ARM ${mhz(c.currentHz)}/${mhz(c.maxHz)} MHz`, capped ? 'careful' : 'normal', 2);
}

function sinceBootSegment(pi: PiHealthFigures): Segment | null {
  if (pi.throttle.state !== 'ok') return null;
  const since = pi.throttle.sinceBoot;
  const words = FLAG_WORDS.filter(([flag]) => since[flag]).map(([, , word]) => word);
  return words.length === 0 ? null : one(`since boot: ${words.join(', ')}`, 'careful', 3);
}

function gpuMemorySegment(pi: PiHealthFigures): Segment | null {
  if (pi.board.state !== 'ok' || pi.board.gpuMemoryBytes === null) return null;
  return one(`GPU mem ${formatBytes(pi.board.gpuMemoryBytes)}`, 'muted', 5);
}

/** "Raspberry Pi 4 Model B Rev 1.4" -> "Pi 4 B"; "Raspberry Pi Zero 2 W Rev 1.0" -> "Pi Zero 2 W". */
export function shortModel(model: string): string {
  return model.replace(/^Raspberry /, '').replace(/ Model /, ' ').replace(/ Rev [\w.]+$/, '');
}

function mhz(hz: number): string {
  return String(Math.round(hz / 1e6));
}

function one(text: string, tone: Tone, drop: number): Segment {
  return { spans: [{ text, tone }], drop };
}

/** Drops the least important segments until the line fits, then cuts what still does not. */
function fit(segments: Segment[], width: number): Line {
  const kept = [...segments];
  const widthOf = (list: Segment[]) =>
    list.reduce((sum, s) => sum + s.spans.reduce((n, span) => n + textWidth(span.text), 0), 0) + (list.length - 1) * textWidth(SEPARATOR.text);
  while (kept.length > 1 && widthOf(kept) > width) {
    const worst = kept.reduce((w, s, i) => (s.drop >= (kept[w]?.drop ?? -1) ? i : w), 0);
    kept.splice(worst, 1);
  }
  const line = kept.flatMap((s, i) => (i > 0 ? [SEPARATOR, ...s.spans] : s.spans));
  return cutLine(line, width);
}

function cutLine(line: Line, width: number): Line {
  const out: Line = [];
  let room = width;
  for (const span of line) {
    if (room <= 0) break;
    const text = cutToWidth(span.text, room);
    out.push({ text, tone: span.tone });
    room -= textWidth(text);
  }
  return out;
}
