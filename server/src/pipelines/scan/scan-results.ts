// Turns stored per-photo outcomes into the ai_scan results (books, and the photos that failed) and
// the job_complete summary fields.
import type { DetectedBook, ReviewStatus, ScanPhotoFailure, ScanResults } from '@bookstrack/generated/schemas';
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

function inRequestOrder(outcomes: StoredOutcome[]): StoredOutcome[] {
  return [...outcomes].sort((a, b) => a.index - b.index);
}

function detectedBooks(outcomes: StoredOutcome[]): DetectedBook[] {
  return inRequestOrder(outcomes).flatMap(
    ({ outcome }) => (outcome.value as PhotoOutcomeValue | undefined)?.books ?? [],
  );
}

/** Each photo that could not be scanned, by its index and code, so a UI can say "photo 2 unreadable". */
function photoFailures(outcomes: StoredOutcome[]): ScanPhotoFailure[] {
  return inRequestOrder(outcomes).flatMap(({ index, outcome }) => {
    if (outcome.ok) return [];
    const photoIndex = (outcome.value as PhotoOutcomeValue | undefined)?.photoIndex ?? index;
    return [{ photoIndex, code: outcome.error.code, message: outcome.error.message }];
  });
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
  return { ...summarizeScan(outcomes), books: detectedBooks(outcomes), failures: photoFailures(outcomes) };
}
