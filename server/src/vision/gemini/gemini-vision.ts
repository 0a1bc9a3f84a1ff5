// The live VisionProvider: Gemini's REST generateContent with the photo inline. The key comes
// from the Worker secret GEMINI_API_KEY and travels in a header, never in the URL (URLs get logged).
import { Buffer } from 'node:buffer';
import type { HttpClient } from '../../providers/http-client';
import type { VisionProvider } from '../vision-provider';
import { buildGenerateContentRequest } from './gemini-request';
import { parseGeminiDetections } from './gemini-response';

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';
export const GEMINI_MODEL = 'gemini-2.5-flash';

export function createGeminiVision(
  http: HttpClient,
  apiKey: string,
  model = GEMINI_MODEL,
  baseUrl = GEMINI_BASE_URL,
): VisionProvider {
  return {
    name: 'gemini',
    async detect(image, mimeType, signal) {
      const request = buildGenerateContentRequest(Buffer.from(image).toString('base64'), mimeType);
      const body = await http.postJson(`${baseUrl}/models/${model}:generateContent`, request, signal, {
        'x-goog-api-key': apiKey,
      });
      return parseGeminiDetections(body);
    },
  };
}
