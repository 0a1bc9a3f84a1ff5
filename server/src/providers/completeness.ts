// isbndbQuality is the contract's "completeness score of the record, 0 (bare) to 100 (complete)":
// the share of the descriptive fields a client shows that the merged record actually has.
import type { BookRecord } from './book-provider';

const CHECKS: ReadonlyArray<(record: BookRecord) => boolean> = [
  (r) => r.authors.length > 0,
  (r) => r.work.firstPublicationYear !== undefined,
  (r) => r.work.subjectTags.length > 0,
  (r) => r.work.description !== undefined,
  (r) => (r.work.coverImageURL ?? r.edition?.coverImageURL) !== undefined,
  (r) => r.edition?.isbn !== undefined,
  (r) => r.edition?.publisher !== undefined,
  (r) => r.edition?.publicationDate !== undefined,
  (r) => r.edition?.pageCount !== undefined,
  (r) => r.edition?.language !== undefined,
];

export function completenessScore(record: BookRecord): number {
  const met = CHECKS.filter((check) => check(record)).length;
  return Math.round((met / CHECKS.length) * 100);
}

export function withCompleteness(record: BookRecord): BookRecord {
  return { ...record, work: { ...record.work, isbndbQuality: completenessScore(record) } };
}
