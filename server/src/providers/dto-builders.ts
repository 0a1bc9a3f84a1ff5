// Builds canonical DTOs with every required array present and optional fields omitted (never
// null or undefined-valued), as the contract's strict schemas demand.
import type { AuthorDTO, DataProvider, EditionDTO, EditionFormat, WorkDTO } from '@bookstrack/generated/schemas';

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** Copies only the keys whose value is neither undefined nor null. */
export function definedOnly<T extends object>(fields: Optional<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

export interface WorkFields extends Optional<Omit<WorkDTO, 'title'>> {
  title: string;
}

export function buildWork(fields: WorkFields, provider: DataProvider): WorkDTO {
  return {
    subjectTags: [],
    goodreadsWorkIDs: [],
    amazonASINs: [],
    librarythingIDs: [],
    googleBooksVolumeIDs: [],
    // No ISBNdb data is ever consulted, so its quality score is 0 by definition.
    isbndbQuality: 0,
    reviewStatus: 'verified',
    ...definedOnly<WorkDTO>(fields),
    title: fields.title,
    primaryProvider: provider,
    contributors: [provider],
  };
}

export interface EditionFields extends Optional<Omit<EditionDTO, 'isbns'>> {
  isbns: string[];
}

export function buildEdition(fields: EditionFields, provider: DataProvider): EditionDTO {
  return {
    ...definedOnly<EditionDTO>(fields),
    isbns: fields.isbns,
    primaryProvider: provider,
    contributors: [provider],
  };
}

export function buildAuthor(fields: Optional<AuthorDTO> & { name: string }): AuthorDTO {
  return { gender: 'Unknown', ...definedOnly<AuthorDTO>(fields), name: fields.name };
}

/** The last four-digit year in free text ("October 1, 1988" → 1988), or undefined. */
export function extractYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const years = text.match(/\b\d{4}\b/g);
  return years ? Number(years[years.length - 1]) : undefined;
}

/** Provider formats are free text; one the contract cannot name is left out, never guessed. */
export function mapEditionFormat(raw: string | undefined, isEbook = false): EditionFormat | undefined {
  if (isEbook) return 'E-book';
  const text = (raw ?? '').toLowerCase();
  if (/audio|cd|mp3|cassette/.test(text)) return 'Audiobook';
  if (/e-?book|kindle|epub|electronic|digital/.test(text)) return 'E-book';
  if (/mass market/.test(text)) return 'Mass Market';
  if (/hard|cloth|library binding/.test(text)) return 'Hardcover';
  if (/paper|soft/.test(text)) return 'Paperback';
  return undefined;
}
