// Offline catalogue: Mystery, crime, thriller and horror.
// ISBN-13s of well-known editions, each checksum-verified by test; `unsure` marks an edition
// recalled with less confidence (checksum-valid, but it may name another printing or format).
import { book, type CatalogueBook } from './catalogue-book';

export const MYSTERY_AND_HORROR: readonly CatalogueBook[] = [
  book('9780062073488', 'And Then There Were None', ['Agatha Christie'], 1939, 'William Morrow', [
    'mystery',
    'classics',
  ]),
  book(
    '9780062693662',
    'Murder on the Orient Express',
    ['Agatha Christie'],
    1934,
    'William Morrow',
    ['mystery', 'classics'],
    'unsure',
  ),
  book(
    '9780062073563',
    'The Murder of Roger Ackroyd',
    ['Agatha Christie'],
    1926,
    'William Morrow',
    ['mystery', 'classics'],
    'unsure',
  ),
  book('9780140437867', 'The Hound of the Baskervilles', ['Arthur Conan Doyle'], 1902, 'Penguin Classics', [
    'mystery',
    'classics',
  ]),
  book('9780394758282', 'The Big Sleep', ['Raymond Chandler'], 1939, 'Vintage', ['mystery', 'noir']),
  book('9780679722649', 'The Maltese Falcon', ['Dashiell Hammett'], 1930, 'Vintage', ['mystery', 'noir']),
  book('9780393332148', 'The Talented Mr. Ripley', ['Patricia Highsmith'], 1955, 'W. W. Norton', ['thriller', 'crime']),
  book('9780679745587', 'In Cold Blood', ['Truman Capote'], 1966, 'Vintage', ['true crime', 'nonfiction']),
  book('9780312924584', 'The Silence of the Lambs', ['Thomas Harris'], 1988, "St. Martin's Press", [
    'thriller',
    'horror',
  ]),
  book('9780307588371', 'Gone Girl', ['Gillian Flynn'], 2012, 'Broadway Books', ['thriller', 'mystery']),
  book('9780307341556', 'Sharp Objects', ['Gillian Flynn'], 2006, 'Broadway Books', ['thriller', 'mystery']),
  book('9780307341570', 'Dark Places', ['Gillian Flynn'], 2009, 'Broadway Books', ['thriller', 'mystery']),
  book('9780307454546', 'The Girl with the Dragon Tattoo', ['Stieg Larsson'], 2005, 'Vintage', ['thriller', 'mystery']),
  book('9780307474278', 'The Da Vinci Code', ['Dan Brown'], 2003, 'Anchor', ['thriller', 'mystery']),
  book(
    '9780156001311',
    'The Name of the Rose',
    ['Umberto Eco'],
    1980,
    'Harcourt',
    ['mystery', 'historical fiction'],
    'unsure',
  ),
  book('9780345538987', 'Jurassic Park', ['Michael Crichton'], 1990, 'Ballantine', ['science fiction', 'thriller']),
  book('9780307743657', 'The Shining', ['Stephen King'], 1977, 'Anchor', ['horror']),
  book('9780307743688', 'The Stand', ['Stephen King'], 1978, 'Anchor', ['horror', 'post-apocalyptic']),
  book('9780307743664', 'Carrie', ['Stephen King'], 1974, 'Anchor', ['horror']),
  book('9781501142970', 'It', ['Stephen King'], 1986, 'Scribner', ['horror']),
  book('9781501143106', 'Misery', ['Stephen King'], 1987, 'Scribner', ['horror', 'thriller'], 'unsure'),
  book('9781451627299', '11/22/63', ['Stephen King'], 2011, 'Scribner', ['science fiction', 'historical fiction']),
];
