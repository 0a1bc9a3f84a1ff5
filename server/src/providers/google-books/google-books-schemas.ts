// The parts of a Google Books volumes list that we read
// (https://developers.google.com/books/docs/v1/reference/volumes). Loose: extra fields ignored.
import { z } from 'zod';

export const GoogleVolumeSchema = z.looseObject({
  id: z.string(),
  volumeInfo: z.looseObject({
    title: z.string(),
    subtitle: z.string().optional(),
    authors: z.array(z.string()).optional(),
    publisher: z.string().optional(),
    publishedDate: z.string().optional(),
    description: z.string().optional(),
    industryIdentifiers: z.array(z.looseObject({ type: z.string(), identifier: z.string() })).optional(),
    pageCount: z.number().optional(),
    categories: z.array(z.string()).optional(),
    imageLinks: z.looseObject({ thumbnail: z.string().optional(), smallThumbnail: z.string().optional() }).optional(),
    language: z.string().optional(),
  }),
  saleInfo: z.looseObject({ isEbook: z.boolean().optional() }).optional(),
});
export type GoogleVolume = z.infer<typeof GoogleVolumeSchema>;

export const GoogleVolumesSchema = z.looseObject({
  totalItems: z.number(),
  items: z.array(GoogleVolumeSchema).optional(),
});
