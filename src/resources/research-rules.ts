import { checkResearchSettings, isFileId } from '../dialects/caesar-rules.js';
import { Refusals } from '../dialects/define-dialect.js';

/** Refuses a `/research` body Caesar would reject or misread, before sending. */
export function checkResearchParams(params: Record<string, unknown>, apiVersion?: string): void {
  const refusals = new Refusals('caesar');
  if (typeof params.query !== 'string' || params.query.trim() === '') refusals.add('query', 'is required');
  checkResearchSettings(params, refusals, '', apiVersion);
  for (const key of ['files', 'collection_ids'] as const) {
    const ids = params[key];
    if (ids === undefined) continue;
    if (!Array.isArray(ids)) refusals.add(key, 'must be an array of ids');
    else {
      ids.forEach((id, i) => {
        if (!isFileId(id)) refusals.add(`${key}.${i}`, 'must be a UUID');
      });
    }
  }
  const answers = params.answers;
  if (answers !== undefined && !Array.isArray(answers)) refusals.add('answers', 'must be an array');
  (Array.isArray(answers) ? answers : []).forEach((answer: Record<string, unknown>, i) => {
    if (typeof answer?.question_id !== 'string') refusals.add(`answers.${i}.question_id`, 'is required');
    const option = answer?.selected_option;
    const hasOption = Number.isInteger(option) && (option as number) >= 0;
    if (option !== undefined && !hasOption)
      refusals.add(`answers.${i}.selected_option`, 'must be a 0-based index');
    if (!hasOption && typeof answer?.custom_text !== 'string') {
      refusals.add(`answers.${i}`, 'needs selected_option or custom_text');
    }
  });
  if (answers !== undefined && params.brainstorm_session_id === undefined) {
    refusals.add('brainstorm_session_id', 'is required with answers');
  }
  refusals.throwIfAny();
}
