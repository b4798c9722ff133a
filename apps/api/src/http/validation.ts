// class-validator failures become 400 problems listing each field (API.md "Conventions").
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { problem, ProblemException, type FieldError } from '@app/platform';

/** One message per bad field (the first constraint it breaks), as for command bodies. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const first = Object.values(error.constraints ?? {})[0];
    return [
      ...(first === undefined ? [] : [{ path, message: first }]),
      ...flattenValidationErrors(error.children ?? [], path),
    ];
  });
}

export function validationProblem(errors: FieldError[]): ProblemException {
  return new ProblemException(
    problem(400, 'validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors }),
  );
}

export const strictValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
});
