import { describe, expect, it } from 'vitest';
import { assertGlobalNpm, findGlobalNpm } from './global-npm';

describe('global npm check', () => {
  it('finds the npm beside the Node running the tests', () => {
    expect(findGlobalNpm()).toMatch(/npm/);
  });

  it('says in one line what to do when no npm sits beside node', () => {
    const missing = () => undefined;
    expect(() => assertGlobalNpm(missing, '/opt/bare/bin/node')).toThrowError(
      /^@asyncapi\/generator needs npm installed beside node \(\/opt\/bare\/bin\/node has none\): run `source scripts\/node-env.sh`/,
    );
  });

  it('treats a resolver that throws like a missing npm', () => {
    const throwing = () => {
      throw new Error('EACCES');
    };
    expect(findGlobalNpm(throwing)).toBeUndefined();
  });
});
