import type * as Testing from '../../../src/testing/index.js';
import type { Outcome } from '../lib/outcome.js';

/** A runtime the scenario runs in. */
export interface Target {
  /** Matched by the runner's filter arguments, e.g. `node@18`, `bun`, `chromium`. */
  readonly name: string;
  /** Installs what is missing; says what will run (e.g. `node@18.20.8`). */
  prepare(): Promise<PreparedTarget>;
}

export interface PreparedTarget {
  readonly label: string;
  /** Runs the scenario against the consumer project's installed package. */
  run(host: Host): Promise<Outcome>;
}

/** What every target runs against. */
export interface Host {
  /** The consumer project: the packed tarball installed, the bundled entries beside it. */
  readonly consumerDir: string;
  /** Its `chatwire/testing`, loaded here to serve the mock vendors. */
  readonly kit: typeof Testing;
  /** Where screenshots and other artefacts go. */
  readonly artifactsDir: string;
}
