// The reuse check for the AsyncAPI template's transpiled build: a build from another machine is redone.
import { describe, expect, it } from 'vitest';
import { absoluteRequires } from './emit-docs-ws';

describe('absoluteRequires', () => {
  it('lists the absolute paths a transpiled module requires, and no package names', () => {
    const source = [
      "var sdk = require('@asyncapi/generator-react-sdk');",
      "var jsx = require('/home/runner/work/t/node_modules/react/cjs/react-jsx-runtime.production.min.js');",
      'var fs = require("fs");',
      'var local = require("/opt/app/lib/x.js");',
    ].join('\n');
    expect(absoluteRequires(source)).toEqual([
      '/home/runner/work/t/node_modules/react/cjs/react-jsx-runtime.production.min.js',
      '/opt/app/lib/x.js',
    ]);
  });

  it('finds none in a module that requires packages only', () => {
    expect(absoluteRequires("require('react'); require('path');")).toEqual([]);
  });
});
