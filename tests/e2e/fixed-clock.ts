import type { Page } from '@playwright/test';

/**
 * `page.clock.setFixedTime`, with one repair: Playwright's fake `Date` returns a plain date from
 * `new`, so a subclass such as date-fns' `TZDate` loses its own methods and reads this machine's
 * zone instead of its own (microsoft/playwright#35314). A real browser honours subclasses; the
 * wrapper below makes the fake do the same, so the screens are tested as they run. Call it before
 * the page loads: the repair is an init script, run on every navigation after the clock's own.
 */
export async function setFixedTime(page: Page, at: Date): Promise<void> {
  await page.clock.setFixedTime(at);
  await page.addInitScript(() => {
    const faked = window.Date as DateConstructor & { subclassable?: true };
    if (faked.subclassable) return;
    const subclassable: DateConstructor = new Proxy(faked, {
      construct(target, args, newTarget) {
        const date = Reflect.construct(target, args) as Date;
        if (newTarget !== subclassable) Object.setPrototypeOf(date, (newTarget as { prototype: object }).prototype);
        return date;
      },
      get(target, key, receiver) {
        return key === 'subclassable' ? true : Reflect.get(target, key, receiver);
      },
    });
    window.Date = subclassable;
  });
}
