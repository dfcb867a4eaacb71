import { InvalidRequestError } from '../errors/request-errors.js';
import { chatParamsRule } from './chat-params-rules.js';
import { check } from './rules.js';

/** Throws `InvalidRequestError` listing every issue when `params` are not well-formed chat parameters. */
export function checkChatParams(params: unknown): void {
  const issues = check(chatParamsRule, params);
  if (issues.length === 0) return;
  const summary = issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
  throw new InvalidRequestError(`Invalid chat parameters: ${summary}.`, issues);
}
