import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The layer rule of ARCHITECTURE §3, as `npm run lint` enforces it: ESLint run on probe files. */

const ROOT = path.resolve(__dirname, '..', '..');

type Probe = [file: string, code: string];

const forbidden: Probe[] = [
  ['admin/pages/Probe.tsx', "import { x } from '../../server/services/jobs';"],
  ['admin/Probe.ts', "import type { x } from '../server';"],
  ['contracts/probe.ts', "import { x } from '../server/config';"],
  ['contracts/probe.ts', "import { x } from '../admin/utils/paths';"],
  ['writers/probe.ts', "import { x } from '../server/ai/types';"],
  ['analysis/seo/probe.ts', "import { x } from '../../admin/hooks/useApi';"],
];
/** The engine runs in the browser too. */
const notInTheBrowser: Probe[] = [
  ['analysis/seo/probe.ts', "import { x } from 'node:fs';"],
  ['analysis/seo/probe.ts', "import { x } from 'crypto';"],
  ['analysis/seo/probe.ts', "import { x } from '@strapi/utils';"],
  ['analysis/seo/probe.ts', "import { x } from 'react';"],
];
const allowed: Probe[] = [
  ['admin/pages/Probe.tsx', "import { x } from '../../contracts/permissions';"],
  ['admin/Probe.ts', "import { x } from '../writers/limits';"],
  ['server/services/probe.ts', "import { x } from '../../contracts/config';"],
  ['admin/pages/Probe.tsx', "import { x } from './server-status';"],
];

/** One ESLint process for every probe, with the repository's own config: the messages of each. */
const lintAll = (probes: Probe[]): string[][] => {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [filePath, code] of probes) {
        const [report] = await eslint.lintText(code + '\\nexport const y = x;\\n', { filePath });
        out.push(report.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(probes)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
};

describe('the shared layers never import the server (npm run lint)', () => {
  let results: string[][];
  beforeAll(() => {
    results = lintAll([...forbidden, ...allowed, ...notInTheBrowser]);
  }, 60_000);

  it.each(forbidden.map((probe, i) => [...probe, i] as const))(
    'given %s importing %s, lint fails naming the rule',
    (_file, _code, i) => {
      expect(results[i]).toHaveLength(1);
      expect(results[i]![0]).toContain('Only the server imports');
    },
  );

  it.each(allowed.map((probe, i) => [...probe, forbidden.length + i] as const))(
    'given %s importing %s, the rule stays quiet',
    (_file, _code, i) => {
      expect(results[i]).toEqual([]);
    },
  );

  it.each(
    notInTheBrowser.map((probe, i) => [...probe, forbidden.length + allowed.length + i] as const),
  )('given %s importing %s, lint says the engine must run in the browser', (_file, _code, i) => {
    expect(results[i]).toHaveLength(1);
    expect(results[i]![0]).toContain('runs in the browser and on the server');
  });
});
