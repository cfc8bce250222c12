import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FakeModelServer } from './fake-model-server';
import { REDIS_URL } from './redis';
import { PLAYGROUND_DIR } from './strapi';
import { waitUntil } from './wait';

export const DEMO_ADMIN = { email: 'e2e-admin@example.com', password: 'E2e-password-1' };

export interface PlaygroundServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built playground (`strapi start`) on its own port and SQLite file, seeded. */
export const startPlayground = async (
  port: number,
  env: Record<string, string> = {},
): Promise<PlaygroundServer> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alwrity-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(
    path.join(PLAYGROUND_DIR, '..', 'node_modules', '.bin', 'strapi'),
    ['start'],
    {
      cwd: PLAYGROUND_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(dir, 'data.db'),
        DEMO_ADMIN_EMAIL: DEMO_ADMIN.email,
        DEMO_ADMIN_PASSWORD: DEMO_ADMIN.password,
        STRAPI_TELEMETRY_DISABLED: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      `the playground to answer on ${url}/admin`,
      async () => {
        if (child.exitCode !== null)
          throw new Error(`strapi start exited with ${child.exitCode}:\n${output}`);
        const response = await fetch(`${url}/admin`);
        return response.status === 200;
      },
      90_000,
      500,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
};

/** The playground with the fake model server as its OpenAI provider and BullMQ on Redis. */
export const startPlaygroundWithFake = (
  port: number,
  fake: FakeModelServer,
  prefix: string,
  limits: Record<string, number> = {},
) =>
  startPlayground(port, {
    ALWRITY_CONFIG: JSON.stringify({
      providers: {
        openai: { apiKey: 'sk-e2e-config-key-4321', baseURL: fake.openaiBaseURL },
        default: 'openai',
      },
      redis: { url: REDIS_URL, prefix },
      limits: { retryBaseMs: 10, ...limits },
      // The fixture sites the site analyzer's e2e crawls listen on 127.0.0.1.
      siteAnalyzer: { allowPrivateAddresses: ['127.0.0.1'] },
    }),
  });
