/**
 * Voicemail templates: text with `{variable}` slots, each optionally carrying
 * a fallback after a bar — `{referrer|a colleague}` — spoken when the lead has
 * no value. `{{` and `}}` write literal braces. Unknown variables are errors
 * when a template is saved; a missing value without a fallback is a warning
 * before the call, and is marked in the text (shared/script-gaps.ts), never left as a gap.
 */
import { SCRIPT_VARIABLES, type ScriptValues, type ScriptVariable } from '../../../shared/schedule.js';
import { GAPS, gapMarker } from '../../../shared/script-gaps.js';

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'slot'; name: string; fallback: string | null; offset: number };

export interface TemplateParse {
  parts: TemplatePart[];
  errors: string[];
}

const KNOWN = new Set<string>(SCRIPT_VARIABLES);

export function isScriptVariable(name: string): name is ScriptVariable {
  return KNOWN.has(name);
}

export function parseTemplate(template: string): TemplateParse {
  const parts: TemplatePart[] = [];
  const errors: string[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    if (char === '{' && template[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (char === '}' && template[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (char === '}') {
      errors.push(`Unmatched "}" at character ${i + 1}; write "}}" for a literal brace`);
      i += 1;
    } else if (char === '{') {
      const close = template.indexOf('}', i + 1);
      const nextOpen = template.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        errors.push(`Unclosed "{" at character ${i + 1}; write "{{" for a literal brace`);
        i += 1;
        continue;
      }
      if (text) parts.push({ kind: 'text', text });
      text = '';
      const body = template.slice(i + 1, close);
      const bar = body.indexOf('|');
      const name = (bar < 0 ? body : body.slice(0, bar)).trim();
      const fallback = bar < 0 ? null : body.slice(bar + 1).trim();
      if (!isScriptVariable(name)) {
        errors.push(`Unknown variable {${name}}; use one of ${SCRIPT_VARIABLES.map((v) => `{${v}}`).join(', ')}`);
      }
      parts.push({ kind: 'slot', name, fallback, offset: i });
      i = close + 1;
    } else {
      text += char;
      i += 1;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return { parts, errors };
}

/** Whether the template speaks `{name}` (with or without a fallback): a voicemail promises a time only when it says one. */
export function speaksVariable(template: string, name: ScriptVariable): boolean {
  return parseTemplate(template).parts.some((part) => part.kind === 'slot' && part.name === name);
}

/** Errors that stop a template from being saved (unknown variables, broken braces). */
export function validateTemplate(template: string): { ok: true } | { ok: false; errors: string[] } {
  const { errors } = parseTemplate(template);
  if (template.trim() === '') return { ok: false, errors: ['The script is empty'] };
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

export interface RenderedScript {
  text: string;
  /** Variables with no value and no fallback (marked in `text` as shared/script-gaps.ts says): warn before the call, refuse to play. */
  missing: ScriptVariable[];
}

/** Fills a template. A blank value counts as missing and is marked, not dropped. */
export function renderTemplate(template: string, values: ScriptValues): RenderedScript {
  const { parts, errors } = parseTemplate(template);
  if (errors.length > 0) throw new Error(`Cannot render an invalid template: ${errors[0]}`);
  const missing: ScriptVariable[] = [];
  let text = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      text += part.text;
      continue;
    }
    const name = part.name as ScriptVariable;
    const value = values[name]?.trim();
    if (value) text += value;
    else if (part.fallback !== null) text += part.fallback;
    else {
      text += gapMarker(name);
      if (!missing.includes(name)) missing.push(name);
    }
  }
  return { text: text.replace(/[ \t]{2,}/g, ' ').trim(), missing };
}

/** Readable pre-call warnings for values a lead or the rep lacks. */
export function missingValueWarnings(missing: ScriptVariable[]): string[] {
  return missing.map((name) => {
    const gap = GAPS[name];
    if (gap.home === 'settings') return `${capitalise(gap.label)} is not set (Settings), so the script marks {${name}} as not set and a played voicemail is refused.`;
    if (gap.home === 'lead') return `This lead has no ${name.replace(/_/g, ' ')}; the script marks {${name}} as not set (add a fallback such as {${name}|…})`;
    return `The script marks {${name}} as not set: Dialdesk has no value for it for this lead.`;
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
