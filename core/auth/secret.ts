// The secret that signs session tokens. Production sets NEXTAUTH_SECRET; the run and test commands
// generate one for the embedded default (scripts/lib/secrets.ts) and pass it in the environment.
export function resolveSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
}
