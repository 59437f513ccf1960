import { actionPath, RETAILOPS_ACTIONS, RETAILOPS_ERROR_CODES, renderRetailOpsProblem } from "@dropgate/retailops-adapter";
import { describe, expect, it } from "vitest";

describe("action paths", () => {
  it("are the dotted name as slashes with ~N and .json (what the typed client calls)", () => {
    expect(RETAILOPS_ACTIONS.map(actionPath)).toEqual([
      "/product/externalsku/update~2.json",
      "/vendor/po/fetch~1.json",
      "/vendor/po/marksubmitted~1.json",
      "/vendor/po/complete~1.json",
      "/constant/ship/carrierclass/fetch~1.json",
      "/vendor/po/markaccepted~1.json",
      "/vendor/po/updateestshipdate~1.json",
    ]);
  });

  it("each one is the guide's own path, up to case and suffixes", () => {
    for (const action of RETAILOPS_ACTIONS) {
      const canonical = actionPath(action).replace(/~\d+\.json$/, "");
      expect(action.documentedPath.toLowerCase().replace(/(~\d+)?\.json$/, ""), action.name).toBe(canonical);
    }
  });
});

describe("gateway problems in the envelope", () => {
  it("go out with HTTP 200 except the credential failure, each with a listed code", () => {
    const answers = [
      renderRetailOpsProblem({ kind: "bad_request", status: 400, message: "Request body is not valid JSON", location: "body", position: { offset: 3 } }),
      renderRetailOpsProblem({ kind: "not_found", status: 404, message: "/vendor/po/fetch has no version 3; it exists in version 1" }),
      renderRetailOpsProblem({ kind: "not_found", status: 404, message: "No route POST /retailops/vendor/po/teleport.json" }),
      renderRetailOpsProblem({ kind: "payload_too_large", status: 413, message: "too big" }),
      renderRetailOpsProblem({ kind: "unauthorized", status: 401, message: "Invalid apikey" }),
      renderRetailOpsProblem({ kind: "internal", status: 500, message: "Internal error; request id r1" }),
    ];
    expect(answers.map((a) => [a.status, (a.body as { ERRORCODE: string }).ERRORCODE])).toEqual([
      [200, "INVALID_JSON"],
      [200, "NO_SUCH_VERSION"],
      [200, "NO_SUCH_ACTION"],
      [200, "PAYLOAD_TOO_LARGE"],
      [401, "INVALID_APIKEY"],
      [200, "INTERNAL_ERROR"],
    ]);
    expect((answers[0]!.body as { ERROR: string }).ERROR).toBe("Request body is not valid JSON at position 3");
    expect((answers[2]!.body as { ERROR: string }).ERROR).toContain("the actions are Product.ExternalSku.Update (/product/externalsku/update~2.json)");
    for (const answer of answers) expect(Object.keys(RETAILOPS_ERROR_CODES)).toContain((answer.body as { ERRORCODE: string }).ERRORCODE);
  });
});
