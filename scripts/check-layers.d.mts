/** Types of what scripts/check-layers.mjs exports, for the tests that read its order. */
export declare const CORE: 'main/core/';
export declare const CORE_ORDER: string[];
export declare function checkLayers(root: string): Array<{ file: string; line: number; specifier: string; why: string }>;
