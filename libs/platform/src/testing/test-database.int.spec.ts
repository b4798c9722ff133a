import { Client } from 'pg';
import { createTestDatabase } from './test-database';

describe('test databases on the embedded server', () => {
  it('gives each suite a real, isolated PostgreSQL database', async () => {
    const db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('select current_database() as name');
    await client.end();
    await db.drop();
    expect(db.url.endsWith(`/${rows[0].name}`)).toBe(true);
  });
});
