// The golden files tests/js_golden.py writes (make test-node runs it first).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const folder = process.env.MIR_GOLDEN || join(root, ".cache", "js-golden");

export function golden(name) {
  try {
    return JSON.parse(readFileSync(join(folder, `${name}.json`), "utf8"));
  } catch (error) {
    throw new Error(`${join(folder, name)}.json: ${error.message}; run \`python tests/js_golden.py\` (make test-node does)`, { cause: error });
  }
}
