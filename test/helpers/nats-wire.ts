import net from 'node:net';

/**
 * Just enough of the NATS client protocol for a test to publish with headers and ask JetStream's
 * API (request/reply): this machine has no NATS client to run, and the test needs no more.
 */
export interface NatsMessage {
  subject: string;
  headers: Record<string, string>;
  data: Buffer;
}

export interface NatsWire {
  /** Publishes and waits for the one reply (a JetStream ack, an API answer), at most timeoutMs. */
  request(subject: string, data: string | Buffer, headers?: Record<string, string>, timeoutMs?: number): Promise<NatsMessage>;
  close(): void;
}

const CRLF = '\r\n';

export async function connectNats(port: number, timeoutMs = 5_000): Promise<NatsWire> {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = Buffer.alloc(0);
  let nextReply = 0;
  const waiting = new Map<string, (message: NatsMessage) => void>();
  const inbox = `_INBOX.${process.pid}.${Date.now()}`;

  const deliver = (message: NatsMessage) => {
    waiting.get(message.subject)?.(message);
    waiting.delete(message.subject);
  };

  /** Parses what the buffer holds whole; leaves a partial operation for the next chunk. */
  const parse = () => {
    for (;;) {
      const end = buffer.indexOf(CRLF);
      if (end === -1) return;
      const line = buffer.subarray(0, end).toString();
      const [op, ...args] = line.split(' ');
      if (op === 'MSG' || op === 'HMSG') {
        // MSG <subject> <sid> [reply] <bytes>; HMSG <subject> <sid> [reply] <header bytes> <total bytes>
        const total = Number(args.at(-1));
        const headerBytes = op === 'HMSG' ? Number(args.at(-2)) : 0;
        const start = end + 2;
        if (buffer.length < start + total + 2) return;
        const body = buffer.subarray(start, start + total);
        buffer = buffer.subarray(start + total + 2);
        deliver({ subject: args[0]!, headers: parseHeaders(body.subarray(0, headerBytes).toString()), data: Buffer.from(body.subarray(headerBytes)) });
        continue;
      }
      buffer = buffer.subarray(end + 2);
      if (op === 'PING') socket.write(`PONG${CRLF}`);
      if (op === '-ERR') socket.emit('error', new Error(`nats: ${line}`));
    }
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats on port ${port}: no INFO within ${timeoutMs} ms`)), timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('data', (chunk) => {
      clearTimeout(timer);
      if (!chunk.toString().startsWith('INFO ')) reject(new Error(`nats on port ${port} did not greet with INFO`));
      socket.write(`CONNECT {"verbose":false,"pedantic":false,"headers":true,"no_responders":true,"protocol":1}${CRLF}SUB ${inbox}.* 1${CRLF}`);
      socket.on('data', (more) => {
        buffer = Buffer.concat([buffer, more]);
        parse();
      });
      resolve();
    });
  });
  socket.on('error', () => socket.destroy());

  return {
    request(subject, data, headers = {}, requestTimeoutMs = 5_000) {
      const reply = `${inbox}.${++nextReply}`;
      const payload = Buffer.from(data);
      const answer = new Promise<NatsMessage>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(reply);
          reject(new Error(`nats: no reply to ${subject} within ${requestTimeoutMs} ms`));
        }, requestTimeoutMs);
        waiting.set(reply, (message) => {
          clearTimeout(timer);
          // No responders: a 503 status line and no body.
          if (message.headers[':status'] === '503') reject(new Error(`nats: no responders for ${subject}`));
          else resolve(message);
        });
      });
      const head = Object.entries(headers).map(([key, value]) => `${key}: ${value}${CRLF}`);
      const headerBlock = Buffer.from(`NATS/1.0${CRLF}${head.join('')}${CRLF}`);
      socket.write(`HPUB ${subject} ${reply} ${headerBlock.length} ${headerBlock.length + payload.length}${CRLF}`);
      socket.write(Buffer.concat([headerBlock, payload, Buffer.from(CRLF)]));
      return answer;
    },
    close: () => socket.destroy(),
  };
}

/** `NATS/1.0 [status]` then `Key: value` lines; a status line's code is kept as `:status`. */
export function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const [first, ...lines] = block.split(CRLF);
  const status = first?.split(' ')[1];
  if (status) headers[':status'] = status;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** A JetStream API call: its JSON answer, or an error with the API's own description. */
export async function jetstreamApi<T>(nats: NatsWire, api: string, body: object = {}): Promise<T> {
  const answer = JSON.parse((await nats.request(`$JS.API.${api}`, JSON.stringify(body))).data.toString()) as T & { error?: { description: string } };
  if (answer.error) throw new Error(`$JS.API.${api}: ${answer.error.description}`);
  return answer;
}
