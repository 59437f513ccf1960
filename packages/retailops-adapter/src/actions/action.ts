import type { Client, UseCaseContext } from "@dropgate/core-domain";
import type { z } from "zod";
import type { ErrorEnvelope } from "../wire/envelope.js";

/*
 * A RetailOps action as data, with no HTTP framework: its dotted name and version (which give
 * its path), the schemas of its body and of its success envelope, and a handler that answers an
 * envelope. The dialect turns the table into routes and into the OpenAPI document.
 */

/** What a handler answers: the envelope and the HTTP status it goes out with. */
export interface ActionAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> | ErrorEnvelope;
}

/** A vendor client: a RetailOps client with its vendor id. */
export type VendorClient = Client & { readonly vendorId: string };

export interface RetailOpsAction<S extends z.ZodType = z.ZodType> {
  /** RetailOps' action name, e.g. `Vendor.PO.fetch`. */
  readonly name: string;
  readonly version: number;
  /** The path as the guide writes it (its case, no version), for the docs. */
  readonly documentedPath: string;
  readonly summary: string;
  readonly description: string;
  readonly request: S;
  /** The guide's own sample body, for the OpenAPI document. */
  readonly example?: unknown;
  /** The success envelope. */
  readonly response: z.ZodType;
  handle(body: z.output<S>, vendor: VendorClient, ctx: UseCaseContext): ActionAnswer;
}

/** Declares an action with its handler's body type taken from its request schema. */
export function defineAction<S extends z.ZodType>(action: RetailOpsAction<S>): RetailOpsAction<S> {
  return action;
}

/** The canonical path of an action: dots become slashes, lower case, `~N`, `.json`. */
export function actionPath(action: Pick<RetailOpsAction, "name" | "version">): string {
  return `/${action.name.toLowerCase().split(".").join("/")}~${action.version}.json`;
}
