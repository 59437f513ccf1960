import { DOMAIN_ERROR_CODES, err, ok } from "@dropgate/core-domain";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { DomainFailure, TRPC_CODE_OF, unwrap } from "../src/index.js";

describe("mapping domain errors to tRPC codes", () => {
  it("maps every domain code as the brief says", () => {
    expect(Object.keys(TRPC_CODE_OF).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
    expect(TRPC_CODE_OF).toEqual({
      NOT_FOUND: "NOT_FOUND",
      VALIDATION: "BAD_REQUEST",
      INSUFFICIENT_STOCK: "CONFLICT",
      ILLEGAL_TRANSITION: "PRECONDITION_FAILED",
      UNAUTHORIZED: "UNAUTHORIZED",
      FORBIDDEN: "FORBIDDEN",
      CONFLICT: "CONFLICT",
    });
  });

  it("unwraps a success and throws a TRPCError carrying the domain error otherwise", () => {
    expect(unwrap(ok(42))).toBe(42);
    let thrown: unknown;
    try {
      unwrap(err("CONFLICT", "order ORDER-1 exists", { field: "clientIdentifier" }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TRPCError);
    const error = thrown as TRPCError;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("order ORDER-1 exists");
    expect(error.cause).toBeInstanceOf(DomainFailure);
    expect((error.cause as DomainFailure).error).toMatchObject({ code: "CONFLICT", field: "clientIdentifier" });
  });
});
