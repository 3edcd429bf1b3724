import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'

/**
 * The tables of answer data: what data entry writes many times a minute (answers with their cells and evidence, and
 * the audit rows of those writes). Nothing the setup generation's caches hold (sessions and the signed-in actor, a
 * round's structure, framework content, assignments) is read from them. Names as written in queries, without
 * underscores and in lower case, so both the camel-case and the snake-case spelling match.
 */
const ANSWER_DATA = new Set(['answers', 'answercells', 'evidence', 'auditevents'])

const tableName = (node: OperationNode | undefined): string | null => {
  if (node?.kind === 'AliasNode') return tableName((node as { node: OperationNode } & OperationNode).node)
  if (node?.kind !== 'TableNode') return null
  const { identifier } = (node as { table: { identifier: { name: string } } } & OperationNode).table
  return identifier.name.replaceAll('_', '').toLowerCase()
}

const isAnswerData = (node: OperationNode | undefined) => ANSWER_DATA.has(tableName(node) ?? '')

/** What a query can change: nothing, answer data only, or anything (raw SQL and anything unexpected). */
function reach(node: RootOperationNode): 'nothing' | 'answer data' | 'anything' {
  // A WITH clause may hold a data-modifying statement (PostgreSQL).
  if ('with' in node && node.with) return 'anything'
  switch (node.kind) {
    case 'SelectQueryNode':
      return 'nothing'
    case 'InsertQueryNode':
      return isAnswerData(node.into) ? 'answer data' : 'anything'
    case 'UpdateQueryNode':
      return isAnswerData(node.table) ? 'answer data' : 'anything'
    case 'DeleteQueryNode':
      return node.from.froms.length === 1 && isAnswerData(node.from.froms[0]) ? 'answer data' : 'anything'
    default:
      return 'anything'
  }
}

/**
 * Watches the queries of one write transaction (withTransaction) and tells whether it wrote anything, and whether
 * it changed anything but answer data: the data generation (db/generation.ts) counts the transactions that wrote,
 * the setup generation those that changed more than answer data. Every query built with Kysely passes through
 * transformQuery; one that did not (a compiled query executed as it is) is seen only by its result, and counts as a
 * change of anything.
 */
export class WriteTracker implements KyselyPlugin {
  wrote = false
  changedSetup = false
  private readonly seen = new WeakSet<object>()

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    this.seen.add(queryId)
    const changes = reach(node)
    if (changes !== 'nothing') this.wrote = true
    if (changes === 'anything') this.changedSetup = true
    return node
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.seen.has(queryId)) {
      this.wrote = true
      this.changedSetup = true
    }
    return result
  }
}
