import type { DialectDefinition, Operation, OperationResponse, RequestProblem } from "@dropgate/core-domain";

/*
 * Outside every dialect's prefix (or if a dialect's renderer itself fails) there is no envelope
 * to honour, so the gateway answers a plain `{ "message": … }`.
 */

/** The response for a problem: in the owning dialect's envelope, else a plain message body. */
export function renderProblem(dialect: DialectDefinition<never> | undefined, problem: RequestProblem): OperationResponse {
  if (dialect !== undefined) {
    try {
      return dialect.renderProblem(problem);
    } catch {
      // Fall through: a failing renderer must not turn a 4xx into an unanswered request.
    }
  }
  return {
    status: problem.status,
    body: { message: problem.message, ...(problem.field === undefined ? {} : { field: problem.field }) },
  };
}

/** The response for a request part that failed its schema: the operation's own answer, else the dialect's. */
export function renderInvalid(
  dialect: DialectDefinition<never>,
  operation: Pick<Operation<never>, "renderInvalid">,
  problem: RequestProblem,
): OperationResponse {
  try {
    const own = operation.renderInvalid?.(problem);
    if (own !== undefined) return own;
  } catch {
    // Fall back to the dialect's envelope: a failing renderer must not turn a 4xx into a 500.
  }
  return renderProblem(dialect, problem);
}
