import type { z } from "zod";
import { describeIssues } from "./describe-issues.js";

/*
 * How Optoro words an order that does not fit order-2 (optoro.md §2.6, §2.7). Missing keys take
 * the batch document's wording, which is json_schemer's: `root is missing required keys: brand`,
 * `property '/billing_address' is missing required keys: zip_code`, one sentence per object, the
 * location a JSON pointer into the order. A missing or blank client identifier on POST /orders is
 * the document's own `Client identifier can't be blank`; any other problem keeps Dropgate's
 * `Validation failed: <field> <problem>` naming the field.
 */

/** Only reported for an absent value (issues parsed with `{ reportInput: true }`). */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return "input" in issue && issue.input === undefined;
}

/** json_schemer's location of an object inside the order: `root` or `property '/a/b'`. */
function location(pointer: readonly PropertyKey[]): string {
  return pointer.length === 0 ? "root" : `property '/${pointer.map(String).join("/")}'`;
}

/** One `<location> is missing required keys: a, b` per object that lacks keys, in the order zod found them. */
function missingKeys(issues: readonly z.core.$ZodIssue[], depth: number): string[] {
  const byObject = new Map<string, string[]>();
  for (const issue of issues) {
    const parent = issue.path.slice(depth, -1);
    const key = String(issue.path[issue.path.length - 1]);
    const where = location(parent);
    byObject.set(where, [...(byObject.get(where) ?? []), key]);
  }
  return [...byObject].map(([where, keys]) => `${where} is missing required keys: ${keys.join(", ")}`);
}

export interface OrderIssueWording {
  /** Prefix of dotted field paths (`orders.3` for a batch's fourth order, "" for POST /orders). */
  readonly root: string;
  /** Leading path segments before the order itself (1 for POST /orders' `order`, 0 in a batch). */
  readonly depth: number;
  /** Word a missing or blank `client_identifier` as Rails does (POST /orders). */
  readonly railsClientIdentifier: boolean;
}

/** The reason (or batch message) for an order that does not fit order-2. */
export function describeOrderIssues(issues: readonly z.core.$ZodIssue[], wording: OrderIssueWording): string {
  const isClientIdentifier = (issue: z.core.$ZodIssue) =>
    wording.railsClientIdentifier && issue.path.length === wording.depth + 1 && issue.path[wording.depth] === "client_identifier";
  const identifier = issues.filter(isClientIdentifier);
  const missing = issues.filter((issue) => !isClientIdentifier(issue) && isMissing(issue) && issue.path.length > wording.depth);
  const others = issues.filter((issue) => !isClientIdentifier(issue) && !missing.includes(issue));
  const failed = [
    ...(identifier.length > 0 ? ["Client identifier can't be blank"] : []),
    ...(others.length > 0 ? [describeIssues(wording.root, others)] : []),
  ];
  return [...missingKeys(missing, wording.depth), ...(failed.length > 0 ? [`Validation failed: ${failed.join(", ")}`] : [])].join(", ");
}

/** The wording for POST /orders (root "", paths under `order`) or a batch entry (root `orders.<n>`, paths from the order). */
export function orderIssueWording(root: string): OrderIssueWording {
  return root === "" ? { root, depth: 1, railsClientIdentifier: true } : { root, depth: 0, railsClientIdentifier: false };
}
