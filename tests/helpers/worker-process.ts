import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PLAYGROUND_DIR } from './strapi';

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Output so far, for failure messages. */
  output(): string;
  /** Sends a signal and answers the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const READY_LINE = 'worker process ready';

/** Starts `playground/worker.js` (a Strapi with no HTTP port) and waits until its workers run. */
export const startWorkerProcess = async (
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<WorkerProcess> => {
  const child = spawn(process.execPath, [path.join(PLAYGROUND_DIR, 'worker.js')], {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The worker process was not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      if (!output.includes(READY_LINE)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The worker process exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
};
