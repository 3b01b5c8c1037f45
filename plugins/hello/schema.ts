// Hello's input schemas: pure zod, shared by the browser form and the server.
import { z } from "zod";

export const greetingInput = z.object({
  message: z.string().trim().min(1, "Write a message").max(280, "At most 280 characters"),
});
