import { err, ok, type Result } from "../result.js";

/** A state machine as a table: each state lists the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export interface StateMachine<S extends string> {
  readonly name: string;
  readonly table: TransitionTable<S>;
}

/** Defines a named state machine from its transition table. */
export function defineMachine<S extends string>(name: string, table: TransitionTable<S>): StateMachine<S> {
  return { name, table };
}

/** True when the table allows moving from `from` to `to`. */
export function canTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): boolean {
  return machine.table[from].includes(to);
}

/** Refuses an illegal transition with ILLEGAL_TRANSITION; answers the new state otherwise. */
export function transition<S extends string>(machine: StateMachine<S>, from: S, to: S): Result<S> {
  if (canTransition(machine, from, to)) return ok(to);
  return err("ILLEGAL_TRANSITION", `${machine.name} cannot move from ${from} to ${to}`, {
    details: { machine: machine.name, from, to },
  });
}
