import { apiKeyOf, type Client, ClientScope, Dialect } from "@dropgate/core-domain";
import { type Command, Option } from "commander";
import { clientRef, count } from "../arguments.js";
import { fields, money, table } from "../output.js";
import { sessionOf } from "../session.js";


const clientColumns = [
  { header: "ID", value: (c: Client) => c.id, align: "right" as const },
  { header: "NAME", value: (c: Client) => c.name },
  { header: "DIALECT", value: (c: Client) => c.dialect },
  { header: "SCOPE", value: (c: Client) => c.scope },
  { header: "VENDOR", value: (c: Client) => c.vendorId },
  { header: "VENDOR NAME", value: (c: Client) => c.vendorName },
  { header: "KEY", value: (c: Client) => c.key },
  { header: "DISABLED", value: (c: Client) => (c.disabled ? "yes" : "no") },
];

type Issued = { client: Client; key: string; secret: string; apikey?: string };

/** Adds the apikey RetailOps vendors send (one string, in an `apikey` header or `?apikey=`). */
function withApiKey(issued: Issued): Issued {
  return issued.client.dialect === "retailops" ? { ...issued, apikey: apiKeyOf(issued.key, issued.secret) } : issued;
}

function credentialLines(issued: Issued): string[] {
  return [
    ...fields([
      ["client", `${issued.client.name} (#${issued.client.id}, ${issued.client.dialect} ${issued.client.scope})`],
      ["key", issued.key],
      ["secret", issued.secret],
      ...(issued.apikey === undefined ? [] : [["apikey", issued.apikey] as const]),
    ]),
    "The secret is shown once; Dropgate stores only its hash.",
  ];
}

/** `dropgate clients …`: partner credentials. */
export function registerClientCommands(program: Command): void {
  const clients = program.command("clients").description("partner credentials: create, list, rotate, disable");

  clients
    .command("list")
    .description("list clients")
    .addOption(new Option("--dialect <dialect>").choices(Dialect.options))
    .addOption(new Option("--scope <scope>").choices(ClientScope.options))
    .action(async (opts: { dialect?: Dialect; scope?: ClientScope }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const rows = await rpc.clients.list.query(opts);
      out.result(rows, (r) => table(r, clientColumns));
    });

  clients
    .command("show")
    .description("show one client")
    .argument("<client>", "client id or name", clientRef)
    .action(async (client: number | string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const c = await rpc.clients.get.query({ client });
      out.result(c, (v) =>
        fields([
          ["id", v.id],
          ["name", v.name],
          ["dialect", v.dialect],
          ["scope", v.scope],
          ["vendor", v.vendorId],
          ["vendor name", v.vendorName],
          ["key", v.key],
          ["disabled", v.disabled],
          ["ecredit", money(v.ecreditCents)],
          ["auto-confirm", v.autoConfirm],
          ["created", v.createdAt],
        ]),
      );
    });

  clients
    .command("create")
    .description("create a client; prints its key and secret once")
    .argument("<name>", "unique client name")
    .addOption(new Option("--dialect <dialect>", "API dialect the partner speaks").choices(Dialect.options).makeOptionMandatory())
    .addOption(new Option("--scope <scope>", "what the client may do").choices(ClientScope.options).makeOptionMandatory())
    .option("--vendor-id <id>", "vendor id (vendor clients)")
    .option("--vendor-name <name>", "the vendor's name as its feeds send vendor_name (vendor clients)")
    .option("--ecredit-cents <cents>", "buyer ecredit in cents", count)
    .option("--auto-confirm", "confirm the buyer's orders without payment checks")
    .action(
      async (
        name: string,
        opts: { dialect: Dialect; scope: ClientScope; vendorId?: string; vendorName?: string; ecreditCents?: number; autoConfirm?: boolean },
        cmd: Command,
      ) => {
        const { rpc, out } = sessionOf(cmd);
        const issued = await rpc.clients.create.mutate({ name, ...opts });
        out.result(withApiKey(issued), credentialLines);
      },
    );

  clients
    .command("rotate")
    .description("issue a new secret; the old one and its tokens stop working")
    .argument("<client>", "client id or name", clientRef)
    .action(async (client: number | string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(withApiKey(await rpc.clients.rotateSecret.mutate({ client })), credentialLines);
    });

  for (const [verb, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    clients
      .command(verb)
      .description(`${verb} a client${disabled ? " (its tokens are revoked)" : ""}`)
      .argument("<client>", "client id or name", clientRef)
      .action(async (client: number | string, _opts: unknown, cmd: Command) => {
        const { rpc, out } = sessionOf(cmd);
        const c = await rpc.clients.setDisabled.mutate({ client, disabled });
        out.result(c, (v) => [`client ${v.name} (#${v.id}) is ${v.disabled ? "disabled" : "enabled"}`]);
      });
  }
}
