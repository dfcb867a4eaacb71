// The main job, end to end. With no key configured it tours every dialect against chatwire's
// built-in mock vendors on 127.0.0.1. Set a dialect's key to talk to a real endpoint instead:
//   OPENAI_API_KEY=sk-… DEMO_MODEL=gpt-4o-mini npm run demo
//   DEMO_DIALECT=bifrost BIFROST_BASE_URL=http://localhost:8080 DEMO_MODEL=openai/gpt-4o-mini npm run demo
import { bifrostTour } from './tour/bifrost.js';
import { caesarTour } from './tour/caesar.js';
import { intandemTour } from './tour/intandem.js';
import { morpheusTour } from './tour/morpheus.js';
import { openaiTour } from './tour/openai.js';
import { realEndpoint } from './tour/real-endpoint.js';

const dialect = process.env.DEMO_DIALECT ?? 'openai';
const key =
  process.env[`${dialect.toUpperCase()}_API_KEY`] ?? process.env[`${dialect.toUpperCase()}_API_TOKEN`];

if (key) {
  await realEndpoint(dialect, process.env.DEMO_MODEL);
} else {
  console.log('No API key set: touring every dialect against the built-in mock vendors.');
  await openaiTour();
  await caesarTour();
  await bifrostTour();
  await morpheusTour();
  await intandemTour();
  // Structured output, typed tools and the tool loop (chatwire/tools), also against the mocks.
  console.log('\n── structured output and tools ─────────────────────────────────');
  await import('./tools.js');
}
