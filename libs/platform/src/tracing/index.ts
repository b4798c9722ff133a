// libs/platform/tracing: apart from the main entry, which loads pg and http: tracing must start before they load.
export * from './tracing';
