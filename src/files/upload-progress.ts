import type { UploadProgress } from './upload-options.js';

/** Counts one attempt's content bytes as the body stream hands them to fetch. */
export interface AttemptCounter {
  add(bytes: number): void;
  /** The content ended: a stream of unknown length now knows its total. */
  end(): void;
}

export interface ProgressReporter {
  /** A counter for a new attempt; a retry counts from 0 again but reports nothing until it passes the last event. */
  attempt(): AttemptCounter;
  /** For a body the runtime could not report live: the one event, once the server has answered. */
  complete(): void;
}

/**
 * Turns byte counts into `onProgress` calls that never go backwards (a retry re-sends from the
 * start) and whose last call has `loaded === total`.
 */
export function progressReporter(
  onProgress: ((progress: UploadProgress) => void) | undefined,
  size: number | undefined,
): ProgressReporter {
  let reported = 0;
  let finished = false;
  const emit = (loaded: number, total: number | undefined) => {
    if (!onProgress || finished || loaded < reported || (loaded === reported && total !== loaded)) return;
    reported = loaded;
    finished = total === loaded;
    onProgress({ loaded, total });
  };
  return {
    attempt() {
      let loaded = 0;
      return {
        add(bytes) {
          loaded += bytes;
          if (loaded > reported) emit(loaded, size);
        },
        end: () => emit(loaded, loaded),
      };
    },
    complete: () => {
      if (size !== undefined) emit(size, size);
    },
  };
}
