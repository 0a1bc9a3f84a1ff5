// Swift syntax check without a Swift compiler (none on these machines): tree-sitter-swift (WASM)
// parses the source; any ERROR or MISSING node is a syntax error. Used by the Swift tests.
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

let swift: Language | undefined;

export async function loadSwiftParser(): Promise<void> {
  if (swift) return;
  await Parser.init();
  swift = await Language.load(createRequire(import.meta.url).resolve('tree-sitter-wasms/out/tree-sitter-swift.wasm'));
}

/** `line:column type` of each ERROR and MISSING node: empty when the source is valid Swift. */
export function swiftSyntaxErrors(source: string): string[] {
  if (!swift) throw new Error('call loadSwiftParser() first');
  // A fresh parser per source: a reused one carries scanner state over and misreads raw strings.
  const parser = new Parser();
  parser.setLanguage(swift);
  const tree = parser.parse(source)!;
  const errors: string[] = [];
  const cursor = tree.walk();
  const visit = (): void => {
    const node = cursor.currentNode;
    if (node.isError || node.isMissing)
      errors.push(`${node.startPosition.row + 1}:${node.startPosition.column} ${node.type}`);
    if (cursor.gotoFirstChild()) {
      do visit();
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  visit();
  // WASM memory is not garbage-collected: free what this parse allocated.
  cursor.delete();
  tree.delete();
  parser.delete();
  return errors;
}
