import { connect } from "node:net";

/** One TCP connection for writing raw HTTP/1.1 (pipelined or malformed requests). */
export interface RawConnection {
  send(text: string): void;
  /** Everything the server wrote, once it closed the connection. */
  readonly ended: Promise<string>;
  destroy(): void;
}

/** Opens a raw connection to a gateway's base URL. */
export function rawConnection(baseUrl: string): RawConnection {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    received += chunk;
  });
  // A reset after the answer still ends the exchange; the test reads what arrived.
  socket.on("error", () => undefined);
  const ended = new Promise<string>((resolve) => socket.on("close", () => resolve(received)));
  return { send: (text) => void socket.write(text), ended, destroy: () => socket.destroy() };
}

/** The status codes of every HTTP/1.1 response in a raw exchange, in order. */
export function statusesOf(received: string): string[] {
  return [...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => match[1] as string);
}
