import { reservationModelsIn, reserve } from "@dropgate/core-domain";
import { domainProblem } from "../errors/problem.js";
import { toReservationBody } from "../mapping/reservation.js";
import { ReservationBody, ReserveRequest } from "../wire/reservation.js";
import { reservationXml, reserveRequestXml } from "../xml/documents.js";
import { ghostOperation, type AnyGhostOperation } from "./ghost-operation.js";
import type { GhostOptions } from "./options.js";

/** Reserve (lock / unlock / set in one transaction) and ReservationStatus. */
export function reservationOperations(options: GhostOptions): AnyGhostOperation[] {
  const reserveOperation = ghostOperation({
    id: "reserve",
    method: "POST",
    path: "/ghost/orders/sold",
    summary: "Reserve",
    description:
      "lock adds, unlock gives back, set asks for an absolute total; any combination, applied in order in one transaction. Each model gets min(requested, available) without error; the answer is the whole reservation. Reservations hold stock from every other buyer and dialect until released or ordered and never expire by themselves.",
    tag: "Reservations",
    body: { schema: ReserveRequest, xml: reserveRequestXml },
    answer: { schema: ReservationBody, xml: reservationXml, description: "The whole reservation after the operations." },
    handle: ({ body, client }, ctx) => {
      const wirePaths: string[] = [];
      const operations = body.operations.flatMap((op, opIndex) =>
        op.models.map((model, modelIndex) => {
          wirePaths.push(`operations.${opIndex}.models.${modelIndex}.stock_id`);
          return { type: op.type, positionId: model.stock_id, quantity: model.quantity };
        }),
      );
      const reserved = reserve(ctx, { clientId: client.id, channel: options.channel, operations });
      if (!reserved.ok) {
        const index = /^operations\.(\d+)\./.exec(reserved.error.field ?? "")?.[1];
        const field = index === undefined ? "operations" : wirePaths[Number(index)];
        return { ok: false, problem: domainProblem(reserved.error, field) };
      }
      return { ok: true, value: toReservationBody(reserved.value.models) };
    },
  });
  const status = ghostOperation({
    id: "reservationStatus",
    method: "GET",
    path: "/ghost/orders/dropshipping/locked",
    summary: "Reservation status",
    description: "The reseller's whole reservation: every model it holds, with what is still available.",
    tag: "Reservations",
    answer: { schema: ReservationBody, xml: reservationXml, description: "The whole reservation." },
    handle: ({ client }, ctx) => ({
      ok: true,
      value: toReservationBody(ctx.store.read((r) => reservationModelsIn(r, client.id, new Set()))),
    }),
  });
  return [reserveOperation, status];
}
