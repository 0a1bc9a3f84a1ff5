// Folds a secondary provider's record into the winner's: the winner's values always stay, the
// secondary only fills gaps and adds its cross-reference IDs, and is credited in contributors.
import type { AuthorDTO, DataProvider, EditionDTO, WorkDTO } from '@bookstrack/generated/schemas';
import type { BookRecord } from './book-provider';

function credit(contributors: DataProvider[] | undefined, provider: DataProvider): DataProvider[] {
  const list = contributors ?? [];
  return list.includes(provider) ? list : [...list, provider];
}

function fillGaps<T extends object>(primary: T, secondary: T, keys: ReadonlyArray<keyof T>): T {
  const out = { ...primary };
  for (const key of keys) {
    if (out[key] === undefined && secondary[key] !== undefined) out[key] = secondary[key];
  }
  return out;
}

const WORK_GAPS = [
  'firstPublicationYear',
  'description',
  'coverImageURL',
  'openLibraryWorkID',
  'originalLanguage',
] as const;
const EDITION_GAPS = [
  'format',
  'isbn',
  'title',
  'publisher',
  'publicationDate',
  'pageCount',
  'coverImageURL',
  'language',
  'openLibraryEditionID',
  'googleBooksVolumeID',
] as const;
const AUTHOR_GAPS = ['birthYear', 'deathYear', 'openLibraryAuthorID', 'nationality', 'culturalRegion'] as const;

function mergeWork(primary: WorkDTO, secondary: WorkDTO, provider: DataProvider): WorkDTO {
  const merged = fillGaps(primary, secondary, WORK_GAPS);
  return {
    ...merged,
    subjectTags: primary.subjectTags.length > 0 ? primary.subjectTags : secondary.subjectTags,
    googleBooksVolumeIDs: [...new Set([...primary.googleBooksVolumeIDs, ...secondary.googleBooksVolumeIDs])],
    contributors: credit(primary.contributors, provider),
  };
}

function mergeEdition(primary: EditionDTO | undefined, secondary: EditionDTO | undefined, provider: DataProvider) {
  if (!primary) return secondary;
  if (!secondary) return primary;
  const merged = fillGaps(primary, secondary, EDITION_GAPS);
  return {
    ...merged,
    isbns: [...new Set([...primary.isbns, ...secondary.isbns])],
    contributors: credit(primary.contributors, provider),
  };
}

function sameName(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return key(a) === key(b);
}

function mergeAuthors(primary: AuthorDTO[], secondary: AuthorDTO[]): AuthorDTO[] {
  if (primary.length === 0) return secondary;
  return primary.map((author) => {
    const match = secondary.find((s) => sameName(s.name, author.name));
    if (!match) return author;
    const merged = fillGaps(author, match, AUTHOR_GAPS);
    return merged.gender === 'Unknown' ? { ...merged, gender: match.gender } : merged;
  });
}

export function mergeRecords(primary: BookRecord, secondary: BookRecord, provider: DataProvider): BookRecord {
  const edition = mergeEdition(primary.edition, secondary.edition, provider);
  const merged: BookRecord = {
    work: mergeWork(primary.work, secondary.work, provider),
    authors: mergeAuthors(primary.authors, secondary.authors),
  };
  return edition ? { ...merged, edition } : merged;
}
