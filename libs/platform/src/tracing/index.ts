// libs/platform/tracing: the public surface other packages import.
export * from './tracing';
