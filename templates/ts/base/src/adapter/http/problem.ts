import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, type FieldError, NotFoundError, NotImplementedError, UnavailableError, ValidationError } from '../../domain/errors.js';

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  request_id?: string;
  errors?: readonly FieldError[];
  /** How many fields are invalid; errors lists the first MAX_PROBLEM_ERRORS of them. */
  error_count?: number;
}

/** The most errors a problem lists: the size of a response never grows with the request's. */
const MAX_PROBLEM_ERRORS = 20;

type ErrorClass = abstract new (...args: never[]) => Error;

/** The one table from domain errors to HTTP statuses. Anything else is a 500. */
const DOMAIN_ERRORS: readonly (readonly [ErrorClass, number])[] = [
  [ValidationError, 422],
  [NotFoundError, 404],
  [ConflictError, 409],
  [UnavailableError, 503],
  [NotImplementedError, 501],
];

/** How long a client should wait before retrying a 503, in seconds. */
export const RETRY_AFTER_SECONDS = 1;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The problem document for an error thrown while handling a request. */
export function problemFor(error: unknown): Problem {
  for (const [type, status] of DOMAIN_ERRORS) {
    if (error instanceof type) {
      // A ValidationError's message lists every field: the problem lists the first ones instead.
      if (error instanceof ValidationError) return { ...problem(status, 'the request breaks the rules listed in errors'), ...fieldErrors(error.errors) };
      // The message of an outage names the dependency, not the client's mistake: keep it for the log.
      if (error instanceof UnavailableError) return problem(status, 'a dependency is unavailable; retry after the delay in Retry-After');
      return problem(status, error.message);
    }
  }
  if (error instanceof Error && error.name === 'TimeoutError') return problem(504, 'the request took longer than its deadline');
  // Errors Fastify raises itself (bad JSON, schema validation, body too large) carry a 4xx status.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && error instanceof Error) return problem(status, error.message);
  return problem(500);
}

function fieldErrors(errors: readonly FieldError[]): Pick<Problem, 'errors' | 'error_count'> {
  return { errors: errors.slice(0, MAX_PROBLEM_ERRORS), error_count: errors.length };
}

export function problem(status: number, detail?: string): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...(detail === undefined ? {} : { detail }) };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, body: Problem): FastifyReply {
  if (body.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.code(body.status).type('application/problem+json').send({ ...body, request_id: request.id });
}
