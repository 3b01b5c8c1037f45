// Hello's settings: one field of most types, a dependent field, cross-field validation, a change
// handler and the 1.0 -> 2.0 migration of a renamed setting.
import { defineSettings } from "@/core/plugins/settings/schema";

export const helloSettings = defineSettings({
  fields: {
    greeting: { type: "text", default: "Hello", label: "Greeting", help: "Word used to greet new patients.", maxLength: 40, category: "Greetings" },
    greetNewPatients: { type: "boolean", default: true, label: "Greet new patients", category: "Greetings" },
    signature: { type: "text", default: "The front desk", label: "Signature", category: "Greetings", dependsOn: { key: "greetNewPatients", equals: true } },
    maxPerDay: { type: "integer", default: 50, min: 1, max: 1000, label: "Greetings per day", help: "1 to 1000.", category: "Limits" },
    style: { type: "choice", default: "warm", options: [{ value: "warm", label: "Warm" }, { value: "formal", label: "Formal" }], label: "Style", category: "Greetings" },
    webhookToken: { type: "secret", label: "Webhook token", help: "Stored encrypted; never shown again.", category: "Integration" },
  },
  validate: (values) =>
    values.style === "formal" && String(values.greeting).toLowerCase() === "hey"
      ? [{ key: "greeting", message: "A formal style needs a formal greeting (not “hey”)" }]
      : [],
  migrations: [
    {
      // 1.x called the greeting word `salutation`.
      from: "1.0.0",
      to: "2.0.0",
      up: async (store) => {
        if (await store.has("salutation")) {
          await store.set("greeting", await store.get("salutation"));
          await store.delete("salutation");
        }
      },
    },
  ],
});
