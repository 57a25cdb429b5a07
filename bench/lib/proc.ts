// Reads another process's cost from /proc the way `top` does: CPU ticks, resident memory, open fds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export type CpuTicks = { self: number; children: number };

let clockTicks: number | null = null;

/** Kernel clock ticks per second (USER_HZ), for turning /proc ticks into seconds. */
export function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100; // Linux's USER_HZ everywhere it matters.
    }
  }
  return clockTicks;
}

/** utime+stime and cutime+cstime (children that were waited for) of pid, in ticks. */
export function readCpuTicks(pid: number): CpuTicks {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number): number => Number(fields[n - 3]);
  return { self: field(14) + field(15), children: field(16) + field(17) };
}

/** VmRSS of pid in bytes. */
export function readRssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line; is ${pid} a kernel thread or gone?`);
  return Number(match[1]) * 1024;
}

export function countFds(pid: number | 'self' = 'self'): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

export function isAlive(pid: number): boolean {
  return existsSync(`/proc/${pid}/stat`);
}

/** Waits until pid has exited; SIGKILL after graceMs. Only for processes this bench started. */
export async function waitForExit(pid: number, graceMs = 3000): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited between the check and the kill
    }
    while (isAlive(pid) && !isZombie(pid)) await sleep(20);
  }
}

function isZombie(pid: number): boolean {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
