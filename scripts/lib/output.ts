// One generated file: where it goes (relative to the output dir), which emitter wrote it, its text.
export interface Output {
  path: string;
  emitter: string;
  content: string;
}
