import { once } from 'node:events'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type SQLite from 'better-sqlite3'

/** How often the background connection checkpoints: the WAL holds at most this much writing between two. */
const EVERY_MS = 100
/** SQLite's default, restored when the background checkpoints stop working. */
const AUTOCHECKPOINT_PAGES = 1000

// CommonJS, evaluated in the worker: its own connection to the file, checkpointing what the app's connection wrote.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 5000')
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // Busy or briefly unavailable: the next round tries again.
  }
}
const timer = setInterval(checkpoint, workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/**
 * Moves SQLite's WAL checkpoints off the event loop. By default the connection that commits a transaction copies the
 * WAL back into the database file (and syncs both) whenever the WAL passes 1,000 pages: every few dozen answer saves
 * one of them stopped the whole server for that work. Here the app's connection only appends to the WAL, and a
 * second connection in a worker thread checkpoints every EVERY_MS (PASSIVE: it never waits for or blocks a writer).
 * Durability is unchanged (synchronous = NORMAL syncs at checkpoints, from whichever connection runs them). Should
 * the worker fail, the app's connection checkpoints by itself again. Returns the function that stops the worker.
 */
export function checkpointInBackground(sqlite: SQLite.Database, file: string): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  sqlite.pragma('wal_autocheckpoint = 0')
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, everyMs: EVERY_MS } })
  worker.unref()
  let stopping = false
  const fallback = () => {
    if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
  }
  worker.on('error', fallback)
  worker.on('exit', fallback)
  return async () => {
    stopping = true
    const exited = once(worker, 'exit')
    worker.postMessage('stop')
    await exited
  }
}
