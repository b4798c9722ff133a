import type { OpenAPIObject } from '@nestjs/swagger';
import { InMemoryEventStore } from '@app/event-store';
import { loadConfig } from '@app/platform';
import { DataSource } from 'typeorm';
import { createApiApp } from '../create-api-app';
import { openApiDocument } from './openapi-document';

/**
 * The document /v1/openapi.json serves, built in-process without a server or a database: the
 * app gets an in-memory event log and a data source that is never connected.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ AUTH_JWT_SECRET: 'openapi-document-only-signs-nothing' });
  const app = await createApiApp(
    {
      config,
      store: new InMemoryEventStore(),
      readModels: new DataSource({ type: 'postgres' }),
      offerValidity: () => ({ valid: true, citations: [] }),
    },
    { logs: false },
  );
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
