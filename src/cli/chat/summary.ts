import { type ChatCompletion, parseCitations, readBifrostHeaders, type Usage } from '../../index.js';
import { bifrostLine } from './bifrost-line.js';

/** What a finished answer is summarised from. */
export interface SummaryInput {
  readonly completion: ChatCompletion;
  readonly headers: Headers | undefined;
  readonly requestId: string | undefined;
  readonly elapsedMs: number;
  readonly dialect: string;
}

/** Labelled lines for the end of an answer: finish, usage, Bifrost's extra_fields, Caesar's citations. */
export const summaryLines = (input: SummaryInput): Array<[label: string, text: string]> => {
  const { completion, headers } = input;
  const choice = completion.choices[0];
  const finish = [
    choice?.finish_reason ?? 'no finish reason',
    completion.model,
    seconds(input.elapsedMs),
    input.requestId ? `request id ${input.requestId}` : 'no request id',
  ];
  const lines: Array<[string, string]> = [['finish', finish.join(' · ')]];
  const bifrostInfo = input.dialect === 'bifrost' && headers ? readBifrostHeaders(headers) : {};
  const usage = usageText(completion.usage, bifrostInfo.costUsd);
  lines.push([
    'usage',
    input.dialect === 'caesar' && !completion.usage ? `${usage} (Caesar bills per research)` : usage,
  ]);
  const calls = choice?.message.tool_calls ?? [];
  if (calls.length > 0) lines.push(['tools', calls.map((call) => call.function.name).join(', ')]);
  if (input.dialect === 'bifrost') lines.push(['bifrost', bifrostLine(completion.extra_fields, bifrostInfo)]);
  const content = choice?.message.content;
  if (input.dialect === 'caesar' && typeof content === 'string') {
    const citations = parseCitations(content);
    if (citations.length > 0) {
      lines.push(['sources', `${citations.length} cited: ${citations.map((c) => c.url).join(', ')}`]);
    }
  }
  return lines;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const usageText = (usage: Usage | null | undefined, headerCost: number | undefined): string => {
  if (!usage) return 'not reported';
  const parts = [
    `${usage.prompt_tokens} prompt + ${usage.completion_tokens} completion = ${usage.total_tokens} tokens`,
  ];
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number' && reasoning > 0) parts.push(`${reasoning} reasoning`);
  const cost = typeof usage.cost === 'number' ? usage.cost : (usage.cost?.total_cost ?? headerCost);
  if (typeof cost === 'number') parts.push(`cost $${cost}`);
  return parts.join(' · ');
};
