// Kaoto's catalog with the project's components and Kamelets in it, generated from the built catalogs (the
// camel-package-maven-plugin's bigin.json and zohocrm.json) and the Kamelet files: Kaoto's stock Camel Main catalog of
// @kaoto/camel-catalog, whose components and Kamelets files get the project's entries beside the stock ones, written
// under public/catalog/ (not kept in git: every build writes it again).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..', '..');
const stockRoot = join(here, '..', 'node_modules', '@kaoto', 'camel-catalog', 'dist', 'camel-catalog');
export const STOCK = 'camel-main/4.14.0';
export const CATALOG_NAME = 'Camel Main 4.14.0 with camel-bigin';

export const COMPONENT_FILES = [
  join(project, 'camel-bigin-component/src/generated/resources/META-INF/io/github/camelbigin/component/bigin.json'),
  join(project, 'camel-zohocrm-component/src/generated/resources/META-INF/io/github/camelbigin/zohocrm/zohocrm.json'),
];
export const KAMELETS_DIR = join(project, 'camel-bigin-kamelets/src/main/resources/kamelets');

/** A component option as a JSON Schema (draft-07) property, the way Kaoto's stock catalog writes them. */
function schemaProperty(option) {
  const p = { title: option.displayName, description: option.description };
  switch (option.type) {
    case 'boolean':
    case 'integer':
    case 'number':
    case 'array':
    case 'string':
      p.type = option.type;
      break;
    case 'duration':
      p.type = 'string';
      p.format = 'duration';
      break;
    default: // object: a bean reference, or a map of values
      p.type = option.javaType && option.javaType.startsWith('java.util.Map') ? 'object' : 'string';
      if (p.type === 'string') {
        p.format = `bean:${option.javaType}`;
      }
  }
  if (option.type === 'array') {
    p.items = { type: 'string' };
  }
  if (option.enum) {
    p.enum = option.enum;
  }
  p.$comment = `group:${option.group}`;
  if (option.secret) {
    p.format = 'password';
  }
  if (option.defaultValue !== undefined && option.defaultValue !== null && option.defaultValue !== '') {
    p.default = option.defaultValue;
  }
  return p;
}

/** Kaoto's entry of a component: the generated catalog as it is, and its endpoint options as a JSON Schema. */
export function componentEntry(catalog) {
  const properties = {};
  const required = [];
  for (const [name, option] of Object.entries(catalog.properties)) {
    properties[name] = schemaProperty(option);
    if (option.required) {
      required.push(name);
    }
  }
  return {
    component: catalog.component,
    componentProperties: catalog.componentProperties,
    headers: catalog.headers,
    properties: catalog.properties,
    propertiesSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties, required },
  };
}

export function projectComponents() {
  const entries = {};
  for (const file of COMPONENT_FILES) {
    const catalog = JSON.parse(readFileSync(file, 'utf8'));
    entries[catalog.component.name] = componentEntry(catalog);
  }
  return entries;
}

export function projectKamelets() {
  const kamelets = {};
  for (const file of readdirSync(KAMELETS_DIR).filter((f) => f.endsWith('.kamelet.yaml')).sort()) {
    const kamelet = yaml.load(readFileSync(join(KAMELETS_DIR, file), 'utf8'));
    kamelets[kamelet.metadata.name] = kamelet;
  }
  return kamelets;
}

function write(out) {
  rmSync(out, { recursive: true, force: true });
  const target = join(out, STOCK + '-camel-bigin');
  mkdirSync(target, { recursive: true });
  const stockDir = join(stockRoot, STOCK);
  cpSync(stockDir, target, { recursive: true });
  const indexFile = readdirSync(stockDir).find((f) => f.startsWith('index-'));
  const index = JSON.parse(readFileSync(join(stockDir, indexFile), 'utf8'));

  const components = JSON.parse(readFileSync(join(stockDir, index.catalogs.components.file), 'utf8'));
  Object.assign(components, projectComponents());
  writeFileSync(join(target, 'components-camel-bigin.json'), JSON.stringify(components));
  index.catalogs.components.file = 'components-camel-bigin.json';

  const kamelets = JSON.parse(readFileSync(join(stockDir, index.catalogs.kamelets.file), 'utf8'));
  Object.assign(kamelets, projectKamelets());
  writeFileSync(join(target, 'kamelets-camel-bigin.json'), JSON.stringify(kamelets));
  index.catalogs.kamelets.file = 'kamelets-camel-bigin.json';

  index.name = CATALOG_NAME;
  writeFileSync(join(target, 'index.json'), JSON.stringify(index, null, 2));
  const definition = { name: CATALOG_NAME, version: index.version, runtime: 'Main', fileName: `${STOCK}-camel-bigin/index.json` };
  writeFileSync(join(out, 'index.json'), JSON.stringify({ definitions: [definition] }, null, 2));
  return definition;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(here, '..', 'public', 'catalog');
  const definition = write(out);
  const components = Object.keys(projectComponents());
  const kamelets = Object.keys(projectKamelets());
  console.log(`Kaoto catalog "${definition.name}" in ${out}: components ${components.join(', ')}; Kamelets ${kamelets.join(', ')}`);
  if (!existsSync(join(out, definition.fileName))) {
    process.exit(1);
  }
}
