// What only the vendor can see: credentials that arrived, a stream the client really cut, and
// (for the page) a preflight that asked for nothing beyond what the vendor allows.

import { createHash } from 'node:crypto';
import type { RecordedRequest } from '../../../src/testing/index.js';
import { apiKey, models, pathUpload, pathUploadBytes, upload } from './script.js';
import { allowedRequestHeaders } from './vendor-routes.js';
import type { Vendors } from './vendors.js';

export interface ServerCheckOptions {
  /** The page's origin when the client ran in a browser: a CORS preflight must have passed. */
  readonly pageOrigin?: string;
}

/** Problems found in the vendors' request logs; empty when all is well. */
export const checkServerSide = async (
  vendors: Vendors,
  options: ServerCheckOptions = {},
): Promise<string[]> => {
  const problems: string[] = [];
  const requests = vendors.openai.requests;
  const posts = requests.filter((request) => request.method === 'POST');
  const unauthorised = posts.filter((request) => request.headers.authorization !== `Bearer ${apiKey}`);
  if (unauthorised.length > 0) problems.push(`${unauthorised.length} request(s) lacked the Bearer key`);

  const slow = posts.find((request) => modelOf(request) === models.abort);
  if (slow === undefined) problems.push('the abort step never reached the vendor');
  else if (!(await closedEarly(slow))) problems.push('the vendor never saw the aborted stream close early');

  if (options.pageOrigin !== undefined) {
    const preflights = requests.filter((request) => request.method === 'OPTIONS');
    if (preflights.length === 0) problems.push('no CORS preflight reached the vendor (not cross-origin?)');
    const refused = new Set(
      preflights
        .flatMap((preflight) => (preflight.headers['access-control-request-headers'] ?? '').split(','))
        .map((header) => header.trim())
        .filter((header) => header !== '' && !allowedRequestHeaders.includes(header as never)),
    );
    if (refused.size > 0)
      problems.push(`preflight asked for headers the vendor refuses: ${[...refused].join(', ')}`);
    const foreign = posts.filter((request) => request.headers.origin !== options.pageOrigin);
    if (foreign.length > 0)
      problems.push(`${foreign.length} request(s) without Origin ${options.pageOrigin}`);
  }
  problems.push(...(await checkUpload(vendors)));
  return problems;
};

/** The runtime's own multipart encoding reached Caesar byte for byte, with its Unicode filename. */
const checkUpload = async (vendors: Vendors): Promise<string[]> => {
  const all = vendors.caesar.uploads;
  // Server runtimes also upload by path (two uploads): their bytes must be the file's, exactly.
  const fromPath = all.filter((file) => file.filename === pathUpload.file);
  const pathSha = createHash('sha256').update(pathUploadBytes()).digest('hex');
  const pathProblems = fromPath
    .filter((file) => file.sha256 !== pathSha)
    .map((file) => `a path upload arrived as ${file.size} bytes that are not the file's`);
  const uploads = all.filter((file) => file.filename !== pathUpload.file);
  if (uploads.length !== 1) return [`Caesar received ${uploads.length} uploads from bytes, expected 1`];
  const [received] = uploads;
  const expected = createHash('sha256').update(upload.text).digest('hex');
  const problems: string[] = [];
  if (received?.filename !== upload.filename)
    problems.push(`upload filename arrived as ${JSON.stringify(received?.filename)}`);
  if (received?.contentType !== upload.contentType)
    problems.push(`upload type arrived as ${String(received?.contentType)}`);
  if (received?.sha256 !== expected) problems.push('the uploaded bytes did not arrive intact');
  return [...problems, ...pathProblems];
};

const modelOf = (request: RecordedRequest): unknown =>
  (request.json as { model?: unknown } | undefined)?.model;

/** Waits (briefly) for the response to end, then says whether the client left first. */
const closedEarly = async (request: RecordedRequest): Promise<boolean> => {
  await Promise.race([request.closed, new Promise((resolve) => setTimeout(resolve, 3000))]);
  return request.closedEarly;
};
