/**
 * Runs the fake model server standalone, e.g. to point the playground at it by hand:
 *
 *   FAKE_MODEL_PORT=4010 FAKE_MODEL_TEXT='Hi there.' <ts runner> tests/helpers/fake-model-server-cli.ts
 *
 * Every chat/generate call gets FAKE_MODEL_TEXT (or the built-in default); requests are logged.
 */
import { startFakeModelServer } from './fake-model-server';

async function main(): Promise<void> {
  const port = Number(process.env.FAKE_MODEL_PORT ?? 0);
  const server = await startFakeModelServer({ port, host: process.env.FAKE_MODEL_HOST });
  const text = process.env.FAKE_MODEL_TEXT;
  server.setDefault((req) => {
    console.log(`${req.method} ${req.path} model=${String(req.model)} stream=${req.stream}`);
    return text === undefined ? { text: 'Hello from the fake model.' } : { text };
  });

  console.log(`fake model server on ${server.url}`);
  console.log(`  OpenAI baseURL:             ${server.openaiBaseURL}`);
  console.log(`  Gemini httpOptions.baseUrl: ${server.geminiBaseURL}`);

  const shutdown = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
