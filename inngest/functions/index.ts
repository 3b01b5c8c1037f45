// Every Inngest function of the app, served by app/api/inngest/route.ts.
import { deliverOutbox } from "./deliver-outbox";

export const functions = [deliverOutbox];
