/**
 * The sandbox the integration and end-to-end tests talk to, run in the test runner's process, and
 * the environment that makes it the VS Code server's "Environment" connection (docs/decisions/cli-contract.md).
 */
import { startSandbox } from '../../src/sandbox';

export const testProjectId = 'test-project-0001';
export const testAk = 'SANDBOXTESTAK0000001';
const testSk = 'sandbox-test-sk-not-a-real-secret';

export interface TestSandbox {
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export async function startTestSandbox(): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, ak: testAk, sk: testSk, timings: { jobStepMs: 500, ttsDelayMs: 300 } });
  return {
    url: sandbox.url,
    env: {
      METASTUDIO_ENDPOINT: sandbox.url,
      HUAWEICLOUD_SDK_PROJECT_ID: testProjectId,
      HUAWEICLOUD_SDK_AK: testAk,
      HUAWEICLOUD_SDK_SK: testSk,
      METASTUDIO_SANDBOX_URL: sandbox.url,
    },
    stop: () => sandbox.close(),
  };
}
