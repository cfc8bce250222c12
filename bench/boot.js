/**
 * Budget: Strapi boot with the plugin at most 1.2x boot without it (median of 5, warm database).
 * Each boot runs in a fresh Node process; runs alternate so drift hits both sides alike.
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { median, fmt } = require('./stats');

const RUNS = Number(process.env.BENCH_BOOT_RUNS ?? 5);

module.exports = async function bootBench() {
  const dir = mkdtempSync(path.join(tmpdir(), 'alwrity-bench-boot-'));
  const envFor = (withPlugin) => ({
    ...process.env,
    PLAYGROUND_SEED: 'false',
    ALWRITY_ENABLED: withPlugin ? 'true' : 'false',
    DATABASE_CLIENT: 'sqlite',
    // Separate databases: switching the plugin on and off would otherwise migrate every time.
    DATABASE_FILENAME: path.join(dir, withPlugin ? 'with.db' : 'without.db'),
    REDIS_URL: '',
    ALWRITY_CONFIG: '',
  });
  const boot = (withPlugin) =>
    JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, 'boot-once.js')], {
        env: envFor(withPlugin),
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .pop(),
    ).ms;
  try {
    // Warm-up: first boots create the schema.
    boot(true);
    boot(false);
    const withPlugin = [];
    const without = [];
    for (let i = 0; i < RUNS; i += 1) {
      without.push(boot(false));
      withPlugin.push(boot(true));
    }
    const ratio = median(withPlugin) / median(without);
    console.log(
      `boot without plugin: median ${fmt(median(without))} (${without.map((v) => v.toFixed(0)).join(', ')})`,
    );
    console.log(
      `boot with plugin:    median ${fmt(median(withPlugin))} (${withPlugin.map((v) => v.toFixed(0)).join(', ')})`,
    );
    console.log(
      `boot ratio: ${ratio.toFixed(3)} (budget <= 1.20) ${ratio <= 1.2 ? 'OK' : 'OVER BUDGET'}`,
    );
    return { name: 'boot', ok: ratio <= 1.2 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
