/**
 * Reference data for the demo: policy areas, entities, grades, function families and profiles,
 * duty locations and organisational-unit names, modelled on the Flemish administration.
 * Static facts only; the generator (generate.ts) turns them into rows with ids.
 */

export type EntityKind = "department" | "iva" | "iva_rp" | "eva";
export type Level = "A" | "B" | "C" | "D";

export const POLICY_AREAS: readonly { code: string; name: string }[] = [
  { code: "KBBJ", name: "Kanselarij, Bestuur, Buitenlandse Zaken en Justitie" },
  { code: "FB", name: "Financiën en Begroting" },
  { code: "WEWIS", name: "Werk, Economie, Wetenschap, Innovatie en Sociale Economie" },
  { code: "OV", name: "Onderwijs en Vorming" },
  { code: "WVG", name: "Welzijn, Volksgezondheid en Gezin" },
  { code: "CJSM", name: "Cultuur, Jeugd, Sport en Media" },
  { code: "MOW", name: "Mobiliteit en Openbare Werken" },
  { code: "OMG", name: "Omgeving" },
  { code: "LV", name: "Landbouw en Visserij" },
];

export interface EntityDef {
  code: string;
  name: string;
  type: EntityKind;
  policyArea: string;
  /** Employment relations in the full demo set. */
  relations: number;
  /** Employment relations in the small set; absent = not in the small set. */
  smallRelations?: number;
}

/** 28 entities, ~30,000 relations in all; the largest just under 3,000. */
export const ENTITIES: readonly EntityDef[] = [
  { code: "DKBUZA", name: "Departement Kanselarij en Buitenlandse Zaken", type: "department", policyArea: "KBBJ", relations: 520 },
  { code: "AGO", name: "Agentschap Overheidspersoneel", type: "iva", policyArea: "KBBJ", relations: 340, smallRelations: 170 },
  { code: "ADV", name: "Agentschap Digitaal Vlaanderen", type: "iva", policyArea: "KBBJ", relations: 780, smallRelations: 190 },
  { code: "HFB", name: "Agentschap Facilitair Bedrijf", type: "iva", policyArea: "KBBJ", relations: 1900, smallRelations: 130 },
  { code: "ABB", name: "Agentschap Binnenlands Bestuur", type: "iva", policyArea: "KBBJ", relations: 260, smallRelations: 90 },
  { code: "AJH", name: "Agentschap Justitie en Handhaving", type: "iva", policyArea: "KBBJ", relations: 1350, smallRelations: 110 },
  { code: "DFB", name: "Departement Financiën en Begroting", type: "department", policyArea: "FB", relations: 430, smallRelations: 240 },
  { code: "VLABEL", name: "Vlaamse Belastingdienst", type: "iva", policyArea: "FB", relations: 900, smallRelations: 100 },
  { code: "DEWI", name: "Departement Economie, Wetenschap en Innovatie", type: "department", policyArea: "WEWIS", relations: 460, smallRelations: 90 },
  { code: "DWSE", name: "Departement Werk en Sociale Economie", type: "department", policyArea: "WEWIS", relations: 410, smallRelations: 90 },
  { code: "VDAB", name: "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding", type: "eva", policyArea: "WEWIS", relations: 2950 },
  { code: "VLAIO", name: "Agentschap Innoveren en Ondernemen", type: "iva", policyArea: "WEWIS", relations: 480, smallRelations: 80 },
  { code: "DOV", name: "Departement Onderwijs en Vorming", type: "department", policyArea: "OV", relations: 1900 },
  { code: "AHOVOKS", name: "Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen", type: "iva", policyArea: "OV", relations: 510 },
  { code: "DWVG", name: "Departement Welzijn, Volksgezondheid en Gezin", type: "department", policyArea: "WVG", relations: 1040 },
  { code: "OPGROEIEN", name: "Agentschap Opgroeien", type: "eva", policyArea: "WVG", relations: 2100 },
  { code: "VAPH", name: "Vlaams Agentschap voor Personen met een Handicap", type: "iva_rp", policyArea: "WVG", relations: 310 },
  { code: "DCJM", name: "Departement Cultuur, Jeugd en Media", type: "department", policyArea: "CJSM", relations: 420 },
  { code: "SPORTVL", name: "Sport Vlaanderen", type: "iva_rp", policyArea: "CJSM", relations: 760, smallRelations: 80 },
  { code: "DMOW", name: "Departement Mobiliteit en Openbare Werken", type: "department", policyArea: "MOW", relations: 940 },
  { code: "AWV", name: "Agentschap Wegen en Verkeer", type: "iva", policyArea: "MOW", relations: 2950 },
  { code: "DVW", name: "De Vlaamse Waterweg", type: "eva", policyArea: "MOW", relations: 2150 },
  { code: "MDK", name: "Agentschap Maritieme Dienstverlening en Kust", type: "iva", policyArea: "MOW", relations: 1240 },
  { code: "DOMG", name: "Departement Omgeving", type: "department", policyArea: "OMG", relations: 1600, smallRelations: 290 },
  { code: "VMM", name: "Vlaamse Milieumaatschappij", type: "iva_rp", policyArea: "OMG", relations: 1120, smallRelations: 210 },
  { code: "ANB", name: "Agentschap Natuur en Bos", type: "iva", policyArea: "OMG", relations: 1010 },
  { code: "OVAM", name: "Openbare Vlaamse Afvalstoffenmaatschappij", type: "eva", policyArea: "OMG", relations: 520 },
  { code: "DLV", name: "Departement Landbouw en Visserij", type: "department", policyArea: "LV", relations: 650 },
];

