import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GUIDE_CHAPTERS } from '@thbm/shared/guide'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guideRoutes } from './guide.routes.ts'
import { GUIDE_DIR } from './guide-files.ts'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

const EN = `# Expert {#expert}

Intro with a [link to the lead](country-lead.md#validate).

## Assess an indicator {#assess}

![The assessment form of IDN-1](../images/expert-assessment.png)

### Evidence {#evidence}

![A screenshot not generated yet](../images/not-there.png)
`
const SR = `# Експерт {#expert}

## Оцените индикатор {#assess}

Џеп и љубав.
`

let dir: string
let app: FastifyInstance
let real: FastifyInstance

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-guide-'))
  fs.mkdirSync(path.join(dir, 'en'))
  fs.mkdirSync(path.join(dir, 'sr-Cyrl'))
  fs.mkdirSync(path.join(dir, 'images'))
  fs.writeFileSync(path.join(dir, 'en', 'expert.md'), EN)
  fs.writeFileSync(path.join(dir, 'sr-Cyrl', 'expert.md'), SR)
  fs.writeFileSync(path.join(dir, 'images', 'expert-assessment.png'), PNG)
  app = Fastify()
  await app.register(guideRoutes, { dir })
  real = Fastify()
  await real.register(guideRoutes)
})
afterAll(async () => {
  await app.close()
  await real.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const get = (url: string, on = app) => on.inject({ method: 'GET', url })

describe('GET /guide/:lang/:chapter', () => {
  it('renders a chapter as a page with its anchors, contents, chapter links and a strict CSP', async () => {
    const res = await get('/guide/en/expert')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.headers['content-security-policy']).not.toContain('script-src')
    const html = res.body
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<h2 id="assess">Assess an indicator</h2>')
    expect(html).toContain('<h3 id="evidence">Evidence</h3>')
    expect(html).not.toContain('{#')
    expect(html).toContain('<a href="#assess">Assess an indicator</a>')
    expect(html).toContain('<a href="country-lead#validate">link to the lead</a>')
    expect(html).toContain('<title>Expert · User guide · THB Monitor</title>')
  })

  it('serves generated screenshots and shows the alt text of a missing one in a box', async () => {
    const html = (await get('/guide/en/expert')).body
    expect(html).toContain(
      '<img src="/guide/images/expert-assessment.png" alt="The assessment form of IDN-1" width="1" height="1"',
    )
    expect(html).toContain('<span class="missing-image" role="img" aria-label="A screenshot not generated yet">')
    const image = await get('/guide/images/expert-assessment.png')
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.rawPayload.equals(PNG)).toBe(true)
    expect((await get('/guide/images/not-there.png')).statusCode).toBe(404)
    expect((await get('/guide/images/..%2Fen%2Fexpert.md')).statusCode).toBe(404)
  })

  it('reads Serbian in Cyrillic, transliterates it for Serbian Latin, and keeps the anchors', async () => {
    const cyr = (await get('/guide/sr-Cyrl/expert')).body
    expect(cyr).toContain('<html lang="sr-Cyrl">')
    expect(cyr).toContain('<h2 id="assess">Оцените индикатор</h2>')
    const lat = (await get('/guide/sr-Latn/expert')).body
    expect(lat).toContain('<html lang="sr-Latn">')
    expect(lat).toContain('<h2 id="assess">Ocenite indikator</h2>')
    expect(lat).toContain('Džep i ljubav.')
    expect(lat).toContain('Korisničko uputstvo')
  })

  it('shows English with a note, in the frame of the user language, where the guide is not written yet', async () => {
    const html = (await get('/guide/sq/expert')).body
    expect(html).toContain('<html lang="sq">')
    expect(html).toContain('<article lang="en">')
    expect(html).toContain('Udhëzuesi i përdoruesit nuk është shkruar ende')
    expect(html).toContain('<h2 id="assess">Assess an indicator</h2>')
  })

  it('answers 404 with a page for an unknown chapter or language', async () => {
    for (const url of ['/guide/en/nobody', '/guide/de/expert', '/guide/en/index']) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.body).toContain('This page of the user guide does not exist.')
    }
  })

  it('renders every chapter of the real guide in every interface language', async () => {
    expect(fs.existsSync(path.join(GUIDE_DIR, 'en', 'index.md'))).toBe(true)
    for (const lang of ['en', 'sr-Cyrl', 'sr-Latn', 'sq', 'mk', 'bs', 'cnr'])
      for (const chapter of GUIDE_CHAPTERS) {
        const res = await get(`/guide/${lang}/${chapter}`, real)
        expect(res.statusCode, `${lang}/${chapter}`).toBe(200)
        expect(res.body).toMatch(/<h1[^>]*>[^<]+<\/h1>/)
        expect(res.body).toContain('id="overview"')
      }
  })
})
