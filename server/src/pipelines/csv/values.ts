// Lenient readers for the cell formats that reading-list exports use (years, ratings, dates).
import { MAX_PUBLICATION_YEAR } from './limits';

/** A four-digit year anywhere in the cell ("1965", "1965-08", "Ace (1990)"). */
export function readYear(cell: string | undefined): number | undefined {
  const match = cell?.match(/(?:^|\D)(\d{4})(?:\D|$)/);
  const year = match?.[1] === undefined ? undefined : Number(match[1]);
  return year !== undefined && year <= MAX_PUBLICATION_YEAR ? year : undefined;
}

/** A 0–5 star rating; 0 means "not rated" in Goodreads, so it is omitted. */
export function readRating(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  const rating = Number(cell);
  if (!Number.isFinite(rating) || rating <= 0 || rating > 5) return undefined;
  return rating;
}

/** A calendar date written Y/M/D or Y-M-D (StoryGraph ranges: the last date) → YYYY-MM-DD. */
export function readDate(cell: string | undefined): string | undefined {
  const matches = cell === undefined ? [] : [...cell.matchAll(/(\d{4})[/-](\d{1,2})[/-](\d{1,2})/g)];
  const last = matches.at(-1);
  if (last === undefined) return undefined;
  const [year, month, day] = [Number(last[1]), Number(last[2]), Number(last[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** LibraryThing's "Publication" reads "Ace (1990), Edition: …": the publisher is the leading name. */
export function readPublisher(cell: string | undefined): string | undefined {
  const name = cell?.split(/[(,]/)[0]?.trim();
  return name ? name : undefined;
}

/** LibraryThing's "Collections" lists several; the first is the shelf. */
export function readShelf(cell: string | undefined): string | undefined {
  const shelf = cell?.split(',')[0]?.trim();
  return shelf ? shelf : undefined;
}