export interface GradeDef {
  code: string;
  title: string;
  rank: string;
  level: Level;
  payScale: string;
  /** Relative weight for ordinary employees within the level; 0 = only for mandates. */
  weight: number;
}

export const GRADES: readonly GradeDef[] = [
  { code: "A1-ATT", title: "attaché", rank: "A1", level: "A", payScale: "A111", weight: 48 },
  { code: "A1-ADJ", title: "adjunct van de directeur", rank: "A1", level: "A", payScale: "A121", weight: 6 },
  { code: "A1-ING", title: "ingenieur", rank: "A1", level: "A", payScale: "A161", weight: 9 },
  { code: "A1-INF", title: "informaticus", rank: "A1", level: "A", payScale: "A171", weight: 8 },
  { code: "A2-ADV", title: "adviseur", rank: "A2", level: "A", payScale: "A211", weight: 18 },
  { code: "A2-DIR", title: "directeur", rank: "A2", level: "A", payScale: "A221", weight: 3 },
  { code: "A2E-EXP", title: "adviseur-expert", rank: "A2E", level: "A", payScale: "A231", weight: 5 },
  { code: "A2L-LEI", title: "leidinggevend adviseur", rank: "A2L", level: "A", payScale: "A241", weight: 3 },
  { code: "A2M-MAN", title: "manager (mandaat)", rank: "A2M", level: "A", payScale: "A251", weight: 0 },
  { code: "A2A-AFD", title: "afdelingshoofd", rank: "A2A", level: "A", payScale: "A261", weight: 0 },
  { code: "A3-AG", title: "administrateur-generaal", rank: "A3", level: "A", payScale: "A311", weight: 0 },
  { code: "A3-SG", title: "secretaris-generaal", rank: "A3", level: "A", payScale: "A321", weight: 0 },
  { code: "B1-DES", title: "deskundige", rank: "B1", level: "B", payScale: "B111", weight: 46 },
  { code: "B1-PRG", title: "programmeur", rank: "B1", level: "B", payScale: "B121", weight: 8 },
  { code: "B1-TDE", title: "technisch deskundige", rank: "B1", level: "B", payScale: "B131", weight: 10 },
  { code: "B2-HDE", title: "hoofddeskundige", rank: "B2", level: "B", payScale: "B211", weight: 24 },
  { code: "B3-SHD", title: "senior hoofddeskundige", rank: "B3", level: "B", payScale: "B311", weight: 12 },
  { code: "C1-MED", title: "medewerker", rank: "C1", level: "C", payScale: "C111", weight: 50 },
  { code: "C1-TEC", title: "technicus", rank: "C1", level: "C", payScale: "C121", weight: 15 },
  { code: "C2-HME", title: "hoofdmedewerker", rank: "C2", level: "C", payScale: "C211", weight: 25 },
  { code: "C3-SHM", title: "senior hoofdmedewerker", rank: "C3", level: "C", payScale: "C311", weight: 10 },
  { code: "D1-ASS", title: "assistent", rank: "D1", level: "D", payScale: "D111", weight: 45 },
  { code: "D1-TAS", title: "technisch assistent", rank: "D1", level: "D", payScale: "D121", weight: 20 },
  { code: "D2-HAS", title: "hoofdassistent", rank: "D2", level: "D", payScale: "D211", weight: 25 },
  { code: "D3-SHA", title: "senior hoofdassistent", rank: "D3", level: "D", payScale: "D311", weight: 10 },
];

