// Identifier conventions shared by the emitters (STYLE.md: constants UPPER_SNAKE).

/** `normalClosure` → `NORMAL_CLOSURE`, `maxFrameBytes` → `MAX_FRAME_BYTES`. */
export function camelToUpperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Filler words dropped from reason texts so names stay short: "Binary frames are not supported". */
const FILLER_WORDS = new Set(['a', 'an', 'the', 'is', 'are']);

/** `Binary frames are not supported` → `BINARY_FRAMES_NOT_SUPPORTED`, `job_started` → `JOB_STARTED`. */
export function textToUpperSnake(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '' && !FILLER_WORDS.has(word.toLowerCase()))
    .join('_')
    .toUpperCase();
}

/** `importCsv` → `ImportCsv`, `job_started` → `JobStarted`. */
export function toPascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
