import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** An endpoint that reads each request and never answers; it knows which requests are still open. */
export interface HangingEndpoint {
  readonly url: string;
  /** Requests received so far. */
  received(): number;
  /** Requests whose connection the sender has not yet given up on. */
  open(): number;
  /** The `optiturn_lp` of each open request's body (Disposition Update), in arrival order. */
  openLps(): string[];
  /** Resolves when the `n`th request has arrived. */
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a hanging endpoint on 127.0.0.1, port 0. */
export async function startHangingEndpoint(): Promise<HangingEndpoint> {
  const waiting = new Map<ServerResponse, string>();
  let received = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    // The sender's timeout aborts the request, which closes this side's response.
    res.on("close", () => waiting.delete(res));
    req.on("end", () => {
      received += 1;
      waiting.set(res, lpOf(Buffer.concat(chunks).toString("utf8")));
      notify();
    });
  });
  const notify = (): void => {
    for (const waiter of waiters.filter((w) => w.n <= received)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    open: () => waiting.size,
    openLps: () => [...waiting.values()],
    arrived: (n) => (received >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of waiting.keys()) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function lpOf(text: string): string {
  try {
    const lp = (JSON.parse(text) as { optiturn_lp?: unknown }).optiturn_lp;
    return typeof lp === "string" ? lp : "";
  } catch {
    return "";
  }
}

/** A URL on 127.0.0.1 where nothing listens (a port taken and released), so connections are refused. */
export async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Resolves once `check` holds, looking every 10 ms: a wait for an effect, never a timing assertion. */
export async function until(check: () => boolean, what = "the condition"): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