/** Share of ordinary relations per level: about two thirds at level A or B. */
export const LEVEL_WEIGHTS: readonly (readonly [Level, number])[] = [
  ["A", 0.3],
  ["B", 0.36],
  ["C", 0.22],
  ["D", 0.12],
];

/** Grades held by mandate holders (the leidend ambtenaar gets A3, the others these). */
export const MANDATE_GRADE_WEIGHTS: readonly (readonly [string, number])[] = [
  ["A2A-AFD", 7],
  ["A2M-MAN", 3],
];
/** Lower grades a mandate holder falls back to ("terugvalpositie"). */
export const FALLBACK_GRADE_WEIGHTS: readonly (readonly [string, number])[] = [
  ["A1-ATT", 5],
  ["A2-ADV", 4],
  ["A2E-EXP", 1],
];

export const FUNCTION_FAMILIES: readonly { code: string; name: string }[] = [
  { code: "BEL", name: "Beleidsfuncties" },
  { code: "DOS", name: "Dossier- en gegevensbeheer" },
  { code: "ICT", name: "ICT en digitalisering" },
  { code: "FIN", name: "Financiën en boekhouding" },
  { code: "HRM", name: "Personeel en organisatie" },
  { code: "JUR", name: "Juridische functies" },
  { code: "COM", name: "Communicatie" },
  { code: "TEC", name: "Technische functies" },
  { code: "INS", name: "Inspectie en controle" },
  { code: "LEI", name: "Leidinggevende functies" },
  { code: "OND", name: "Onderzoek en analyse" },
  { code: "ADM", name: "Administratieve ondersteuning" },
  { code: "LOG", name: "Logistiek en facilitair beheer" },
  { code: "KLA", name: "Klantgerichte dienstverlening" },
  { code: "PRJ", name: "Project- en programmabeheer" },
];

