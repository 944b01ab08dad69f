import net from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

/**
 * A roster upload written by hand on a raw socket, so that a test can send part of the body and then
 * stall, trickle or hang up, as a careless or hostile client would.
 */
export interface RawUpload {
  socket: net.Socket;
  /** Everything the server answered so far. */
  received(): string;
  /** The HTTP status of the answer, once its status line has arrived. */
  status(): number | undefined;
  /** Resolves when the server (or the test) has closed the connection. */
  closed: Promise<void>;
  isClosed(): boolean;
  /** Writes the next `bytes` bytes of the file. */
  send(bytes: number): Promise<void>;
  /** Writes the rest of the file and the end of the multipart body. */
  finish(): Promise<void>;
  /** Sends `bytes` bytes every `everyMs` until the connection closes. */
  trickle(bytes: number, everyMs: number): void;
  /** Hangs up in the middle of the body. */
  abort(): void;
}

/** Starts the app's HTTP server on a local port (once), for raw sockets. */
export async function listen(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * Opens POST /core-enterprises/:id/rosters announcing a CSV of `fileBytes` bytes and sends the
 * request head and the part's header; the file itself follows with send(), trickle() or finish().
 */
export async function openUpload(
  port: number,
  coreEnterpriseId: string,
  auth: Record<string, string>,
  options: { fileBytes: number; fileName?: string; headers?: Record<string, string> },
): Promise<RawUpload> {
  const boundary = `raw${Math.random().toString(36).slice(2)}`;
  const partHead = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? 'roster.csv'}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const header = Buffer.from('supplier_code,supplier_type,name\r\n');
  const length = partHead.length + options.fileBytes + tail.length;
  const head = [
    `POST /core-enterprises/${coreEnterpriseId}/rosters HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    `Content-Length: ${length}`,
    ...Object.entries({ ...auth, ...(options.headers ?? {}) }).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');

  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let answer = '';
  let closed = false;
  socket.on('data', (d) => (answer += d.toString('latin1')));
  socket.on('error', () => undefined); // a reset from the server is one of the outcomes under test
  const closedPromise = new Promise<void>((resolve) => socket.once('close', () => ((closed = true), resolve())));
  socket.write(head);
  socket.write(partHead);

  let sent = 0;
  const fileBytes = (n: number): Buffer => {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      const at = sent + i;
      out[i] = at < header.length ? header[at] : at % 64 === 63 ? 0x0a : 0x41 + (at % 26);
    }
    sent += n;
    return out;
  };
  const write = (data: Buffer) =>
    new Promise<void>((resolve) => {
      if (closed || socket.destroyed) return resolve();
      socket.write(data, () => resolve());
    });

  return {
    socket,
    received: () => answer,
    status: () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      return m ? Number(m[1]) : undefined;
    },
    closed: closedPromise,
    isClosed: () => closed,
    send: (bytes) => write(fileBytes(Math.min(bytes, options.fileBytes - sent))),
    finish: async () => {
      await write(fileBytes(options.fileBytes - sent));
      await write(tail);
    },
    trickle(bytes, everyMs) {
      const timer = setInterval(() => {
        if (closed || sent >= options.fileBytes) return clearInterval(timer);
        void write(fileBytes(Math.min(bytes, options.fileBytes - sent)));
      }, everyMs);
      void closedPromise.then(() => clearInterval(timer));
    },
    abort: () => socket.destroy(),
  };
}

/** Resolves true if `p` settles within `ms`. */
export function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}
