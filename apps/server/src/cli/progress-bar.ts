/** A textual progress bar on stderr (the CLI's stdout stays for results): redrawn in place on a terminal. */
export interface ProgressBar {
  update(fraction: number, label?: string | null): void
  /** Draws 100% (or the given fraction) and ends the line. */
  done(label?: string | null, fraction?: number): void
}

const WIDTH = 24

/** One frame, e.g. `[##########--------------]  40%  docx en`. */
export function barLine(fraction: number, label?: string | null, width = WIDTH): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0))
  const filled = Math.round(f * width)
  const pct = `${Math.round(f * 100)}%`.padStart(4)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}${label ? `  ${label}` : ''}`
}

/** A bar on the stream: a terminal redraws one line; a pipe or file gets a line per change. */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): ProgressBar {
  const tty = Boolean(stream.isTTY)
  let last = ''
  const draw = (fraction: number, label?: string | null) => {
    const line = barLine(fraction, label)
    if (line === last) return
    last = line
    stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`)
  }
  return {
    update: draw,
    done(label, fraction = 1) {
      draw(fraction, label)
      if (tty) stream.write('\n')
      last = ''
    },
  }
}
