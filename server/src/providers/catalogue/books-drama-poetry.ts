// Offline catalogue: Drama and poetry.
// ISBN-13s of well-known editions, each checksum-verified by test; `unsure` marks an edition
// recalled with less confidence (checksum-valid, but it may name another printing or format).
import { book, type CatalogueBook } from './catalogue-book';

export const DRAMA_AND_POETRY: readonly CatalogueBook[] = [
  book('9780743477123', 'Hamlet', ['William Shakespeare'], 1603, 'Simon & Schuster', ['drama', 'classics']),
  book('9780743477109', 'Macbeth', ['William Shakespeare'], 1623, 'Simon & Schuster', ['drama', 'classics']),
  book('9780743477116', 'Romeo and Juliet', ['William Shakespeare'], 1597, 'Simon & Schuster', [
    'drama',
    'classics',
    'romance',
  ]),
  book('9780743477543', "A Midsummer Night's Dream", ['William Shakespeare'], 1600, 'Simon & Schuster', [
    'drama',
    'classics',
    'comedy',
  ]),
  book('9780743477550', 'Othello', ['William Shakespeare'], 1622, 'Simon & Schuster', ['drama', 'classics']),
  book('9780743482769', 'King Lear', ['William Shakespeare'], 1608, 'Simon & Schuster', ['drama', 'classics']),
  book('9780743482837', 'The Tempest', ['William Shakespeare'], 1623, 'Simon & Schuster', ['drama', 'classics']),
  book('9780743482745', 'Julius Caesar', ['William Shakespeare'], 1623, 'Simon & Schuster', ['drama', 'classics']),
  book('9780743482776', 'Twelfth Night', ['William Shakespeare'], 1623, 'Simon & Schuster', [
    'drama',
    'classics',
    'comedy',
  ]),
  book('9780140481341', 'Death of a Salesman', ['Arthur Miller'], 1949, 'Penguin Books', ['drama', 'classics']),
  book('9780142437339', 'The Crucible', ['Arthur Miller'], 1953, 'Penguin Books', ['drama', 'classics']),
  book('9780811216029', 'A Streetcar Named Desire', ['Tennessee Williams'], 1947, 'New Directions', [
    'drama',
    'classics',
  ]),
  book('9780802130341', 'Waiting for Godot', ['Samuel Beckett'], 1953, 'Grove Press', [
    'drama',
    'classics',
    'absurdism',
  ]),
  book('9780140444254', 'The Three Theban Plays', ['Sophocles'], -441, 'Penguin Classics', [
    'drama',
    'classics',
    'tragedy',
  ]),
  book('9780553213393', 'Inferno', ['Dante Alighieri'], 1320, 'Bantam Classics', ['poetry', 'classics']),
  book('9780140424393', 'Paradise Lost', ['John Milton'], 1667, 'Penguin Classics', ['poetry', 'classics']),
  book('9780393320978', 'Beowulf: A New Verse Translation', ['Seamus Heaney'], 2000, 'W. W. Norton', [
    'poetry',
    'classics',
  ]),
  book('9780140424386', 'The Canterbury Tales', ['Geoffrey Chaucer'], 1400, 'Penguin Classics', ['poetry', 'classics']),
  book(
    '9780140421996',
    'Leaves of Grass',
    ['Walt Whitman'],
    1855,
    'Penguin Classics',
    ['poetry', 'classics'],
    'unsure',
  ),
  book('9781449474256', 'Milk and Honey', ['Rupi Kaur'], 2014, 'Andrews McMeel', ['poetry']),
  book('9780394404288', 'The Prophet', ['Kahlil Gibran'], 1923, 'Knopf', ['poetry', 'philosophy']),
];
