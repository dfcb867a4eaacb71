import {
  createMockServer,
  type MockDialectName,
  type MockServer,
  type RecordedRequest,
  type Reply,
} from '../../../src/testing/index.js';

/** The key each mock vendor accepts, in the variable its dialect reads. */
export const VENDORS: ReadonlyArray<{ name: MockDialectName; variable: string; key: string }> = [
  { name: 'openai', variable: 'OPENAI_API_KEY', key: 'sk-test' },
  { name: 'caesar', variable: 'CAESAR_API_KEY', key: 'csk-test' },
  { name: 'bifrost', variable: 'BIFROST_API_KEY', key: 'sk-bf-test' },
  { name: 'morpheus', variable: 'MORPHEUS_API_KEY', key: 'sk-test' },
  { name: 'intandem', variable: 'INTANDEM_API_TOKEN', key: 'staff-token' },
];

/** A mock vendor that checks keys, so the bad-key probe gets a real 401. */
export const startVendor = (name: MockDialectName, options: { cors?: boolean } = {}): Promise<MockServer> => {
  const vendor = VENDORS.find((item) => item.name === name);
  return createMockServer({ dialect: name, apiKey: vendor?.key ?? 'sk-test', ...options });
};

/** The environment that gives the CLI the vendor's key. */
export const keyEnv = (name: MockDialectName): Record<string, string> => {
  const vendor = VENDORS.find((item) => item.name === name);
  return vendor ? { [vendor.variable]: vendor.key } : {};
};

/** The reply the vendor would give by default, for scripts that bend only part of it. */
export const vendorReply = (server: MockServer) => {
  let id = 1000;
  const context = { model: 'mock-model', nextId: () => ++id, recordUpload: () => undefined };
  return async (request: RecordedRequest): Promise<Reply> =>
    (await server.dialect.handle(request, context)) ?? { error: 404, message: 'no such route' };
};
