// Types for the part of @asyncapi/generator 3.x the docs emitter uses (the package ships none).
declare module '@asyncapi/generator' {
  interface GeneratorOptions {
    forceWrite?: boolean;
    install?: boolean;
    compile?: boolean;
    templateParams?: Record<string, string>;
  }
  export default class Generator {
    constructor(templateName: string, targetDir: string, options?: GeneratorOptions);
    generateFromString(document: string): Promise<void>;
  }
}
