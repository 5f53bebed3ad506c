import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

export interface HttpServerHandle {
  server: http.Server;
  port: number;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish (up to the timeout), then closes every socket. */
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  shutdownTimeoutMs?: number;
}

export async function startHttpServer(
  listener: RequestListener,
  options: HttpServerOptions,
): Promise<HttpServerHandle> {
  const server = http.createServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
      // Keep-alive sockets become idle as their last response ends; drop them as they do so close() can finish.
      const sweeper = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
      server.close(() => {
        clearInterval(sweeper);
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return { server, port, url: `http://${shownHost}:${port}`, close };
}
