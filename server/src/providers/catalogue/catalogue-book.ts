// One row of the bundled offline catalogue, and the helper that keeps the data files terse.
export interface CatalogueBook {
  isbn13: string;
  title: string;
  authors: readonly string[];
  /** Year of first publication of the work (negative for BCE), not of this edition. */
  firstPublicationYear: number;
  publisher: string;
  subjects: readonly string[];
  /** The edition was recalled with less confidence; its ISBN is still checksum-valid. */
  isUnsure: boolean;
}

export function book(
  isbn13: string,
  title: string,
  authors: string[],
  firstPublicationYear: number,
  publisher: string,
  subjects: string[],
  confidence?: 'unsure',
): CatalogueBook {
  return { isbn13, title, authors, firstPublicationYear, publisher, subjects, isUnsure: confidence === 'unsure' };
}
