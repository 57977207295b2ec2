import * as fs from 'fs';
import * as path from 'path';
import { classify, Counts } from './classify';
import { renderCoverageDoc, withReadmeBlock } from './coverage-doc';
import { runtimeProviders, shippedFacts } from './index';
import { withTreeSources } from './tree-sources';
import { readTreeFacts } from './tree';
import { ApiFacts } from './types';

/** The shipped data file's text for `facts` (stable key order, two-space indent, final newline). */
export function factsJson(facts: ApiFacts): string {
  return `${JSON.stringify(facts, null, 1)}\n`;
}

export interface InventoryOutputs {
  facts: ApiFacts;
  counts: Counts;
  /** Path relative to the package → text. */
  files: Map<string, string>;
}

/**
 * Everything `npm run inventory` writes: data/api-v<version>.json from the tree (or the
 * shipped data when no tree is given), docs/api-coverage.md and the README block.
 */
export function inventoryOutputs(root: string, mpyDir?: string): InventoryOutputs {
  const facts = mpyDir ? readTreeFacts(mpyDir) : shippedFacts();
  const inv = classify(facts, withTreeSources(runtimeProviders(path.join(root, 'runtime')), facts));
  const files = new Map<string, string>();
  files.set(`data/api-v${facts.micropython}.json`, factsJson(facts));
  files.set('docs/api-coverage.md', renderCoverageDoc(inv));
  const readme = withReadmeBlock(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), inv);
  if (readme !== undefined) files.set('README.md', readme);
  return { facts, counts: inv.counts(), files };
}
