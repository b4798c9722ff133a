// The ledger scenarios (scenarios/ledger-scenarios.ts) with the event log in PostgreSQL, the
// read models' test database.
import { PostgresEventStore } from '@app/event-store';
import { describeLedgerScenarios } from './scenarios/ledger-scenarios';

describeLedgerScenarios('PostgreSQL log', (databaseUrl) => PostgresEventStore.connect(databaseUrl));
