import type * as Testing from '../../../src/testing/index.js';
import type { MockServer } from '../../../src/testing/index.js';
import type { VendorURLs } from './script.js';
import { installOpenAIRoutes } from './vendor-routes.js';

/** The mock vendors one runtime run talks to, fresh per run so their request logs are its own. */
export interface Vendors {
  readonly urls: VendorURLs;
  readonly openai: MockServer;
  close(): Promise<void>;
}

/**
 * Starts the vendors from `kit`: the packed package's own `chatwire/testing`, so the runner does
 * not depend on sources that may be mid-edit.
 */
export const startVendors = async (kit: typeof Testing): Promise<Vendors> => {
  // No `apiKey` option: the mock would answer the credential-less CORS preflight with 401.
  const openai = await kit.createMockServer();
  installOpenAIRoutes(openai, kit);
  return {
    urls: { openai: openai.baseURL },
    openai,
    close: () => openai.close(),
  };
};
