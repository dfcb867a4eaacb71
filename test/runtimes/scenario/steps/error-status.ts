import { check, openaiClient, type Step } from '../scenario.js';
import { models, rateLimitMessage } from '../script.js';

/** A 429 becomes `RateLimitError` (an `APIError`) carrying the vendor's status and message. */
export const errorStatus: Step = {
  name: 'error status',
  run: async (context) => {
    const { chatwire } = context;
    const outcome = await openaiClient(context)
      .chat.completions.create(
        { model: models.rateLimited, messages: [{ role: 'user', content: 'too many' }] },
        { maxRetries: 0 },
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    check(outcome !== undefined, 'a 429 resolved instead of rejecting');
    check(outcome instanceof chatwire.RateLimitError, `expected RateLimitError, got ${String(outcome)}`);
    const error = outcome as InstanceType<typeof chatwire.RateLimitError>;
    check(error instanceof chatwire.APIError, 'RateLimitError is not an APIError');
    check(error.status === 429, `status ${String(error.status)}, expected 429`);
    check(
      error.message.includes(rateLimitMessage),
      `message ${JSON.stringify(error.message)} lost the vendor's`,
    );
    return '429 → RateLimitError';
  },
};
