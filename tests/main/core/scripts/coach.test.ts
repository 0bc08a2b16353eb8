import { describe, expect, it } from 'vitest';
import { coachScript, DEFAULT_COACH_OPTIONS } from '../../../../main/core/scripts/coach.js';
import { DEFAULT_VOICEMAIL_SCRIPTS } from '../../../../main/core/scripts/default-scripts.js';
import { renderTemplate, validateTemplate } from '../../../../main/core/scripts/template.js';

const good =
  "Hi {first_name|there}, this is {rep_name} with {rep_company}. Could you call me back at {callback_number}? I'll try you again {next_attempt}.";
const codes = (template: string, stage: 'first' | 'follow-up' | 'opt-out' = 'first') => coachScript(template, stage).map((w) => w.code);

describe('coachScript', () => {
  it('passes a short script that sells only the return call', () => {
    expect(coachScript(good, 'first')).toEqual([]);
  });

  it('ships default scripts that pass their own coach, for every stage', () => {
    for (const stage of ['first', 'follow-up', 'opt-out'] as const) {
      expect(DEFAULT_VOICEMAIL_SCRIPTS.filter((s) => s.stage === stage).length).toBeGreaterThan(0);
    }
    for (const script of DEFAULT_VOICEMAIL_SCRIPTS) {
      expect(validateTemplate(script.template)).toEqual({ ok: true });
      expect({ id: script.id, warnings: coachScript(script.template, script.stage) }).toEqual({ id: script.id, warnings: [] });
      // Every lead field has a fallback; only the rep's own settings are required.
      expect(renderTemplate(script.template, {}).missing.sort()).toEqual(['callback_number', 'rep_company', 'rep_name']);
    }
  });

  it('flags product pitch words from the configurable list', () => {
    const warnings = coachScript(`${good} We have a new platform with a free trial.`, 'first');
    expect(warnings.find((w) => w.code === 'pitch-word')?.message).toBe('Sell the return call, not the product: "free trial", "trial", "platform"');
    expect(codes(`${good} Our widget rocks.`)).toEqual([]);
    expect(coachScript(`${good} Our widget rocks.`, 'first', { ...DEFAULT_COACH_OPTIONS, pitchWords: ['widget'] }).map((w) => w.code)).toEqual([
      'pitch-word',
    ]);
  });

  it('wants exactly one ask: the return call', () => {
    expect(codes("Hi, this is {rep_name}, my number is {callback_number}. I'll try {next_attempt}.")).toEqual(['no-ask']);
    expect(codes(`${good} Or email me, or book a time on my calendar.`)).toEqual(['several-asks']);
  });

  it('warns when the script runs past 30 seconds at the TTS rate', () => {
    const long = `${good} ${'This sentence is here only to make the message longer than it should be. '.repeat(5)}`;
    const warning = coachScript(long, 'first').find((w) => w.code === 'too-long');
    expect(warning?.message).toMatch(/^About 4\d s when spoken \(\d+ words at 150 words a minute\); keep it under 30 s$/);
    // The callback number counts as the ten digits a listener hears.
    expect(codes('{callback_number} '.repeat(10) + good)).toContain('too-long');
  });

  it('wants the caller’s name, the callback number and the next attempt', () => {
    expect(codes('Hi, please call me back. Talk soon.')).toEqual(['no-caller-name', 'no-callback-number', 'no-next-attempt']);
    expect(codes('Hi, {rep_name} here, call me back at {callback_number} by {deadline}.', 'opt-out')).toEqual([
      'follow-up-opening',
      'no-opt-out',
    ]);
  });

  it('wants follow-ups to open with "calling as promised" and the opt-out to offer the way out', () => {
    expect(codes(good, 'follow-up')).toEqual(['follow-up-opening']);
    expect(codes(`Hi {first_name}, {rep_name}, calling as promised. Call me back at {callback_number}, I'll try {next_attempt}.`, 'follow-up')).toEqual([]);
    expect(
      codes(
        "Hi, {rep_name} calling as promised. Call me back at {callback_number} by {deadline}, or I'll close your file.",
        'opt-out',
      ),
    ).toEqual([]);
  });

  it('reports unknown variables inline', () => {
    expect(codes(`${good} {favourite_colour}`)).toEqual(['unknown-variable']);
  });
});
