// Small exports in the header layouts each service writes, for the CSV pipeline tests.

export const GOODREADS_CSV = [
  'Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies',
  '1,Dune,Frank Herbert,"Herbert, Frank",,="0441478123",="9780441478125",5,4.25,Ace,Mass Market Paperback,896,1990,1965,2023/05/14,2023/01/02,,,read,"Loved it,\nespecially the worms.",,,1,0',
  '2,"Emma",Jane Austen,"Austen, Jane",,="",="",0,3.99,Penguin,Paperback,474,2003,1815,,2023/01/02,to-read,to-read (#1),to-read,,,,0,0',
  '3,Bad Isbn,Some One,"One, Some",,="0441478124",="",3,3.00,X,Paperback,1,2000,2000,,2023/01/02,,,read,,,,1,0',
].join('\r\n');

export const LIBRARYTHING_CSV = [
  '"Book Id","Title","Sort Character","Primary Author","Primary Author Role","Publication","Date","Rating","Collections","Date Read","ISBN"',
  '"101","The Left Hand of Darkness","1","Le Guin, Ursula K.","","Ace (1987), Edition: Reissue","1969","4.5","Your library, Favorites","2022-11-03","[0441478123]"',
].join('\n');

export const STORYGRAPH_CSV = [
  'Title,Authors,Contributors,ISBN/UID,Format,Read Status,Date Added,Last Date Read,Dates Read,Read Count,Star Rating,Review',
  'Piranesi,Susanna Clarke,,9781635575637,hardcover,read,2021/02/01,2021/03/04,2021/02/10-2021/03/04,1,4.75,',
  'Untracked,Someone,,sg-7f3a91,digital,to-read,2021/02/01,,,0,,',
].join('\n');
