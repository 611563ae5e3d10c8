/**
 * The bundled demo photographs and why each may be shipped. Mirrors public/demo/credits.json
 * (which the app fetches); the test in test/editor/credits.test.ts keeps the two in step.
 */
export interface DemoCredit {
  file: string;
  title: string;
  author: string;
  year: string;
  whyPublicDomain: string;
}

export const DEFAULT_DEMO = 'tetons-and-snake-river-1942.jpg';

export const DEMO_PHOTOS: DemoCredit[] = [
  {
    file: 'tetons-and-snake-river-1942.jpg',
    title: 'The Tetons and the Snake River, Grand Teton National Park',
    author:
      'Ansel Adams for the U.S. Department of the Interior (National Archives, Mural Project)',
    year: '1942',
    whyPublicDomain:
      'Federal commission, distributed by the National Archives without restriction (only the Mural Project photographs are public domain).',
  },
  {
    file: 'migrant-mother-1936.jpg',
    title: 'Migrant Mother, Nipomo, California',
    author: 'Dorothea Lange, Resettlement Administration (LOC FSA/OWI, LC-USF34-9058-C)',
    year: '1936',
    whyPublicDomain: 'U.S. government work (17 U.S.C. §105).',
  },
  {
    file: 'lincoln-portrait-1863.jpg',
    title: 'Abraham Lincoln, sitting of 8 November 1863',
    author: 'Alexander Gardner',
    year: '1863',
    whyPublicDomain: 'Published 1863; the author died in 1882.',
  },
  {
    file: 'louis-armstrong-gottlieb-1940s.jpg',
    title: 'Louis Armstrong (Gottlieb negative 09601)',
    author: 'William P. Gottlieb (LOC Gottlieb Collection)',
    year: '1938–48',
    whyPublicDomain: "Dedicated to the public domain by the author's wish, 2010.",
  },
  {
    file: 'powerhouse-mechanic-1920.jpg',
    title: 'Power house mechanic working on steam pump',
    author: 'Lewis W. Hine',
    year: '1920',
    whyPublicDomain: 'The author died in 1940; life + 70 years has expired.',
  },
  {
    file: 'newsies-st-louis-1910.jpg',
    title: "Newsies at Skeeter's Branch, St. Louis (sepia print)",
    author: 'Lewis W. Hine for the National Child Labor Committee (LOC)',
    year: '1910',
    whyPublicDomain: 'Published before 1929; LOC: no known restrictions.',
  },
  {
    file: 'valley-of-the-shadow-of-death-1855.jpg',
    title: 'The Valley of the Shadow of Death, Crimea',
    author: 'Roger Fenton',
    year: '1855',
    whyPublicDomain: 'Published 1855; the author died in 1869.',
  },
];
