import { InlineError } from '../ui/error-message.js';
import { useEffect, useState } from 'react';
import type { ReturnsSlots, ReturnsSlotTemplate } from '../../shared/dial-block.js';
import { useApi } from '../api/api-context.js';
import { WEEKDAY_NAMES } from '../ui/format-time.js';
import { useApiAction } from '../ui/use-api-action.js';
import './dial-block.css';

/** "11:30-12:00, 16:30-17:00" ⇄ slots. */
const formatSlots = (slots: ReturnsSlotTemplate[] = []) => slots.map((s) => `${s.start}-${s.end}`).join(', ');
function parseSlots(text: string): ReturnsSlotTemplate[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [start = '', end = ''] = part.split('-').map((t) => t.trim());
      return { start, end };
    });
}

/** The rep's daily returns slots per weekday (in the rep's time zone). */
export function SlotsSettings() {
  const api = useApi();
  const { busy, error, run } = useApiAction();
  const [texts, setTexts] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api.getReturnsSlots({}).then((result) => {
      if (result.ok) setTexts(WEEKDAY_NAMES.map((_, i) => formatSlots(result.value[String(i)])));
    });
  }, [api]);
  if (!texts) return null;
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const slots: ReturnsSlots = Object.fromEntries(texts.map((t, i) => [String(i), parseSlots(t)]));
    const result = await run(() => api.saveReturnsSlots({ slots }));
    setSaved(result.ok);
  };
  return (
    <form className="slots-editor" aria-label="Returns slots" onSubmit={(e) => void save(e)}>
      <fieldset>
        <legend>Returns slots (your time, e.g. 11:30-12:00, 16:30-17:00)</legend>
        {WEEKDAY_NAMES.map((day, i) => (
          <label key={day}>
            {day}
            <input
              value={texts[i]}
              onChange={(e) => {
                setSaved(false);
                setTexts(texts.map((t, j) => (j === i ? e.target.value : t)));
              }}
            />
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        Save slots
      </button>
      {saved ? <span role="status">Saved</span> : null}
      <InlineError error={error} />
    </form>
  );
}
