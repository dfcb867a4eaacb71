// The vendors of the full soak, in a process of their own: their request logs and job tables
// then stay out of the heap being measured, and they get the second core.
import { type FleetOptions, startFleet } from './fleet.js';

const options = JSON.parse(process.env.SOAK_FLEET_OPTIONS ?? '{}') as FleetOptions;
const fleet = await startFleet(options);

process.on('message', (message: { type?: string }) => {
  if (message.type === 'uploads') {
    void fleet.uploads().then((uploads) => process.send?.({ type: 'uploads', uploads }));
  } else if (message.type === 'close') {
    void fleet.close().then(() => process.disconnect?.());
  }
});
process.send?.({ type: 'ready', baseURLs: fleet.baseURLs, closedPort: fleet.closedPort });
