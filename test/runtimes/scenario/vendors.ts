import type * as Testing from '../../../src/testing/index.js';
import type { MockServer } from '../../../src/testing/index.js';
import type { VendorURLs } from './script.js';
import { installOpenAIRoutes } from './vendor-routes.js';

/** The mock vendors one runtime run talks to, fresh per run so their request logs are its own. */
export interface Vendors {
  readonly urls: VendorURLs;
  readonly openai: MockServer;
  readonly caesar: MockServer;
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
  // Caesar's default behaviour is the test: uploads recorded with their bytes, CORS answered.
  const caesar = await kit.createMockServer({ dialect: 'caesar' });
  return {
    urls: { openai: openai.baseURL, caesar: caesar.baseURL },
    openai,
    caesar,
    close: async () => {
      await Promise.all([openai.close(), caesar.close()]);
    },
  };
};
