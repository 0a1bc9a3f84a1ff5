// A photo whose bytes are not a decodable image: the client's fault, so the scan reports it per
// photo as INVALID_REQUEST rather than as a provider failure.
export class ImageDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageDecodeError';
  }
}
