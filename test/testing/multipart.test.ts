import { describe, expect, it } from 'vitest';
import { BodySink } from '../../src/testing/body-sink.js';
import { multipartBoundary, parseFormDisposition } from '../../src/testing/form-disposition.js';
import { MultipartParser } from '../../src/testing/multipart-parser.js';
import { sha256 } from './vendor-helpers.js';

/** The exact bytes and content type fetch would send for `form`. */
const encodeForm = async (form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> => {
  const response = new Response(form);
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    contentType: response.headers.get('content-type') ?? '',
  };
};

const sampleForm = () => {
  const form = new FormData();
  form.append(
    'file',
    new Blob(['%PDF-1.7 fake\r\n--not-a-boundary\r\n'], { type: 'application/pdf' }),
    'résumé "v2" 報告.pdf',
  );
  form.append('collection_id', '00000000-0000-4000-8000-000000000009');
  return form;
};

describe('multipart parsing', () => {
  it('reads fields, filenames and content from fetch-encoded FormData split at every byte', async () => {
    const { bytes, contentType } = await encodeForm(sampleForm());
    const boundary = multipartBoundary(contentType)!;
    for (let split = 0; split <= bytes.length; split += 1) {
      const parser = new MultipartParser(boundary);
      parser.write(bytes.subarray(0, split));
      parser.write(bytes.subarray(split));
      expect(parser.complete).toBe(true);
      const [file, field] = parser.parts;
      expect(file).toMatchObject({
        name: 'file',
        filename: 'résumé "v2" 報告.pdf',
        contentType: 'application/pdf',
        size: 33,
        sha256: sha256('%PDF-1.7 fake\r\n--not-a-boundary\r\n'),
      });
      expect(field).toMatchObject({ name: 'collection_id', size: 36 });
      expect(field).not.toHaveProperty('filename');
    }
  });

  it('keeps part bytes and field text when the body fits the limit, only measures it otherwise', async () => {
    const { bytes, contentType } = await encodeForm(sampleForm());
    const sink = new BodySink(contentType);
    sink.write(bytes);
    const kept = sink.finish();
    expect(kept.truncated).toBe(false);
    expect(new TextDecoder().decode(kept.multipart![0]!.bytes)).toBe('%PDF-1.7 fake\r\n--not-a-boundary\r\n');
    expect(kept.multipart![1]!.text).toBe('00000000-0000-4000-8000-000000000009');
    expect(kept.sha256).toBe(sha256(bytes));

    const small = new BodySink(contentType, 10);
    for (const byte of bytes) small.write(Uint8Array.of(byte));
    const measured = small.finish();
    expect(measured).toMatchObject({ truncated: true, size: bytes.length, sha256: sha256(bytes) });
    expect(measured.body.byteLength).toBe(10);
    expect(measured.multipart![0]).toMatchObject({ size: 33, bytes: undefined, text: undefined });
  });

  it('reads dispositions with RFC 5987 names and boundaries in quotes', () => {
    expect(parseFormDisposition(`form-data; name="file"; filename*=UTF-8''%E2%82%AC%20rates.txt`)).toEqual({
      name: 'file',
      filename: '€ rates.txt',
    });
    expect(parseFormDisposition('form-data; name=plain; filename="a%0Ab.txt"')).toEqual({
      name: 'plain',
      filename: 'a\nb.txt',
    });
    // fetch's FormData leaves a backslash raw (WHATWG escapes only `"`, CR and LF): it is a character.
    expect(parseFormDisposition('form-data; name="file"; filename="a\\b.txt"').filename).toBe('a\\b.txt');
    expect(parseFormDisposition('form-data; name="file"; filename="dir\\"').filename).toBe('dir\\');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeUndefined();
  });

  it('accepts a preamble, a part without headers and an unterminated body', () => {
    const text =
      'ignored preamble\r\n--xx\r\n\r\nno headers\r\n--xx\r\nContent-Disposition: form-data; name="a"\r\n\r\nv';
    const parser = new MultipartParser('xx');
    parser.write(new TextEncoder().encode(text));
    expect(parser.complete).toBe(false);
    expect(parser.parts).toHaveLength(1);
    expect(parser.parts[0]).toMatchObject({ name: '', size: 'no headers'.length });
  });
});
