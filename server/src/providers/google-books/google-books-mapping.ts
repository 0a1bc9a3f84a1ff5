// Google Books volume → canonical DTOs. A volume is one edition; its work-level data is thinner
// than Open Library's (no first publication year, no author records beyond names).
import type { EditionDTO } from '@bookstrack/generated/schemas';
import type { BookRecord } from '../book-provider';
import { buildAuthor, buildEdition, buildWork, mapEditionFormat } from '../dto-builders';
import { isValidIsbn10, isValidIsbn13, normalizeIsbn } from '../../books/isbn';
import type { GoogleVolume } from './google-books-schemas';

const PROVIDER = 'google-books' as const;
const PUBLICATION_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Google serves thumbnails over http; the clients load them from https pages and apps. */
function httpsUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const secure = url.replace(/^http:\/\//, 'https://');
  try {
    return new URL(secure).href;
  } catch {
    return undefined;
  }
}

function editionIsbns(volume: GoogleVolume, fallbackIsbn13?: string): { isbn?: string; isbns: string[] } {
  const ids = volume.volumeInfo.industryIdentifiers ?? [];
  const isbn13s = ids
    .filter((id) => id.type === 'ISBN_13')
    .map((id) => id.identifier)
    .filter(isValidIsbn13);
  const isbn10s = ids
    .filter((id) => id.type === 'ISBN_10')
    .map((id) => id.identifier)
    .filter(isValidIsbn10);
  const isbn = fallbackIsbn13 ?? isbn13s[0] ?? (isbn10s[0] ? normalizeIsbn(isbn10s[0]) : undefined);
  const isbns = [...new Set([...(isbn ? [isbn] : []), ...isbn13s, ...isbn10s])];
  return isbn ? { isbn, isbns } : { isbns };
}

function mapEdition(volume: GoogleVolume, isbn13?: string): EditionDTO | undefined {
  const { isbn, isbns } = editionIsbns(volume, isbn13);
  if (isbns.length === 0) return undefined;
  const info = volume.volumeInfo;
  return buildEdition(
    {
      isbns,
      isbn,
      format: mapEditionFormat(undefined, volume.saleInfo?.isEbook === true),
      title: info.title,
      editionTitle: info.subtitle,
      publisher: info.publisher,
      publicationDate: info.publishedDate && PUBLICATION_DATE.test(info.publishedDate) ? info.publishedDate : undefined,
      pageCount: info.pageCount && info.pageCount > 0 ? info.pageCount : undefined,
      coverImageURL: httpsUrl(info.imageLinks?.thumbnail ?? info.imageLinks?.smallThumbnail),
      language: info.language,
      googleBooksVolumeID: volume.id,
    },
    PROVIDER,
  );
}

export function mapGoogleVolume(volume: GoogleVolume, isbn13?: string): BookRecord {
  const info = volume.volumeInfo;
  const work = buildWork(
    {
      title: info.title,
      subjectTags: info.categories ?? [],
      googleBooksVolumeIDs: [volume.id],
      description: info.description?.trim() || undefined,
      coverImageURL: httpsUrl(info.imageLinks?.thumbnail ?? info.imageLinks?.smallThumbnail),
    },
    PROVIDER,
  );
  const authors = (info.authors ?? []).filter((name) => name.trim()).map((name) => buildAuthor({ name }));
  const edition = mapEdition(volume, isbn13);
  return edition ? { work, edition, authors } : { work, authors };
}
