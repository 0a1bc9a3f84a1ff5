// The generateContent request for a bookshelf photo: the image inline, an instruction, and a
// response schema so Gemini answers JSON (https://ai.google.dev/api/generate-content).
import type { ImageMimeType } from '../vision-provider';

export const GEMINI_PROMPT = [
  'List every book whose spine or cover is visible in this bookshelf photo.',
  'For each book give the title and author exactly as printed (omit what you cannot read),',
  'the ISBN only if a barcode or ISBN text is legible, your confidence from 0 to 1 that the',
  'title is right, and box_2d as [ymin, xmin, ymax, xmax] scaled to 0-1000.',
].join(' ');

const RESPONSE_SCHEMA = {
  type: 'OBJECT',
  properties: {
    books: {
      type: 'ARRAY',
      items: {
        type: 'OBJECT',
        properties: {
          title: { type: 'STRING' },
          author: { type: 'STRING' },
          isbn: { type: 'STRING' },
          confidence: { type: 'NUMBER' },
          box_2d: { type: 'ARRAY', items: { type: 'INTEGER' } },
        },
        required: ['confidence'],
      },
    },
  },
  required: ['books'],
} as const;

export function buildGenerateContentRequest(imageBase64: string, mimeType: ImageMimeType): unknown {
  return {
    contents: [
      {
        role: 'user',
        parts: [{ inlineData: { mimeType, data: imageBase64 } }, { text: GEMINI_PROMPT }],
      },
    ],
    generationConfig: {
      responseMimeType: 'application/json',
      responseSchema: RESPONSE_SCHEMA,
      temperature: 0,
    },
  };
}
