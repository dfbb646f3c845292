// Validates catalog descriptor files the way the catalog does on ingestion:
// entity envelope, field formats, and the kind's own schema.
// Usage: node scripts/validate-catalog-info.mjs <file.yaml> [...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';

// The catalog model ships CommonJS; require it rather than guess its ESM shape.
const catalogModel = createRequire(import.meta.url)('@backstage/catalog-model');

const {
  EntityPolicies,
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} = catalogModel;

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

let problems = 0;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const [index, doc] of docs.entries()) {
    const where = `${file} document ${index + 1}`;
    try {
      if (doc.errors.length) throw doc.errors[0];
      const entity = await policy.enforce(doc.toJS());
      let known = false;
      for (const validator of kindValidators) {
        if (await validator.check(entity)) known = true;
      }
      if (!known) throw new Error(`unknown kind ${entity.kind}`);
    } catch (e) {
      problems += 1;
      console.error(`${where}: ${e.message}`);
    }
  }
  if (!problems) console.log(`${file}: valid (${docs.length} entities)`);
}
process.exit(problems ? 1 : 0);
