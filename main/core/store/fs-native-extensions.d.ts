/** The part of fs-native-extensions (it ships no types) the data-folder lock uses. */
declare module 'fs-native-extensions' {
  /** True when the lock was granted; false when another open file holds it. */
  export function tryLock(fd: number, offset?: number, length?: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number, offset?: number, length?: number): void;
}
