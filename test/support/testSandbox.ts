/**
 * The sandbox the integration and end-to-end tests talk to, in this process, with the
 * environment a VS Code server needs to connect to it (DECISIONS.md 19 variables).
 */
export interface TestSandbox {
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export async function startTestSandbox(): Promise<TestSandbox | undefined> {
  return undefined;
}
