import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busyPercent, parseProcStat } from '../../../src/sampler/sources/cpu-counters.js';
import { createSystemSource } from '../../../src/sampler/sources/system.js';
import { FakeClock } from '../../helpers/fake-clock.js';

const stat = (user: number, idle: number, iowait = 0) => `cpu  ${user} 0 0 ${idle} ${iowait} 0 0 0 7 7\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1 2\n`;

test('busy share between two readings of /proc/stat: idle and iowait are not busy, guest is not counted twice', () => {
  const a = parseProcStat(stat(100, 900));
  const b = parseProcStat(stat(175, 925, 0));
  assert.deepEqual(a, { totalTicks: 1000, idleTicks: 900 });
  assert.equal(busyPercent(a, b), 75);
  assert.equal(busyPercent(a, parseProcStat(stat(100, 950, 50))), 0);
  assert.equal(busyPercent(b, a), null, 'counters going back (a reset) give no figure, not a negative one');
});

test('a /proc/stat without a cpu line is one clear error', () => {
  assert.throws(() => parseProcStat('intr 1 2\n', '/x/proc/stat'), /^Error: \/x\/proc\/stat has no "cpu " line/);
  assert.throws(() => parseProcStat('cpu  a b c d\n'), /is not at least 4 counters/);
});

test('the system source reads CPU from /proc/stat: the first read measures a short window at once, later reads the interval', async () => {
  const texts = [stat(100, 900), stat(110, 910), stat(150, 950)];
  const clock = new FakeClock(0);
  const source = createSystemSource({
    clock,
    readProcStat: async () => texts.shift() ?? '',
    si: { currentLoad: async () => assert.fail('systeminformation is not asked for CPU'), mem: async () => ({ total: 1000, available: 250 }) },
  });
  const reading = source.read();
  await new Promise((r) => setImmediate(r));
  clock.advance(250);
  const [first] = await reading;
  const [second] = await source.read();
  assert.deepEqual([first?.kind === 'system' && first.cpuPercent, second?.kind === 'system' && second.cpuPercent], [50, 50]);
  assert.equal(second?.kind === 'system' && second.memoryPercent, 75);
});

test('without /proc/stat (not Linux) the source falls back to systeminformation', async () => {
  const missing = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  let asked = 0;
  const source = createSystemSource({
    clock: new FakeClock(0),
    readProcStat: async () => {
      throw missing;
    },
    si: { currentLoad: async () => ({ currentLoad: 40 + asked++ }), mem: async () => ({ total: 1000, available: 500 }) },
  });
  await source.read();
  const [second] = await source.read();
  assert.equal(second?.kind === 'system' && second.cpuPercent, 41);
});
