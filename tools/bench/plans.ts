// Query plans of the API's own list and search queries (captured, see capture.ts), as the
// server explains them, and whether the API's declared indexes can serve them.
//
// MongoDB answers with a tree of stages (IXSCAN, COLLSCAN, SORT, SKIP). FerretDB 1.24 answers
// with SQLite's EXPLAIN QUERY PLAN lines and whether it pushed the filter, sort and limit down
// to SQLite; both are read here for the same four questions.
import type { Db, Document } from 'mongodb';
import { customerSchema, paymentSchema } from './api-modules';
import type { Operation } from './capture';

export interface Plan {
  scenario: string;
  collection: string;
  command: Document;
  server: 'mongodb' | 'ferretdb';
  usesIndex: boolean;
  collectionScan: boolean;
  skip: boolean;
  inMemorySort: boolean;
  /** An index the API declares whose keys serve this filter and sort (null when none can). */
  declaredIndex: string | null;
  /** The server's own words: stage names (MongoDB) or SQLite plan lines and pushdowns (FerretDB). */
  detail: string[];
}

function stages(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) stages(item, found);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.stage === 'string') {
      found.push(
        typeof record.indexName === 'string'
          ? `${record.stage}(${record.indexName})`
          : record.stage,
      );
    }
    for (const [key, value] of Object.entries(record)) {
      if (
        key === 'inputStage' ||
        key === 'inputStages' ||
        key === 'winningPlan' ||
        key === 'queryPlan'
      ) {
        stages(value, found);
      }
    }
  }
  return found;
}

type IndexKey = Record<string, 1 | -1>;

function declaredIndexes(collection: string): IndexKey[] {
  const schema =
    collection === 'payments' ? paymentSchema.PaymentSchema : customerSchema.CustomerSchema;
  const compound = schema.indexes().map(([key]) => key as IndexKey);
  const single = Object.entries(schema.paths)
    .filter(([, path]) => (path.options as { unique?: boolean; index?: boolean }).unique)
    .map(([name]): IndexKey => ({ [name]: 1 }));
  return [{ _id: 1 }, ...compound, ...single];
}

function isOperatorObject(value: unknown): boolean {
  return (
    !!value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof RegExp) &&
    Object.keys(value).some((k) => k.startsWith('$')) &&
    !('_bsontype' in value)
  );
}

/**
 * The declared index that serves an equality-then-sort query without a sort or a scan of
 * unrelated rows: its first keys are the equality fields, the next ones the sort (all in the
 * same or all in the opposite direction), and every range condition is on a sort field.
 * Substring (regex) conditions cannot be served by any index.
 */
export function servingIndex(collection: string, filter: Document, sort: IndexKey): string | null {
  const equality = new Set<string>();
  const ranged = new Set<string>();
  let unindexable = false;
  const visit = (condition: Document, insideOr: boolean) => {
    for (const [field, value] of Object.entries(condition)) {
      if (field === '$and') for (const c of value as Document[]) visit(c, insideOr);
      else if (field === '$or') for (const c of value as Document[]) visit(c, true);
      else if (value instanceof RegExp) unindexable = true;
      else if (insideOr || isOperatorObject(value)) ranged.add(field);
      else equality.add(field);
    }
  };
  visit(filter, false);
  if (unindexable) return null;
  const sortKeys = Object.entries(sort);
  for (const key of declaredIndexes(collection)) {
    const keys = Object.entries(key);
    const head = keys.slice(0, equality.size);
    if (!head.every(([field]) => equality.has(field))) continue;
    const tail = keys.slice(equality.size, equality.size + sortKeys.length);
    if (tail.length !== sortKeys.length) continue;
    const sameWay = tail.every(([f, d], i) => f === sortKeys[i][0] && d === sortKeys[i][1]);
    const reversed = tail.every(([f, d], i) => f === sortKeys[i][0] && d === -sortKeys[i][1]);
    if (!sameWay && !reversed) continue;
    if ([...ranged].every((field) => sortKeys.some(([f]) => f === field) || equality.has(field))) {
      return JSON.stringify(key);
    }
  }
  return null;
}

export async function explainFind(db: Db, scenario: string, operation: Operation): Promise<Plan> {
  const [filter, options] = operation.args as [Document, Document | undefined];
  const command: Document = { find: operation.collection, filter };
  for (const option of ['sort', 'limit', 'skip', 'projection'] as const) {
    const value: unknown = options?.[option];
    if (value !== undefined) command[option] = value;
  }
  const explained = await db.command({ explain: command, verbosity: 'queryPlanner' });
  const sort = (command.sort ?? {}) as IndexKey;
  const hasSort = Object.keys(sort).length > 0;
  const declaredIndex = servingIndex(operation.collection, filter, sort);
  if ('filterPushdown' in explained) {
    const lines = ((explained.queryPlanner as Document | undefined)?.Plan ?? []) as string[];
    const usesIndex = lines.some((line) => /USING (COVERING )?INDEX/.test(line));
    return {
      scenario,
      collection: operation.collection,
      command,
      server: 'ferretdb',
      usesIndex,
      collectionScan: !usesIndex && lines.some((line) => /\bSCAN\b/.test(line)),
      skip: command.skip !== undefined,
      inMemorySort: hasSort && explained.sortPushdown !== true,
      declaredIndex,
      detail: [
        ...lines.map((line) => line.replace(/^id=\d+ parent=\d+ notused=\d+ detail=/, '')),
        `filterPushdown=${String(explained.filterPushdown)} sortPushdown=${String(explained.sortPushdown)} limitPushdown=${String(explained.limitPushdown)}`,
      ],
    };
  }
  const found = stages(explained.queryPlanner);
  return {
    scenario,
    collection: operation.collection,
    command,
    server: 'mongodb',
    usesIndex: found.some((s) => /^(IXSCAN|IDHACK|EXPRESS_IXSCAN)/.test(s)),
    collectionScan: found.some((s) => s.startsWith('COLLSCAN')),
    skip: command.skip !== undefined || found.some((s) => s.startsWith('SKIP')),
    inMemorySort: found.some((s) => s === 'SORT'),
    declaredIndex,
    detail: found,
  };
}

/** Problems that make quick mode fail: a list query that lost its index, or any skip. */
export function planProblems(plan: Plan, kind: 'list' | 'search' | 'write'): string[] {
  const problems: string[] = [];
  if (plan.skip) problems.push(`${plan.scenario}: the query uses skip`);
  if (kind !== 'list') return problems;
  if (!plan.declaredIndex) {
    problems.push(`${plan.scenario}: no index the API declares serves this filter and sort`);
  }
  // FerretDB 1.24 on SQLite uses no index for such queries at all (see docs/performance.md), so
  // only a server that can use one is held to using it.
  if (plan.server === 'mongodb' && (!plan.usesIndex || plan.collectionScan || plan.inMemorySort)) {
    problems.push(`${plan.scenario}: the plan is ${plan.detail.join(' > ')}, not an index scan`);
  }
  return problems;
}