/** Per family, its function titles by level ("A:title|title", ...). */
const PROFILE_TITLES: Record<string, Partial<Record<Level, string>>> = {
  BEL: {
    A: "beleidsadviseur|senior beleidsadviseur|beleidsmedewerker strategie|beleidsadviseur internationale samenwerking|beleidsadviseur Europese zaken|beleidsadviseur regelgeving|beleidscoördinator|beleidsadviseur duurzaamheid",
    B: "beleidsondersteuner|medewerker beleidsvoorbereiding|deskundige beleidsopvolging",
    C: "administratief medewerker beleid",
  },
  DOS: {
    A: "coördinator dossierbehandeling|informatie- en kennisbeheerder",
    B: "dossierbehandelaar|dossierbeheerder subsidies|dossierbeheerder vergunningen|gegevensbeheerder|archivaris-documentalist|deskundige registratie",
    C: "administratief dossierbeheerder|medewerker gegevensinvoer|medewerker archief|medewerker registratie",
    D: "assistent archief|assistent postverwerking",
  },
  ICT: {
    A: "enterprise architect|informatieanalist|ICT-projectleider|informatieveiligheidsadviseur|data-architect|product owner digitale dienstverlening",
    B: "programmeur|applicatiebeheerder|systeembeheerder|netwerkbeheerder|functioneel analist|testcoördinator|webontwikkelaar",
    C: "ICT-helpdeskmedewerker|medewerker werkplekbeheer",
  },
  FIN: {
    A: "financieel adviseur|begrotingsadviseur|controller|interne auditor|thesauriebeheerder",
    B: "boekhouder|deskundige begroting|deskundige overheidsopdrachten|deskundige facturatie|deskundige subsidiecontrole",
    C: "medewerker boekhouding|medewerker facturatie|medewerker aankoop",
  },
  HRM: {
    A: "HR-adviseur|HR-businesspartner|adviseur organisatieontwikkeling|adviseur welzijn op het werk|loopbaanbegeleider|adviseur rekrutering en selectie",
    B: "HR-consulent|deskundige personeelsadministratie|deskundige loonadministratie|deskundige vorming en opleiding|preventieadviseur",
    C: "medewerker personeelsadministratie|medewerker loonadministratie",
  },
  JUR: {
    A: "jurist|juridisch adviseur|jurist overheidsopdrachten|jurist geschillen en beroep|jurist regelgeving|functionaris voor gegevensbescherming",
    B: "juridisch deskundige|deskundige juridische ondersteuning",
    C: "medewerker juridische administratie",
  },
  COM: {
    A: "communicatieadviseur|woordvoerder|adviseur interne communicatie|eindredacteur|adviseur digitale communicatie",
    B: "communicatiedeskundige|webredacteur|grafisch vormgever|eventcoördinator|vertaler",
    C: "medewerker communicatie|medewerker onthaal en evenementen",
  },
  TEC: {
    A: "ingenieur wegen|ingenieur waterbouw|ingenieur milieu|projectingenieur|ingenieur elektromechanica",
    B: "technisch deskundige|werftoezichter|landmeter-expert|technisch tekenaar|deskundige elektromechanica",
    C: "technicus|technicus onderhoud|technicus meetnet|labotechnicus",
    D: "technisch assistent|wegenwerker|sluiswachter|brugwachter|onderhoudsmedewerker groen",
  },
  INS: {
    A: "inspecteur|milieu-inspecteur|onderwijsinspecteur|controleur-auditor|coördinator handhaving",
    B: "controleur|toezichthouder|handhavingsdeskundige|deskundige kwaliteitscontrole",
    C: "medewerker controle|medewerker handhaving",
  },
  LEI: {
    A: "leidend ambtenaar|afdelingshoofd|teamleider beleid|diensthoofd|programmamanager|teamcoach",
    B: "teamverantwoordelijke|coördinator dienstverlening",
    C: "ploegbaas|ploegleider",
  },
  OND: {
    A: "wetenschappelijk onderzoeker|statisticus|data-analist|beleidsonderzoeker|econoom|ruimtelijk planner|bioloog|ecoloog",
    B: "onderzoeksdeskundige|GIS-deskundige|deskundige datakwaliteit|deskundige monitoring",
    C: "laboratoriummedewerker|medewerker metingen",
  },
  ADM: {
    B: "directieassistent|managementassistent|deskundige secretariaat|deskundige planning",
    C: "administratief medewerker|secretariaatsmedewerker|medewerker planning|medewerker documentbeheer|medewerker vertaalondersteuning",
    D: "administratief assistent|assistent secretariaat|assistent postdienst|assistent reprografie",
  },
  LOG: {
    A: "facilitair manager|adviseur huisvesting",
    B: "facilitair deskundige|deskundige gebouwenbeheer|deskundige vlootbeheer",
    C: "medewerker logistiek|medewerker gebouwenbeheer|magazijnier|meestergast",
    D: "schoonmaker|keukenmedewerker|logistiek assistent|chauffeur|bode|conciërge",
  },
  KLA: {
    A: "adviseur klantenbeleid|coördinator klantencontact",
    B: "klantenadviseur|consulent dienstverlening|trajectbegeleider|bemiddelaar werk|loketdeskundige",
    C: "medewerker klantencontact|contactcentermedewerker|onthaalmedewerker",
    D: "onthaalassistent|telefonist",
  },
  PRJ: {
    A: "projectleider|programmaleider|projectcoördinator|veranderingsmanager|procesanalist|kwaliteitscoördinator",
    B: "projectmedewerker|procesdeskundige|deskundige projectopvolging",
    C: "medewerker projectadministratie",
  },
};

