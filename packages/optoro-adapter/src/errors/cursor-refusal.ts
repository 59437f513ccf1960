import type { OperationResponse } from "@dropgate/dialect-kit";
import type { CursorRefusal } from "../cursor/cursor-codec.js";
import { message } from "./respond.js";

/*
 * A refused `offset` is the caller's mistake, so 400 with a message, never 500. The spec gives no
 * wording (optoro.md §5); these are Dropgate's.
 */
const MESSAGE_OF: Readonly<Record<CursorRefusal, string>> = {
  malformed: "Invalid offset: it was not issued by this service or it was altered",
  foreign: "Invalid offset: it was issued to another client",
  mismatched: "Invalid offset: it belongs to a different query; repeat the filters and per_page of the request that returned it",
};

/** Renders a refused cursor. */
export function renderCursorRefusal(refusal: CursorRefusal): OperationResponse {
  return message(400, MESSAGE_OF[refusal]);
}
