// Typed events (the seed's Django signals). An event is a name plus a zod schema for its payload;
// emitting validates the payload, so a handler never sees a malformed one (see emit.ts).
// Schemas must describe JSON data — dates as ISO strings, no transforms into Dates, Maps or
// bigints: durable handlers get the validated payload back from the outbox's JSON column and it is
// validated again before delivery, so an output that does not parse as input fails delivery.
import type { z } from "zod";

export type EventDefinition<Name extends string = string, S extends z.ZodType = z.ZodType> = {
  readonly name: Name;
  readonly schema: S;
};

export type EventPayload<E extends EventDefinition> = z.output<E["schema"]>;

/** `defineEvent("inventory.low_stock_detected", z.object({...}))` */
export function defineEvent<const Name extends string, S extends z.ZodType>(name: Name, schema: S): EventDefinition<Name, S> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(name)) {
    throw new Error(`Event name "${name}" must be dotted lower_snake_case, e.g. "inventory.item_created"`);
  }
  return { name, schema };
}

/** An event of another plugin, as a subscriber relies on it (see subscribedEvent). */
export type SubscribedEvent<Name extends string = string, S extends z.ZodType = z.ZodType> = EventDefinition<Name, S> & { readonly subscribed: true };

/**
 * Another plugin's event, as this plugin subscribes to it: its name and the part of the payload the
 * subscriber reads. Plugins never import each other — they meet through the events a plugin exports
 * (its manifest's `events`), matched by name when the event is emitted. The contract test checks each
 * such declaration against the producer's exported schema (core/plugins/event-contracts.ts), so a
 * producer renaming or retyping a field the subscriber reads fails the suite, not production.
 * The payload the handler gets is the producer's (validated by it on emit); `schema` only types it.
 */
export function subscribedEvent<const Name extends string, S extends z.ZodType>(name: Name, schema: S): SubscribedEvent<Name, S> {
  return { ...defineEvent(name, schema), subscribed: true };
}
