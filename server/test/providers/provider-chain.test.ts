import type { EditionFormat } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import type { BookProvider, BookRecord } from '../../src/providers/book-provider';
import { buildAuthor, buildEdition, buildWork } from '../../src/providers/dto-builders';
import { lookupBook } from '../../src/providers/provider-chain';
import { ProviderError } from '../../src/providers/provider-error';

type Answer = BookRecord | null | ProviderError;

interface ScriptedProvider extends BookProvider {
  calls: string[];
}

/** A provider whose answers are scripted per call kind; records the order of calls. */
function scripted(id: 'openlibrary' | 'google-books', byIsbn: Answer, bySearch: Answer): ScriptedProvider {
  const calls: string[] = [];
  const answer = async (value: Answer) => {
    if (value instanceof ProviderError) throw value;
    return value;
  };
  return {
    id,
    calls,
    lookupByIsbn: (isbn) => {
      calls.push(`isbn:${isbn}`);
      return answer(byIsbn);
    },
    search: (title, author) => {
      calls.push(`search:${title}/${author ?? ''}`);
      return answer(bySearch);
    },
  };
}

function record(
  provider: 'openlibrary' | 'google-books',
  extra: { description?: string; volumeId?: string; format?: EditionFormat } = {},
): BookRecord {
  return {
    work: buildWork(
      {
        title: 'Kindred',
        description: extra.description,
        googleBooksVolumeIDs: extra.volumeId ? [extra.volumeId] : [],
      },
      provider,
    ),
    edition: buildEdition({ isbns: ['9780807083697'], isbn: '9780807083697', format: extra.format }, provider),
    authors: [buildAuthor({ name: 'Octavia E. Butler' })],
  };
}

const timeout = new ProviderError('PROVIDER_TIMEOUT', 'openlibrary did not answer within 8000 ms', {
  provider: 'openlibrary',
});
const signal = () => new AbortController().signal;

describe('lookupBook', () => {
  it('tries ISBN at every provider before searching by title', async () => {
    const ol = scripted('openlibrary', null, null);
    const gb = scripted('google-books', record('google-books'), null);
    const outcome = await lookupBook([ol, gb], { title: 'Kindred', isbn: '978-0-8070-8369-7' }, signal());
    expect(outcome.status).toBe('found');
    // The second Open Library call is the contributor lookup after Google Books won.
    expect(ol.calls).toEqual(['isbn:9780807083697', 'isbn:9780807083697']);
    expect(gb.calls).toEqual(['isbn:9780807083697']);
  });

  it('falls back to title and author search when no provider knows the ISBN', async () => {
    const ol = scripted('openlibrary', null, record('openlibrary'));
    const gb = scripted('google-books', null, null);
    const outcome = await lookupBook([ol, gb], { title: 'Kindred', author: 'Butler', isbn: '9780807083697' }, signal());
    expect(outcome).toMatchObject({ status: 'found', provider: 'openlibrary' });
    expect(ol.calls).toEqual(['isbn:9780807083697', 'search:Kindred/Butler']);
    expect(gb.calls).toEqual(['isbn:9780807083697', 'isbn:9780807083697']);
  });

  it('keeps the first hit as primary and credits a second provider that fills gaps', async () => {
    const ol = scripted('openlibrary', record('openlibrary'), null);
    const gb = scripted(
      'google-books',
      record('google-books', { description: 'A time-travel novel.', volumeId: 'gb1' }),
      null,
    );
    const outcome = await lookupBook([ol, gb], { title: 'Kindred', isbn: '9780807083697' }, signal());
    if (outcome.status !== 'found') throw new Error(`expected found, got ${outcome.status}`);
    expect(outcome.provider).toBe('openlibrary');
    expect(outcome.record.work.primaryProvider).toBe('openlibrary');
    expect(outcome.record.work.contributors).toEqual(['openlibrary', 'google-books']);
    expect(outcome.record.work.description).toBe('A time-travel novel.');
    expect(outcome.record.work.googleBooksVolumeIDs).toEqual(['gb1']);
    expect(outcome.record.edition?.contributors).toEqual(['openlibrary', 'google-books']);
  });

  it('takes the edition format from the second provider when the first does not state one', async () => {
    const ol = scripted('openlibrary', record('openlibrary'), null);
    const gb = scripted('google-books', record('google-books', { format: 'E-book' }), null);
    const outcome = await lookupBook([ol, gb], { title: 'Kindred', isbn: '9780807083697' }, signal());
    expect(outcome.status === 'found' && outcome.record.edition?.format).toBe('E-book');
  });

  it('scores completeness on the merged record', async () => {
    const ol = scripted('openlibrary', record('openlibrary', { description: 'x' }), null);
    const outcome = await lookupBook([ol], { title: 'Kindred', isbn: '9780807083697' }, signal());
    // authors, description and isbn: 3 of the 10 descriptive fields.
    expect(outcome.status === 'found' && outcome.record.work.isbndbQuality).toBe(30);
  });

  it('still finds the book when the first provider times out', async () => {
    const ol = scripted('openlibrary', timeout, timeout);
    const gb = scripted('google-books', record('google-books'), null);
    const outcome = await lookupBook([ol, gb], { title: 'Kindred', isbn: '9780807083697' }, signal());
    expect(outcome).toMatchObject({ status: 'found', provider: 'google-books' });
  });

  it('reports the provider error when nothing is found and a provider failed', async () => {
    const ol = scripted('openlibrary', timeout, timeout);
    const gb = scripted('google-books', null, null);
    const outcome = await lookupBook([ol, gb], { title: 'Kindred', isbn: '9780807083697' }, signal());
    expect(outcome).toEqual({ status: 'error', error: timeout.toApiError() });
  });

  it('answers not_found when every provider answered and none had the book', async () => {
    const ol = scripted('openlibrary', null, null);
    const outcome = await lookupBook([ol], { title: 'Unwritten Book' }, signal());
    expect(outcome).toEqual({ status: 'not_found' });
    expect(ol.calls).toEqual(['search:Unwritten Book/']);
  });

  it('reports INVALID_ISBN when the ISBN checksum is wrong and the title finds nothing', async () => {
    const ol = scripted('openlibrary', null, null);
    const outcome = await lookupBook([ol], { title: 'Unwritten Book', isbn: '9780807083698' }, signal());
    expect(outcome).toEqual({
      status: 'error',
      error: { code: 'INVALID_ISBN', message: 'ISBN 9780807083698 has an invalid checksum' },
    });
  });

  it('stops with the abort reason when the job is canceled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('canceled'));
    const ol = scripted('openlibrary', new ProviderError('PROVIDER_ERROR', 'x', { provider: 'openlibrary' }), null);
    await expect(lookupBook([ol], { title: 'Kindred', isbn: '9780807083697' }, controller.signal)).rejects.toThrow(
      'canceled',
    );
  });
});
