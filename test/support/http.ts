import http from 'node:http';

/** An HTTP answer as the fuzz suites look at it: status, headers, body (JSON when it says so). */
export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
  /** Bytes of the body as received (reading stops past `maxBytes`). */
  bytes: number;
  /** The body went past `maxBytes`, and reading it stopped there. */
  truncated: boolean;
}

export interface RawRequest {
  method: string;
  url: string;
  token?: string;
  contentType?: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * One request on a fresh connection, without any client library in between (so bodies, escapes
 * and content types go out exactly as given). Reading stops past `maxBytes`: a huge answer is a
 * finding, not a reason to fill the test's memory.
 */
export async function rawRequest(
  baseUrl: string,
  options: RawRequest,
  maxBytes = Infinity,
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  const response = await new Promise<{
    status: number;
    headers: Record<string, unknown>;
    text: string;
    bytes: number;
    truncated: boolean;
  }>((resolve, reject) => {
    const outgoing = http.request(
      `${baseUrl}${options.url}`,
      { method: options.method, headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        const done = (truncated: boolean) =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: truncated ? '' : Buffer.concat(chunks).toString('utf8'),
            bytes,
            truncated,
          });
        incoming.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) {
            incoming.destroy();
            done(true);
          } else chunks.push(chunk);
        });
        incoming.on('end', () => done(false));
        incoming.on('error', (error) => (bytes > maxBytes ? done(true) : reject(error)));
      },
    );
    // The server may refuse before reading it all (413): that is an answer, not a failure.
    outgoing.on('error', reject);
    outgoing.end(options.payload);
  });
  let body: unknown = response.text;
  const type = String((response.headers['content-type'] as string | undefined) ?? '');
  if (type.startsWith('application/json') && !response.truncated) {
    try {
      body = JSON.parse(response.text);
    } catch {
      body = response.text;
    }
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    bytes: response.bytes,
    truncated: response.truncated,
  };
}

/**
 * What is wrong with an answer by SPEC.md's error contract, or undefined: a 5xx, or a 4xx not in
 * the shape `{statusCode, error, message}` with `statusCode` matching, or a 400 naming no field
 * (`fields`: every offending field with its problems; `body` when the body as a whole is at fault).
 */
export function errorShapeProblem(answer: { status: number; body: unknown }): string | undefined {
  if (answer.status >= 500) return '5xx';
  if (answer.status < 400) return undefined;
  const body = answer.body as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null) return 'not JSON';
  if (body.statusCode !== answer.status) return 'statusCode mismatch';
  if (typeof body.error !== 'string' || body.error === '') return 'no error';
  if (typeof body.message !== 'string' || body.message === '') return 'no message';
  if (answer.status === 400) {
    const fields = body.fields as Record<string, string[]> | undefined;
    if (!fields || typeof fields !== 'object' || Object.keys(fields).length === 0)
      return '400 names no field';
    for (const problems of Object.values(fields)) {
      if (!Array.isArray(problems) || problems.length === 0)
        return '400 with an unnamed field or no problem';
    }
  }
  return undefined;
}

/** Throws when `errorShapeProblem` finds something, quoting the answer. */
export function expectErrorShape(answer: { status: number; body: unknown }, context: string): void {
  const problem = errorShapeProblem(answer);
  if (problem === undefined) return;
  const where = `${context} answered ${answer.status}: ${JSON.stringify(answer.body)?.slice(0, 500)}`;
  throw new Error(`${problem}: ${where}`);
}

/** encodeURIComponent, but a lone surrogate (which it refuses) is sent as its raw UTF-8 bytes. */
export function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return Array.from(Buffer.from(value, 'utf8'))
      .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
      .join('');
  }
}
