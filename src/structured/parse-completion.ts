import { redactorOf } from '../errors/call-redactor.js';
import { redactError } from '../errors/redact.js';
import { ResponseValidationError } from '../errors/request-errors.js';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from '../errors/run-errors.js';
import type { ChatCompletion, ChatCompletionMessage } from '../schema/chat-completion.js';
import { type ParsedChatCompletion, schemaOf, wantsJson } from './response-format.js';
import { describeIssues, parseJsonText, validateStandard } from './validate.js';

/**
 * Reads the structured answer of every choice into `message.parsed`, as `response_format` asked:
 * validated by the schema `jsonSchemaFormat()` attached, or only JSON-parsed for a plain
 * `json_schema` / `json_object` format. A refusal (or no content) gives `parsed: null`.
 *
 * Rejects with `LengthFinishReasonError` / `ContentFilterFinishReasonError` when an answer was
 * cut, and `ResponseValidationError` (with the text as `rawText`) when it is not the JSON asked for.
 */
export async function parseCompletion<T>(
  completion: ChatCompletion,
  format: unknown,
): Promise<ParsedChatCompletion<T>> {
  for (const choice of completion.choices) {
    if (choice.finish_reason === 'length') throw new LengthFinishReasonError();
    if (choice.finish_reason === 'content_filter') throw new ContentFilterFinishReasonError();
  }
  try {
    const choices = await Promise.all(
      completion.choices.map(async (choice) => ({
        ...choice,
        message: { ...choice.message, parsed: await parseMessage<T>(choice.message, format) },
      })),
    );
    return { ...completion, choices };
  } catch (error) {
    // The answer is the vendor's text, and may echo the key: the error quotes it (`rawText`).
    throw redactError(error, redactorOf(completion));
  }
}

async function parseMessage<T>(message: ChatCompletionMessage, format: unknown): Promise<T | null> {
  const text = message.content;
  if (message.refusal || typeof text !== 'string' || text === '' || !wantsJson(format)) return null;
  const name = (format as { json_schema?: { name?: unknown } }).json_schema?.name;
  const what = typeof name === 'string' ? `"${name}"` : 'the format asked for';
  const json = parseJsonText(text);
  if (!json.ok)
    throw invalid(
      `The structured answer is not valid JSON: ${describeIssues(json.issues)}.`,
      json.issues,
      text,
    );
  const schema = schemaOf(format);
  if (schema === undefined) return json.value as T;
  const checked = await validateStandard(schema, json.value);
  if (checked.ok) return checked.value as T;
  throw invalid(
    `The structured answer does not match ${what}: ${describeIssues(checked.issues)}.`,
    checked.issues,
    text,
  );
}

const invalid = (message: string, issues: ResponseValidationError['issues'], rawText: string) =>
  new ResponseValidationError(message, { issues, rawText });
