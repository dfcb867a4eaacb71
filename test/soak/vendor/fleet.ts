import { createServer } from 'node:net';
import {
  bifrostMockDialect,
  caesarMockDialect,
  createMockServer,
  intandemMockDialect,
  type MockServer,
  morpheusMockDialect,
  openaiMockDialect,
} from '../../../src/testing/index.js';
import type { Timing } from '../faults/kinds.js';
import type { DialectName } from '../plan/call-plan.js';
import { faultDialect, type Variants } from './fault-dialect.js';

/** An upload as the vendor stored it. */
export interface StoredUpload {
  readonly id: string;
  readonly filename: string;
  readonly size: number;
  readonly sha256: string;
}

/** The five mock vendors of a soak, wherever they run. */
export interface Fleet {
  readonly baseURLs: Readonly<Record<DialectName, string>>;
  /** A port on 127.0.0.1 nothing listens on (connection refused). */
  readonly closedPort: number;
  uploads(): Promise<StoredUpload[]>;
  close(): Promise<void>;
}

export interface FleetOptions {
  readonly apiKey: string;
  readonly timing: Timing;
}

// Jobs of the slow variant stay in progress far longer than any soak waits.
const forever = <S extends string>(start: S, middle: S, end: S): S[] => [
  start,
  ...Array<S>(100_000).fill(middle),
  end,
];

function variantsOf(dialect: DialectName, apiKey: string): Variants {
  switch (dialect) {
    case 'openai':
      return { normal: openaiMockDialect };
    case 'morpheus':
      return { normal: morpheusMockDialect() };
    case 'bifrost':
      return {
        normal: bifrostMockDialect(),
        failing: bifrostMockDialect({ failAsync: true }),
        slow: bifrostMockDialect({ asyncSteps: forever('pending', 'processing', 'completed') }),
      };
    case 'intandem':
      return {
        normal: intandemMockDialect(),
        // The failure echoes the key: `RunFailedError` must not repeat it.
        failing: intandemMockDialect({ failRuns: `soak: the provider refused key ${apiKey}` }),
        slow: intandemMockDialect({ runSteps: forever('QUEUED', 'IN_PROGRESS', 'COMPLETED') }),
      };
    case 'caesar': {
      const common = { uploadShape: 'guide', maxConcurrentResearch: Number.MAX_SAFE_INTEGER } as const;
      const steps = ['queued', 'researching', 'completed'] as const;
      return {
        normal: caesarMockDialect({ ...common, researchSteps: steps }),
        failing: caesarMockDialect({ ...common, researchSteps: steps, failResearch: true }),
        slow: caesarMockDialect({ ...common, researchSteps: forever('queued', 'researching', 'completed') }),
      };
    }
  }
}

/** Starts the vendors in this process. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const names: DialectName[] = ['openai', 'caesar', 'bifrost', 'morpheus', 'intandem'];
  const servers = await Promise.all(
    names.map((name) =>
      createMockServer({ dialect: faultDialect(variantsOf(name, options.apiKey), options) }),
    ),
  );
  const byName = Object.fromEntries(names.map((name, i) => [name, servers[i] as MockServer]));
  return {
    baseURLs: Object.fromEntries(names.map((name) => [name, byName[name]?.baseURL])) as Record<
      DialectName,
      string
    >,
    closedPort: await closedPort(),
    uploads: async () =>
      (byName.caesar?.uploads ?? []).map(({ id, filename, size, sha256 }) => ({
        id,
        filename,
        size,
        sha256,
      })),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/** Binds a free port and releases it: connecting there is refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
