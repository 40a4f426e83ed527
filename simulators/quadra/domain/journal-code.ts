/**
 * The line's journal: the 3-character code at 111 when it is filled (QC Windows), else the
 * 2-character one at 10, which the 2023 spec makes mandatory in any case. Codes hold no space
 * (the decoder trims them, `QuadraEntryLineSchema` allows letters and digits only): no trim here.
 */
export const journalCodeOf = (record: { journal: string; journal3: string }): string =>
  record.journal3 || record.journal;
