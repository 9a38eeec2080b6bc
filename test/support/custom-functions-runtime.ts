/**
 * A stand-in for Office's CustomFunctions runtime, so the thin layer (src/functions/functions.ts) can be
 * imported and called in jest: Error records code and message, associate is a spy. Excel shows a custom
 * message only with #VALUE! and #N/A; a message with another code would silently vanish in Excel, so the
 * stand-in refuses it.
 */
export class MockError {
  constructor(
    public code: string,
    public message?: string
  ) {
    if (message !== undefined && code !== "#VALUE!" && code !== "#N/A")
      throw new TypeError(
        `Excel shows custom error messages only for #VALUE! and #N/A, not ${code} ("${message}")`
      );
  }
}
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
};

export type Fns = typeof import("../../src/functions/functions");

/** Install the runtime before the tests and import the functions; remove it after. */
export function withCustomFunctions(): { fns: () => Fns; associate: jest.Mock } {
  let f: Fns | undefined;
  const associate = jest.fn();
  beforeAll(async () => {
    (globalThis as Record<string, unknown>).CustomFunctions = {
      Error: MockError,
      ErrorCode,
      associate,
    };
    f = await import("../../src/functions/functions");
  });
  afterAll(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });
  return { fns: () => f!, associate };
}
