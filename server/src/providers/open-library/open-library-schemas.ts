// The parts of Open Library's JSON that we read (https://openlibrary.org/dev/docs/api/books,
// /dev/docs/api/search). Loose objects: Open Library adds fields freely; we ignore them.
import { z } from 'zod';

const KeyRef = z.looseObject({ key: z.string() });

export const OpenLibraryEditionSchema = z.looseObject({
  key: z.string(),
  title: z.string().optional(),
  subtitle: z.string().optional(),
  publishers: z.array(z.string()).optional(),
  publish_date: z.string().optional(),
  number_of_pages: z.number().optional(),
  isbn_10: z.array(z.string()).optional(),
  isbn_13: z.array(z.string()).optional(),
  works: z.array(KeyRef).optional(),
  authors: z.array(KeyRef).optional(),
  covers: z.array(z.number()).optional(),
  physical_format: z.string().optional(),
  languages: z.array(KeyRef).optional(),
});
export type OpenLibraryEdition = z.infer<typeof OpenLibraryEditionSchema>;

export const OpenLibraryWorkSchema = z.looseObject({
  key: z.string(),
  title: z.string(),
  description: z.union([z.string(), z.looseObject({ value: z.string() })]).optional(),
  subjects: z.array(z.string()).optional(),
  first_publish_date: z.string().optional(),
  covers: z.array(z.number()).optional(),
  authors: z.array(z.looseObject({ author: KeyRef })).optional(),
});
export type OpenLibraryWork = z.infer<typeof OpenLibraryWorkSchema>;

export const OpenLibraryAuthorSchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  birth_date: z.string().optional(),
  death_date: z.string().optional(),
});
export type OpenLibraryAuthor = z.infer<typeof OpenLibraryAuthorSchema>;

export const OpenLibrarySearchDocSchema = z.looseObject({
  key: z.string(),
  title: z.string(),
  author_name: z.array(z.string()).optional(),
  author_key: z.array(z.string()).optional(),
  first_publish_year: z.number().optional(),
  subject: z.array(z.string()).optional(),
  cover_i: z.number().optional(),
  isbn: z.array(z.string()).optional(),
  language: z.array(z.string()).optional(),
});
export type OpenLibrarySearchDoc = z.infer<typeof OpenLibrarySearchDocSchema>;

export const OpenLibrarySearchSchema = z.looseObject({
  numFound: z.number(),
  docs: z.array(OpenLibrarySearchDocSchema),
});
