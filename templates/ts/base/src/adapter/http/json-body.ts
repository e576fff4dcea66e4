import { Tokenizer, TokenType } from '@streamparser/json';
import type { FastifyInstance } from 'fastify';

/**
 * The one parser of JSON request bodies, for every route: Fastify's own (prototype poisoning is an
 * error), behind a strict UTF-8 decoder and a check for duplicate member names. Each rejection is
 * a 400; the size of the body is bounded before it gets here (bodyLimit).
 */
export function registerJsonBody(server: FastifyInstance): void {
  const parseJson = server.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      // Invalid UTF-8 is refused, not stored with U+FFFD in its place.
      text = utf8.decode(body as Buffer);
    } catch {
      done(badRequest('the request body is not valid UTF-8'), undefined);
      return;
    }
    void parseJson(request, text, (error, value) => {
      if (error !== null) {
        done(error, undefined);
        return;
      }
      const duplicate = duplicateMember(text);
      if (duplicate === undefined) done(null, value);
      else done(badRequest(`the request body names the member ${JSON.stringify(duplicate)} twice in one object`), undefined);
    });
  });
}

/**
 * The first member name that occurs twice in one object of a valid JSON text, or undefined.
 * JSON.parse keeps the last of them silently; a client that sends two values meant one of them,
 * and guessing which is not ours to do. Names compare after unescaping ("\u0061" is "a").
 */
export function duplicateMember(text: string): string | undefined {
  const objects: Set<string>[] = [];
  let name = '';
  let duplicate: string | undefined;
  const tokenizer = new Tokenizer();
  tokenizer.onToken = ({ token, value }) => {
    if (duplicate !== undefined) return;
    if (token === TokenType.LEFT_BRACE) objects.push(new Set());
    else if (token === TokenType.RIGHT_BRACE) objects.pop();
    // In valid JSON, a string followed by a colon is a member name.
    else if (token === TokenType.STRING) name = value as string;
    else if (token === TokenType.COLON) {
      const names = objects.at(-1);
      if (names?.has(name)) duplicate = name;
      else names?.add(name);
    }
  };
  tokenizer.write(text);
  tokenizer.end();
  return duplicate;
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400 });
}
