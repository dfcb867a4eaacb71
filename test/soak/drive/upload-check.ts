import type { UploadPlan } from '../plan/call-plan.js';
import type { StoredUpload } from '../vendor/fleet.js';

/** An upload the client reported as done, and what the vendor must hold for it (not the bytes). */
export interface UploadCheck {
  readonly id: string;
  readonly filename: string;
  readonly size: number;
  readonly sha256: string;
}

export function uploadCheck(id: string, plan: UploadPlan): UploadCheck {
  return { id, filename: plan.filename, size: plan.bytes.length, sha256: plan.sha256 };
}

/**
 * Every upload the client reported is stored once, byte for byte (SHA-256), under its name; the
 * vendor stored nothing else (a failed or retried upload must not leave a copy behind).
 */
export function checkUploads(done: readonly UploadCheck[], stored: readonly StoredUpload[]): string[] {
  const problems: string[] = [];
  const byId = new Map(stored.map((upload) => [upload.id, upload]));
  for (const want of done) {
    const upload = byId.get(want.id);
    if (!upload) problems.push(`upload ${want.id} (${want.filename}) is not on the vendor`);
    else if (
      upload.sha256 !== want.sha256 ||
      upload.filename !== want.filename ||
      upload.size !== want.size
    ) {
      problems.push(
        `upload ${want.id} (${want.filename}) was stored as ${upload.filename}, ${upload.size} B, sha256 ${upload.sha256}`,
      );
    }
  }
  if (stored.length !== done.length) {
    problems.push(
      `the vendor stored ${stored.length} uploads for ${done.length} successful ones (duplicates or strays)`,
    );
  }
  return problems;
}
