// getDocs and the reference pages and Swift guide it links, served offline from the bundle.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/http';

describe('GET /docs', () => {
  it('serves the landing page that links the walkthrough, both references, the Swift guide and both documents', async () => {
    const response = await call('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    const html = await response.text();
    for (const href of [
      '/docs/walkthrough',
      '/docs/http',
      '/docs/ws',
      '/docs/swift',
      '/openapi.json',
      '/asyncapi.json',
    ])
      expect(html).toContain(`href="${href}"`);
  });

  it('serves the walkthrough and the HTTP and WebSocket reference pages as complete HTML documents', async () => {
    for (const path of ['/docs/walkthrough', '/docs/http', '/docs/ws']) {
      const response = await call(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html.slice(0, 200).toLowerCase()).toContain('<!doctype html');
      expect(html).toContain('<nav class="site-nav"');
      expect(html.length).toBeGreaterThan(20_000);
    }
  });

  it('serves the Swift guide with the subprotocol auth prefix and URLSessionWebSocketTask', async () => {
    const response = await call('/docs/swift');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    const html = await response.text();
    expect(html.slice(0, 200).toLowerCase()).toContain('<!doctype html');
    expect(html).toContain('<title>BooksTrack from Swift (iOS / macOS) · BooksTrack API');
    expect(html).toContain('bookstrack-auth.');
    expect(html).toContain('<code>URLSessionWebSocketTask</code>');
  });
});
