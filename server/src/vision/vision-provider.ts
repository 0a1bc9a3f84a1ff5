// What a vision source offers the scan pipeline: the books it sees in one photo.
export type ImageMimeType = 'image/jpeg' | 'image/png';

/** A box in the photo, each value a fraction (0..1) of the photo's width or height. */
export interface BoundingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Detection {
  title?: string;
  author?: string;
  /** Normalised ISBN-13 when one was read. */
  isbn?: string;
  /** 0..1; the scan pipeline approves a detection at 0.6 or more. */
  confidence: number;
  boundingBox?: BoundingBox;
}

export interface VisionProvider {
  readonly name: string;
  /** Throws ProviderError when the provider fails; an empty list means nothing was seen. */
  detect(image: Uint8Array, mimeType: ImageMimeType, signal: AbortSignal): Promise<Detection[]>;
}
