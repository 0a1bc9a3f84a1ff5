// The rendered documentation, bundled into the Worker as text (wrangler.jsonc `rules`: **/*.html),
// so /docs works offline: the landing page and the HTTP, WebSocket and Swift pages it links.
import httpDocsHtml from '@bookstrack/generated/docs/http.html';
import docsIndexHtml from '@bookstrack/generated/docs/index.html';
import swiftDocsHtml from '@bookstrack/generated/docs/swift.html';
import wsDocsHtml from '@bookstrack/generated/docs/ws.html';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { operation } from '../http/validate-response';

// The landing page links these pages (generated/docs/index.html). Like getDocs they are HTML
// views of the contract, not wire operations, so the OpenAPI document does not list them.
const HTTP_DOCS_PATH = `${OPERATIONS.getDocs.honoPath}/http`;
const WS_DOCS_PATH = `${OPERATIONS.getDocs.honoPath}/ws`;
const SWIFT_DOCS_PATH = `${OPERATIONS.getDocs.honoPath}/swift`;

export const docsRoutes = new Hono<AppEnv>()
  .get(OPERATIONS.getDocs.honoPath, operation('getDocs'), (c) => {
    // getDocs
    return c.html(docsIndexHtml);
  })
  .get(HTTP_DOCS_PATH, (c) => c.html(httpDocsHtml))
  .get(WS_DOCS_PATH, (c) => c.html(wsDocsHtml))
  .get(SWIFT_DOCS_PATH, (c) => c.html(swiftDocsHtml));
