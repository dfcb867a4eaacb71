import { describe, expect, it } from 'vitest';
import { caesar, filePart, InvalidRequestError, parseCitations } from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';

const FILE_ID = '9c6f8b1a-2a4f-4a35-86b9-0d0b5e25d5e5';
const question = [{ role: 'user' as const, content: 'What changed in solar output in 2025?' }];

describe('caesar requests', () => {
  it('POSTs to /compat/chat/completions with Bearer, API-Version and native metadata values', async () => {
    const { client, calls } = capturingClient('caesar', { apiKey: 'csk-test-123' });
    await client.chat.completions.create({
      model: 'caesar-research',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Summarise' }, filePart(FILE_ID, 'report.pdf')] },
      ],
      metadata: {
        reasoning_loops: 3,
        source_timeout: 90,
        reasoning_mode: true,
        excluded_domains: ['reddit.com'],
      },
    });
    const call = calls[0]!;
    expect(call.url).toBe('http://127.0.0.1:9/compat/chat/completions');
    expect(call.headers).toMatchObject({ authorization: 'Bearer csk-test-123', 'api-version': '2025-11-27' });
    expect(JSON.parse(call.body!)).toEqual({
      model: 'caesar-research',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise' },
            { type: 'file', file: { filename: 'report.pdf', fileData: FILE_ID } },
          ],
        },
      ],
      metadata: {
        reasoning_loops: 3,
        source_timeout: 90,
        reasoning_mode: true,
        excluded_domains: ['reddit.com'],
      },
      stream: false,
    });
  });

  it('sends a chosen API version, and waits half an hour by default (research takes minutes)', async () => {
    const { client, calls } = capturingClient(caesar({ apiVersion: '2025-08-08' }));
    await client.chat.completions.create({ model: 'caesar-research', messages: question });
    expect(calls[0]!.headers['api-version']).toBe('2025-08-08');
    expect(caesar().defaults).toEqual({ timeout: 1_800_000, idleTimeout: 1_800_000 });
  });

  it('under API version 2025-08-08 the loop count is compute_units: sent, and reasoning_loops refused', async () => {
    const { client, calls } = capturingClient(caesar({ apiVersion: '2025-08-08' }));
    await client.chat.completions.create({
      model: 'caesar-research',
      messages: question,
      metadata: { compute_units: 3 },
    });
    expect(JSON.parse(calls[0]!.body!).metadata).toEqual({ compute_units: 3 });
    const refused = await client.chat.completions
      .create({ model: 'caesar-research', messages: question, metadata: { reasoning_loops: 3 } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expect((refused as InvalidRequestError).issues[0]?.path).toBe('metadata.reasoning_loops');
    const outOfRange = await client.research
      .create({ query: 'q', compute_units: 11 as never })
      .catch((e: unknown) => e);
    expect((outOfRange as InvalidRequestError).issues[0]?.path).toBe('compute_units');
    expect(calls).toHaveLength(1);
  });

  it('passes what Caesar documents as accepted and ignored (tools, response_format, sampling)', async () => {
    const { client, calls } = capturingClient('caesar');
    const ignored = {
      tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
      response_format: { type: 'json_object' },
      temperature: 0.2,
      seed: 7,
    };
    await client.chat.completions.create({
      model: 'caesar-research',
      messages: question,
      ...ignored,
    } as never);
    expect(JSON.parse(calls[0]!.body!)).toMatchObject(ignored);
  });

  it('accepts the ends of each range and refuses one step past them', async () => {
    const { client, calls } = capturingClient('caesar');
    const send = (metadata: Record<string, unknown>) =>
      client.chat.completions
        .create({ model: 'caesar-research', messages: question, metadata } as never)
        .then(
          () => 'sent',
          (e: unknown) => (e as InvalidRequestError).issues?.[0]?.path,
        );
    for (const [key, min, max] of [
      ['reasoning_loops', 1, 10],
      ['source_timeout', 3, 180],
    ] as const) {
      expect(await send({ [key]: min })).toBe('sent');
      expect(await send({ [key]: max })).toBe('sent');
      expect(await send({ [key]: min - 1 })).toBe(`metadata.${key}`);
      expect(await send({ [key]: max + 1 })).toBe(`metadata.${key}`);
    }
    expect(calls).toHaveLength(4);
  });

  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ['n > 1', { n: 2 }, 'n'],
    ['reasoning_loops out of range', { metadata: { reasoning_loops: 20 } }, 'metadata.reasoning_loops'],
    ['source_timeout out of range', { metadata: { source_timeout: 2 } }, 'metadata.source_timeout'],
    ['a boolean sent as a string', { metadata: { exclude_social: 'true' } }, 'metadata.exclude_social'],
    ['the pre-2025-11-27 name', { metadata: { compute_units: 2 } }, 'metadata.compute_units'],
    ['no user message', { messages: [{ role: 'system', content: 'x' }] }, 'messages'],
    [
      'fileData that is not a UUID',
      {
        messages: [
          { role: 'user', content: [{ type: 'file', file: { filename: 'a.pdf', fileData: 'aGVsbG8=' } }] },
        ],
      },
      'messages.0.content.0.file.fileData',
    ],
    [
      'OpenAI file keys',
      {
        messages: [
          {
            role: 'user',
            content: [{ type: 'file', file: { file_data: 'data:application/pdf;base64,AA' } }],
          },
        ],
      },
      'messages.0.content.0.file',
    ],
  ];
  it.each(refusals)('refuses %s before sending', async (_name, patch, path) => {
    const { client, calls } = capturingClient('caesar');
    const error = await client.chat.completions
      .create({ model: 'caesar-research', messages: question, ...patch } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues.map((i) => i.path)).toContain(path);
    expect(calls).toHaveLength(0);
  });
});

