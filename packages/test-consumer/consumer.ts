// A web team's first use of the published packages, run by
// server/test/e2e/installable-packages.e2e.test.ts in a throwaway project outside the workspace
// (tsc --noEmit strict, then node): start a CSV import over HTTP, follow it on the progress socket
// until job_complete and the close, fetch the results. Prints one JSON line for the test to check.
import { BooksTrackApi, ProgressSocketClient, type ProgressSocketEvents } from '@bookstrack/client';
import { CONTRACT_VERSION, CsvResultsSchema, ServerMessageSchema, type CsvResults } from '@bookstrack/contract';
import { CLOSE_CODES, MESSAGE_TYPE } from '@bookstrack/contract/constants';
import type { paths } from '@bookstrack/contract/openapi-types';
import { OPERATIONS } from '@bookstrack/contract/operations';
import asyncapi from '@bookstrack/contract/asyncapi.json' with { type: 'json' };
import openapi from '@bookstrack/contract/openapi.json' with { type: 'json' };
import type { z } from 'zod';
// Written by the test: where its wrangler dev listens.
import server from './server.json' with { type: 'json' };

// Types, not `any`: each line below must be a type error (tsc reports an unused directive otherwise).
// @ts-expect-error a pipeline is one of the contract's PipelineType values
const notAPipeline: Awaited<ReturnType<BooksTrackApi['importCsv']>>['data']['pipeline'] = 'pdf_import';
// @ts-expect-error the results operation of /v1/csv/results takes a path parameter
const notAPath: keyof paths = '/v1/csv/results';
void [notAPipeline, notAPath];

const api = new BooksTrackApi({ baseUrl: server.origin });
const health = await api.getHealth();
const { data: job } = await api.importCsv(
  'title,author,isbn\nDune,Frank Herbert,\nEmma,Jane Austen,\nUlysses,James Joyce,\n',
);

const socket = new ProgressSocketClient({ baseUrl: server.origin, jobId: job.jobId, token: job.token });
const frames: string[] = [];
socket.on('message', (message) => frames.push(message.type));
// The client's own event types (the readers' once it reads tolerantly), not the strict message type.
const completed = new Promise<ProgressSocketEvents['job_complete']>((resolve) =>
  socket.on(MESSAGE_TYPE.JOB_COMPLETE, resolve),
);
const closed = new Promise<ProgressSocketEvents['closed']>((resolve) => socket.on('closed', resolve));
socket.connect();
const [complete, close] = await Promise.all([completed, closed]);

const { data: results } = await api.getResults(job.pipeline, job.jobId, socket.token);
const csvResults: CsvResults = CsvResultsSchema.parse(results);
const titles: z.infer<typeof CsvResultsSchema>['books'][number]['title'][] = csvResults.books.map((book) => book.title);
// The strict validators reject a field the contract does not list.
const strictRejectsExtra = !ServerMessageSchema.safeParse({ ...complete, extra: true }).success;
const startParses = OPERATIONS.importCsv.responses[202].safeParse({ data: job, metadata: health.metadata }).success;

// The readers module exists once the generator writes it; a variable specifier keeps tsc from requiring it.
const readersSpecifier: string = '@bookstrack/contract/readers';
const readers = await import(readersSpecifier).then(
  (module: Record<string, unknown>) => Object.keys(module).length,
  () => 0,
);

console.log(
  JSON.stringify({
    contractVersion: CONTRACT_VERSION,
    healthVersion: health.data.version,
    bundles: { openapi: openapi.info.version, asyncapi: asyncapi.info.version },
    pipeline: job.pipeline,
    frames,
    summary: complete.payload.summary,
    close: {
      code: close.code,
      reason: close.reason,
      cause: close.cause,
      isNormal: close.code === CLOSE_CODES.NORMAL_CLOSURE,
    },
    results: { books: titles, errors: csvResults.errors.length },
    strictRejectsExtra,
    startParses,
    readerExports: readers,
  }),
);
