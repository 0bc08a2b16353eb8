import { useState } from 'react';
import { loadTheme, saveTheme, type ThemeChoice } from '../ui/theme.js';

const CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Like the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark, or following the operating system; applied at once and kept on this computer. */
export function AppearanceSetting() {
  const [choice, setChoice] = useState<ThemeChoice>(loadTheme);
  return (
    <fieldset className="card appearance-setting">
      <legend>Appearance</legend>
      <div role="radiogroup" aria-label="Theme" className="theme-choices">
        {CHOICES.map((option) => (
          <label key={option.value} className="check">
            <input
              type="radio"
              name="theme"
              value={option.value}
              checked={choice === option.value}
              onChange={() => {
                setChoice(option.value);
                saveTheme(option.value);
              }}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
