// A tiny SMTP server for the mail tests (node:net on 127.0.0.1), speaking as much SMTP as nodemailer
// needs: greeting, EHLO/HELO, MAIL FROM, RCPT TO, DATA (dot-terminated, dot-unstuffed), RSET, NOOP,
// QUIT. It keeps every accepted message, and can refuse recipients (rejectRcpt) the way a real server
// refuses relaying, so a test sees both what was sent and how a refusal is recorded.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import { resetMailTransport } from "@/core/mail/send";

export type ReceivedMail = { from: string; to: string[]; data: string };

export type SmtpServer = {
  url: string;
  messages: ReceivedMail[];
  /** While set, RCPT TO is answered with this reply (e.g. "554 5.7.1 Relaying denied"). */
  rejectRcpt: string | null;
  close(): Promise<void>;
};

export async function startSmtpServer(): Promise<SmtpServer> {
  const sockets = new Set<net.Socket>();
  const state: SmtpServer = { url: "", messages: [], rejectRcpt: null, close: async () => {} };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffer = "";
    let inData = false;
    let envelope: { from: string; to: string[] } = { from: "", to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 127.0.0.1 ESMTP ritiko-test");

    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          state.messages.push({ ...envelope, data });
          envelope = { from: "", to: [] };
          reply("250 2.0.0 Ok: queued");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") {
          reply("250-127.0.0.1");
          reply("250-8BITMIME");
          reply("250 SMTPUTF8");
        } else if (verb === "HELO") reply("250 127.0.0.1");
        else if (verb === "MAIL") {
          envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? "", to: [] };
          reply("250 2.1.0 Ok");
        } else if (verb === "RCPT") {
          if (state.rejectRcpt) reply(state.rejectRcpt);
          else {
            envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
            reply("250 2.1.5 Ok");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET") {
          envelope = { from: "", to: [] };
          reply("250 2.0.0 Ok");
        } else if (verb === "NOOP") reply("250 2.0.0 Ok");
        else if (verb === "QUIT") {
          reply("221 2.0.0 Bye");
          socket.end();
          return;
        } else reply("502 5.5.2 Command not implemented");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}

/**
 * A test file's SMTP server: started before its tests, stopped after them; `use()` points sendMail at
 * it for one test, and after each test mail is caught again (SMTP_URL unset) and refusals are off.
 */
export function smtpServerForTests(): { readonly server: SmtpServer; use(url?: string): void } {
  let server: SmtpServer | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterEach(() => {
    delete process.env.SMTP_URL;
    if (server) server.rejectRcpt = null;
    resetMailTransport();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("the SMTP server starts in beforeAll");
      return server;
    },
    use(url?: string) {
      process.env.SMTP_URL = url ?? this.server.url;
      resetMailTransport();
    },
  };
}
