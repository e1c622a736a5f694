/** What every extractor receives. */

/** The body an extractor reads, plus what the clean stage learnt about the article. */
export interface ExtractContext {
  /** Cleaned NFC body, headline first; all offsets index into it. */
  readonly body: string;
  /** Year of publication when known: fills day-month dates without a year (SPEC §5). */
  readonly publicationYear: number | null;
  /** Bylines read by the clean stage: authors are never people (SPEC §1). */
  readonly authors: readonly string[];
}
