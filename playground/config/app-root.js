const path = require('path');

/** The playground folder, whether this runs from config/ or from the compiled dist/config/. */
const configDir = __dirname;
const appRoot =
  path.basename(path.dirname(configDir)) === 'dist'
    ? path.resolve(configDir, '..', '..')
    : path.resolve(configDir, '..');

module.exports = { appRoot, repoRoot: path.resolve(appRoot, '..') };
