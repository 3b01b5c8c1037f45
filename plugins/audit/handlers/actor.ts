// Who made a change, as stored on an entry: type, id and a label written at the time (so the entry
// still reads "Dana Smith" after Dana's account is deleted). API tokens are stored with their user.
// The labels come from the actor itself when it carries a name, else from one lookup by id.
import type { TxClient } from "@/core/db/tx";
import type { Actor } from "@/core/plugins/types";
import type { AuditActor } from "../chain/types";

export async function auditActor(tx: TxClient, actor: Actor): Promise<AuditActor> {
  switch (actor.type) {
    case "user": {
      if (actor.name) return { type: "user", id: actor.id, label: actor.name, userId: actor.id };
      const [u] = await tx.$queryRaw<Array<{ name: string; email: string }>>`SELECT name, email FROM users WHERE id = ${actor.id}::uuid`;
      return { type: "user", id: actor.id, label: u ? u.name || u.email : `user ${actor.id}`, userId: actor.id };
    }
    case "api_token": {
      // The token's name and its user — never its hash or secret.
      const [t] = await tx.$queryRaw<Array<{ token: string; user: string }>>`
        SELECT t.name AS token, u.name AS "user" FROM api_tokens t JOIN users u ON u.id = t."userId" WHERE t.id = ${actor.id}::uuid`;
      return { type: "api_token", id: actor.id, label: t ? `API token "${t.token}" of ${t.user}` : `API token ${actor.id}`, userId: actor.userId };
    }
    case "job":
      return { type: "job", id: actor.id, label: actor.name ? `job ${actor.name}` : "background job", userId: null };
    case "system":
      return { type: "system", id: null, label: actor.name ? `system (${actor.name})` : "system", userId: null };
  }
}
