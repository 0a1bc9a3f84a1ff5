// Offline catalogue: Children's and young adult books.
// ISBN-13s of well-known editions, each checksum-verified by test; `unsure` marks an edition
// recalled with less confidence (checksum-valid, but it may name another printing or format).
import { book, type CatalogueBook } from './catalogue-book';

export const CHILDREN: readonly CatalogueBook[] = [
  book('9780064400558', "Charlotte's Web", ['E. B. White'], 1952, 'HarperCollins', ['children', 'classics']),
  book('9780060254926', 'Where the Wild Things Are', ['Maurice Sendak'], 1963, 'Harper & Row', [
    'children',
    'picture book',
  ]),
  book('9780399226908', 'The Very Hungry Caterpillar', ['Eric Carle'], 1969, 'Philomel', ['children', 'picture book']),
  book('9780142410370', 'Matilda', ['Roald Dahl'], 1988, 'Puffin', ['children']),
  book('9780142410318', 'Charlie and the Chocolate Factory', ['Roald Dahl'], 1964, 'Puffin', ['children']),
  book('9780142410363', 'James and the Giant Peach', ['Roald Dahl'], 1961, 'Puffin', ['children'], 'unsure'),
  book('9780440414803', 'Holes', ['Louis Sachar'], 1998, 'Yearling', ['children', 'young adult']),
  book('9780064401845', 'Bridge to Terabithia', ['Katherine Paterson'], 1977, 'HarperCollins', ['children']),
  book('9780375869020', 'Wonder', ['R. J. Palacio'], 2012, 'Knopf', ['children']),
  book('9780156012195', 'The Little Prince', ['Antoine de Saint-Exupéry'], 1943, 'Harcourt', [
    'children',
    'classics',
    'french literature',
  ]),
  book(
    '9780141439761',
    "Alice's Adventures in Wonderland and Through the Looking-Glass",
    ['Lewis Carroll'],
    1865,
    'Penguin Classics',
    ['children', 'classics', 'fantasy'],
  ),
  book('9780525478812', 'The Fault in Our Stars', ['John Green'], 2012, 'Dutton', ['young adult', 'romance']),
  book('9780142402511', 'Looking for Alaska', ['John Green'], 2005, 'Speak', ['young adult']),
];
