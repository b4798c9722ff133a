// RFC 9457 problem details, the error shape of API.md.
import { HttpException } from '@nestjs/common';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** `type` is a stable, documented slug per kind of problem. */
export function problem(
  status: number,
  slug: string,
  detail: string,
  extensions: Partial<Problem> = {},
): Problem {
  return { type: `/problems/${slug}`, title: TITLES[status] ?? 'Error', status, detail, ...extensions };
}

/** An HttpException that carries a finished problem document. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}
