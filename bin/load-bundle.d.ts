export declare const BUNDLE: string;
export declare function runBundle(options?: { bundle?: string; saveOnExit?: boolean }): {
  cache: 'used' | 'missing' | 'stale' | 'rejected';
  exports: unknown;
  saveCache: () => boolean;
};
