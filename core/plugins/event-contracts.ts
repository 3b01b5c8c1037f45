// Cross-plugin event contracts: a plugin subscribes to another plugin's event with subscribedEvent()
// (core/events/define-event.ts), declaring the fields it reads. Checked here against what the producer
// exports, through the registry — never by importing the producer:
//   - the producing plugin (the event name's first segment) is installed but exports no such event;
//   - a field the subscriber reads is missing from the producer's payload, optional there while the
//     subscriber needs it, or of another JSON type.
// A producer that is not installed is fine: the subscription is inert (nothing emits the event).
import { z } from "zod";
import type { EventDefinition } from "@/core/events/define-event";
import type { PluginManifest } from "./types";

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[] };

const typesOf = (s: JsonSchema | undefined): Set<string> => {
  if (!s) return new Set();
  if (s.anyOf) return new Set(s.anyOf.flatMap((x) => [...typesOf(x)]));
  const t = s.type;
  if (t === undefined) return new Set(["any"]);
  // "integer" is a kind of "number" for a reader of the field.
  return new Set((Array.isArray(t) ? t : [t]).map((x) => (x === "integer" ? "number" : x)));
};

const jsonSchema = (e: EventDefinition) => z.toJSONSchema(e.schema, { io: "output", unrepresentable: "any" }) as JsonSchema;

/** Why `subscriber`'s view of an event does not fit `producer`'s payload; empty when it fits. */
export function contractProblems(subscriber: EventDefinition, producer: EventDefinition): string[] {
  const problems: string[] = [];
  compare(jsonSchema(subscriber), jsonSchema(producer), "", producer.name, problems);
  return problems;
}

/** Field by field, into nested objects the subscriber describes (e.g. the record's `name`). */
function compare(want: JsonSchema, have: JsonSchema, prefix: string, producerName: string, problems: string[]) {
  const haveObject = have.anyOf?.find((x) => x.properties) ?? have;
  for (const [key, spec] of Object.entries(want.properties ?? {})) {
    const field = `${prefix}${key}`;
    const theirs = haveObject.properties?.[key];
    if (!theirs) {
      problems.push(`reads "${field}", which ${producerName} does not carry`);
      continue;
    }
    if (want.required?.includes(key) && !haveObject.required?.includes(key)) problems.push(`needs "${field}", which ${producerName} may leave out`);
    const mine = typesOf(spec);
    const their = typesOf(theirs);
    if (!mine.has("any") && !their.has("any")) {
      const unexpected = [...their].filter((t) => !mine.has(t));
      if (unexpected.length) problems.push(`reads "${field}" as ${[...mine].join(" | ")}, but ${producerName} sends ${[...their].join(" | ")}`);
    }
    const nested = spec.anyOf?.find((x) => x.properties) ?? spec;
    if (nested.properties) compare(nested, theirs, `${field}.`, producerName, problems);
  }
}

/** Every cross-plugin subscription of the installed plugins that does not fit its producer. */
export function eventContractProblems(plugins: readonly PluginManifest[]): string[] {
  // An event name's first segment is its plugin's id in snake case ("clinic_notes.record_created" for
  // the plugin clinic-notes): event names are dotted lower_snake_case, plugin ids may have dashes.
  const byId = new Map(plugins.map((p) => [p.id.replace(/-/g, "_"), p]));
  const problems: string[] = [];
  for (const plugin of plugins) {
    const handlers = [...(plugin.handlers?.inTransaction ?? []), ...(plugin.handlers?.durable ?? [])];
    for (const { event } of handlers) {
      if (!("subscribed" in event)) continue;
      const producerId = event.name.split(".")[0]!;
      const producer = byId.get(producerId);
      if (!producer) continue;
      const exported = Object.values(producer.events ?? {}).find((e) => e.name === event.name);
      if (!exported) {
        problems.push(`${plugin.id} subscribes to ${event.name}, which the ${producer.id} plugin does not export`);
        continue;
      }
      for (const p of contractProblems(event, exported)) problems.push(`${plugin.id} subscribes to ${event.name}: ${p}`);
    }
  }
  return problems;
}
