// Open Library client: ISBN → edition (/isbn/{isbn}.json), its work and authors; title/author →
// /search.json. Public API, no key; they ask clients to identify themselves in User-Agent.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import type { AuthorDTO } from '@bookstrack/generated/schemas';
import type { z } from 'zod';
import type { BookProvider, BookRecord } from '../book-provider';
import type { HttpClient } from '../http-client';
import { ProviderError } from '../provider-error';
import {
  mapOpenLibraryAuthor,
  mapOpenLibraryEdition,
  mapOpenLibrarySearchDoc,
  mapOpenLibraryWork,
} from './open-library-mapping';
import {
  OpenLibraryAuthorSchema,
  OpenLibraryEditionSchema,
  OpenLibrarySearchSchema,
  OpenLibraryWorkSchema,
} from './open-library-schemas';

export const OPEN_LIBRARY_BASE_URL = 'https://openlibrary.org';
const USER_AGENT = 'BooksTrack/1.0 (book metadata enrichment)';
const MAX_AUTHORS = 5;
const SEARCH_FIELDS = 'key,title,author_name,author_key,first_publish_year,subject,cover_i,isbn,language';

export function createOpenLibraryProvider(http: HttpClient, baseUrl = OPEN_LIBRARY_BASE_URL): BookProvider {
  const get = async <S extends z.ZodType>(path: string, schema: S, signal: AbortSignal): Promise<z.infer<S> | null> => {
    const body = await http.getJson(`${baseUrl}${path}`, signal, { 'user-agent': USER_AGENT });
    if (body === null) return null;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ProviderError(ERROR_CODE.PROVIDER_ERROR, `openlibrary returned an unexpected shape for ${path}`, {
        provider: 'openlibrary',
      });
    }
    return parsed.data;
  };

  const fetchAuthors = async (keys: string[], signal: AbortSignal): Promise<AuthorDTO[]> => {
    const authors = await Promise.all(
      keys.slice(0, MAX_AUTHORS).map((key) => get(`${key}.json`, OpenLibraryAuthorSchema, signal)),
    );
    return authors.flatMap((a) => (a ? [mapOpenLibraryAuthor(a)] : []));
  };

  return {
    id: 'openlibrary',

    async lookupByIsbn(isbn13, signal): Promise<BookRecord | null> {
      const edition = await get(`/isbn/${isbn13}.json`, OpenLibraryEditionSchema, signal);
      if (!edition) return null;
      const workKey = edition.works?.[0]?.key;
      const work = workKey ? await get(`${workKey}.json`, OpenLibraryWorkSchema, signal) : null;
      const authorKeys = (work?.authors ?? []).map((a) => a.author.key);
      const keys = authorKeys.length > 0 ? authorKeys : (edition.authors ?? []).map((a) => a.key);
      const authors = await fetchAuthors(keys, signal);
      const mappedWork = work
        ? mapOpenLibraryWork(work, edition)
        : mapOpenLibraryWork({ key: '', title: edition.title ?? isbn13 }, edition);
      return { work: mappedWork, edition: mapOpenLibraryEdition(edition, isbn13), authors };
    },

    async search(title, author, signal): Promise<BookRecord | null> {
      const params = new URLSearchParams({ title, limit: '1', fields: SEARCH_FIELDS });
      if (author) params.set('author', author);
      const result = await get(`/search.json?${params}`, OpenLibrarySearchSchema, signal);
      const doc = result?.docs[0];
      return doc ? mapOpenLibrarySearchDoc(doc) : null;
    },
  };
}
