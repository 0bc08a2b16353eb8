import { describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../../../main/core/api/api-failure.js';
import { createDispatch, type Handlers } from '../../../../main/core/api/dispatch.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';

describe('createDispatch', () => {
  const handlers = (overrides: Partial<Handlers>) => overrides as Handlers;

  it('passes validated input with defaults filled in and wraps the value', async () => {
    const listLeads = vi.fn(() => ({ total: 0, offset: 0, rows: [] }));
    const dispatch = createDispatch(handlers({ listLeads }));
    expect(await dispatch('listLeads', { query: 'dana' })).toEqual({ ok: true, value: { total: 0, offset: 0, rows: [] } });
    expect(listLeads).toHaveBeenCalledWith({ query: 'dana', sort: 'name', descending: false, offset: 0, limit: 100 });
  });

  it('answers an ApiFailure with its code and an unexpected error as internal, logging it', async () => {
    const logError = vi.fn();
    const dispatch = createDispatch(
      handlers({
        getLead: () => {
          throw new ApiFailure('not-found', 'No lead with id x.');
        },
        getStatus: () => {
          throw new TypeError('boom');
        },
      }),
      { logError },
    );
    expect(await dispatch('getLead', { id: 'x' })).toEqual({ ok: false, error: { code: 'not-found', message: 'No lead with id x.' } });
    expect(await dispatch('getStatus', {})).toEqual({ ok: false, error: { code: 'internal', message: 'getStatus failed: boom' } });
    expect(logError).toHaveBeenCalledWith('getStatus', expect.any(TypeError));
  });

  it('rejects extra fields (strict schemas) with the field named', async () => {
    const dispatch = createDispatch(handlers({}));
    const result = await dispatch('getLead', { id: 'x', admin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(result)).toMatch(/admin/);
  });

  it('answers invalid input with structured issues: each with its path as strings and its message', async () => {
    const listLeads = vi.fn();
    const dispatch = createDispatch(handlers({ listLeads }));
    const result = await dispatch('listLeads', { query: 'dana', offset: -1, limit: 'many' });
    expect(listLeads).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    const issues = result.error.issues ?? [];
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([['offset'], ['limit']]));
    for (const issue of issues) expect(typeof issue.message).toBe('string');
    expect(result.error.message).toBe(`Invalid input for listLeads: ${issues[0]!.path.join('.')}: ${issues[0]!.message}`);
  });

  it('refuses settings whose country window is wider than the legal one, with its path and a message', async () => {
    const updateSettings = vi.fn();
    const dispatch = createDispatch(handlers({ updateSettings }));
    const result = await dispatch('updateSettings', { schedule: { ...DEFAULT_SCHEDULE_SETTINGS, countryWindows: { US: { start: '07:30', end: '21:00' } } } });
    expect(updateSettings).not.toHaveBeenCalled();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: ['schedule', 'countryWindows', 'US'], message: 'must lie inside the legal window 08:00–21:00 (stricter only)' }] },
    });
  });
});
