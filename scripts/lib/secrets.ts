// Secrets for the embedded default: generated once and kept under the gitignored .data folder, so a
// restart keeps sessions valid. Production passes them in the environment instead.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function localSecret(name: string, dataDir = ".data"): string {
  const file = path.resolve(dataDir, "secrets", name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  // Only the secrets folder is private: `mode` with `recursive` would also make .data itself 0700,
  // which shuts out the `postgres` user the embedded database runs as under root.
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, value, { mode: 0o600 });
  return value;
}
