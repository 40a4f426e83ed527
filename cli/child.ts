import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface StartedChild {
  child: ChildProcess;
  /** The Sage GE simulator's URL, as printed. */
  url: string;
  /** The demo firm ENT-1's GE identifier, as printed. */
  identifier: string;
  stdout(): string;
}

/**
 * Spawns `ledgersim start` from the sources (free ports, a fixed virtual clock) and resolves once
 * it printed its URLs and credentials. For the tests that need a real process (crash, restart).
 */
export function startLedgersimChild(
  args: readonly string[],
  options: {
    timeoutMs?: number /** Start where `--data` left the clock: no `--now` of its own. */;
    savedClock?: boolean;
  } = {},
): Promise<StartedChild> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'cli/run.ts',
      'start',
      '--port-base',
      '0',
      ...(options.savedClock || args.includes('--now') ? [] : ['--now', '2026-03-16T09:00:00Z']),
      ...(args.includes('--clock') ? [] : ['--clock', 'frozen']),
      ...args,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 20_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start within ${timeoutMs} ms: ${stdout} ${stderr}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const url = /Sage GE\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const identifier = /ENT-1 .*Bearer (\S+)/.exec(stdout)?.[1];
      if (url && identifier && stdout.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, url, identifier, stdout: () => stdout });
      }
    });
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${stderr}`));
    });
  });
}

/** Resolves when the child has exited, with its exit code. */
export const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
