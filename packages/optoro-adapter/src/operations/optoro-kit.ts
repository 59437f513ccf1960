import type { Client, UseCaseContext } from "@dropgate/core-domain";
import { dialectKit, type Operation } from "@dropgate/dialect-kit";

/** The Optoro dialects' builders: handlers get the use-case context, clients are core-domain clients. */
export const { defineOperation, defineDialect } = dialectKit<UseCaseContext, Client>();

/** One operation of an Optoro dialect's table. */
export type OptoroOperation = Operation<UseCaseContext, Client>;
