// The rendered documentation: generated/docs, served from the static assets (server/public/docs
// links to it) so megabytes of HTML stay out of the Worker bundle. The Worker still answers these
// paths first, so they carry the same request id, CORS and error envelope as every other route.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { operation } from '../http/validate-response';

const DOCS_PATH = OPERATIONS.getDocs.honoPath;
const HTML_CONTENT_TYPE = 'text/html; charset=UTF-8';

// The landing page links these pages (generated/docs/index.html). Like getDocs they are HTML
// views of the contract, not wire operations, so the OpenAPI document does not list them.
export const docsRoutes = new Hono<AppEnv>()
  .get(DOCS_PATH, operation('getDocs'), (c) => {
    // getDocs
    return serveDocsFile(c.env.ASSETS, c.req.url, 'index.html');
  })
  .get(`${DOCS_PATH}/http`, (c) => serveDocsFile(c.env.ASSETS, c.req.url, 'http.html'))
  .get(`${DOCS_PATH}/ws`, (c) => serveDocsFile(c.env.ASSETS, c.req.url, 'ws.html'))
  .get(`${DOCS_PATH}/walkthrough`, (c) => serveDocsFile(c.env.ASSETS, c.req.url, 'walkthrough.html'))
  .get(`${DOCS_PATH}/swift`, (c) => serveDocsFile(c.env.ASSETS, c.req.url, 'swift.html'));

async function serveDocsFile(assets: Fetcher, requestUrl: string, file: string): Promise<Response> {
  const asset = await assets.fetch(new URL(`${DOCS_PATH}/${file}`, requestUrl));
  if (!asset.ok || !asset.body) {
    throw new HttpError(ERROR_CODE.INTERNAL_ERROR, `docs page ${file} is missing from the assets (${asset.status})`);
  }
  return new Response(asset.body, { status: 200, headers: { 'Content-Type': HTML_CONTENT_TYPE } });
}
