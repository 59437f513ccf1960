import type { DialectDefinition, RequestProblem } from "@dropgate/dialect-kit";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { renderInvalid } from "../src/mount/render-problem.js";
import { validatePart } from "../src/mount/validate.js";

const Body = z.object({ order: z.object({ sku: z.string({ error: "sku is Optoro's" }), quantity: z.int().min(1) }) });

function problemOf(value: unknown): RequestProblem {
  const outcome = validatePart(Body, value, "body");
  if (outcome.ok) throw new Error("expected a validation problem");
  return outcome.problem;
}

const dialect = {
  renderProblem: (problem: RequestProblem) => ({ status: 400, body: { dialect: problem.message } }),
} as unknown as DialectDefinition<never, never>;

describe("a validation problem", () => {
  it("keeps the gateway's wording and adds the schema's own message and every issue", () => {
    const problem = problemOf({ order: { quantity: 0 } });
    expect(problem).toMatchObject({
      kind: "validation",
      status: 400,
      location: "body",
      field: "order.sku",
      message: `Invalid body field "order.sku": sku is Optoro's`,
      detail: "sku is Optoro's",
    });
    expect(problem.issues?.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["order.sku", "invalid_type"],
      ["order.quantity", "too_small"],
    ]);
  });

  it("reports the input at fault, so a missing value can be told from a wrong one", () => {
    const [missing, wrong] = problemOf({ order: { quantity: "2" } }).issues ?? [];
    expect(missing).toHaveProperty("input", undefined);
    expect(wrong).toHaveProperty("input", "2");
  });
});

describe("renderInvalid", () => {
  const problem = problemOf({});

  it("answers the operation's own response when it gives one", () => {
    const own = { renderInvalid: (found: RequestProblem) => ({ status: 422, body: { reason: found.detail } }) };
    expect(renderInvalid(dialect, own, problem)).toEqual({ status: 422, body: { reason: problem.detail } });
  });

  it("falls back to the dialect's renderProblem when the operation gives none, has none, or throws", () => {
    const fallback = { status: 400, body: { dialect: problem.message } };
    expect(renderInvalid(dialect, { renderInvalid: () => undefined }, problem)).toEqual(fallback);
    expect(renderInvalid(dialect, {}, problem)).toEqual(fallback);
    const throwing = {
      renderInvalid: () => {
        throw new Error("renderer bug");
      },
    };
    expect(renderInvalid(dialect, throwing, problem)).toEqual(fallback);
  });
});
