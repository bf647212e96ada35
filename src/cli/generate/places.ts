/**
 * The places and funds a generated dataset is spread over: every city of the parser's gazetteer
 * (its provinces with cities; 台湾省 has none, 香港/澳门 publish no such reports), each with
 * 6–14 funds of its own, drawn once per seed so that a fund comes back year after year.
 */
import gazetteer from '../../parser/gazetteer.json';
import { Random, seedOf } from './random.ts';
import { FUND_AREAS, type FundArea } from './vocabulary.ts';

export interface Fund {
  /** The fund as its title prints it, without the city: `中小企业发展专项资金`. */
  name: string;
  area: FundArea;
  /** Its sub-funds or projects, one report each a year. */
  projects: string[];
  department: string;
  implementer: string;
}

export interface City {
  province: string;
  name: string;
  funds: Fund[];
}

const NO_REPORTS = new Set(['香港特别行政区', '澳门特别行政区', '台湾省']);

/** A stream of seeds apart from the reports' (whose indexes start at 0). */
const PLACES_STREAM = 0x40000000;

export function citiesOf(seed: number): City[] {
  const cities: City[] = [];
  for (const province of gazetteer.provinces) {
    if (NO_REPORTS.has(province.name)) continue;
    for (const city of province.cities) {
      const random = new Random(seedOf(seed, PLACES_STREAM + cities.length));
      cities.push({ province: province.name, name: city.name, funds: fundsOf(random) });
    }
  }
  return cities;
}

function fundsOf(random: Random): Fund[] {
  const funds: Fund[] = [];
  const names = new Set<string>();
  const wanted = random.int(6, 14);
  for (let tries = 0; funds.length < wanted && tries < 100; tries++) {
    const area = random.pick(FUND_AREAS);
    const name = random.pick(area.funds).replace('{}', random.pick(area.themes));
    if (names.has(name)) continue;
    names.add(name);
    const projects = new Set<string>();
    const projectCount = random.weighted([[1, 5], [2, 3], [3, 2], [4, 1]] as const);
    while (projects.size < projectCount) projects.add(random.pick(area.projects));
    funds.push({ name, area, projects: [...projects], department: random.pick(area.departments), implementer: random.pick(area.implementers) });
  }
  return funds;
}
