import { parseArgs } from 'node:util'
import { RestoreError } from '../backup/restore.ts'
import { ConfigError } from '../config.ts'
import { AppError } from '../errors.ts'
import { type Command, UsageError } from './command.ts'
import { backupCommand, restoreCommand } from './commands/backup.ts'
import { migrateCommand, seedCommand } from './commands/db.ts'
import { frameworkExportCommand, frameworkImportCommand, frameworkListCommand } from './commands/framework.ts'
import { jobsListCommand, jobsRunCommand } from './commands/jobs.ts'
import { reportNationalCommand, reportRegionalCommand } from './commands/report.ts'
import { roundImportCommand, roundTemplateCommand } from './commands/round.ts'
import { userCreateCommand, userInviteCommand, userResetPasswordCommand } from './commands/user.ts'

const COMMANDS: Command[] = [
  migrateCommand,
  seedCommand,
  userCreateCommand,
  userInviteCommand,
  userResetPasswordCommand,
  frameworkListCommand,
  frameworkExportCommand,
  frameworkImportCommand,
  roundTemplateCommand,
  roundImportCommand,
  reportNationalCommand,
  reportRegionalCommand,
  jobsRunCommand,
  jobsListCommand,
  backupCommand,
  restoreCommand,
]

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'thbm: THB Monitor administration',
    '',
    'Usage: npm run thbm -- <command> [options]   (or: thbm <command> --help)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'The database is DATABASE_URL (a PostgreSQL URL or a SQLite file; default ./data/thbm.sqlite).',
  ].join('\n')
}

function help(c: Command): string {
  return [
    `thbm ${c.name}: ${c.summary}`,
    '',
    'Usage:',
    ...c.usage.map((l) => `  ${l}`),
    '  --help  show this help',
  ].join('\n')
}

function findCommand(args: string[]): { command: Command; rest: string[] } | null {
  const two = args.slice(0, 2).join(' ')
  const byTwo = COMMANDS.find((c) => c.name === two)
  if (byTwo) return { command: byTwo, rest: args.slice(2) }
  const byOne = COMMANDS.find((c) => c.name === args[0])
  return byOne ? { command: byOne, rest: args.slice(1) } : null
}

/** Runs the CLI; returns the exit code. */
export async function runCli(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    console.log(overview())
    return args.length === 0 ? 2 : 0
  }
  const found = findCommand(args)
  if (!found) {
    console.error(`Unknown command: ${args.slice(0, 2).join(' ')}\n\n${overview()}`)
    return 2
  }
  const { command, rest } = found
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
    if ((values as { help?: boolean }).help) {
      console.log(help(command))
      return 0
    }
    const args = values as Record<string, string | boolean | undefined>
    if (command.positional && positionals.length === 1 && args[command.positional] === undefined)
      args[command.positional] = positionals.shift()
    if (positionals.length) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
    await command.run(args)
    return 0
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`${err.message}\n\n${help(command)}`)
      return 2
    }
    if (err instanceof AppError) {
      const issues = (err.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? []
      console.error(
        [err.message, ...issues.map((i) => `  ${i.path.replace(/^(body|options)\./, '--')}: ${i.message}`)].join('\n'),
      )
      return 1
    }
    if (err instanceof ConfigError || err instanceof RestoreError) {
      console.error(err.message)
      return 1
    }
    console.error(`thbm ${command.name} failed: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code))
}
