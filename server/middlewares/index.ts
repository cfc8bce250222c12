import pluginErrors from './plugin-errors';

export default { 'plugin-errors': pluginErrors };
