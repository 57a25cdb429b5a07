// The resolution ladder: WIDTHxHEIGHT strings, and the next step down from any resolution.

export type Resolution = { width: number; height: number };

/** ZoomCam's historical steps; any WxH strings may replace them. */
export const DEFAULT_LADDER: readonly string[] = ['1920x1080', '1280x720', '640x480'];

/** Largest side accepted; anything bigger is a typo, not a camera. */
const MAX_SIDE_PX = 16384;

/** Parses "1280x720" (case-insensitive x, no spaces); null when it is not a WxH resolution. */
export function parseResolution(text: string): Resolution | null {
  const match = /^(\d{1,5})[xX](\d{1,5})$/.exec(text);
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  if (width < 1 || height < 1 || width > MAX_SIDE_PX || height > MAX_SIDE_PX) return null;
  return { width, height };
}

/** A one-line error naming the first bad ladder step, or null when the ladder is usable. */
export function checkLadder(ladder: readonly string[]): string | null {
  if (ladder.length === 0) return 'resolution ladder is empty; give at least one step like "640x480"';
  for (const [index, step] of ladder.entries()) {
    if (parseResolution(step) === null) {
      return `resolution ladder step ${index + 1} "${step}" is not WIDTHxHEIGHT; write it like "1280x720"`;
    }
  }
  return null;
}

/**
 * The next ladder step with fewer pixels than `resolution`, or null at/below the floor.
 * A value not on the ladder goes to the biggest step below its pixel count, so an odd
 * "1600x900" still steps down to "1280x720". Ladder order does not matter, only pixels.
 */
export function nextLower(resolution: string, ladder: readonly string[] = DEFAULT_LADDER): string | null {
  const current = parseResolution(resolution);
  if (current === null) return null;
  const currentPx = current.width * current.height;
  let best: { step: string; px: number } | null = null;
  for (const step of ladder) {
    const parsed = parseResolution(step);
    if (parsed === null) continue;
    const px = parsed.width * parsed.height;
    // Strictly greater keeps the first of equal-pixel steps, so ladder order breaks ties.
    if (px < currentPx && (best === null || px > best.px)) best = { step, px };
  }
  return best?.step ?? null;
}

/** Pixel count of a WxH string, 0 when unparsable (sorts last). */
export function pixelCount(resolution: string): number {
  const parsed = parseResolution(resolution);
  return parsed === null ? 0 : parsed.width * parsed.height;
}

/**
 * The next ladder step with more pixels than `resolution`, or null at/above the top. The mirror
 * of nextLower: an odd "1600x900" steps up to the smallest step above it, "1920x1080".
 */
export function nextHigher(resolution: string, ladder: readonly string[] = DEFAULT_LADDER): string | null {
  const current = parseResolution(resolution);
  if (current === null) return null;
  const currentPx = current.width * current.height;
  let best: { step: string; px: number } | null = null;
  for (const step of ladder) {
    const px = pixelCount(step);
    if (px > currentPx && (best === null || px < best.px)) best = { step, px };
  }
  return best?.step ?? null;
}