export interface FunctionProfileDef {
  code: string;
  title: string;
  family: string;
  level: Level;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** About 200 profiles, coded FP-<level>-<family number><item number>, e.g. FP-B-0305. */
export const FUNCTION_PROFILES: readonly FunctionProfileDef[] = FUNCTION_FAMILIES.flatMap((family, f) => {
  const byLevel = PROFILE_TITLES[family.code] ?? {};
  const titles = (["A", "B", "C", "D"] as const).flatMap((level) =>
    (byLevel[level] ?? "").split("|").filter(Boolean).map((title) => ({ level, title })),
  );
  return titles.map(({ level, title }, i) => ({
    code: `FP-${level}-${String(f + 1).padStart(2, "0")}${String(i + 1).padStart(2, "0")}`,
    title: capitalise(title),
    family: family.code,
    level,
  }));
});

export const DUTY_LOCATIONS: readonly { code: string; name: string; municipality: string }[] = [
  { code: "BRU-HTG", name: "Herman Teirlinckgebouw", municipality: "Brussel" },
  { code: "BRU-BOU", name: "Boudewijngebouw", municipality: "Brussel" },
  { code: "BRU-ARE", name: "Arenberggebouw", municipality: "Brussel" },
  { code: "BRU-HCG", name: "Hendrik Consciencegebouw", municipality: "Brussel" },
  { code: "BRU-ELL", name: "Ellipsgebouw", municipality: "Brussel" },
  { code: "BRU-PHO", name: "Phoenixgebouw", municipality: "Brussel" },
  { code: "GNT-VLG", name: "Virginie Lovelinggebouw", municipality: "Gent" },
  { code: "GNT-ZPT", name: "Zuiderpoort", municipality: "Gent" },
  { code: "ANT-ABG", name: "Anna Bijnsgebouw", municipality: "Antwerpen" },
  { code: "ANT-TAV", name: "Tavernierkaai", municipality: "Antwerpen" },
  { code: "HAS-HVV", name: "Hendrik van Veldekegebouw", municipality: "Hasselt" },
  { code: "BRG-JVM", name: "Jacob van Maerlantgebouw", municipality: "Brugge" },
  { code: "LEU-DSP", name: "Diestsepoort", municipality: "Leuven" },
  { code: "AAL-DMG", name: "Dirk Martensgebouw", municipality: "Aalst" },
  { code: "MEC-VKM", name: "Vaartkom", municipality: "Mechelen" },
  { code: "KOR-KNP", name: "Kennedypark", municipality: "Kortrijk" },
  { code: "TUR-BLA", name: "Campus Blairon", municipality: "Turnhout" },
  { code: "OST-VHS", name: "Vrijhavenstraat", municipality: "Oostende" },
  { code: "SNK-MCP", name: "Mercatorpark", municipality: "Sint-Niklaas" },
  { code: "GNK-CMI", name: "C-Mine", municipality: "Genk" },
];

/** Divisions ("afdelingen") every entity may have. */
export const GENERIC_DIVISIONS: readonly string[] = [
  "Personeel en Organisatie", "Budget en Financieel Beheer", "Beleidsondersteuning", "ICT en Digitalisering",
  "Communicatie", "Juridische Dienstverlening", "Data en Analyse", "Facilitair Beheer", "Strategie en Kennis",
  "Interne Controle", "Klantendienst", "Projecten en Programma's",
];

/** Divisions typical of the entity's policy area. */
export const AREA_DIVISIONS: Record<string, readonly string[]> = {
  KBBJ: ["Internationale Relaties", "Lokale Besturen", "Justitiehuizen", "Personeelsbeleid", "Digitale Dienstverlening", "Gebouwenbeheer"],
  FB: ["Begroting", "Boekhouding", "Thesaurie", "Fiscaliteit", "Inning en Invordering", "Financiële Audit"],
  WEWIS: ["Arbeidsbemiddeling", "Opleiding", "Innovatiesteun", "Sociale Economie", "Wetenschapsbeleid", "Ondernemerschap"],
  OV: ["Leerplicht en Onderwijsorganisatie", "Hoger Onderwijs", "Studietoelagen", "Kwalificaties", "Onderwijspersoneel", "Scholenbouw"],
  WVG: ["Kinderopvang", "Preventieve Gezondheidszorg", "Jeugdhulp", "Woonzorg", "Zorgberoepen", "Gezinsondersteuning"],
  CJSM: ["Kunsten en Erfgoed", "Jeugd", "Media", "Sportinfrastructuur", "Topsport", "Sociaal-cultureel Werk"],
  MOW: ["Wegenbouwkunde", "Verkeerscentrum", "Wegen en Verkeer Antwerpen", "Waterwegen", "Scheepvaartbegeleiding", "Haven- en Waterbeleid"],
  OMG: ["Omgevingsvergunningen", "Lucht en Klimaat", "Water", "Natuur en Bos", "Bodembeheer", "Ruimtelijke Planning"],
  LV: ["Landbouwbeleid", "Visserij", "Plattelandsontwikkeling", "Markt- en Inkomensbeheer", "Duurzame Landbouw", "Controle en Certificatie"],
};

/** Teams inside a division. */
export const TEAM_NAMES: readonly string[] = [
  "Personeel", "Boekhouding", "Aankoop", "Onthaal", "Dossierbeheer", "Data", "Applicatiebeheer", "Communicatie",
  "Juridisch Advies", "Planning", "Kwaliteit", "Regio Oost-Vlaanderen", "Regio West-Vlaanderen", "Regio Antwerpen",
  "Regio Limburg", "Regio Vlaams-Brabant", "Logistiek", "Controle", "Subsidiebeheer", "Rapportering", "Beleidsvoorbereiding",
  "Klantencontact", "Vergunningen", "Monitoring",
];
