import type { Page } from '@playwright/test';

/**
 * Records in the page, from now on, every value the elements matching `selector` show as the DOM changes (their
 * text, or one attribute), a repeat of the last value once: a state that lives for a single render, which polling
 * from the test could miss. The returned function reads back what was recorded so far.
 */
export async function recordRenders(page: Page, selector: string, attribute: string | null = null): Promise<() => Promise<string[]>> {
  const key = `recorded ${selector} ${attribute ?? 'text'}`;
  await page.evaluate(
    ({ selector, attribute, key }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[key] = seen;
      const record = () => {
        for (const element of document.querySelectorAll(selector)) {
          const value = attribute === null ? element.textContent : element.getAttribute(attribute);
          if (value !== null && seen.at(-1) !== value) seen.push(value);
        }
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      record();
    },
    { selector, attribute, key },
  );
  return () => page.evaluate((key) => (window as unknown as Record<string, string[]>)[key], key);
}