describe('filePart', () => {
  it('builds the camelCase Caesar part from an uploaded file or an id', () => {
    expect(filePart({ id: FILE_ID, filename: 'résumé – 2025.pdf' })).toEqual({
      type: 'file',
      file: { filename: 'résumé – 2025.pdf', fileData: FILE_ID },
    });
    expect(filePart(FILE_ID, 'a.pdf').file.fileData).toBe(FILE_ID);
  });

  it('a bare id without a filename is named by its id (Caesar may require a filename: undocumented)', () => {
    expect(filePart(FILE_ID)).toEqual({ type: 'file', file: { filename: FILE_ID, fileData: FILE_ID } });
    expect(filePart({ id: FILE_ID, filename: '' })).toEqual({
      type: 'file',
      file: { filename: FILE_ID, fileData: FILE_ID },
    });
  });

  it('refuses bytes, base64 and URLs', () => {
    expect(() => filePart('https://example.com/a.pdf', 'a.pdf')).toThrow(InvalidRequestError);
    expect(() => filePart('aGVsbG8=', 'a.pdf')).toThrow(/UUID/);
    // Plain JavaScript passing nothing gets the same typed refusal, not a TypeError.
    expect(() => filePart(null as never)).toThrow(InvalidRequestError);
    expect(() => filePart(undefined as never, 'a.pdf')).toThrow(InvalidRequestError);
  });
});

describe('parseCitations', () => {
  it('reads the References section in its common shapes', () => {
    const content = [
      'Output rose 12 % [1], wind fell [2] and tides held [3][4].',
      '',
      '## References',
      '[1] Solar output 2025 – https://example.org/solar.',
      '[2]: https://example.com/wind',
      '3. [Tide tables](https://tides.example/t?y=2025)',
      '- [4] [Moon](https://moon.example)',
      '[5] A note without a link',
    ].join('\n');
    expect(parseCitations(content)).toEqual([
      { index: 1, title: 'Solar output 2025', url: 'https://example.org/solar' },
      { index: 2, title: '', url: 'https://example.com/wind' },
      { index: 3, title: 'Tide tables', url: 'https://tides.example/t?y=2025' },
      { index: 4, title: 'Moon', url: 'https://moon.example' },
    ]);
  });

  it('ignores numbered lines before the heading and handles CRLF', () => {
    const content =
      '1. first step https://not-a-citation.example\r\n\r\n**Sources:**\r\n[1] Paper - https://paper.example\r\n';
    expect(parseCitations(content)).toEqual([{ index: 1, title: 'Paper', url: 'https://paper.example' }]);
    expect(parseCitations('No references at all.')).toEqual([]);
  });

  it('invents nothing without a heading; reads singular and numbered headings and URLs with parentheses', () => {
    const steps = 'To install:\n1. Download from https://nodejs.org/en/download\n2. Run the installer';
    expect(parseCitations(steps)).toEqual([]);
    expect(parseCitations('Text [1].\n\n### 5. Reference\n[1] Real – https://real.example')).toEqual([
      { index: 1, title: 'Real', url: 'https://real.example' },
    ]);
    const wiki =
      'See [1].\n\nReferences\n[1] Foo (disambiguation) – https://en.wikipedia.org/wiki/Foo_(bar).';
    expect(parseCitations(wiki)).toEqual([
      { index: 1, title: 'Foo (disambiguation)', url: 'https://en.wikipedia.org/wiki/Foo_(bar)' },
    ]);
    expect(parseCitations('References\n1. [Foo](https://en.wikipedia.org/wiki/Foo_(bar))')[0]?.url).toBe(
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    );
  });
});
