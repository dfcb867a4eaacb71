// One reader for every vendor's error body. Shapes seen in the wild (see shared/vendors):
//   OpenAI / Morpheus  {error:{message,type,code,param}}     Caesar  {error:"…"} or {error:{code,message}}
//   FastAPI            {detail:"…"} | {detail:[{loc,msg,type}]}
//   inTandem           {success:false, errors:[{code,message,field}]} (+ legacy {status:"Error", error:"…"})
//   Bifrost            {is_bifrost_error, status_code, type, error:{message,type,code,param}} — the
//                      governance reason is the top-level `type`.

export interface ErrorInfo {
  message?: string;
  code?: string;
  type?: string;
  param?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asText = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

export function readErrorBody(body: unknown): ErrorInfo {
  if (typeof body === 'string') return compact({ message: asText(body) });
  if (!isObject(body)) return {};
  if (isObject(body.error)) return fromErrorObject(body.error, body);
  if (Array.isArray(body.errors) && body.errors.length > 0) return fromErrorList(body.errors, body);
  if (body.detail !== undefined) return fromDetail(body.detail);
  return compact({
    message: asText(body.error) ?? asText(body.message),
    code: asText(body.code),
    type: asText(body.type),
  });
}

function fromErrorObject(error: Json, outer: Json): ErrorInfo {
  const bifrost = typeof outer.is_bifrost_error === 'boolean';
  return compact({
    message: asText(error.message) ?? asText(error.error) ?? asText(outer.message),
    code: asText(error.code),
    type: (bifrost ? asText(outer.type) : undefined) ?? asText(error.type) ?? asText(outer.type),
    param: asText(error.param) ?? asText(error.field),
  });
}

function fromErrorList(errors: unknown[], outer: Json): ErrorInfo {
  const items = errors.filter(isObject);
  const messages = items.map((e) => {
    const text = asText(e.message) ?? asText(e.code) ?? 'error';
    const field = asText(e.field);
    return field ? `${field}: ${text}` : text;
  });
  const first = items[0] ?? {};
  return compact({
    message: messages.join('; ') || asText(outer.error),
    code: asText(first.code),
    param: asText(first.field),
  });
}

function fromDetail(detail: unknown): ErrorInfo {
  if (!Array.isArray(detail)) return compact({ message: asText(detail) });
  const items = detail.filter(isObject);
  const where = (e: Json) => (Array.isArray(e.loc) ? e.loc.map(String).join('.') : undefined);
  // Items are pydantic errors `{loc, msg, type}`, or plain strings from a hand-written handler.
  const message = detail
    .map((e) => {
      if (!isObject(e)) return asText(e);
      const loc = where(e);
      const msg = asText(e.msg) ?? 'invalid';
      return loc ? `${loc}: ${msg}` : msg;
    })
    .filter((text): text is string => text !== undefined && text !== '')
    .join('; ');
  const first = items[0];
  const loc = first && Array.isArray(first.loc) ? first.loc : undefined;
  return compact({
    message,
    type: first ? asText(first.type) : undefined,
    param: asText(loc?.[loc.length - 1]),
  });
}

function compact(info: { [K in keyof ErrorInfo]: string | undefined }): ErrorInfo {
  const out: ErrorInfo = {};
  for (const key of ['message', 'code', 'type', 'param'] as const) {
    const value = info[key];
    // An empty string says nothing: leave the field out, so the status text stands in for a message.
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
