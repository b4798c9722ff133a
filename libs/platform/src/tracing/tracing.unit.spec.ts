// Tracing stays off without the OTEL_* variables (spans are not recorded) and the SDK starts with
// them, recording spans into the exporter it is given.
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing, tracingWanted } from './tracing';

afterEach(() => stopTracing());

it('is off without the variables, with OTEL_TRACES_EXPORTER=none and with OTEL_SDK_DISABLED=true', () => {
  expect(tracingWanted({})).toBe(false);
  expect(
    tracingWanted({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }),
  ).toBe(false);
  expect(
    tracingWanted({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }),
  ).toBe(false);
  expect(startTracing({}, new InMemorySpanExporter())).toBeNull();
  expect(trace.getTracer('test').startSpan('nothing').isRecording()).toBe(false);
});

it('is on with an OTLP endpoint or an exporter, and then records spans', async () => {
  expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
  expect(tracingWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
  expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);

  const exporter = new InMemorySpanExporter();
  expect(
    startTracing({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SERVICE_NAME: 'tracing-test' }, exporter),
  ).not.toBeNull();
  const span = trace.getTracer('test').startSpan('recorded');
  expect(span.isRecording()).toBe(true);
  span.end();
  await (trace.getTracerProvider() as unknown as { getDelegate(): { forceFlush(): Promise<void> } })
    .getDelegate()
    .forceFlush();
  const [finished] = exporter.getFinishedSpans();
  expect(finished.name).toBe('recorded');
  expect(finished.resource.attributes['service.name']).toBe('tracing-test');
});
