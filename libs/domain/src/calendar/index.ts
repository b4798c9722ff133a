// Calendar dates and Copenhagen time alone, without the rest of the domain: the web app reads
// instants on Copenhagen's wall clock with the same functions as the server.
export * from '../shared/calendar-date';
