// Offline catalogue: Graphic novels and memoirs.
// ISBN-13s of well-known editions, each checksum-verified by test; `unsure` marks an edition
// recalled with less confidence (checksum-valid, but it may name another printing or format).
import { book, type CatalogueBook } from './catalogue-book';

export const GRAPHIC_NOVELS: readonly CatalogueBook[] = [
  book('9780394747231', "Maus I: A Survivor's Tale", ['Art Spiegelman'], 1986, 'Pantheon', [
    'graphic novel',
    'memoir',
    'history',
  ]),
  book('9780375714573', 'Persepolis', ['Marjane Satrapi'], 2003, 'Pantheon', ['graphic novel', 'memoir']),
  book('9780930289232', 'Watchmen', ['Alan Moore', 'Dave Gibbons'], 1987, 'DC Comics', [
    'graphic novel',
    'superheroes',
  ]),
  book('9780618871711', 'Fun Home', ['Alison Bechdel'], 2006, 'Mariner Books', ['graphic novel', 'memoir', 'lgbtq']),
];
