import net from 'node:net';
import { freePort } from './private-servers.js';

/**
 * A TCP proxy on a free loopback port in front of a shared server, to cut that server off from a
 * service without touching it: `cut()` resets every connection through the proxy and refuses new
 * ones (the port stops listening), as a broker host that went away; `restore()` listens again on
 * the same port. The server keeps its state throughout.
 */
export interface FaultProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<FaultProxy> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('error', () => upstream.destroy());
    upstream.once('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const resetAll = () => {
    for (const socket of sockets) socket.resetAndDestroy();
  };
  await listen();
  return {
    port,
    cut: async () => {
      const closed = stopListening();
      resetAll();
      await closed;
    },
    restore: listen,
    close: async () => {
      const closed = stopListening();
      resetAll();
      await closed;
    },
  };
}
