/** `npm run bench`: runs every benchmark in turn and prints medians and ratios against budgets. */
const benches = {
  boot: require('./boot'),
  queue: require('./queue'),
  writers: require('./writers'),
  seo: require('./seo'),
  site: require('./site'),
  calendar: require('./calendar'),
  chat: require('./chat'),
  'admin-size': require('./admin-size'),
};

(async () => {
  const only = process.argv.slice(2);
  const results = [];
  for (const [name, bench] of Object.entries(benches)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`\n== ${name}`);
    results.push(await bench());
  }
  console.log(
    `\n${results.map((r) => `${r.name}: ${r.ok ? 'within budget' : 'OVER BUDGET'}`).join('\n')}`,
  );
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
