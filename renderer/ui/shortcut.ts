/** One keyboard shortcut as the `?` overlay lists it. */
export interface Shortcut {
  keys: string;
  does: string;
}

/** True when a key press is typing into a field rather than a command. */
export function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
