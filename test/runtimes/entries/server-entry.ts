// Node (ESM and CJS builds of this file), Bun and Deno run this against the packed package.
// The vendors' URLs come as the last argument; the result goes to stdout after a marker line.
import * as chatwire from '../../../src/index.js';
import * as testing from '../../../src/testing/index.js';
import { runScenario } from '../scenario/scenario.js';
import { resultMarker, type VendorURLs } from '../scenario/script.js';
import { pathUploadStep } from '../scenario/steps/path-upload.js';
import { testingKit } from '../scenario/steps/testing-kit.js';
import { smokeSteps } from '../scenario/steps.js';

const main = async (): Promise<void> => {
  const vendors = JSON.parse(process.argv.at(-1) ?? '{}') as VendorURLs;
  const steps = [...smokeSteps, pathUploadStep, testingKit(testing)];
  const result = await runScenario({ chatwire, vendors }, steps);
  console.log(resultMarker + JSON.stringify(result));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
