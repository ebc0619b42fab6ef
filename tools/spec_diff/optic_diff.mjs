// Compare OpenAPI documents with Optic's engine and print the result as JSON.
//
//   node tools/spec_diff/optic_diff.mjs BEFORE AFTER [BEFORE AFTER ...]
//
// For each pair: Optic parses and dereferences both files (@useoptic/openapi-io), lists every
// difference (compareSpecs of @useoptic/openapi-utilities) and runs its standard
// breaking-changes ruleset (@useoptic/standard-rulesets) on them, the same engine as
// `optic diff --check` without the CLI's telemetry and cloud client. Printed on stdout:
// [{"before": doc, "after": doc, "diffs": [...], "failures": [...]}, ...], the documents
// dereferenced as Optic saw them, so the Python side reads the same JSON pointers. A file that
// cannot be read or is not OpenAPI 3 prints one line on stderr and exits 2.
import { checkOpenAPIVersion, denormalize, parseOpenAPIWithSourcemap, validateOpenApiV3Document } from "@useoptic/openapi-io";
import { compareSpecs } from "@useoptic/openapi-utilities";
import { RuleRunner } from "@useoptic/rulesets-base";
import { BreakingChangesRuleset } from "@useoptic/standard-rulesets";

async function load(path) {
  const parsed = await parseOpenAPIWithSourcemap(path);
  const version = checkOpenAPIVersion(parsed.jsonLike);
  if (version !== "3.0.x" && version !== "3.1.x") {
    throw new Error(`${path} is OpenAPI ${version}; only 3.0 and 3.1 are compared`);
  }
  validateOpenApiV3Document(parsed.jsonLike, parsed.sourcemap, { strictOpenAPI: false });
  const warnings = [];
  return { ...denormalize({ ...parsed, version }, version, warnings), version, isEmptySpec: false };
}

async function compare(beforePath, afterPath) {
  const [before, after] = [await load(beforePath), await load(afterPath)];
  // Constructed directly, the ruleset has no `skip_when_major_version_changes`: every rule
  // runs whatever the versions say, since the Python side judges the bump itself.
  const runner = new RuleRunner([new BreakingChangesRuleset()]);
  const { diffs, results } = await compareSpecs(before, after, runner, {});
  const failures = results
    .filter((result) => !result.passed && !result.exempted)
    .map(({ name, where, error, location }) => ({ rule: name, where, error, pointer: location.jsonPath, side: location.spec }));
  return { before: before.jsonLike, after: after.jsonLike, diffs, failures };
}

const files = process.argv.slice(2);
if (files.length === 0 || files.length % 2 !== 0) {
  console.error("usage: optic_diff.mjs BEFORE AFTER [BEFORE AFTER ...]");
  process.exit(2);
}
try {
  const pairs = [];
  for (let i = 0; i < files.length; i += 2) pairs.push(await compare(files[i], files[i + 1]));
  process.stdout.write(JSON.stringify(pairs));
} catch (error) {
  console.error(String(error?.message ?? error).split("\n").slice(0, 5).join("\n"));
  process.exit(2);
}
