// The booking-date scenarios (scenarios/booking-date-scenarios.ts) with the event log in PostgreSQL, the
// read models' test database.
import { PostgresEventStore } from '@app/event-store';
import { describeBookingDateScenarios } from './scenarios/booking-date-scenarios';

describeBookingDateScenarios('PostgreSQL log', (databaseUrl) => PostgresEventStore.connect(databaseUrl));
