// Every path parameter is checked against its form before a handler sees it, so that no value
// reaches SQL, a stream name or a header unchecked (NUL, control characters, a municipality
// of an admin token that is not a kommunekode in a Content-Disposition filename).
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { CLIENT_ID_PATTERN, MUNICIPALITY_PATTERN } from '@app/domain';
import { problem, ProblemException } from '@app/platform';

const FORMS: Record<string, { pattern: RegExp; message: string }> = {
  m: { pattern: MUNICIPALITY_PATTERN, message: 'must be a three-digit kommunekode' },
  year: { pattern: /^\d{4}$/, message: 'must be YYYY' },
  personId: { pattern: CLIENT_ID_PATTERN, message: 'must be 1-64 characters [A-Za-z0-9._:-]' },
  offerId: { pattern: CLIENT_ID_PATTERN, message: 'must be 1-64 characters [A-Za-z0-9._:-]' },
  projectId: { pattern: CLIENT_ID_PATTERN, message: 'must be 1-64 characters [A-Za-z0-9._:-]' },
};

/**
 * Any other parameter (entry ids — a carve-out's deduction holds four client ids, each ':' of them written '%3A'
 * (sent as %253A in a path) —, job ids, command types): printable ids of a bounded length.
 */
const DEFAULT_FORM = {
  pattern: /^[A-Za-z0-9._:%-]{1,1000}$/,
  message: 'must be 1-1000 characters [A-Za-z0-9._:%-]',
};

@Injectable()
export class PathParamPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' || !metadata.data) return value;
    const form = FORMS[metadata.data] ?? DEFAULT_FORM;
    if (typeof value !== 'string' || !form.pattern.test(value)) {
      throw new ProblemException(
        problem(400, 'validation', `${metadata.data} ${form.message}`, {
          errors: [{ path: metadata.data, message: form.message }],
        }),
      );
    }
    return value;
  }
}
