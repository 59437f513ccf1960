// Child process for the race tests: opens its own connection to a shared SQLite file and places
// orders as fast as it can, printing one JSON line with the outcome kinds.
import { placeOrder } from "@dropgate/core-domain";
import { openStorage } from "@dropgate/storage";

const [path, clientId, sku, count, idPrefix] = process.argv.slice(2);
const store = await openStorage({ path: path! });
const ctx = { store, now: () => new Date() };
const kinds: string[] = [];
for (let i = 0; i < Number(count); i += 1) {
  const result = placeOrder(ctx, {
    clientId: Number(clientId),
    clientIdentifier: idPrefix === "same" ? "SAME-ORDER" : `${idPrefix}-${i}`,
    channel: "rts_drop_ship",
    fill: "all_or_nothing",
    payment: "none",
    items: [{ ref: { sku: sku!, condition: "N" }, quantity: 1 }],
  });
  kinds.push(result.ok ? result.value.kind : result.error.code);
}
store.close();
process.stdout.write(`${JSON.stringify(kinds)}\n`);
