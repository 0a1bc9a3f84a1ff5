import { SUBPROTOCOL } from '@bookstrack/generated/constants';
import { describe, expect, it } from 'vitest';
import { chooseEchoProtocol, parseOfferedProtocols, selectToken } from '../../src/jobs/subprotocol';

const url = (query = '') => new URL(`https://api.test/ws/progress?jobId=job-12345678${query}`);
const auth = `${SUBPROTOCOL.AUTH_PREFIX}tok-1`;

describe('parseOfferedProtocols', () => {
  it('splits the header on commas and trims each entry', () => {
    expect(parseOfferedProtocols(` ${SUBPROTOCOL.VERSION} ,${auth},, `)).toEqual([SUBPROTOCOL.VERSION, auth]);
  });

  it('returns no protocols for a missing header', () => {
    expect(parseOfferedProtocols(null)).toEqual([]);
  });
});

describe('selectToken', () => {
  it('takes the token from the bookstrack-auth entry', () => {
    expect(selectToken([SUBPROTOCOL.VERSION, auth], url(), false)).toBe('tok-1');
  });

  it('ignores the query token unless the deprecated form is allowed', () => {
    expect(selectToken([], url('&token=tok-q'), false)).toBeUndefined();
    expect(selectToken([], url('&token=tok-q'), true)).toBe('tok-q');
  });

  it('prefers the subprotocol token over the query token', () => {
    expect(selectToken([auth], url('&token=tok-q'), true)).toBe('tok-1');
  });

  it('finds no token in an empty auth entry', () => {
    expect(selectToken([SUBPROTOCOL.AUTH_PREFIX], url(), false)).toBeUndefined();
  });
});

describe('chooseEchoProtocol', () => {
  it('echoes bookstrack.v1 when it is offered', () => {
    expect(chooseEchoProtocol([auth, SUBPROTOCOL.VERSION])).toBe(SUBPROTOCOL.VERSION);
  });

  it('echoes the auth entry when it is the only known protocol offered', () => {
    expect(chooseEchoProtocol(['chat', auth])).toBe(auth);
  });

  it('echoes nothing when nothing known was offered', () => {
    expect(chooseEchoProtocol([])).toBeUndefined();
    expect(chooseEchoProtocol(['chat'])).toBeUndefined();
  });
});
