// OpenTelemetry tracing, off unless the standard OTEL_* variables ask for it: an OTLP endpoint
// (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or an exporter
// (OTEL_TRACES_EXPORTER: otlp, console, zipkin), and not OTEL_SDK_DISABLED=true. The SDK then
// reads the rest itself (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, …).
// Instrumented: HTTP (the api's requests and the client calls), pg (every query of the event log
// and the read models) and gRPC (the EventStoreDB client). It must start before those modules
// load: the command line starts it first. The SDK is loaded only when tracing is on.
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter !== undefined && exporter !== '') return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let running: NodeSDK | null = null;

/** Starts the SDK when the environment asks for it (once per process); `exporter` replaces the one the variables name (tests). */
export function startTracing(env: NodeJS.ProcessEnv = process.env, exporter?: SpanExporter): NodeSDK | null {
  if (running || !tracingWanted(env)) return running;
  const { NodeSDK: Sdk } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { GrpcInstrumentation } =
    require('@opentelemetry/instrumentation-grpc') as typeof import('@opentelemetry/instrumentation-grpc');
  running = new Sdk({
    serviceName: env.OTEL_SERVICE_NAME || 'refund-ledger',
    ...(exporter && { traceExporter: exporter }),
    instrumentations: [new HttpInstrumentation(), new PgInstrumentation(), new GrpcInstrumentation()],
  });
  running.start();
  return running;
}

/** Flushes and stops the SDK, if it runs. */
export async function stopTracing(): Promise<void> {
  const sdk = running;
  running = null;
  await sdk?.shutdown();
}
