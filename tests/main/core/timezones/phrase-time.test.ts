import { describe, expect, it } from 'vitest';
import { phraseAttemptTime, phraseClock, phraseDay, phraseRelative } from '../../../../main/core/timezones/phrase-time.js';
import { at } from '../schedule/fixtures.js';

describe('phraseAttemptTime', () => {
  it('says "tomorrow at 8:15" in the lead’s zone', () => {
    // Now: Wednesday 12 March 2025 15:00 in Chicago; promise Thursday 8:15 CDT = 13:15Z.
    expect(phraseAttemptTime(at('2025-03-13T13:15:00Z'), 'America/Chicago', at('2025-03-12T20:00:00Z'))).toBe('tomorrow at 8:15');
  });

  it('says the weekday within the week, the date beyond', () => {
    // Thursday 13 March 14:40 CDT = 19:40Z, seen from Monday 10 March.
    expect(phraseAttemptTime(at('2025-03-13T19:40:00Z'), 'America/Chicago', at('2025-03-10T15:00:00Z'))).toBe('Thursday at 2:40');
    expect(phraseAttemptTime(at('2025-03-20T19:40:00Z'), 'America/Chicago', at('2025-03-10T15:00:00Z'))).toBe(
      'Thursday, March 20 at 2:40',
    );
  });

  it('counts days across midnight in the lead’s zone, not the rep’s or UTC', () => {
    // 23:30 in New York on 12 March is 20:30 in Los Angeles: 8:15 LA on the 13th is "tomorrow" for the lead.
    const now = at('2025-03-13T03:30:00Z');
    const promise = at('2025-03-13T15:15:00Z');
    expect(phraseAttemptTime(promise, 'America/Los_Angeles', now)).toBe('tomorrow at 8:15');
    // 00:30 on 13 March in New York: the same morning is "today" there.
    expect(phraseAttemptTime(at('2025-03-13T12:15:00Z'), 'America/New_York', at('2025-03-13T04:30:00Z'))).toBe('today at 8:15');
    // Seen from Tokyo (already 13 March evening), 14 March 8:15 Tokyo is tomorrow.
    expect(phraseAttemptTime(at('2025-03-13T23:15:00Z'), 'Asia/Tokyo', at('2025-03-13T10:00:00Z'))).toBe('tomorrow at 8:15');
  });

  it('keeps wall time across a DST change', () => {
    // Saturday 8 March 2025 → Monday 10 March 8:15 EDT (12:15Z) after the spring-forward.
    expect(phraseAttemptTime(at('2025-03-10T12:15:00Z'), 'America/New_York', at('2025-03-08T17:00:00Z'))).toBe('Monday at 8:15');
  });

  it('phrases clock times in plain words', () => {
    expect(phraseClock(8 * 60 + 15)).toBe('8:15');
    expect(phraseClock(14 * 60 + 40)).toBe('2:40');
    expect(phraseClock(12 * 60)).toBe('noon');
    expect(phraseClock(12 * 60 + 30)).toBe('12:30');
    expect(phraseClock(18 * 60 + 30)).toBe('6:30 in the evening');
    expect(phraseDay(at('2025-03-12T20:00:00Z'), 'America/Chicago', at('2025-03-12T14:00:00Z'))).toBe('today');
  });
});

describe('phraseRelative', () => {
  const now = at('2025-03-12T20:00:00Z');
  it('says how far a time is, to the minute, in words', () => {
    expect(phraseRelative(now + 20_000, now)).toBe('now');
    expect(phraseRelative(now + 10 * 60_000, now)).toBe('in 10 minutes');
    expect(phraseRelative(now + 60_000, now)).toBe('in 1 minute');
    expect(phraseRelative(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(phraseRelative(now + 2 * 3_600_000, now)).toBe('in 2 hours');
    expect(phraseRelative(now - 3 * 86_400_000, now)).toBe('3 days ago');
  });
});

describe('another language is a locale', () => {
  it('names the weekday and month in the locale given', async () => {
    const { de } = await import('date-fns/locale');
    expect(phraseDay(at('2025-03-20T19:40:00Z'), 'America/Chicago', at('2025-03-10T15:00:00Z'), de)).toBe('Donnerstag, März 20');
    expect(phraseDay(at('2025-03-13T19:40:00Z'), 'America/Chicago', at('2025-03-10T15:00:00Z'), de)).toBe('Donnerstag');
  });
});
