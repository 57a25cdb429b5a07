// Terminal streams that go nowhere: blessed draws into them as into a real tty, and only the bytes are counted.
import { PassThrough, Writable } from 'node:stream';

export class NullTtyOutput extends Writable {
  readonly isTTY = true;
  bytes = 0;

  constructor(
    public columns: number,
    public rows: number,
  ) {
    super({ decodeStrings: false });
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    callback();
  }
}

export class NullTtyInput extends PassThrough {
  readonly isTTY = true;
  isRaw = false;

  setRawMode(raw: boolean): this {
    this.isRaw = raw;
    return this;
  }
}
