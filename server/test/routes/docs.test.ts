// getDocs and the two reference pages it links, served offline from the bundle.
import { describe, expect, it } from 'vitest';
import { call } from './support';

describe('GET /docs', () => {
  it('serves the landing page that links both references and both documents', async () => {
    const response = await call('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    const html = await response.text();
    for (const href of ['/docs/http', '/docs/ws', '/openapi.json', '/asyncapi.json']) expect(html).toContain(`href="${href}"`);
  });

  it('serves the HTTP and WebSocket reference pages as complete HTML documents', async () => {
    for (const path of ['/docs/http', '/docs/ws']) {
      const response = await call(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html.slice(0, 200).toLowerCase()).toContain('<!doctype html');
      expect(html.length).toBeGreaterThan(100_000);
    }
  });
});
