// A /proc or /sys file kept open and re-read from offset 0: the kernel writes its text afresh on each positional read.
import * as nodeFs from 'node:fs';

/** The three calls a KeptFile makes; node:fs satisfies it. */
export type KeptFileFs = Pick<typeof nodeFs, 'openSync' | 'readSync' | 'closeSync'>;

/** First buffer size; it doubles when a file fills it (/proc/stat of a many-core machine, many disks). */
const INITIAL_BYTES = 4096;

/**
 * One descriptor slot, read synchronously into a reused buffer. A file read every tick costs two
 * preads (the text, then the read of 0 that ends it): no open, fstat or close, no thread-pool
 * round trip, no promise. In this thread on purpose: these files are made from counters the kernel
 * holds in memory, about 10 us each, where an async readFile costs 250-400 us. Asking for another
 * path (the watched pid changed) closes the old descriptor first, so a slot never holds more than
 * one. A failed read closes it too: a dead pid's /proc file answers ESRCH forever, and the next
 * read reopens by path. Regular files (the fixture trees of tests) work the same way as long as
 * they are rewritten in place, which writeFileSync does.
 */
export class KeptFile {
  private fd: number | null = null;
  private path = '';
  private buffer = Buffer.allocUnsafe(INITIAL_BYTES);

  constructor(private readonly fs: KeptFileFs = nodeFs) {}

  /** The whole text of `path` (absolute) now; throws what open or read threw (ENOENT, ESRCH, ...). */
  read(path: string): string {
    if (this.fd !== null && path !== this.path) this.close();
    if (this.fd === null) {
      this.fd = this.fs.openSync(path, 'r');
      this.path = path;
    }
    try {
      return this.readFrom(this.fd);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Closes the descriptor; the next read opens it again. Idempotent. */
  close(): void {
    const fd = this.fd;
    this.fd = null;
    if (fd === null) return;
    try {
      this.fs.closeSync(fd);
    } catch {
      // Nothing to do: the descriptor is released either way.
    }
  }

  private readFrom(fd: number): string {
    let bytes = 0;
    for (;;) {
      if (bytes === this.buffer.length) {
        const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
        this.buffer.copy(bigger, 0, 0, bytes);
        this.buffer = bigger;
      }
      // An iterated seq_file (diskstats, net/dev) gives about a page per read whatever was asked,
      // so only a read of 0 is the end. That last read, at the offset where the previous one
      // stopped, finds the iterator past its end at once: it costs a syscall, not another pass.
      const read = this.fs.readSync(fd, this.buffer, bytes, this.buffer.length - bytes, bytes);
      if (read === 0) return this.buffer.toString('utf8', 0, bytes);
      bytes += read;
    }
  }
}
