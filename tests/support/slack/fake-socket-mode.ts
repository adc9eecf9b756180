import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

/**
 * A local stand-in for Slack's Socket Mode endpoint (https://docs.slack.dev/apis/events-api/using-socket-mode):
 * a minimal WebSocket server (RFC 6455 handshake, text, ping and close frames) that greets
 * with `hello`, sends envelopes and records the acknowledgements the app sends back.
 */
export interface FakeSocketMode {
  url: string;
  /** Envelope ids the app acknowledged, in order. */
  acks: string[];
  connected(): Promise<void>;
  /** Sends an envelope (events_api, slash_commands, interactive) to the connected app. */
  send(type: "events_api" | "slash_commands" | "interactive", payload: Record<string, unknown>, envelopeId: string): void;
  close(): Promise<void>;
}

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const acks: string[] = [];
  let socket: Duplex | undefined;
  let onConnect: (() => void) | undefined;
  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on("upgrade", (req, sock) => {
    const key = String(req.headers["sec-websocket-key"]);
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket = sock;
    let buffer = Buffer.alloc(0);
    sock.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
        buffer = buffer.subarray(frame.size);
        if (frame.opcode === 0x1) {
          const message = JSON.parse(frame.payload.toString("utf8")) as { envelope_id?: string };
          if (message.envelope_id) acks.push(message.envelope_id);
        } else if (frame.opcode === 0x9) sock.write(encodeFrame(0xa, frame.payload));
        else if (frame.opcode === 0x8) sock.end(encodeFrame(0x8, Buffer.alloc(0)));
      }
    });
    sock.on("error", () => {});
    sock.write(encodeFrame(0x1, Buffer.from(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "AFAKE0001" } }))));
    onConnect?.();
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    acks,
    connected: () =>
      new Promise((resolve) => {
        if (socket) resolve();
        else onConnect = resolve;
      }),
    send(type, payload, envelopeId) {
      socket?.write(
        encodeFrame(
          0x1,
          Buffer.from(
            JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: 0, retry_reason: "" }),
          ),
        ),
      );
    },
    close: () =>
      new Promise((done) => {
        socket?.destroy();
        server.close(() => done());
      }),
  };
}

/** A server frame: FIN set, not masked. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126) {
    head[0] = 0x80 | opcode;
    if (length < 65536) {
      head[1] = 126;
      head.writeUInt16BE(length, 2);
    } else {
      head[1] = 127;
      head.writeBigUInt64BE(BigInt(length), 2);
    }
  }
  return Buffer.concat([head, payload]);
}

/** A client frame (always masked), or undefined until it has fully arrived. */
function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (buffer.length < 2) return undefined;
  const opcode = (buffer[0] ?? 0) & 0x0f;
  const masked = ((buffer[1] ?? 0) & 0x80) !== 0;
  let length = (buffer[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const mask = masked ? buffer.subarray(offset, offset + 4) : undefined;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, size: offset + length };
}
