// libs/platform: the public surface other packages import.
export * from './auth/auth.guard';
export * from './auth/authorisation';
export * from './auth/identity-config';
export * from './auth/principal';
export * from './auth/token-verifier';
export * from './config';
export * from './database';
export * from './http/problem';
export * from './logging/correlation-id';
export * from './logging/http-log';
export * from './logging/logger';
export * from './metrics/metrics';
