// The parts of chatwire/testing a browser test can use (wire-object builders, SSE encoding),
// without the node:http mock server.
import { chunk, completion, errorBody, sseEncode } from 'chatwire/testing';

console.log(sseEncode([chunk({ content: 'hi' })]), completion(), errorBody({ message: 'no' }));
