// class-validator failures become 400 problems listing each field (API.md "Conventions").
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { problem, ProblemException, type FieldError } from '@app/platform/http/problem';

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
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
