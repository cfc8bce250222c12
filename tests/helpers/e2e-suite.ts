import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startFakeModelServer, type FakeModelServer } from './fake-model-server';
import { startPlaygroundWithFake, type PlaygroundServer } from './playground-server';
import { assertRedis, flushPrefix, testRedisPrefix } from './redis';

export interface E2ESuite {
  readonly fake: FakeModelServer;
  readonly server: PlaygroundServer;
  readonly page: Page;
}

/**
 * One e2e file's world: the built playground with the fake model server as its provider and
 * BullMQ on its own Redis prefix, and Chromium. Registers its own beforeAll/afterAll.
 */
export const useFakePlayground = (port: number, limits: Record<string, number> = {}): E2ESuite => {
  const prefix = testRedisPrefix();
  let fake: FakeModelServer | undefined;
  let server: PlaygroundServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    await assertRedis();
    fake = await startFakeModelServer();
    server = await startPlaygroundWithFake(port, fake, prefix, limits);
    ({ browser, page } = await launchBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
    await flushPrefix(prefix);
  });

  return {
    get fake() {
      return fake!;
    },
    get server() {
      return server!;
    },
    get page() {
      return page!;
    },
  };
};
