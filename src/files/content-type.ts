import { InvalidRequestError } from '../errors/request-errors.js';

// The documents a research API is likely to be given; anything else goes as octet-stream.
const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  epub: 'application/epub+zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  zip: 'application/zip',
};

export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/** The type a file name's extension suggests, or `undefined` for an unknown one. */
export function contentTypeFromName(filename: string): string | undefined {
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? undefined : BY_EXTENSION[filename.slice(dot + 1).toLowerCase()];
}

// RFC 9110 `type "/" subtype *( OWS ";" OWS parameter )`, with no CR/LF that could split the part.
const MEDIA_TYPE = /^[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+(\s*;[^\r\n]*)?$/;

/** The part's `Content-Type`: the option, else the input's own, else the extension's, else octet-stream. */
export function chooseContentType(
  option: string | undefined,
  own: string | undefined,
  filename: string,
): string {
  if (option !== undefined) {
    if (MEDIA_TYPE.test(option)) return option;
    throw new InvalidRequestError(
      `files.upload: \`contentType\` ${JSON.stringify(option)} is not a media type such as 'application/pdf'.`,
      [{ path: 'contentType', message: 'must be a media type (type/subtype)' }],
    );
  }
  if (own !== undefined && MEDIA_TYPE.test(own)) return own;
  return contentTypeFromName(filename) ?? FALLBACK_CONTENT_TYPE;
}
