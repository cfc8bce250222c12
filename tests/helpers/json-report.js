const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/**
 * With JEST_REPORT_DIR set (CI does), each Jest run writes its totals there as
 * `<tag-><projects>.json`, so `.ci/run` can run the README's own commands and still sum what
 * every runner reported. JEST_REPORT_TAG tells apart runs of the same project (e.g. postgres).
 */
class JsonReport {
  onRunComplete(_contexts, results) {
    const dir = process.env.JEST_REPORT_DIR;
    if (!dir) return;
    const projects = [
      ...new Set(results.testResults.map((suite) => suite.displayName?.name ?? 'default')),
    ].sort();
    const tag = process.env.JEST_REPORT_TAG ? `${process.env.JEST_REPORT_TAG}-` : '';
    mkdirSync(dir, { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    writeFileSync(
      path.join(dir, `${tag}${projects.join('+') || 'none'}.json`),
      JSON.stringify({
        numPassedTests,
        numFailedTests,
        numPendingTests,
        numTodoTests,
        numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
        numTotalTestSuites: results.numTotalTestSuites,
      }),
    );
  }
}

module.exports = JsonReport;
