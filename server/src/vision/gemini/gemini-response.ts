// Reads Gemini's answer defensively: a model may return no candidates (blocked), prose, truncated
// JSON or odd values. Unusable structure is a PROVIDER_ERROR; odd individual books are dropped.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { z } from 'zod';
import { normalizeIsbn } from '../../books/isbn';
import { ProviderError } from '../../providers/provider-error';
import type { BoundingBox, Detection } from '../vision-provider';

const GenerateContentResponseSchema = z.looseObject({
  candidates: z
    .array(
      z.looseObject({
        content: z
          .looseObject({ parts: z.array(z.looseObject({ text: z.string().optional() })).optional() })
          .optional(),
        finishReason: z.string().optional(),
      }),
    )
    .optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional() }).optional(),
});

const BookSchema = z.looseObject({
  title: z.string().optional(),
  author: z.string().optional(),
  isbn: z.string().optional(),
  confidence: z.number(),
  box_2d: z.array(z.number()).length(4).optional(),
});

const AnswerSchema = z.looseObject({ books: z.array(z.unknown()) });

function failure(message: string): ProviderError {
  return new ProviderError(ERROR_CODE.PROVIDER_ERROR, message, { provider: 'gemini' });
}

/** Gemini boxes are [ymin, xmin, ymax, xmax] on a 0..1000 grid. */
function toBox(box: number[] | undefined): BoundingBox | undefined {
  if (!box) return undefined;
  const [ymin, xmin, ymax, xmax] = box.map((v) => Math.min(1, Math.max(0, v / 1000))) as [
    number,
    number,
    number,
    number,
  ];
  if (xmax <= xmin || ymax <= ymin) return undefined;
  return { x: xmin, y: ymin, width: xmax - xmin, height: ymax - ymin };
}

/** Some answers use percentages despite the prompt; anything else is clamped into 0..1. */
function toConfidence(value: number): number {
  const scaled = value > 1 && value <= 100 ? value / 100 : value;
  return Math.min(1, Math.max(0, scaled));
}

function toDetection(raw: unknown): Detection | null {
  const parsed = BookSchema.safeParse(raw);
  if (!parsed.success) return null;
  const book = parsed.data;
  const title = book.title?.trim();
  const author = book.author?.trim();
  const isbn = book.isbn ? normalizeIsbn(book.isbn) : null;
  if (!title && !isbn) return null;
  const box = toBox(book.box_2d);
  return {
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(isbn ? { isbn } : {}),
    confidence: toConfidence(book.confidence),
    ...(box ? { boundingBox: box } : {}),
  };
}

export function parseGeminiDetections(body: unknown): Detection[] {
  const response = GenerateContentResponseSchema.safeParse(body);
  if (!response.success) throw failure('gemini returned an unexpected response shape');
  const candidate = response.data.candidates?.[0];
  if (!candidate) {
    const reason = response.data.promptFeedback?.blockReason;
    throw failure(reason ? `gemini blocked the photo (${reason})` : 'gemini returned no candidates');
  }
  const text = (candidate.content?.parts ?? [])
    .map((p) => p.text ?? '')
    .join('')
    .trim();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw failure(`gemini answered text that is not JSON (finishReason ${candidate.finishReason ?? 'unknown'})`);
  }
  const answer = AnswerSchema.safeParse(json);
  if (!answer.success) throw failure('gemini answered JSON without a books list');
  return answer.data.books.flatMap((raw) => toDetection(raw) ?? []);
}
