/** An error with an exit code and a one-line message for the user; main() prints it and exits with it. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number
  ) {
    super(message);
  }
}
