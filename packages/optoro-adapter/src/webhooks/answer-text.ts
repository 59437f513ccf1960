import { ReceiverValidationFailure } from "./receiver-answers.js";

/** How much of an answer is read: enough to explain a refusal, never a whole large body. */
const MAX_ANSWER_BYTES = 8 * 1024;
/** How much of it goes into a delivery's `lastError`. */
const MAX_ERROR_CHARS = 300;

/** Reads the start of an answer's body as text and lets the rest go (so the connection is released). */
export async function readAnswerText(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    while (bytes < MAX_ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

/**
 * Explains a refusal in a line: the status, then the receiver's 422 `ValidationFailure` (its
 * message and fields), its `message`, or the start of its text. Optoro notes that distinct
 * statuses help when reporting a problem to the client, so the status always leads.
 */
export function describeRefusal(status: number, text: string): string {
  const detail = refusalDetail(text).replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_CHARS);
  return detail === "" ? `HTTP ${status}` : `HTTP ${status}: ${detail}`;
}

function refusalDetail(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  const failure = ReceiverValidationFailure.safeParse(body);
  if (failure.success) {
    const fields = failure.data.errors.map((e) => `${e.field} ${e.code}`).join(", ");
    return fields === "" ? failure.data.message : `${failure.data.message} (${fields})`;
  }
  const message = typeof body === "object" && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : text;
}
