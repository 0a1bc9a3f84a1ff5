// Google Books client: /books/v1/volumes?q=isbn:… and ?q=intitle:… inauthor:…. The API key
// (Worker secret GOOGLE_BOOKS_API_KEY) is optional: without it Google applies a low shared quota.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import type { BookProvider, BookRecord } from '../book-provider';
import type { HttpClient } from '../http-client';
import { ProviderError } from '../provider-error';
import { mapGoogleVolume } from './google-books-mapping';
import { GoogleVolumesSchema } from './google-books-schemas';

export const GOOGLE_BOOKS_BASE_URL = 'https://www.googleapis.com/books/v1';

/** Quotes are stripped: they would end the phrase early inside intitle:"…". */
function phrase(text: string): string {
  return `"${text.replace(/"/g, ' ').trim()}"`;
}

export function createGoogleBooksProvider(
  http: HttpClient,
  apiKey: string | undefined,
  baseUrl = GOOGLE_BOOKS_BASE_URL,
): BookProvider {
  const queryVolumes = async (q: string, signal: AbortSignal) => {
    const params = new URLSearchParams({ q, maxResults: '1', printType: 'books' });
    if (apiKey) params.set('key', apiKey);
    const body = await http.getJson(`${baseUrl}/volumes?${params}`, signal);
    if (body === null) return undefined;
    const parsed = GoogleVolumesSchema.safeParse(body);
    if (!parsed.success) {
      throw new ProviderError(ERROR_CODE.PROVIDER_ERROR, 'google-books returned an unexpected shape', {
        provider: 'google-books',
      });
    }
    return parsed.data.items?.[0];
  };

  return {
    id: 'google-books',

    async lookupByIsbn(isbn13, signal): Promise<BookRecord | null> {
      const volume = await queryVolumes(`isbn:${isbn13}`, signal);
      return volume ? mapGoogleVolume(volume, isbn13) : null;
    },

    async search(title, author, signal): Promise<BookRecord | null> {
      const q = author ? `intitle:${phrase(title)} inauthor:${phrase(author)}` : `intitle:${phrase(title)}`;
      const volume = await queryVolumes(q, signal);
      return volume ? mapGoogleVolume(volume) : null;
    },
  };
}
