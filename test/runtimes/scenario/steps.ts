import type { Step } from './scenario.js';
import { abortMidStream } from './steps/abort-mid-stream.js';
import { caesarUpload } from './steps/caesar-upload.js';
import { errorStatus } from './steps/error-status.js';
import { jsonChat } from './steps/json-chat.js';
import { streamedChat } from './steps/streamed-chat.js';

/**
 * The smoke scenario every runtime runs, in order. To add a step: write it under `steps/`, list it
 * here, and give the mock its reply in `vendor-routes.ts` if the vendor's default will not do.
 */
export const smokeSteps: readonly Step[] = [
  jsonChat,
  streamedChat,
  abortMidStream,
  errorStatus,
  caesarUpload,
];
