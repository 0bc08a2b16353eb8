/** One keyboard shortcut as the `?` overlay lists it. */
export interface Shortcut {
  keys: string;
  does: string;
}
