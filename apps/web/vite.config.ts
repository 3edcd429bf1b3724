import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/**
 * Writes a `.br` and a `.gz` copy beside every script, stylesheet and page of the build; the server sends them to
 * browsers that accept them (a third of the bytes on a slow connection). Files under 1 KB are left alone. Brotli
 * quality 9: quality 11 saves a few per cent more and takes four times as long.
 */
function precompress(): Plugin {
  return {
    name: 'thbm-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist'
      const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg)$/.test(f))
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(dir, file)
          const data = await fs.readFile(full)
          if (data.length < 1024) return
          const brotli = { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length }
          await Promise.all([
            gzipAsync(data, { level: 9 }).then((out) => fs.writeFile(`${full}.gz`, out)),
            brotliAsync(data, { params: brotli }).then((out) => fs.writeFile(`${full}.br`, out)),
          ])
        }),
      )
    },
  }
}

/** The SPA: built into apps/web/dist (served by the API server); in development /api goes to the server on :3000. */
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The manifest lets scripts/bundle-budget.mjs measure what the first pages load.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|i18next-icu|intl-messageformat|@formatjs)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
})
