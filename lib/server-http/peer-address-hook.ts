/**
 * Makes the socket's remote address visible to route handlers and the proxy, which Next does not expose: on
 * every request the Node HTTP server receives, PEER_HEADER is set to a per-process token and the socket's address, replacing any value
 * a client sent. Installed once from instrumentation.ts (it runs in the server's own process before requests
 * are served); no custom server needed.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { PEER_HEADER, PEER_TOKEN_KEY } from './request-facts';

const INSTALLED = Symbol.for('zhuashou.peer-address-hook');
const SERVERS = Symbol.for('zhuashou.served-servers');

/** The HTTP servers of this process that have received a request (the graceful shutdown closes them). */
export function servedServers(): Set<http.Server> {
  const holder = globalThis as { [SERVERS]?: Set<http.Server> };
  holder[SERVERS] ??= new Set();
  return holder[SERVERS];
}

export function installPeerAddressHook(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const token = randomBytes(16).toString('hex');
  (globalThis as { [PEER_TOKEN_KEY]?: string })[PEER_TOKEN_KEY] = token;
  const originalEmit: (this: http.Server, event: string, ...args: unknown[]) => boolean = proto.emit;
  const servers = servedServers();
  proto.emit = function emitWithPeer(this: http.Server, event: string, ...args: unknown[]): boolean {
    if (event === 'request') {
      const req = args[0];
      if (req instanceof http.IncomingMessage) req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? ''}`;
      servers.add(this);
    }
    return originalEmit.call(this, event, ...args);
  };
  proto[INSTALLED] = true;
}
