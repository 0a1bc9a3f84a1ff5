// Offline catalogue: Contemporary and modern literary fiction.
// ISBN-13s of well-known editions, each checksum-verified by test; `unsure` marks an edition
// recalled with less confidence (checksum-valid, but it may name another printing or format).
import { book, type CatalogueBook } from './catalogue-book';

export const LITERARY_FICTION: readonly CatalogueBook[] = [
  book('9780679731726', 'The Remains of the Day', ['Kazuo Ishiguro'], 1989, 'Vintage', ['literary fiction']),
  book('9781400078776', 'Never Let Me Go', ['Kazuo Ishiguro'], 2005, 'Vintage', [
    'literary fiction',
    'science fiction',
  ]),
  book('9780593318171', 'Klara and the Sun', ['Kazuo Ishiguro'], 2021, 'Knopf', [
    'literary fiction',
    'science fiction',
  ]),
  book('9780385721790', 'Atonement', ['Ian McEwan'], 2001, 'Anchor', ['literary fiction', 'historical fiction']),
  book('9780307387899', 'The Road', ['Cormac McCarthy'], 2006, 'Vintage', ['literary fiction', 'post-apocalyptic']),
  book('9780679728757', 'Blood Meridian', ['Cormac McCarthy'], 1985, 'Vintage', ['literary fiction', 'western']),
  book('9780375706677', 'No Country for Old Men', ['Cormac McCarthy'], 2005, 'Vintage', ['literary fiction', 'crime']),
  book('9781594631931', 'The Kite Runner', ['Khaled Hosseini'], 2003, 'Riverhead', [
    'literary fiction',
    'historical fiction',
  ]),
  book('9781594483851', 'A Thousand Splendid Suns', ['Khaled Hosseini'], 2007, 'Riverhead', [
    'literary fiction',
    'historical fiction',
  ]),
  book('9780156027328', 'Life of Pi', ['Yann Martel'], 2001, 'Harcourt', ['literary fiction', 'adventure']),
  book('9780375842207', 'The Book Thief', ['Markus Zusak'], 2005, 'Knopf', ['historical fiction', 'young adult']),
  book('9780425232200', 'The Help', ['Kathryn Stockett'], 2009, 'Berkley', ['historical fiction'], 'unsure'),
  book('9780312421274', 'The Corrections', ['Jonathan Franzen'], 2001, 'Picador', ['literary fiction']),
  book('9780375703867', 'White Teeth', ['Zadie Smith'], 2000, 'Vintage', ['literary fiction']),
  book(
    '9780812979657',
    'The God of Small Things',
    ['Arundhati Roy'],
    1997,
    'Random House',
    ['literary fiction'],
    'unsure',
  ),
  book('9780812976533', "Midnight's Children", ['Salman Rushdie'], 1981, 'Random House', [
    'literary fiction',
    'magical realism',
  ]),
  book('9780312429980', 'Wolf Hall', ['Hilary Mantel'], 2009, 'Picador', ['historical fiction']),
  book('9781250024176', 'Bring Up the Bodies', ['Hilary Mantel'], 2012, 'Picador', ['historical fiction']),
  book('9780812983586', 'The Amazing Adventures of Kavalier & Clay', ['Michael Chabon'], 2000, 'Random House', [
    'literary fiction',
  ]),
  book('9780312422158', 'Middlesex', ['Jeffrey Eugenides'], 2002, 'Picador', ['literary fiction']),
  book('9780312428815', 'The Virgin Suicides', ['Jeffrey Eugenides'], 1993, 'Picador', ['literary fiction']),
  book('9781594483295', 'The Brief Wondrous Life of Oscar Wao', ['Junot Díaz'], 2007, 'Riverhead', [
    'literary fiction',
  ]),
  book('9780307477477', 'A Visit from the Goon Squad', ['Jennifer Egan'], 2010, 'Anchor', ['literary fiction']),
  book('9780345804327', 'The Underground Railroad', ['Colson Whitehead'], 2016, 'Anchor', ['historical fiction']),
  book('9780345804341', 'The Nickel Boys', ['Colson Whitehead'], 2019, 'Anchor', ['historical fiction']),
  book('9780307455925', 'Americanah', ['Chimamanda Ngozi Adichie'], 2013, 'Anchor', ['literary fiction']),
  book('9781400095209', 'Half of a Yellow Sun', ['Chimamanda Ngozi Adichie'], 2006, 'Anchor', [
    'historical fiction',
    'war',
  ]),
  book('9781984822185', 'Normal People', ['Sally Rooney'], 2018, 'Hogarth', ['literary fiction', 'romance']),
  book('9780804172707', 'A Little Life', ['Hanya Yanagihara'], 2015, 'Anchor', ['literary fiction']),
  book('9780812985405', 'Lincoln in the Bardo', ['George Saunders'], 2017, 'Random House', [
    'literary fiction',
    'historical fiction',
  ]),
  book('9780393356687', 'The Overstory', ['Richard Powers'], 2018, 'W. W. Norton', ['literary fiction', 'nature']),
  book('9781455563920', 'Pachinko', ['Min Jin Lee'], 2017, 'Grand Central', ['historical fiction']),
  book('9780735219090', 'Where the Crawdads Sing', ['Delia Owens'], 2018, "G. P. Putnam's Sons", [
    'literary fiction',
    'mystery',
  ]),
  book('9780307744432', 'The Night Circus', ['Erin Morgenstern'], 2011, 'Anchor', ['fantasy', 'romance']),
  book('9781476746586', 'All the Light We Cannot See', ['Anthony Doerr'], 2014, 'Scribner', [
    'historical fiction',
    'war',
  ]),
  book('9780143127550', 'Everything I Never Told You', ['Celeste Ng'], 2014, 'Penguin Books', ['literary fiction']),
  book('9780525536291', 'The Vanishing Half', ['Brit Bennett'], 2020, 'Riverhead', ['literary fiction']),
  book('9780316556347', 'Circe', ['Madeline Miller'], 2018, 'Little, Brown', ['fantasy', 'mythology']),
  book('9780062060624', 'The Song of Achilles', ['Madeline Miller'], 2011, 'Ecco', [
    'historical fiction',
    'mythology',
    'lgbtq',
  ]),
  book('9781501161933', 'The Seven Husbands of Evelyn Hugo', ['Taylor Jenkins Reid'], 2017, 'Atria', [
    'historical fiction',
    'lgbtq',
  ]),
  book('9781476738024', 'A Man Called Ove', ['Fredrik Backman'], 2012, 'Atria', ['literary fiction', 'humor']),
  book('9780062315007', 'The Alchemist', ['Paulo Coelho'], 1988, 'HarperOne', ['fiction', 'philosophy']),
  book('9780375704024', 'Norwegian Wood', ['Haruki Murakami'], 1987, 'Vintage', [
    'literary fiction',
    'japanese literature',
  ]),
  book('9781400079278', 'Kafka on the Shore', ['Haruki Murakami'], 2002, 'Vintage', [
    'literary fiction',
    'magical realism',
  ]),
  book('9780679775430', 'The Wind-Up Bird Chronicle', ['Haruki Murakami'], 1994, 'Vintage', [
    'literary fiction',
    'magical realism',
  ]),
  book('9780307476463', '1Q84', ['Haruki Murakami'], 2009, 'Vintage', ['literary fiction', 'magical realism']),
  book('9780375507250', 'Cloud Atlas', ['David Mitchell'], 2004, 'Random House', [
    'literary fiction',
    'science fiction',
  ]),
  book('9780312424404', 'Gilead', ['Marilynne Robinson'], 2004, 'Picador', ['literary fiction']),
  book('9780312424091', 'Housekeeping', ['Marilynne Robinson'], 1980, 'Picador', ['literary fiction']),
  book('9780316066525', 'Infinite Jest', ['David Foster Wallace'], 1996, 'Little, Brown', [
    'literary fiction',
    'postmodernism',
  ]),
  book('9780140283303', 'White Noise', ['Don DeLillo'], 1985, 'Penguin Books', ['literary fiction', 'postmodernism']),
  book('9780684848150', 'Underworld', ['Don DeLillo'], 1997, 'Scribner', ['literary fiction'], 'unsure'),
  book('9780143039945', "Gravity's Rainbow", ['Thomas Pynchon'], 1973, 'Penguin Books', [
    'literary fiction',
    'postmodernism',
  ]),
  book('9780060913076', 'The Crying of Lot 49', ['Thomas Pynchon'], 1966, 'Harper Perennial', [
    'literary fiction',
    'postmodernism',
  ]),
  book('9780156007757', 'Blindness', ['José Saramago'], 1995, 'Harcourt', ['literary fiction']),
  book('9780156439619', "If on a Winter's Night a Traveler", ['Italo Calvino'], 1979, 'Harcourt', [
    'literary fiction',
    'postmodernism',
  ]),
  book('9780156453806', 'Invisible Cities', ['Italo Calvino'], 1972, 'Harcourt', ['literary fiction']),
  book('9780060932138', 'The Unbearable Lightness of Being', ['Milan Kundera'], 1984, 'Harper Perennial', [
    'literary fiction',
    'philosophy',
  ]),
  book('9780143034902', 'The Shadow of the Wind', ['Carlos Ruiz Zafón'], 2001, 'Penguin Books', [
    'mystery',
    'historical fiction',
  ]),
  book('9780060786502', 'The Poisonwood Bible', ['Barbara Kingsolver'], 1998, 'Harper Perennial', [
    'literary fiction',
    'historical fiction',
  ]),
  book('9780063251922', 'Demon Copperhead', ['Barbara Kingsolver'], 2022, 'Harper', ['literary fiction']),
  book('9781439195260', 'Lonesome Dove', ['Larry McMurtry'], 1985, 'Simon & Schuster', [
    'western',
    'historical fiction',
  ]),
  book('9780393355949', 'Fight Club', ['Chuck Palahniuk'], 1996, 'W. W. Norton', ['literary fiction'], 'unsure'),
  book('9780679735779', 'American Psycho', ['Bret Easton Ellis'], 1991, 'Vintage', ['literary fiction', 'horror']),
  book('9781400031702', 'The Secret History', ['Donna Tartt'], 1992, 'Vintage', ['literary fiction', 'mystery']),
  book('9780316055437', 'The Goldfinch', ['Donna Tartt'], 2013, 'Little, Brown', ['literary fiction']),
  book('9780143038092', 'The Joy Luck Club', ['Amy Tan'], 1989, 'Penguin Books', ['literary fiction']),
  book('9780679734772', 'The House on Mango Street', ['Sandra Cisneros'], 1984, 'Vintage', [
    'literary fiction',
    'coming of age',
  ]),
  book('9780143104919', 'Ceremony', ['Leslie Marmon Silko'], 1977, 'Penguin Books', [
    'literary fiction',
    'native american literature',
  ]),
  book('9780374530716', "Sophie's World", ['Jostein Gaarder'], 1991, 'Farrar, Straus and Giroux', [
    'philosophy',
    'fiction',
  ]),
  book('9780156035217', 'The Princess Bride', ['William Goldman'], 1973, 'Harcourt', ['fantasy', 'adventure', 'humor']),
  book('9780156030304', 'Flowers for Algernon', ['Daniel Keyes'], 1966, 'Harcourt', ['science fiction', 'classics']),
  book('9780440212560', 'Outlander', ['Diana Gabaldon'], 1991, 'Dell', ['historical fiction', 'romance']),
  book('9780451166890', 'The Pillars of the Earth', ['Ken Follett'], 1989, 'Signet', ['historical fiction'], 'unsure'),
];
