import net from 'node:net';

/**
 * No test may open a connection beyond this machine, even when the code under test is wrong:
 * every socket connect in a test process goes through here, and one to anything but a loopback
 * address throws before the socket opens. Each refused host is recorded for the SSRF tests.
 */

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|localhost)$/i;
const GUARDED = Symbol.for('alwrity.loopbackGuard');

type Guarded = typeof net.Socket.prototype & { [GUARDED]?: string[] };

interface ConnectTarget {
  host?: string;
  path?: string;
}

const targetOf = (args: unknown[]): ConnectTarget => {
  const [first, second] = args;
  // net.connect hands the socket its normalised arguments as an array.
  const options = Array.isArray(first) ? first[0] : first;
  if (typeof options === 'object' && options !== null) return options as ConnectTarget;
  return { host: typeof second === 'string' ? second : undefined };
};

export const guardLoopbackOnly = (): string[] => {
  const prototype = net.Socket.prototype as Guarded;
  if (prototype[GUARDED]) return prototype[GUARDED];
  const refused: string[] = [];
  const connect = prototype.connect;
  prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    const host = target.host ?? 'localhost';
    if (!target.path && !LOOPBACK.test(host)) {
      refused.push(host);
      throw new Error(
        `Test guard: refused a connection to ${host}; tests only connect to loopback`,
      );
    }
    return (connect as (...all: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  prototype[GUARDED] = refused;
  return refused;
};

/** The non-loopback hosts something in this process tried to connect to. */
export const refusedConnections = (): string[] => guardLoopbackOnly();
