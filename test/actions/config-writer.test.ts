// Atomic config writes in a temp dir: mode kept, backup equal to old bytes, failures leave the original alone.
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { writeConfigAtomically } from '../../src/actions/config-writer.js';
import type { WriterFs } from '../../src/actions/config-writer.js';
import { sha256Hex } from '../../src/config/content-hash.js';
import { FakeClock } from '../helpers/fake-clock.js';

const OLD = '# keep me\r\ncameras:\r\n  door: {resolution: 1920x1080}\r\n';
const NEW = OLD.replace('1920x1080', '1280x720');

const realFs: WriterFs = {
  realpath: (f) => fsp.realpath(f),
  readFile: (f) => fsp.readFile(f),
  stat: (f) => fsp.stat(f),
  open: (f, flags, mode) => fsp.open(f, flags, mode),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (f) => fsp.unlink(f),
  readdir: (d) => fsp.readdir(d),
};

describe('writeConfigAtomically', () => {
  let dir = '';
  let file = '';
  let clock = new FakeClock();
  beforeEach(() => {
    clock = new FakeClock(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    dir = mkdtempSync(path.join(tmpdir(), 'zoomtop-writer-'));
    file = path.join(dir, 'zoomcam.yaml');
    writeFileSync(file, OLD);
    // Group/other write bits that a umask would strip, so the explicit chmod is what keeps them.
    chmodSync(file, 0o666);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file, keeps its mode, and backs up the old bytes', async () => {
    const result = await writeConfigAtomically(file, NEW, { expectedHash: sha256Hex(OLD), clock });
    const backupFile = `${file}.zoomtop-backup-20260102T030405.678Z`;
    assert.deepEqual(result, { ok: true, file, backupFile, appliedAtMs: clock.now(), beforeHash: sha256Hex(OLD), afterHash: sha256Hex(NEW) });
    assert.equal(readFileSync(file, 'utf8'), NEW);
    assert.equal(readFileSync(backupFile, 'utf8'), OLD);
    assert.equal(statSync(file).mode & 0o777, 0o666);
    assert.equal(statSync(backupFile).mode & 0o777, 0o666);
    assert.deepEqual(readdirSync(dir).sort(), ['zoomcam.yaml', 'zoomcam.yaml.zoomtop-backup-20260102T030405.678Z']);
  });

  it('refuses when the file changed since the preview', async () => {
    const result = await writeConfigAtomically(file, NEW, { expectedHash: sha256Hex('something else'), clock });
    assert.deepEqual(result, { ok: false, file, error: `${file}: changed on disk since preview; re-plan` });
    assert.equal(readFileSync(file, 'utf8'), OLD);
    assert.deepEqual(readdirSync(dir), ['zoomcam.yaml']);
  });

  it('refuses when the file changes while the new text is being written', async () => {
    const fs: WriterFs = {
      ...realFs,
      rename: async (from, to) => {
        throw new Error(`rename ${from} ${to} must not run`);
      },
      open: async (f, flags, mode) => {
        // An editor saves right after our temp file is created.
        if (f.includes('zoomtop-tmp')) writeFileSync(file, 'cameras: {}\n');
        return fsp.open(f, flags, mode);
      },
    };
    const result = await writeConfigAtomically(file, NEW, { expectedHash: sha256Hex(OLD), clock, fs });
    assert.deepEqual(result, { ok: false, file, error: `${file}: changed on disk since preview; re-plan` });
    assert.equal(readFileSync(file, 'utf8'), 'cameras: {}\n');
    assert.deepEqual(readdirSync(dir), ['zoomcam.yaml']);
  });

  it('leaves the original and no stray files when the rename fails', async () => {
    const fs: WriterFs = { ...realFs, rename: async () => { throw new Error('EXDEV: cross-device link not permitted'); } };
    const result = await writeConfigAtomically(file, NEW, { expectedHash: sha256Hex(OLD), clock, fs });
    assert.deepEqual(result, { ok: false, file, error: `${file}: not written (EXDEV: cross-device link not permitted); the file is unchanged` });
    assert.equal(readFileSync(file, 'utf8'), OLD);
    assert.deepEqual(readdirSync(dir), ['zoomcam.yaml']);
  });

  it('leaves the original when writing the temp file fails', async () => {
    const fs: WriterFs = {
      ...realFs,
      open: async (f, flags, mode) => {
        const handle = await fsp.open(f, flags, mode);
        if (!f.includes('zoomtop-tmp')) return handle;
        return { ...handleOf(handle), writeFile: async () => { throw new Error('ENOSPC: no space left on device'); } };
      },
    };
    const result = await writeConfigAtomically(file, NEW, { expectedHash: sha256Hex(OLD), clock, fs });
    assert.deepEqual(result, { ok: false, file, error: `${file}: not written (ENOSPC: no space left on device); the file is unchanged` });
    assert.equal(readFileSync(file, 'utf8'), OLD);
    assert.deepEqual(readdirSync(dir), ['zoomcam.yaml']);
  });

  it('names a file it cannot read', async () => {
    const missing = path.join(dir, 'nope.yaml');
    const result = await writeConfigAtomically(missing, NEW, { expectedHash: sha256Hex(OLD), clock });
    assert.ok(!result.ok && result.error.startsWith(`${missing}: cannot read (ENOENT`), JSON.stringify(result));
  });

  it('writes through a symlink and keeps the link', async () => {
    const link = path.join(dir, 'link.yaml');
    symlinkSync(file, link);
    const result = await writeConfigAtomically(link, NEW, { expectedHash: sha256Hex(OLD), clock });
    assert.ok(result.ok);
    assert.equal(result.backupFile, `${file}.zoomtop-backup-20260102T030405.678Z`);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(file, 'utf8'), NEW);
  });

  it('never overwrites a backup from the same millisecond, and keeps only the newest', async () => {
    const texts = [OLD, NEW, 'cameras: {a: {resolution: 640x480}}\n', 'cameras: {}\n'];
    const backups: string[] = [];
    for (let i = 1; i < texts.length; i++) {
      if (i === 3) clock.advance(1000);
      const result = await writeConfigAtomically(file, texts[i] as string, { expectedHash: sha256Hex(texts[i - 1] as string), clock, keepBackups: 2 });
      assert.ok(result.ok);
      backups.push(path.basename(result.backupFile));
    }
    assert.deepEqual(backups, [
      'zoomcam.yaml.zoomtop-backup-20260102T030405.678Z',
      'zoomcam.yaml.zoomtop-backup-20260102T030405.678Z-1',
      'zoomcam.yaml.zoomtop-backup-20260102T030406.678Z',
    ]);
    assert.deepEqual(readdirSync(dir).sort(), ['zoomcam.yaml', backups[1], backups[2]]);
    assert.equal(readFileSync(path.join(dir, backups[2] as string), 'utf8'), texts[2]);
  });
});

/** A plain-object view of a FileHandle, so one method can be swapped. */
function handleOf(handle: fsp.FileHandle) {
  return {
    writeFile: (data: Uint8Array) => handle.writeFile(data),
    sync: () => handle.sync(),
    chmod: (mode: number) => handle.chmod(mode),
    chown: (uid: number, gid: number) => handle.chown(uid, gid),
    close: () => handle.close(),
  };
}
