// Open Library JSON → canonical DTOs. Keys like "/works/OL45883W" become bare IDs ("OL45883W").
import type { AuthorDTO, EditionDTO, WorkDTO } from '@bookstrack/generated/schemas';
import { buildAuthor, buildEdition, buildWork, extractYear, mapEditionFormat } from '../dto-builders';
import { isValidIsbn10, isValidIsbn13 } from '../../books/isbn';
import type {
  OpenLibraryAuthor,
  OpenLibraryEdition,
  OpenLibrarySearchDoc,
  OpenLibraryWork,
} from './open-library-schemas';

const PROVIDER = 'openlibrary' as const;
const MAX_SUBJECTS = 10;

export function coverUrl(coverId: number | undefined): string | undefined {
  // Open Library uses -1 for "no cover" in some records.
  return coverId !== undefined && coverId > 0 ? `https://covers.openlibrary.org/b/id/${coverId}-L.jpg` : undefined;
}

/** "/works/OL45883W" → "OL45883W" when it matches the expected suffix letter. */
export function bareKey(key: string | undefined, suffix: 'W' | 'M' | 'A'): string | undefined {
  const id = key?.split('/').pop();
  return id && new RegExp(`^OL\\d+${suffix}$`).test(id) ? id : undefined;
}

function descriptionText(description: OpenLibraryWork['description']): string | undefined {
  if (description === undefined) return undefined;
  const text = typeof description === 'string' ? description : description.value;
  return text.trim() || undefined;
}

export function mapOpenLibraryWork(work: OpenLibraryWork, edition?: OpenLibraryEdition): WorkDTO {
  return buildWork(
    {
      title: work.title,
      subjectTags: (work.subjects ?? []).slice(0, MAX_SUBJECTS),
      firstPublicationYear: extractYear(work.first_publish_date),
      description: descriptionText(work.description),
      coverImageURL: coverUrl(work.covers?.[0] ?? edition?.covers?.[0]),
      openLibraryWorkID: bareKey(work.key, 'W'),
    },
    PROVIDER,
  );
}

export function mapOpenLibraryEdition(edition: OpenLibraryEdition, isbn13: string): EditionDTO {
  const isbn13s = (edition.isbn_13 ?? []).filter(isValidIsbn13);
  const isbn10s = (edition.isbn_10 ?? []).map((s) => s.toUpperCase()).filter(isValidIsbn10);
  const isbns = [...new Set([isbn13, ...isbn13s, ...isbn10s])];
  return buildEdition(
    {
      isbns,
      isbn: isbn13,
      format: mapEditionFormat(edition.physical_format),
      title: edition.title,
      editionTitle: edition.subtitle,
      publisher: edition.publishers?.[0],
      publicationDate: extractYear(edition.publish_date)?.toString(),
      pageCount: edition.number_of_pages && edition.number_of_pages > 0 ? edition.number_of_pages : undefined,
      coverImageURL: coverUrl(edition.covers?.[0]),
      language: edition.languages?.[0]?.key.split('/').pop(),
      openLibraryEditionID: bareKey(edition.key, 'M'),
    },
    PROVIDER,
  );
}

export function mapOpenLibraryAuthor(author: OpenLibraryAuthor): AuthorDTO {
  return buildAuthor({
    name: author.name,
    birthYear: extractYear(author.birth_date),
    deathYear: extractYear(author.death_date),
    openLibraryAuthorID: bareKey(author.key, 'A'),
  });
}

/** A search hit carries work-level data only; the ISBN list is too mixed to pick an edition. */
export function mapOpenLibrarySearchDoc(doc: OpenLibrarySearchDoc): { work: WorkDTO; authors: AuthorDTO[] } {
  const work = buildWork(
    {
      title: doc.title,
      subjectTags: (doc.subject ?? []).slice(0, MAX_SUBJECTS),
      firstPublicationYear: doc.first_publish_year,
      coverImageURL: coverUrl(doc.cover_i),
      openLibraryWorkID: bareKey(doc.key, 'W'),
    },
    PROVIDER,
  );
  const keys = doc.author_key ?? [];
  const authors = (doc.author_name ?? []).map((name, i) =>
    buildAuthor({ name, openLibraryAuthorID: bareKey(keys[i], 'A') }),
  );
  return { work, authors };
}
