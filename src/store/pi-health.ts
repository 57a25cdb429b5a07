// The store's Raspberry Pi part: latest board, temperature (with history), throttle flags and clock.
import type { Sample } from '../sampler/types.js';
import { RingBuffer } from './ring-buffer.js';
import type { PiHealthFigures, Reading } from './snapshot.js';

/** Source names whose `unavailable` samples this part takes (the sources export the same names). */
const SOURCES = { board: 'pi-model', temperature: 'pi-thermal', throttle: 'pi-throttle', clock: 'pi-clock' } as const;

export class PiHealthStore {
  private readonly temperatures: RingBuffer;
  private board: PiHealthFigures['board'] = { state: 'pending' };
  private temperature: Reading<{ celsius: number; zoneType: string }> = { state: 'pending' };
  private throttle: PiHealthFigures['throttle'] = { state: 'pending' };
  private clock: PiHealthFigures['clock'] = { state: 'pending' };

  constructor(historyLength: number) {
    this.temperatures = new RingBuffer(historyLength);
  }

  /** Takes the samples that are its own; returns false for any other. */
  ingest(sample: Sample): boolean {
    switch (sample.kind) {
      case 'pi-model':
        this.board = { state: 'ok', atMs: sample.atMs, model: sample.model, raspberryPi: sample.raspberryPi, gpuMemoryBytes: sample.gpuMemoryBytes };
        return true;
      case 'thermal':
        this.temperatures.push(sample.temperatureC);
        this.temperature = { state: 'ok', atMs: sample.atMs, celsius: sample.temperatureC, zoneType: sample.zoneType };
        return true;
      case 'pi-throttle':
        this.throttle = { state: 'ok', atMs: sample.atMs, raw: sample.raw, via: sample.via, now: sample.now, sinceBoot: sample.sinceBoot };
        return true;
      case 'cpu-clock':
        this.clock = { state: 'ok', atMs: sample.atMs, currentHz: sample.currentHz, maxHz: sample.maxHz };
        return true;
      case 'unavailable':
        return this.ingestUnavailable(sample.source, sample.reason);
      default:
        return false;
    }
  }

  snapshot(): PiHealthFigures {
    const temperature = this.temperature.state === 'ok' ? { ...this.temperature, history: this.temperatures.toArray() } : this.temperature;
    return { board: this.board, temperature, throttle: this.throttle, clock: this.clock };
  }

  private ingestUnavailable(source: string, reason: string): boolean {
    const unavailable = { state: 'unavailable', reason } as const;
    switch (source) {
      case SOURCES.board:
        this.board = unavailable;
        return true;
      case SOURCES.temperature:
        // A gap in the graph, not a made-up reading.
        if (this.temperatures.size > 0) this.temperatures.push(null);
        this.temperature = unavailable;
        return true;
      case SOURCES.throttle:
        this.throttle = unavailable;
        return true;
      case SOURCES.clock:
        this.clock = unavailable;
        return true;
      default:
        return false;
    }
  }
}
