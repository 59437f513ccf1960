import { type DialectDefinition, JSON_MEDIA_TYPE, type Operation, type OperationResponse, type RequestProblem } from "@dropgate/dialect-kit";

/*
 * Outside every dialect's prefix (or if a dialect's renderer itself fails) there is no envelope
 * to honour, so the gateway answers a plain JSON `{ "message": … }`.
 */

type Renderer = Pick<DialectDefinition<never, never>, "renderProblem">;

/** The response for a problem: in the owning dialect's envelope (for `mediaType`), else a plain JSON message body. */
export function renderProblem(
  dialect: Renderer | undefined,
  problem: RequestProblem,
  mediaType: string = JSON_MEDIA_TYPE,
): OperationResponse {
  if (dialect !== undefined) {
    try {
      return dialect.renderProblem(problem, mediaType);
    } catch {
      // Fall through: a failing renderer must not turn a 4xx into an unanswered request.
    }
  }
  return {
    status: problem.status,
    mediaType: JSON_MEDIA_TYPE,
    body: { message: problem.message, ...(problem.field === undefined ? {} : { field: problem.field }) },
  };
}

/** The response for a request part that failed its schema: the operation's own answer, else the dialect's. */
export function renderInvalid(
  dialect: Renderer,
  operation: Pick<Operation<never, never>, "renderInvalid">,
  problem: RequestProblem,
  mediaType: string = JSON_MEDIA_TYPE,
): OperationResponse {
  try {
    const own = operation.renderInvalid?.(problem, mediaType);
    if (own !== undefined) return own;
  } catch {
    // Fall back to the dialect's envelope: a failing renderer must not turn a 4xx into a 500.
  }
  return renderProblem(dialect, problem, mediaType);
}
