import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/logging/logger.js";
import { startTestGateway, type TestGateway } from "./support/harness.js";
import { ApiContract } from "./support/openapi-validator.js";
import { createTestDialect, TEST_PREFIX, TEST_TOKENS } from "./support/test-dialect.js";

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

function captureLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => lines.push(line) } });
  return { logger, raw: () => lines.join("") };
}

describe("log redaction", () => {
  it("keeps phone numbers and addresses of a failed request's body out of the logs", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()] });
    const api = await ApiContract.load(gateway.baseUrl);
    const response = await api.fetchJson(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKENS.alice}`, "x-test-version": "1" },
      body: {
        name: "w",
        quantity: 1,
        explode: true,
        customer: { phone: "+1-555-867-5309", shipping_address: { line1: "1 Secret Lane", city: "Hidden", zip_code: "07302" } },
      },
    });
    expect(response.status).toBe(500);
    const raw = gateway.rawLogs();
    const failure = gateway.logs().find((line) => line.msg === "operation failed");
    // The body was logged (it is what makes a 500 diagnosable)…
    expect(failure?.body).toMatchObject({ name: "w", customer: { phone: "[Redacted]", shipping_address: "[Redacted]" } });
    // The error itself still reaches pino's err serializer whole.
    expect(failure?.err).toMatchObject({ type: "Error", message: expect.any(String), stack: expect.stringContaining("Error") });
    // …but nothing personal reached the output, nor the credential.
    expect(raw).not.toContain("867-5309");
    expect(raw).not.toContain("Secret Lane");
    expect(raw).not.toContain(TEST_TOKENS.alice);
  });

  it("redacts sensitive keys under any logged object, and credentials in logged headers", () => {
    const { logger, raw } = captureLogger();
    logger.info(
      {
        order: { billing_address: { line1: "9 Private Road" }, recipient_details: { name: "R" } },
        vendor: { contact: { telephone_number: "555-0101" } },
        req: { headers: { authorization: "Bearer s3cret", apikey: "k3y" } },
        payload: { deep: { deeper: { deepest: { items: [{ phone: "555-0199" }] } } } },
      },
      "event",
    );
    logger.flush();
    const failure = Object.assign(new Error("upstream refused"), { headers: { authorization: "Bearer e4rr" }, address: "7 Hidden Way" });
    logger.error({ err: failure }, "failed");
    logger.flush();
    const output = raw();
    for (const secret of ["9 Private Road", "555-0101", "s3cret", "k3y", "555-0199", "e4rr", "7 Hidden Way"]) expect(output).not.toContain(secret);
    expect(output).toContain("upstream refused");
    expect(output).toContain("[Redacted]");
  });
});
