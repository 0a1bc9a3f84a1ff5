// The rendered documentation, bundled into the Worker as text (wrangler.jsonc `rules`: **/*.html),
// so /docs works offline: the landing page and the HTTP and WebSocket references it links.
import httpDocsHtml from '@bookstrack/generated/docs/http.html';
import docsIndexHtml from '@bookstrack/generated/docs/index.html';
import wsDocsHtml from '@bookstrack/generated/docs/ws.html';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { operation } from '../http/validate-response';

// The landing page links these two pages (generated/docs/index.html).
const HTTP_DOCS_PATH = `${OPERATIONS.getDocs.honoPath}/http`;
const WS_DOCS_PATH = `${OPERATIONS.getDocs.honoPath}/ws`;

export const docsRoutes = new Hono<AppEnv>()
  .get(OPERATIONS.getDocs.honoPath, operation('getDocs'), (c) => {
    // getDocs
    return c.html(docsIndexHtml);
  })
  .get(HTTP_DOCS_PATH, (c) => c.html(httpDocsHtml))
  .get(WS_DOCS_PATH, (c) => c.html(wsDocsHtml));
