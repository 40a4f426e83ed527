/**
 * French names for the demo data: firms, people and their e-mail addresses, drawn from a seeded
 * stream of their own. The demo asks for a few dozen names; a faker built for that cost
 * `ledgersim start` about a tenth of its start-up (loading its locale tables, then warming up
 * its generators), for names a short list gives as well.
 */

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'Andre',
  'Lefevre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'Francois',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clement',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gerard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Noel',
  'Meyer',
  'Lucas',
  'Meunier',
  'Jean',
  'Perez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Marie',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Pierre',
  'Renard',
  'Arnaud',
  'Rolland',
  'Caron',
  'Aubert',
  'Giraud',
  'Leclerc',
  'Vidal',
  'Bourgeois',
  'Renaud',
  'Lemoine',
  'Picard',
  'Gaillard',
  'Philippe',
  'Leclercq',
  'Lacroix',
  'Fabre',
  'Dupuis',
] as const;

const FIRST_NAMES = [
  'Camille',
  'Louise',
  'Emma',
  'Chloé',
  'Manon',
  'Léa',
  'Inès',
  'Juliette',
  'Sarah',
  'Jeanne',
  'Hélène',
  'Nathalie',
  'Isabelle',
  'Sophie',
  'Claire',
  'Aurélie',
  'Céline',
  'Sandrine',
  'Valérie',
  'Élodie',
  'Lucas',
  'Hugo',
  'Louis',
  'Jules',
  'Arthur',
  'Gabriel',
  'Raphaël',
  'Léo',
  'Adam',
  'Nathan',
  'Nicolas',
  'Julien',
  'Thomas',
  'Antoine',
  'Mathieu',
  'Sébastien',
  'François',
  'Stéphane',
  'Olivier',
  'Benoît',
] as const;

/** Forms of French companies. */
const LEGAL_FORMS = ['SARL', 'SA', 'SAS', 'SASU', 'EURL', 'SNC', 'SCOP'] as const;

const MAIL_DOMAINS = ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'hotmail.fr', 'yahoo.fr', 'sfr.fr'] as const;

export interface FrenchNames {
  lastName(): string;
  /** First name and last name. */
  fullName(): string;
  /** "Dupont SARL", "Martin et Roux". */
  companyName(): string;
  /** "jeanne.dupont@free.fr": lower case, no accents. */
  email(): string;
}

/** Names drawn with `next` (a float in [0, 1)): the same stream gives the same names. */
export function createFrenchNames(next: () => number): FrenchNames {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const lastName = () => pick(LAST_NAMES);
  return {
    lastName,
    fullName: () => `${pick(FIRST_NAMES)} ${lastName()}`,
    companyName: () => (next() < 0.5 ? `${lastName()} ${pick(LEGAL_FORMS)}` : `${lastName()} et ${lastName()}`),
    email: () => {
      const local = `${pick(FIRST_NAMES)}.${lastName()}`;
      const number = next() < 0.5 ? '' : String(Math.floor(next() * 100));
      return `${ascii(local)}${number}@${pick(MAIL_DOMAINS)}`.toLowerCase();
    },
  };
}

/** "Hélène" → "Helene": what an e-mail address's local part holds. */
function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
