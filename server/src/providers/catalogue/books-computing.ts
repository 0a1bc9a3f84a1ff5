// Offline catalogue: Computing and software engineering.
// ISBN-13s of well-known editions, each checksum-verified by test; `unsure` marks an edition
// recalled with less confidence (checksum-valid, but it may name another printing or format).
import { book, type CatalogueBook } from './catalogue-book';

export const COMPUTING: readonly CatalogueBook[] = [
  book('9780132350884', 'Clean Code', ['Robert C. Martin'], 2008, 'Prentice Hall', [
    'computer science',
    'software engineering',
  ]),
  book('9780201616224', 'The Pragmatic Programmer', ['Andrew Hunt', 'David Thomas'], 1999, 'Addison-Wesley', [
    'computer science',
    'software engineering',
  ]),
  book(
    '9780135957059',
    'The Pragmatic Programmer, 20th Anniversary Edition',
    ['David Thomas', 'Andrew Hunt'],
    2019,
    'Addison-Wesley',
    ['computer science', 'software engineering'],
  ),
  book(
    '9780201633610',
    'Design Patterns',
    ['Erich Gamma', 'Richard Helm', 'Ralph Johnson', 'John Vlissides'],
    1994,
    'Addison-Wesley',
    ['computer science', 'software engineering'],
  ),
  book('9780201835953', 'The Mythical Man-Month', ['Frederick P. Brooks Jr.'], 1975, 'Addison-Wesley', [
    'computer science',
    'software engineering',
    'management',
  ]),
  book(
    '9780262510875',
    'Structure and Interpretation of Computer Programs',
    ['Harold Abelson', 'Gerald Jay Sussman'],
    1985,
    'MIT Press',
    ['computer science', 'programming'],
  ),
  book(
    '9780131103627',
    'The C Programming Language',
    ['Brian W. Kernighan', 'Dennis M. Ritchie'],
    1978,
    'Prentice Hall',
    ['computer science', 'programming'],
  ),
  book(
    '9780262033848',
    'Introduction to Algorithms',
    ['Thomas H. Cormen', 'Charles E. Leiserson', 'Ronald L. Rivest', 'Clifford Stein'],
    1990,
    'MIT Press',
    ['computer science', 'algorithms'],
  ),
  book(
    '9780735611313',
    'Code: The Hidden Language of Computer Hardware and Software',
    ['Charles Petzold'],
    1999,
    'Microsoft Press',
    ['computer science'],
  ),
  book('9780201485677', 'Refactoring', ['Martin Fowler'], 1999, 'Addison-Wesley', [
    'computer science',
    'software engineering',
  ]),
  book('9780321125217', 'Domain-Driven Design', ['Eric Evans'], 2003, 'Addison-Wesley', [
    'computer science',
    'software engineering',
  ]),
  book('9781449373320', 'Designing Data-Intensive Applications', ['Martin Kleppmann'], 2017, "O'Reilly Media", [
    'computer science',
    'databases',
  ]),
  book('9780134494166', 'Clean Architecture', ['Robert C. Martin'], 2017, 'Prentice Hall', [
    'computer science',
    'software engineering',
  ]),
  book(
    '9780201896831',
    'The Art of Computer Programming, Volume 1: Fundamental Algorithms',
    ['Donald E. Knuth'],
    1968,
    'Addison-Wesley',
    ['computer science', 'algorithms'],
  ),
  book('9780131177055', 'Working Effectively with Legacy Code', ['Michael C. Feathers'], 2004, 'Prentice Hall', [
    'computer science',
    'software engineering',
  ]),
  book('9780321146533', 'Test Driven Development: By Example', ['Kent Beck'], 2002, 'Addison-Wesley', [
    'computer science',
    'software engineering',
  ]),
  book('9780596517748', 'JavaScript: The Good Parts', ['Douglas Crockford'], 2008, "O'Reilly Media", [
    'computer science',
    'programming',
  ]),
  book('9780321965516', "Don't Make Me Think, Revisited", ['Steve Krug'], 2000, 'New Riders', ['design', 'usability']),
  book('9780596006624', 'Hackers & Painters', ['Paul Graham'], 2004, "O'Reilly Media", ['essays', 'computer science']),
  book('9780321934116', 'Peopleware', ['Tom DeMarco', 'Timothy Lister'], 1987, 'Addison-Wesley', [
    'management',
    'software engineering',
  ]),
];
