// Secrets for the embedded default: generated once and kept under the gitignored .data folder, so a
// restart keeps sessions valid. Production passes them in the environment instead.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function localSecret(name: string, dataDir = ".data"): string {
  const file = path.resolve(dataDir, "secrets", name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, value, { mode: 0o600 });
  return value;
}
