/** A refusal the author can act on (bad id, clash, nothing to migrate): printed as is, exit code 2. */
export class AuthorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthorError";
  }
}
