import { createSseServer, listen } from './sse-loopback-server.js';

// Child-process entry of the SSE loopback server: reports its port, exits when the parent lets go.
const server = createSseServer();
process.send?.(await listen(server));
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
