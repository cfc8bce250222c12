/**
 * Runs stream-client.js in its own process, as a browser would read the streams: a client in
 * the benchmark's process would only see a delta once Strapi's own work on the same event loop
 * let it.
 */
const { execFile } = require('node:child_process');
const path = require('node:path');

const inClient = (task) =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, 'stream-client.js'), JSON.stringify(task)],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
  });

module.exports = { inClient };
