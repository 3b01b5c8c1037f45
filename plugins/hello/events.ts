// Hello's own event, exported for other plugins to subscribe to.
import { z } from "zod";
import { defineEvent } from "@/core/events/define-event";

export const helloGreeted = defineEvent(
  "hello.greeted",
  z.object({ greetingId: z.uuid(), message: z.string(), patientId: z.uuid().nullable() }),
);
