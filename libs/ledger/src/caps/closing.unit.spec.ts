import { firstOpenPeriod, openBookingPeriod, relatedClosedYear } from './closing';

describe('closed accounting years', () => {
  it('a posting into a closed year lands in the first open period', () => {
    expect(firstOpenPeriod('2025-12', new Set([2025]))).toBe('2026-01');
    expect(firstOpenPeriod('2025-12', new Set([2025, 2026]))).toBe('2027-01');
    expect(firstOpenPeriod('2025-12', new Set([2024]))).toBe('2025-12');
    const cause = { eventId: 'e', commandId: 'c', recordedAt: '2025-12-20T10:00:00Z' };
    expect(openBookingPeriod(cause, new Set([2025]))).toBe('2026-01');
    expect(openBookingPeriod({ ...cause, bookingPeriod: '2024-12' }, new Set([2024]))).toBe('2025-01');
    expect(openBookingPeriod({ ...cause, bookingPeriod: '2024-12' }, new Set([2023]))).toBe('2024-12');
  });

  it('marks the closed year a posting relates to', () => {
    expect(relatedClosedYear('2024-11-01', '2025-01-31', new Set([2024]))).toBe(2024);
    expect(relatedClosedYear('2025-01-01', '2025-01-31', new Set([2024]))).toBeNull();
  });
});
