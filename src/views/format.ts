// Number and time formatting for the screen: fixed widths, units always shown, unknown never shown as 0.

/** Shown wherever a figure has not been measured yet. */
export const NO_DATA = '…';

export function formatPercent(value: number | null): string {
  return value === null ? NO_DATA : `${value.toFixed(1)} %`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `maxDigits` after the point (default 1; none for bytes or values of 100 and more). */
export function formatBytes(bytes: number | null, maxDigits = 1): string {
  if (bytes === null) return NO_DATA;
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : maxDigits;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** Milliseconds with 3 significant-ish digits: 0.042, 1.25, 12.5, 125, 1250. */
export function formatMs(ms: number | null): string {
  if (ms === null) return NO_DATA;
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

/** A count in at most 6 characters: 999999, 1.2M, 34.5G. */
export function formatCount(count: number): string {
  if (count < 1e6) return String(Math.round(count));
  if (count < 1e9) return `${(count / 1e6).toFixed(1)}M`;
  return `${(count / 1e9).toFixed(1)}G`;
}

export function formatRate(perSec: number): string {
  if (perSec >= 1000) return formatCount(perSec);
  if (perSec >= 10) return perSec.toFixed(0);
  return perSec.toFixed(1);
}

/** Elapsed time: 45s, 3m05s, 2h07m, 3d04h. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

/** Wall-clock time of day, HH:MM:SS, in the given time zone offset (minutes east of UTC; local by default). */
export function formatClock(atMs: number, offsetMinutes = -new Date(atMs).getTimezoneOffset()): string {
  const d = new Date(atMs + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Parses "1s", "500ms", "2m", or a bare number of seconds, into ms; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
  return value * factor;
}
