import { afterEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./support/harness.js";
import { rawConnection, statusesOf } from "./support/raw-http.js";
import { createTestDialect, TEST_PREFIX, TEST_TOKENS } from "./support/test-dialect.js";

/*
 * A request whose body trickles in (an audit found a socket still held 330 s after 33 body
 * bytes) is answered 408 and its socket closed once the request timeout passes; so is one whose
 * headers never finish. The timeouts here are short so the test is quick; nothing asserts on time
 * (the test's own timeout is the bound).
 */

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const SHORT = { timeouts: { headersMs: 300, requestMs: 600 } };

describe("request timeouts", () => {
  it("answers a trickled body with 408 and closes the socket", { timeout: 15_000 }, async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()], config: SHORT });
    const connection = rawConnection(gateway.baseUrl);
    const body = '{"name":"w","quantity":1,"pad":"x';
    expect(Buffer.byteLength(body)).toBe(33);
    connection.send(
      `POST ${TEST_PREFIX}/widgets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TEST_TOKENS.alice}\r\n` +
        `x-test-version: 1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n${body}`,
    );
    // Then nothing more: the server must give up and close the connection itself.
    const received = await connection.ended;
    expect(statusesOf(received)).toEqual(["408"]);
    expect(received).toContain("took too long");
  });

  it("answers headers that never finish with 408 and closes the socket", { timeout: 15_000 }, async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()], config: SHORT });
    const connection = rawConnection(gateway.baseUrl);
    connection.send(`GET ${TEST_PREFIX}/clock HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    const received = await connection.ended;
    expect(statusesOf(received)).toEqual(["408"]);
  });
});
