/**
 * Version of the extraction rules, stored with every article: bump it when extraction output
 * changes meaning, so a re-run re-extracts files whose bytes did not change. A module of its
 * own so the main thread can read it without loading the extractors (only workers need them).
 */
export const extractorVersion = '0.1.0';
