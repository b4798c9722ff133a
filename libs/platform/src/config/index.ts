// libs/platform/config: apart from the main entry, so the CLI's one-shot commands (rebuild) read the
// configuration without loading the auth guards, logging and metrics (Nest, jose, pino, prom-client).
export * from './app-config';
