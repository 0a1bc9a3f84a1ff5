// Turns stored per-photo outcomes into the ai_scan results and the job_complete summary fields.
import type { DetectedBook, ReviewStatus, ScanResults } from '@bookstrack/generated/schemas';
import type { StoredOutcome } from '../pipeline';

/** The contract's threshold: a detection at or above it is approved (reviewStatus verified). */
export const APPROVAL_CONFIDENCE = 0.6;

export function reviewStatusFor(confidence: number): ReviewStatus {
  return confidence >= APPROVAL_CONFIDENCE ? 'verified' : 'needsReview';
}

export interface PhotoOutcomeValue {
  photoIndex: number;
  books: DetectedBook[];
}

function detectedBooks(outcomes: StoredOutcome[]): DetectedBook[] {
  return [...outcomes]
    .sort((a, b) => a.index - b.index)
    .flatMap(({ outcome }) => (outcome.value as PhotoOutcomeValue | undefined)?.books ?? []);
}

export function summarizeScan(outcomes: StoredOutcome[]): {
  totalDetected: number;
  approved: number;
  needsReview: number;
} {
  const books = detectedBooks(outcomes);
  const approved = books.filter((b) => b.reviewStatus === 'verified').length;
  return { totalDetected: books.length, approved, needsReview: books.length - approved };
}

export function buildScanResults(outcomes: StoredOutcome[]): Omit<ScanResults, 'expiresAt'> {
  return { ...summarizeScan(outcomes), books: detectedBooks(outcomes) };
}
