// Types for the part of markdown-it 12 the docs pages use (the package ships none).
declare module 'markdown-it' {
  interface MarkdownItOptions {
    html?: boolean;
    linkify?: boolean;
    typographer?: boolean;
  }
  interface Token {
    info: string;
    content: string;
  }
  type RenderRule = (tokens: Token[], index: number, options: unknown, env: unknown, self: unknown) => string;
  interface Renderer {
    rules: Record<string, RenderRule | undefined>;
  }
  export default class MarkdownIt {
    constructor(options?: MarkdownItOptions);
    renderer: Renderer;
    render(markdown: string): string;
    renderInline(markdown: string): string;
  }
}
