// A TCP proxy on loopback for outage tests: clients connect to the proxy's port and every connection is
// piped to the real server behind it (e.g. the test PostgreSQL). `cut()` behaves like a database whose
// postmaster died: every open connection is reset and the port stops listening, so new connections are
// refused (ECONNREFUSED). `restore()` listens on the same port again, as a restarted server would.
import net, { type AddressInfo } from "node:net";

export type TcpProxy = {
  /** The proxy's port on 127.0.0.1 (stable across cut/restore). */
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Connections accepted so far (all time). */
  readonly accepted: number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let server: net.Server | undefined;
  let port = 0;

  const onConnection = (client: net.Socket) => {
    accepted++;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    // Either side failing or closing ends the pair, as a broken connection does.
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = async () => {
    const next = net.createServer(onConnection);
    await new Promise<void>((resolve, reject) => {
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        next.off("error", reject);
        resolve();
      });
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };

  const cut = async () => {
    const closing = server;
    server = undefined;
    // A reset (RST), not a polite FIN: what clients of a killed server see.
    for (const socket of sockets) socket.resetAndDestroy();
    sockets.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    urlFor(url: string) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut,
    restore: async () => {
      if (!server) await listen();
    },
    get accepted() {
      return accepted;
    },
    close: cut,
  };
}

/** Host and port of a postgresql:// URL (default port 5432). */
export function hostAndPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname || "127.0.0.1", port: Number(u.port || 5432) };
}
