import type { Step } from './scenario.js';
import { abortMidStream } from './steps/abort-mid-stream.js';
import { errorStatus } from './steps/error-status.js';
import { jsonChat } from './steps/json-chat.js';
import { streamedChat } from './steps/streamed-chat.js';

/**
 * The smoke scenario every runtime runs, in order. To add a step (the Caesar upload from bytes,
 * once `client.files.upload` lands): write it under `steps/`, list it here, and give the mock its
 * reply in `vendor-routes.ts` (a Caesar mock joins `VendorURLs` in `script.ts` and `vendors.ts`).
 */
export const smokeSteps: readonly Step[] = [jsonChat, streamedChat, abortMidStream, errorStatus];
