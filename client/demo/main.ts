// Demo page entry (built into server/public/app.js): three forms start the three job kinds with the
// typed client, and one JobView follows whichever job started last.
import { BooksTrackApi, LIMITS, type BookQuery, type ScanImage } from '../src/index';
import { byId } from './dom';
import { describeError, followJob, type DemoHook, type StartedJob } from './job-runner';
import { JobView } from './job-view';

declare global {
  interface Window {
    __bookstrack: DemoHook;
  }
}

const api = new BooksTrackApi({ baseUrl: location.origin });
const view = new JobView();
const hook: DemoHook = { api, messages: [] };
window.__bookstrack = hook;

function onSubmit(formId: string, start: () => Promise<StartedJob>): void {
  const form = byId<HTMLFormElement>(formId);
  const problem = form.querySelector<HTMLElement>('.form-problem');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (problem) problem.textContent = '';
    start()
      .then((job) => followJob(job, api, view, hook))
      .catch((error: unknown) => {
        if (problem) problem.textContent = describeError(error);
      });
  });
}

onSubmit('csv-form', async () => {
  const file = byId<HTMLInputElement>('csv-file').files?.[0];
  const { data } = file
    ? await api.importCsvFile(file, file.name)
    : await api.importCsv(byId<HTMLTextAreaElement>('csv-text').value);
  return data;
});

onSubmit('enrich-form', async () => {
  const books = byId<HTMLTextAreaElement>('enrich-titles')
    .value.split('\n')
    .map(toBookQuery)
    .filter((b) => b !== undefined);
  const { data } = await api.startEnrichmentBatch({ books: books.slice(0, LIMITS.BATCH_MAX_BOOKS) });
  return data;
});

onSubmit('scan-form', async () => {
  const files = [...(byId<HTMLInputElement>('scan-files').files ?? [])].slice(0, LIMITS.SCAN_MAX_IMAGES);
  const images = await Promise.all(files.map(toScanImage));
  const { data } = await api.startScanBatch({ images });
  return data;
});

byId<HTMLButtonElement>('load-sample').addEventListener('click', async () => {
  const response = await fetch('/sample-goodreads.csv');
  byId<HTMLTextAreaElement>('csv-text').value = await response.text();
  byId<HTMLInputElement>('csv-file').value = '';
});

byId<HTMLButtonElement>('drop-connection').addEventListener('click', () => hook.client?.dropConnection());

byId<HTMLButtonElement>('cancel-job').addEventListener('click', () => {
  const client = hook.client;
  if (!client) return;
  api.cancelJob(client.jobId, client.token).catch((error: unknown) => view.setStatus(describeError(error)));
});

/** "Dune by Frank Herbert" → {title, author}; a bare line is a title. */
function toBookQuery(line: string): BookQuery | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  const match = /^(.+?)\s+by\s+(.+)$/i.exec(trimmed);
  return match?.[1] && match[2] ? { title: match[1], author: match[2] } : { title: trimmed };
}

async function toScanImage(file: File, index: number): Promise<ScanImage> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const mimeType = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  return { index, data: btoa(binary), mimeType };
}
