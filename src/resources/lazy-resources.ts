import type { ClientContext } from '../client-context.js';
import { lazyResource, loadChunk } from '../internal/lazy.js';
import type { Collections } from './collections.js';
import type { Files } from './files.js';
import type { Research } from './research.js';
import type { Runs } from './runs.js';

/**
 * `client.runs`, `.research`, `.files` and `.collections`, each loaded by its first call: a page
 * that only chats never downloads polling, uploads or research (see `internal/lazy.ts`).
 */
export function lazyResources(context: ClientContext) {
  return {
    runs: lazyResource<Runs>(
      () => loadChunk('runs', () => import('./runs.js')).then((m) => m.createRuns(context)),
      {
        retrieve: 'api',
        list: 'api',
        wait: 'promise',
        watch: 'iterable',
      },
    ),
    research: lazyResource<Research>(
      () => loadChunk('research', () => import('./research.js')).then((m) => m.createResearch(context)),
      {
        create: 'api',
        retrieve: 'api',
        events: 'api',
        list: 'iterable',
        wait: 'promise',
        watch: 'iterable',
        brainstorm: 'api',
        chat: { send: 'api', wait: 'promise', stream: 'api' },
      },
    ),
    files: lazyResource<Files>(
      () => loadChunk('files', () => import('./files.js')).then((m) => m.createFiles(context)),
      {
        upload: 'api',
        list: 'iterable',
      },
    ),
    collections: lazyResource<Collections>(
      () =>
        loadChunk('collections', () => import('./collections.js')).then((m) => m.createCollections(context)),
      { create: 'api', retrieve: 'api', update: 'api', list: 'iterable' },
    ),
  };
}
