import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Child processes the bench starts: every one is registered here and killed by `stopAll` (called
 * from run.ts's `finally`), so an interrupted or failing bench leaves nothing running.
 */
const running = new Set<ChildProcess>();

/** `taskset`, when the machine has it and two cores or more: servers on core 1, the load generator on core 0. */
export const pinning: { server: string[]; enabled: boolean } = { server: [], enabled: false };

export function setUpPinning(cores: number): void {
  if (cores < 2 || spawnSync('taskset', ['-V']).status !== 0) return;
  if (spawnSync('taskset', ['-pc', '0', String(process.pid)], { stdio: 'ignore' }).status !== 0) return;
  pinning.server = ['taskset', '-c', '1'];
  pinning.enabled = true;
}

export interface Spawned {
  child: ChildProcess;
  pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
}

/** Spawns `node <args>` (pinned to the server core when pinning is on), from `cwd`. */
export function spawnNode(args: string[], cwd: string): Spawned {
  const [command, ...rest] = [...pinning.server, process.execPath, ...args];
  const child = spawn(command!, rest, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let text = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { child, pid: child.pid!, output: () => text };
}

/** Resolves with the output once `pattern` appears in it; rejects if the process exits first or after `timeoutMs`. */
export function waitForOutput(spawned: Spawned, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(spawned.output());
      if (!match) return false;
      cleanup();
      resolve(match);
      return true;
    };
    const onData = () => void check();
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the server exited (${code}) before it was ready:\n${spawned.output()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the server was not ready after ${timeoutMs} ms:\n${spawned.output()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      spawned.child.stdout!.off('data', onData);
      spawned.child.stderr!.off('data', onData);
      spawned.child.off('exit', onExit);
    };
    spawned.child.stdout!.on('data', onData);
    spawned.child.stderr!.on('data', onData);
    spawned.child.once('exit', onExit);
    check();
  });
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stop(spawned: Spawned, graceMs = 3000): Promise<void> {
  const { child } = spawned;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stop({ child, pid: child.pid!, output: () => '' }, 2000)));
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 ticks a second). */
export function cpuTimeOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Below Linux's ephemeral range (32768-60999 by default): a port found free there could be taken
 * before the server binds it, by any outgoing connection (the bench's own polling opens thousands)
 * or by a server of another process listening on port 0, and the start then fails with
 * EADDRINUSE. The slowest start (from the sources, about 1.8 s) left the widest window.
 */
const PORT_RANGE = { from: 20_000, to: 32_000 };

/** A base port N such that N .. N+count-1 are all free on loopback. */
export async function freePortBase(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from - count));
    let free = true;
    for (let port = base; port < base + count && free; port++) free = await portIsFree(port);
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports found on 127.0.0.1`);
}
