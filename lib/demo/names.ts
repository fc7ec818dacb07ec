/**
 * Flemish first and last names for the demo personnel. The most common surnames come first:
 * the generator draws from the head of the list more often, the way real personnel lists look.
 */

export const FIRST_NAMES: readonly string[] = [
  // women
  "An", "Anja", "Ann", "Anneleen", "Annelies", "Anouk", "Astrid", "Bieke", "Birgit", "Britt",
  "Caroline", "Charlotte", "Chloé", "Christel", "Dominique", "Elien", "Elke", "Ellen", "Els", "Emma",
  "Evelien", "Eva", "Fien", "Greet", "Griet", "Hanne", "Heidi", "Hilde", "Ilse", "Ine",
  "Inge", "Ingrid", "Isabelle", "Jana", "Jolien", "Julie", "Karen", "Katrien", "Kathleen", "Kim",
  "Kristien", "Lien", "Lieve", "Lisa", "Lore", "Lotte", "Louise", "Marie", "Marijke", "Marleen",
  "Martine", "Mieke", "Nathalie", "Nele", "Nina", "Paulien", "Rita", "Saar", "Sara", "Sarah",
  "Silke", "Sofie", "Stefanie", "Tine", "Valerie", "Veerle", "Vera", "Wendy", "Yasmine", "Zoë",
  "Amira", "Fatima", "Leen", "Liesbeth", "Mathilde", "Noor", "Roos", "Sien", "Tinne", "Elise",
  // men
  "Arne", "Bart", "Ben", "Bert", "Bram", "Christophe", "Dirk", "Dieter", "Eddy", "Erik",
  "Filip", "Frank", "Frederik", "Geert", "Gert", "Glenn", "Hans", "Jan", "Jasper", "Jens",
  "Jeroen", "Joachim", "Johan", "Joris", "Jurgen", "Karel", "Kevin", "Koen", "Kris", "Kristof",
  "Lars", "Lieven", "Luc", "Maarten", "Marc", "Mathias", "Michiel", "Nick", "Niels", "Olivier",
  "Patrick", "Peter", "Philippe", "Pieter", "Raf", "Robbe", "Robin", "Ruben", "Rudi", "Seppe",
  "Simon", "Sam", "Stef", "Steven", "Stijn", "Thomas", "Tim", "Tom", "Tuur", "Vincent",
  "Ward", "Wim", "Wout", "Xavier", "Yannick", "Youssef", "Mohamed", "Ayoub", "Hamza", "Wannes",
];

export const LAST_NAMES: readonly string[] = [
  // the most frequent Flemish surnames
  "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
  "Dubois", "Hermans", "Aerts", "Lambrechts", "Martens", "Dumont", "Pauwels", "Van den Bossche", "Michiels", "Desmet",
  "Verhoeven", "Leclercq", "Vermeulen", "Van de Velde", "Smets", "Claeys", "Declercq", "Wuyts", "Cools", "Van Damme",
  // and many more
  "Baert", "Baeten", "Beckers", "Bogaert", "Bogaerts", "Boonen", "Bosmans", "Bracke", "Buyse", "Callens",
  "Coppens", "Cornelis", "Daems", "De Backer", "De Bruyne", "De Clercq", "De Cock", "De Coninck", "De Grave", "De Groote",
  "De Jonghe", "De Keyser", "De Meyer", "De Pauw", "De Ridder", "De Vos", "De Wilde", "De Witte", "Decoster", "Deprez",
  "Dewulf", "D'hondt", "Engelen", "Geerts", "Gielen", "Goethals", "Govaerts", "Heylen", "Hendrickx", "Huybrechts",
  "Jans", "Kerkhofs", "Laenen", "Lemmens", "Leysen", "Luyten", "Mattheus", "Meeus", "Mortier", "Moens",
  "Nijs", "Nuyts", "Op de Beeck", "Pieters", "Raes", "Roels", "Schepers", "Segers", "Sels", "Stevens",
  "Swinnen", "Timmermans", "Thys", "Van Acker", "Van Dyck", "Van Hecke", "Van Hoof", "Van Laere", "Van Looy", "Van Rompaey",
  "Vandenberghe", "Vanderstraeten", "Vanhoutte", "Vanneste", "Verbeke", "Verbruggen", "Vercammen", "Verhaegen", "Verlinden", "Vermeiren",
  "Verschueren", "Verstraete", "Vervoort", "Wauters", "Weyns", "Wijns", "Van Steen", "Van Goethem", "Van Aelst", "Vandamme",
  "Bauwens", "Beerens", "Bols", "Broeckx", "Celis", "Claessens", "Cuypers", "De Mey", "Dierckx", "Dockx",
  "Dhaene", "Everaert", "Francken", "Geens", "Gysels", "Hoste", "Impens", "Keersmaekers", "Lauwers", "Lenaerts",
  "Loos", "Mariën", "Neyens", "Noppe", "Pattyn", "Ramaekers", "Reynders", "Rombouts", "Ryckaert", "Stroobants",
  "Tielemans", "Torfs", "Truyen", "Van Camp", "Van der Linden", "Van Gorp", "Vandekerckhove", "Vanhove", "Verheyen", "Wellens",
  "El Amrani", "Benali", "Yilmaz", "Kaya", "Nowak", "Kowalski", "Haddad", "Diallo", "Rossi", "Garcia",
];

/** How many of the first surnames count as "very common". */
export const COMMON_LAST_NAME_COUNT = 30;
