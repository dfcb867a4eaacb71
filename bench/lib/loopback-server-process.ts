import type { AddressInfo } from 'node:net';
import { createLoopbackServer } from './loopback-server.js';

// Child-process entry of the loopback server: reports its port, and exits when the parent lets go.
const server = createLoopbackServer();
server.listen(0, '127.0.0.1', () => {
  process.send?.((server.address() as AddressInfo).port);
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
