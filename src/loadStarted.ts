/**
 * When the extension's bundle began to evaluate: extension.ts imports this module first, so that
 * esbuild places it before every other module of the bundle. activate() measures itself from here.
 */
export const loadStarted = performance.now();
