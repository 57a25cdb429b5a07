// A terminal in memory for screen tests: fake tty streams whose output bytes feed an xterm emulator.
import { PassThrough, Writable } from 'node:stream';
import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

/** Output side: what blessed sees as stdout (columns, rows, isTTY, 'resize'). */
export class FakeTtyOutput extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;
  /** Every byte written, for checks on escape sequences (cursor shown, alternate screen left). */
  written = '';

  constructor(cols: number, rows: number, private readonly sink: (data: string, done: () => void) => void) {
    super({ decodeStrings: false });
    this.columns = cols;
    this.rows = rows;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const data = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.written += data;
    this.sink(data, () => callback());
  }
}

/** Input side: what blessed sees as stdin; `send` types bytes as a person would. */
export class FakeTtyInput extends PassThrough {
  readonly isTTY = true;
  isRaw = false;

  setRawMode(raw: boolean): this {
    this.isRaw = raw;
    return this;
  }
}

export type Cell = { char: string; fg: number | null; bg: number | null; bold: boolean; inverse: boolean };

export class VirtualTerminal {
  readonly output: FakeTtyOutput;
  readonly input = new FakeTtyInput();
  private readonly term: InstanceType<typeof Terminal>;
  private pending = 0;
  private idle: (() => void)[] = [];

  constructor(cols: number, rows: number) {
    this.term = new Terminal({ cols, rows, allowProposedApi: true });
    this.output = new FakeTtyOutput(cols, rows, (data, done) => {
      this.pending++;
      this.term.write(data, () => {
        this.pending--;
        done();
        if (this.pending === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    });
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /**
   * Resolves once xterm has parsed every byte written so far. blessed buffers its output until
   * the next setImmediate, and xterm parses asynchronously, so both are awaited.
   */
  async waitForWrites(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.pending === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** The visible screen, one string per row, trailing spaces kept so columns line up. */
  screenText(): string[] {
    const buffer = this.term.buffer.active;
    return Array.from({ length: this.term.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(false) ?? '');
  }

  /** Which buffer is showing: blessed draws on the alternate one and must leave it on destroy. */
  bufferType(): 'normal' | 'alternate' {
    return this.term.buffer.active.type;
  }

  /** One cell: its character, its palette colours (null when the default colour), bold and inverse. */
  cellAt(x: number, y: number): Cell {
    const buffer = this.term.buffer.active;
    const cell = buffer.getLine(buffer.viewportY + y)?.getCell(x);
    if (!cell) throw new Error(`cellAt(${x}, ${y}) is outside the ${this.cols}x${this.rows} screen`);
    return {
      char: cell.getChars(),
      fg: cell.isFgDefault() ? null : cell.getFgColor(),
      bg: cell.isBgDefault() ? null : cell.getBgColor(),
      bold: cell.isBold() !== 0,
      inverse: cell.isInverse() !== 0,
    };
  }

  /** Finds the first row and column where `text` appears, or null. */
  find(text: string): { x: number; y: number } | null {
    const lines = this.screenText();
    for (let y = 0; y < lines.length; y++) {
      const x = lines[y]?.indexOf(text) ?? -1;
      if (x >= 0) return { x, y };
    }
    return null;
  }

  /** Changes the size as a terminal window would: the emulator first, then the tty's 'resize' event. */
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    this.output.columns = cols;
    this.output.rows = rows;
    this.output.emit('resize');
  }

  /** Types bytes into the input, e.g. 'q' or '\x1b[A' (up arrow). */
  send(bytes: string): void {
    this.input.write(bytes);
  }

  dispose(): void {
    this.input.destroy();
    this.term.dispose();
  }
}
