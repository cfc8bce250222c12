/**
 * Where a request's time goes inside the benchmark's Strapi, on the monotonic clock the stream
 * client reports.
 */
const diagnostics = require('node:diagnostics_channel');

const monotonic = () => Number(process.hrtime.bigint()) / 1e6;
// The fake server's `performance.now()` times on the monotonic clock the stream client reports.
const clockOffset = monotonic() - performance.now();

/**
 * Marks where each request to `path` is inside this process: Strapi received it, Strapi's admin
 * authentication let it through (followed by wrapping Strapi's auth service, here only), and the
 * SDK started its request to the model (Node's fetch reports that on a diagnostics channel).
 */
const followRequests = (strapi, path) => {
  const marks = [];
  let current;
  const onRequest = ({ request }) => {
    if (request.url !== path) return;
    current = { received: monotonic() };
    marks.push(current);
  };
  const onModelRequest = () => {
    if (current && !current.modelRequest) current.modelRequest = monotonic();
  };
  diagnostics.subscribe('http.server.request.start', onRequest);
  diagnostics.subscribe('undici:request:create', onModelRequest);
  const auth = strapi.get('auth');
  const { authenticate } = auth;
  auth.authenticate = (ctx, next) =>
    authenticate.call(auth, ctx, () => {
      if (current) current.authenticated = monotonic();
      return next();
    });
  return {
    marks,
    stop() {
      diagnostics.unsubscribe('http.server.request.start', onRequest);
      diagnostics.unsubscribe('undici:request:create', onModelRequest);
      auth.authenticate = authenticate;
    },
  };
};

module.exports = { clockOffset, followRequests, monotonic };
